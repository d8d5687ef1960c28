import { describe, expect, it } from 'vitest';
import type { Json } from './goJson';
import { Kernel } from './kernel';
import { snapshotNs } from './snapshot';
import { cloneNode, HOST_NS, type NodeState } from './state';
import { BRIDGE_CONF, call, envFor, errorOf, nodeWith, TEST_ENTROPY } from './testing';

/*
 * The bridge plugin (plugins/main/bridge/bridge.go): ADD as cmdAdd does it, DEL that succeeds
 * whatever is already gone, CHECK against prevResult, STATUS and GC forwarded to IPAM. The
 * fixtures (scripts/cni) compare it with the reference binary; these tests name each rule.
 */

const conf = (patch: Record<string, Json>): Json => ({ ...(BRIDGE_CONF as Record<string, Json>), ...patch });
const PLAIN = conf({ ipam: { type: 'host-local', ranges: [[{ subnet: '10.22.0.0/24' }]] } });

/** A node changed by hand, as `ip` would change it. */
function edit(node: NodeState, f: (k: Kernel) => void): NodeState {
  const n = cloneNode(node);
  f(new Kernel(n, TEST_ENTROPY, () => undefined));
  return n;
}

describe('bridge ADD', () => {
  it('creates cni0 when missing, the veth pair (eth0 in the pod, veth + 8 hex digits on the bridge), the address and routes, the gateway on cni0, ip_forward', () => {
    const r = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), BRIDGE_CONF);
    expect(r.exitCode).toBe(0);
    const res = JSON.parse(r.stdout) as { interfaces: { name: string; mac: string; sandbox?: string }[]; ips: unknown[]; routes: unknown[] };
    expect(res.interfaces.map((i) => i.name)).toEqual(['cni0', expect.stringMatching(/^veth[0-9a-f]{8}$/), 'eth0']);
    expect(res.interfaces[2]?.sandbox).toBe('/var/run/netns/pod1');
    expect(res.ips).toEqual([{ interface: 2, address: '10.22.0.2/24', gateway: '10.22.0.1' }]);
    // IPAM's gateway-less route first, then isDefaultGateway's default route.
    expect(res.routes).toEqual([{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.22.0.1' }]);
    const pod = snapshotNs(r.node, '/var/run/netns/pod1');
    expect(pod.routes).toEqual(['10.22.0.0/24 dev eth0 proto kernel scope link src 10.22.0.2', '10.244.0.0/16 via 10.22.0.1 dev eth0', 'default via 10.22.0.1 dev eth0']);
    expect(pod.sysctls).toEqual({ 'net.ipv4.conf.eth0.arp_notify': '1' });
    const host = snapshotNs(r.node, HOST_NS);
    expect(host.links.map((l) => [l.name.replace(/^veth.{8}$/, 'veth*'), l.kind, l.state, l.master ?? '', l.addresses.join()])).toEqual([
      ['lo', 'loopback', 'DOWN', '', ''], ['cni0', 'bridge', 'UP', '', '10.22.0.1/24'], ['veth*', 'veth', 'UP', 'cni0', ''],
    ]);
    expect(host.sysctls).toEqual({ 'net.ipv4.ip_forward': '1' });
    // The order of what happened, for the story.
    const steps = r.events.map((e) => [e.type, 'op' in e ? e.op : '', 'plugin' in e ? e.plugin : '', 'kind' in e ? e.kind : ''].filter(Boolean).join(' '));
    expect(steps.filter((s) => /^(exec|exit|link add|link master|addr add|ipam reserve|sysctl)/.test(s))).toEqual([
      'exec bridge', 'link add bridge', 'sysctl', 'link add veth', 'link add veth', 'sysctl', 'link master veth', 'exec host-local', 'ipam reserve', 'exit host-local', 'sysctl', 'sysctl', 'addr add', 'addr add', 'sysctl', 'exit bridge',
    ]);
  });

  it('pins the bridge\'s MAC with isGateway; without it the bridge takes its lowest port MAC and ip_forward stays 0', () => {
    let n = nodeWith('pod1', 'pod2');
    n = call(n, 'bridge', envFor('ADD', 'c1', 'pod1'), BRIDGE_CONF).node;
    const mac = snapshotNs(n, HOST_NS).links[1]?.mac;
    n = call(n, 'bridge', envFor('ADD', 'c2', 'pod2'), BRIDGE_CONF).node;
    expect(snapshotNs(n, HOST_NS).links[1]?.mac).toBe(mac);
    const l2conf = { cniVersion: '1.0.0', name: 'l2', type: 'bridge', bridge: 'br0', ipam: { type: 'host-local', subnet: '10.23.0.0/24' } };
    let m = nodeWith('pod1', 'pod2');
    m = call(m, 'bridge', envFor('ADD', 'c1', 'pod1'), l2conf).node;
    m = call(m, 'bridge', envFor('ADD', 'c2', 'pod2'), l2conf).node;
    const links = snapshotNs(m, HOST_NS).links;
    const ports = links.filter((l) => l.master === 'br0').map((l) => l.mac).sort();
    expect(links[1]?.mac).toBe(ports[0]);
    expect(links[1]?.addresses).toEqual([]);
    expect(snapshotNs(m, HOST_NS).sysctls).toEqual({ 'net.ipv4.ip_forward': '0' });
  });

  it('honours mtu, hairpinMode, promiscMode, a MAC asked for, the configuration\'s dns, and a bridge without IPAM (layer 2 only)', () => {
    const r = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1', { CNI_ARGS: 'IgnoreUnknown=1;MAC=0a:58:0a:16:00:63' }), conf({ mtu: 1450, hairpinMode: true, dns: { nameservers: ['10.96.0.10'] } }));
    const res = JSON.parse(r.stdout) as { interfaces: { mac: string }[]; dns: unknown };
    expect(res.interfaces[2]?.mac).toBe('0a:58:0a:16:00:63');
    expect(res.dns).toEqual({ nameservers: ['10.96.0.10'] });
    const host = snapshotNs(r.node, HOST_NS).links;
    expect(host.map((l) => l.mtu)).toEqual([65536, 1450, 1450]);
    expect(host[2]?.hairpin).toBe(true);
    const promisc = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), conf({ promiscMode: true }));
    expect(promisc.node.namespaces[HOST_NS]?.links[1]?.promisc).toBe(true);
    const l2 = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), { cniVersion: '1.0.0', name: 'l2', type: 'bridge' });
    expect(Object.keys(JSON.parse(l2.stdout) as object)).toEqual(['cniVersion', 'interfaces', 'dns']);
    expect(snapshotNs(l2.node, '/var/run/netns/pod1').links[1]).toMatchObject({ name: 'eth0', up: true, addresses: [] });
  });

  it('fails as the reference does: a missing namespace (after making cni0), eth0 twice, a device named like the bridge, another address on the bridge', () => {
    const gone = call(nodeWith(), 'bridge', envFor('ADD', 'c1', 'nowhere'), BRIDGE_CONF);
    expect(errorOf(gone)).toEqual({ code: 999, msg: 'failed to open netns "/var/run/netns/nowhere": failed to Statfs "/var/run/netns/nowhere": no such file or directory' });
    expect(snapshotNs(gone.node, HOST_NS).links[1]).toMatchObject({ name: 'cni0', state: 'UNKNOWN' });
    const once = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), BRIDGE_CONF).node;
    expect(errorOf(call(once, 'bridge', envFor('ADD', 'c2', 'pod1'), BRIDGE_CONF)).msg).toBe('container veth name provided (eth0) already exists');
    const fake = edit(nodeWith('pod1'), (k) => k.addVeth(HOST_NS, 'cni0', HOST_NS, 'cni0peer', 0));
    expect(errorOf(call(fake, 'bridge', envFor('ADD', 'c1', 'pod1'), BRIDGE_CONF)).msg).toBe('failed to create bridge "cni0": "cni0" already exists but is not a bridge');
    const other = conf({ ipam: { type: 'host-local', ranges: [[{ subnet: '10.23.0.0/24' }]] } });
    const clash = call(edit(once, (k) => k.netnsAdd('/var/run/netns/pod2')), 'bridge', envFor('ADD', 'c2', 'pod2'), other);
    expect(errorOf(clash).msg).toBe('failed to set bridge addr: "cni0" already has an IP address different from 10.23.0.1/24');
    // The address was released (IPAM DEL); the veth stays for the runtime's DEL.
    expect(Object.keys(clash.node.files).filter((f) => f.endsWith('10.23.0.2'))).toEqual([]);
    expect(snapshotNs(clash.node, '/var/run/netns/pod2').links.map((l) => l.name)).toEqual(['lo', 'eth0']);
    const forced = call(edit(once, (k) => k.netnsAdd('/var/run/netns/pod2')), 'bridge', envFor('ADD', 'c2', 'pod2'), conf({ forceAddress: true, ipam: { type: 'host-local', ranges: [[{ subnet: '10.23.0.0/24' }]] } }));
    expect(snapshotNs(forced.node, HOST_NS).links[1]?.addresses).toEqual(['10.23.0.1/24']);
    expect(errorOf(call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), conf({ vlan: 5000 }))).msg).toBe('invalid VLAN ID 5000 (must be between 0 and 4094)');
    expect(errorOf(call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), conf({ vlan: 100 }))).code).toBe(2);
    expect(errorOf(call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), conf({ mtu: '1450' }))).msg).toBe('failed to load netconf: json: cannot unmarshal string into Go struct field NetConf.mtu of type int');
    expect(errorOf(call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), conf({ ipam: { type: 'host-local', ranges: [[{ subnet: '10.22.0.0/24' }]], routes: [{ dst: '10.244.0.0/16', gw: '10.99.0.1' }] } }))).msg).toBe("failed to add route '10.244.0.0/16 via 10.99.0.1 dev eth0': network is unreachable");
  });

  it('ipMasq: a nat chain per pod, jumped to from POSTROUTING, gone with DEL', () => {
    const masq = conf({ ipMasq: true });
    const r = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), masq);
    const chain = 'CNI-f0bca4ac77cde1bf2f3da5df';
    expect(snapshotNs(r.node, HOST_NS, true).nat).toEqual([
      '-P PREROUTING ACCEPT', '-P INPUT ACCEPT', '-P OUTPUT ACCEPT', '-P POSTROUTING ACCEPT', `-N ${chain}`,
      `-A POSTROUTING -s 10.22.0.2/32 -m comment --comment "name: \\"mynet\\" id: \\"c1\\"" -j ${chain}`,
      `-A ${chain} -d 10.22.0.0/24 -m comment --comment "name: \\"mynet\\" id: \\"c1\\"" -j ACCEPT`,
      `-A ${chain} ! -d 224.0.0.0/4 -m comment --comment "name: \\"mynet\\" id: \\"c1\\"" -j MASQUERADE`,
    ]);
    const d = call(r.node, 'bridge', envFor('DEL', 'c1', 'pod1'), masq);
    expect(snapshotNs(d.node, HOST_NS, true).nat).toEqual(['-P PREROUTING ACCEPT', '-P INPUT ACCEPT', '-P OUTPUT ACCEPT', '-P POSTROUTING ACCEPT']);
  });
});

