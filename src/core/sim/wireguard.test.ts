import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import { runJourney } from '../index';
import { addNode, removeNamespace } from '../model/labEdits';
import { addPod } from '../model/podNetwork';
import { WG_DEV, wgDataLen, wgPadded, wgPeers } from '../model/wireguard';
import { seedCiliumNativeWireguard, seedCiliumWireguard } from '../presets/ciliumScenarios';

const of = <T extends HopEvent['type']>(events: readonly HopEvent[], type: T): Extract<HopEvent, { type: T }>[] =>
  events.filter((e): e is Extract<HopEvent, { type: T }> => e.type === type);

describe('WireGuard under Cilium, tunnel mode', () => {
  const r = runJourney(seedCiliumWireguard(), { from: 'pod1', to: 'pod3' });
  const frames = of(r.events, 'frame');
  const wg = of(r.events, 'wireguard');

  it('gives each node cilium_wg0: layer 3, UDP 51871, MTU 1500 − 80, rp_filter off, cil_from_wireguard', () => {
    for (const m of seedCiliumWireguard().machines.filter((x) => x.role === 'node')) {
      expect(m.interfaces.find((i) => i.name === WG_DEV)).toEqual({
        kind: 'wireguard', name: WG_DEV, mac: '00:00:00:00:00:00', mtu: 1420, listenPort: 51871, sysctls: { rp_filter: 0 }, bpf: { prog: 'cil_from_wireguard' },
      });
    }
  });

  it('lets no VXLAN datagram onto the wire: eBPF at eth0 redirects it to cilium_wg0, before tcpdump there', () => {
    expect(frames.filter((e) => e.iface === 'eth0' && e.vxlan)).toEqual([]);
    const redirects = of(r.events, 'bpf').filter((e) => e.action === 'to-wireguard');
    expect(redirects.map((e) => `${e.ns} ${e.prog} ${e.iface} → ${e.dev ?? ''}`)).toEqual(['node1 cil_to_netdev eth0 → cilium_wg0', 'node2 cil_to_netdev eth0 → cilium_wg0']);
    const onWg = frames.filter((e) => e.iface === WG_DEV);
    // Out at the sender, in at the receiver, both ways; no Ethernet: raw frames carrying the VXLAN datagram.
    expect(onWg.map((e) => `${e.ns} ${e.dir} ${e.raw === true} ${e.udp?.dport ?? 0} ${e.vxlan?.vni ?? 0}`)).toEqual([
      'node1 out true 8472 256', 'node2 in true 8472 256', 'node2 out true 8472 258', 'node1 in true 8472 258',
    ]);
  });

  it('starts cold: the first packet waits for a handshake of 148 and 92 bytes, then leaves encrypted; the reply needs none', () => {
    expect(wg.map((e) => `${e.ns} ${e.action}${e.dir ? ` ${e.dir}` : ''}`)).toEqual([
      'node1 stage', 'node1 initiation send', 'node2 initiation receive', 'node2 response send', 'node1 response receive', 'node1 session', 'node1 encrypt', 'node2 decrypt', 'node2 encrypt', 'node1 decrypt',
    ]);
    const wire = frames.filter((e) => e.ns === 'node1' && e.iface === 'eth0' && e.dir === 'out' && e.wireguard);
    expect(wire.map((e) => `${e.wireguard?.type ?? ''} ${e.wireguard?.len ?? 0} ${e.udp?.sport ?? 0}→${e.udp?.dport ?? 0} ${e.len ?? 0}`)).toEqual([
      'initiation 148 51871→51871 176', 'data 176 51871→51871 204',
    ]);
    const init = wg.find((e) => e.action === 'initiation' && e.dir === 'send');
    const resp = wg.find((e) => e.action === 'response' && e.dir === 'send');
    expect(resp?.receiver).toBe(init?.sender);
    // Data goes to the index the other side picked; each direction counts from 0.
    const data = frames.filter((e) => e.iface === 'eth0' && e.dir === 'out' && e.wireguard?.type === 'data');
    expect(data.map((e) => `${e.ns} ${e.wireguard?.receiver === (e.ns === 'node1' ? resp?.sender : init?.sender)} ${e.wireguard?.counter ?? -1}`)).toEqual(['node1 true 0', 'node2 true 0']);
    // The encrypted datagram shows no inner frame: only the header is readable.
    expect(data.every((e) => e.inner === undefined && e.vxlan === undefined && e.icmp === undefined)).toBe(true);
  });

  it('encrypts the 134-byte VXLAN datagram padded to 144: 204 bytes on the wire, 70 more than the datagram', () => {
    const enc = wg.find((e) => e.action === 'encrypt' && e.ns === 'node1');
    expect([enc?.innerLen, enc?.padded, enc?.outerLen, enc?.allowed]).toEqual([134, 144, 204, '172.16.100.2/32']);
    expect(r.events.some((e) => e.type === 'deliver' && e.ns === 'pod1' && e.cause === 'echo-reply')).toBe(true);
  });
});