describe('bridge DEL', () => {
  it('removes eth0 (and so the host end), releases the address, keeps cni0; again, without a namespace, or after it is gone, it still succeeds', () => {
    let n = call(nodeWith('pod1', 'pod2'), 'bridge', envFor('ADD', 'c1', 'pod1'), BRIDGE_CONF).node;
    const d = call(n, 'bridge', envFor('DEL', 'c1', 'pod1'), BRIDGE_CONF);
    expect([d.exitCode, d.stdout]).toEqual([0, '']);
    expect(snapshotNs(d.node, HOST_NS).links.map((l) => l.name)).toEqual(['lo', 'cni0']);
    expect(Object.keys(d.node.files).some((f) => f.endsWith('/10.22.0.2'))).toBe(false);
    expect(call(d.node, 'bridge', envFor('DEL', 'c1', 'pod1'), BRIDGE_CONF).exitCode).toBe(0);
    // Without CNI_NETNS: IPAM only; the veth stays.
    n = call(d.node, 'bridge', envFor('ADD', 'c2', 'pod2'), BRIDGE_CONF).node;
    const noNetns = call(n, 'bridge', { ...envFor('DEL', 'c2', 'pod2'), CNI_NETNS: '' }, BRIDGE_CONF);
    expect(noNetns.exitCode).toBe(0);
    expect(snapshotNs(noNetns.node, HOST_NS).links).toHaveLength(3);
    expect(Object.keys(noNetns.node.files).some((f) => f.endsWith('/10.22.0.3'))).toBe(false);
    // The namespace already deleted by the runtime: its veth went with it; DEL releases the address.
    n = edit(call(noNetns.node, 'bridge', envFor('ADD', 'c3', 'pod1'), BRIDGE_CONF).node, (k) => k.netnsDel('/var/run/netns/pod1'));
    const late = call(n, 'bridge', envFor('DEL', 'c3', 'pod1'), BRIDGE_CONF);
    expect(late.exitCode).toBe(0);
    expect(late.events.some((e) => e.type === 'ipam' && e.op === 'release' && e.ip === '10.22.0.4')).toBe(true);
  });
});