describe('WireGuard under Cilium, native routing', () => {
  const r = runJourney(seedCiliumNativeWireguard(), { from: 'pod1', to: 'pod3' });
  const frames = of(r.events, 'frame');

  it('encrypts the pod\'s own packet, forwarded by node1 (TTL 63), matched by the pod\'s /32 in the peer\'s AllowedIPs', () => {
    const out = frames.find((e) => e.ns === 'node1' && e.iface === WG_DEV && e.dir === 'out');
    expect([out?.ipv4?.src, out?.ipv4?.dst, out?.ipv4?.ttl, out?.icmp?.type, out?.raw]).toEqual(['10.10.10.1', '10.10.11.1', 63, 8, true]);
    const enc = of(r.events, 'wireguard').find((e) => e.action === 'encrypt' && e.ns === 'node1');
    expect([enc?.allowed, enc?.innerLen, enc?.padded, enc?.outerLen]).toEqual(['10.10.11.1/32', 84, 96, 156]);
    // No clear ICMP between the nodes: on eth0 only WireGuard and ARP.
    expect(frames.filter((e) => e.iface === 'eth0' && e.ns.startsWith('node') && !e.arp && !e.wireguard)).toEqual([]);
    const delivered = of(r.events, 'bpf').filter((e) => e.prog === 'cil_from_wireguard' && e.action === 'local-delivery');
    expect(delivered.map((e) => `${e.ns} ${e.pod ?? ''} ${e.ttl?.from ?? 0}→${e.ttl?.to ?? 0}`)).toEqual(['node2 pod3 63→62', 'node1 pod1 63→62']);
  });
});

describe('a node whose cilium_wg0 listens elsewhere than 51871 (as if a firewall dropped UDP 51871)', () => {
  it('answers the handshake with ICMP port unreachable; the first packet never leaves its staged queue', () => {
    const t = seedCiliumWireguard();
    const machines = t.machines.map((m) => (m.name !== 'node2' ? m : { ...m, interfaces: m.interfaces.map((i) => (i.kind === 'wireguard' ? { ...i, listenPort: 51820 } : i)) }));
    const r = runJourney({ ...t, machines }, { from: 'pod1', to: 'pod3' });
    const drop = of(r.events, 'drop').find((e) => e.ns === 'node2');
    expect([drop?.reason, drop?.port]).toEqual(['port-unreachable', 51871]);
    expect(of(r.events, 'wireguard').map((e) => `${e.ns} ${e.action}`)).toEqual(['node1 stage', 'node1 initiation']);
    expect(r.events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(false);
  });
});

describe('peers derived as Cilium\'s agent derives them', () => {
  it('tunnel mode: each peer allows only its node\'s address', () => {
    const t = seedCiliumWireguard();
    expect(wgPeers(t.machines, 'node1', 'tunnel')).toEqual([{ node: 'node2', endpoint: '172.16.100.2:51871', ip: (172 << 24 | 16 << 16 | 100 << 8 | 2) >>> 0, allowedIps: ['172.16.100.2/32'] }]);
  });

  it('native routing: the node\'s address and each of its pods; adding or removing a pod or a node keeps them right', () => {
    const t = seedCiliumNativeWireguard();
    const allowed = (lab: typeof t, node: string): string[] => wgPeers(lab.machines, node, 'native').flatMap((p) => p.allowedIps.map((a) => `${p.node} ${a}`));
    expect(allowed(t, 'node1')).toEqual(['node2 172.16.100.2/32', 'node2 10.10.11.1/32', 'node2 10.10.11.2/32']);
    const added = addPod(t, 'node2').topology;
    expect(allowed(added, 'node1')).toEqual(['node2 172.16.100.2/32', 'node2 10.10.11.1/32', 'node2 10.10.11.2/32', 'node2 10.10.11.3/32']);
    expect(allowed(removeNamespace(added, 'pod3'), 'node1')).toEqual(['node2 172.16.100.2/32', 'node2 10.10.11.2/32', 'node2 10.10.11.3/32']);
    const joined = addNode(t);
    expect(joined).not.toBeNull();
    const lab = joined?.topology ?? t;
    const name = joined?.name ?? '';
    expect(lab.machines.find((m) => m.name === name)?.interfaces.some((i) => i.name === WG_DEV)).toBe(true);
    expect(wgPeers(lab.machines, 'node1', 'native').map((p) => p.node)).toEqual(['node2', name]);
    expect(allowed(removeNamespace(lab, name), 'node1')).toEqual(allowed(t, 'node1'));
  });
});

describe('the data message\'s size (send.c calculate_skb_padding, messages.h)', () => {
  it('pads to 16 but never past the MTU, and adds 32 bytes of header and tag', () => {
    expect([wgPadded(84, 1500), wgPadded(96, 1500), wgPadded(1419, 1420), wgPadded(1420, 1420), wgPadded(1500, 1420)]).toEqual([96, 96, 1420, 1420, 1500]);
    expect(wgDataLen(84, 1500)).toBe(16 + 96 + 16);
  });
});