describe('bridge CHECK', () => {
  function added(): { node: NodeState; prev: string } {
    const r = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), PLAIN);
    return { node: r.node, prev: r.stdout };
  }

  it('passes right after ADD, each check reported; the gateway-less IPAM route passes too (fixed in plugins 1.3.0)', () => {
    const { node, prev } = added();
    const ok = call(node, 'bridge', envFor('CHECK', 'c1', 'pod1'), PLAIN, prev);
    expect([ok.exitCode, ok.stdout]).toEqual([0, '']);
    expect(ok.events.filter((e) => e.type === 'check').map((e) => (e.type === 'check' ? e.what : ''))).toEqual(['reservation', 'bridge', 'container-iface', 'host-veth', 'address', 'route']);
    const withRoute = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), BRIDGE_CONF);
    expect(call(withRoute.node, 'bridge', envFor('CHECK', 'c1', 'pod1'), BRIDGE_CONF, withRoute.stdout).exitCode).toBe(0);
  });

  it('fails for what is missing or different, with the reference texts', () => {
    const { node, prev } = added();
    const check = (n: NodeState, p: string | undefined, env = envFor('CHECK', 'c1', 'pod1')): string => errorOf(call(n, 'bridge', env, PLAIN, p)).msg;
    expect(check(node, undefined)).toBe('Required prevResult missing');
    expect(check(node, prev, envFor('CHECK', 'c9', 'pod1'))).toBe('host-local: Failed to find address added by container c9');
    expect(check(node, prev, envFor('CHECK', 'c1', 'nowhere'))).toBe('failed to open netns "/var/run/netns/nowhere": failed to Statfs "/var/run/netns/nowhere": no such file or directory');
    const wrongMac = prev.replace(/"eth0",\s*"mac": "[^"]+"/, '"eth0", "mac": "02:00:00:00:00:01"');
    expect(check(node, wrongMac)).toBe(`Interface eth0 Mac 02:00:00:00:00:01 doesn't match container Mac: ${/"eth0",\s*"mac": "([^"]+)"/.exec(prev)?.[1] ?? ''}`);
    const noRoute = edit(node, (k) => k.routeDel('/var/run/netns/pod1', '0.0.0.0/0'));
    expect(check(noRoute, prev)).toBe('Expected Route {Dst:{IP:0.0.0.0 Mask:00000000} GW:10.22.0.1} not found in routing table');
    const noAddr = edit(node, (k) => {
      const l = k.link('/var/run/netns/pod1', 'eth0');
      if (l) k.addrDel('/var/run/netns/pod1', l, '10.22.0.2/24');
    });
    expect(check(noAddr, prev)).toBe('Failed to match addr 10.22.0.2/24 on interface eth0');
    const noVeth = edit(node, (k) => k.delLink('/var/run/netns/pod1', 'eth0'));
    expect(check(noVeth, prev)).toMatch(/^Interface name eth0 not found$/);
    const noBridge = edit(node, (k) => k.delLink(HOST_NS, 'cni0'));
    expect(check(noBridge, prev)).toBe('Interface name cni0 not found');
    const away = prev.replace('"/var/run/netns/pod1"', '"/var/run/netns/elsewhere"');
    expect(check(node, away)).toBe("Sandbox in prevResult  doesn't match configured netns: /var/run/netns/pod1");
  });
});

describe('bridge STATUS and GC (spec 1.1)', () => {
  it('forwards both to its IPAM plugin', () => {
    const v11 = conf({ cniVersion: '1.1.0' });
    const n = call(nodeWith('pod1'), 'bridge', envFor('ADD', 'c1', 'pod1'), v11).node;
    const st = call(n, 'bridge', { CNI_COMMAND: 'STATUS', CNI_PATH: '/opt/cni/bin' }, v11);
    expect(st.exitCode).toBe(0);
    expect(st.events.filter((e) => e.type === 'exec').map((e) => (e.type === 'exec' ? `${e.plugin} ${e.env.CNI_COMMAND ?? ''}` : ''))).toEqual(['bridge STATUS', 'host-local STATUS']);
    const gc = call(n, 'bridge', { CNI_COMMAND: 'GC', CNI_PATH: '/opt/cni/bin' }, conf({ cniVersion: '1.1.0', 'cni.dev/valid-attachments': [] }));
    expect(gc.exitCode).toBe(0);
    expect(gc.events.some((e) => e.type === 'ipam' && e.op === 'release' && e.containerId === 'c1')).toBe(true);
  });
});
