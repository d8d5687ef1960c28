import { describe, expect, it } from 'vitest';
import type { Json } from './goJson';
import { snapshotNs } from './snapshot';
import { HOST_NS, type NodeState } from './state';
import { call, envFor, errorOf, nodeWith } from './testing';

/*
 * The flannel meta-plugin (flannel-io/cni-plugin): subnet.env read, the delegate configuration
 * built and saved, the delegate run; DEL through the saved configuration.
 */

const SUBNET_ENV = 'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n';
/** kube-flannel.yml's conflist entry for flannel, with the name and version the runtime injects. */
const FLANNEL: Json = { cniVersion: '0.3.1', name: 'cbr0', type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } };

function flannelNode(...pods: string[]): NodeState {
  const n = nodeWith(...pods);
  return { ...n, files: { ...n.files, '/run/flannel/subnet.env': SUBNET_ENV } };
}

describe('flannel', () => {
  it('reads subnet.env, hands the bridge a configuration of its own (saved for DEL), and prints the bridge\'s result', () => {
    const r = call(flannelNode('pod1'), 'flannel', envFor('ADD', 'sandbox1', 'pod1'), FLANNEL);
    expect(r.exitCode).toBe(0);
    const delegate = '{"cniVersion":"0.3.1","hairpinMode":true,"ipMasq":false,"ipam":{"ranges":[[{"subnet":"10.244.1.0/24"}]],"routes":[{"dst":"10.244.0.0/16"}],"type":"host-local"},"isDefaultGateway":true,"isGateway":true,"mtu":1450,"name":"cbr0","type":"bridge"}';
    expect(r.node.files['/var/lib/cni/flannel/sandbox1']).toBe(delegate);
    const d = r.events.find((e) => e.type === 'delegate');
    expect(d).toMatchObject({ type: 'delegate', plugin: 'flannel', to: 'bridge', conf: delegate, saved: '/var/lib/cni/flannel/sandbox1' });
    // flannel → bridge → host-local, each started by the one before.
    expect(r.events.filter((e) => e.type === 'exec').map((e) => (e.type === 'exec' ? `${e.plugin}<${e.caller.by === 'plugin' ? e.caller.plugin : 'runtime'}` : ''))).toEqual(['flannel<runtime', 'bridge<flannel', 'host-local<bridge']);
    const res = JSON.parse(r.stdout) as { cniVersion: string; ips: unknown[]; routes: unknown[] };
    expect(res.cniVersion).toBe('0.3.1');
    expect(res.ips).toEqual([{ version: '4', interface: 2, address: '10.244.1.2/24', gateway: '10.244.1.1' }]);
    expect(res.routes).toEqual([{ dst: '10.244.0.0/16' }, { dst: '0.0.0.0/0', gw: '10.244.1.1' }]);
    const host = snapshotNs(r.node, HOST_NS);
    expect(host.links[1]).toMatchObject({ name: 'cni0', mtu: 1450, addresses: ['10.244.1.1/24'] });
    expect(host.links[2]).toMatchObject({ master: 'cni0', hairpin: true, mtu: 1450 });
    const del = call(r.node, 'flannel', envFor('DEL', 'sandbox1', 'pod1'), FLANNEL);
    expect(del.exitCode).toBe(0);
    expect(del.node.files['/var/lib/cni/flannel/sandbox1']).toBeUndefined();
    expect(snapshotNs(del.node, HOST_NS).links.map((l) => l.name)).toEqual(['lo', 'cni0']);
    // Nothing saved: DEL has nothing to do and succeeds.
    expect(call(del.node, 'flannel', envFor('DEL', 'sandbox1', 'pod1'), FLANNEL).exitCode).toBe(0);
  });

  it('fails without flanneld\'s subnet.env, or with one that lacks a key, in flannel\'s words', () => {
    expect(errorOf(call(nodeWith('pod1'), 'flannel', envFor('ADD', 's1', 'pod1'), FLANNEL))).toEqual({
      code: 999,
      msg: "failed to load flannel 'subnet.env' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.",
    });
    const partial = { ...nodeWith('pod1'), files: { '/run/flannel/subnet.env': 'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\n' } };
    expect(errorOf(call(partial, 'flannel', envFor('ADD', 's1', 'pod1'), FLANNEL)).msg).toBe("failed to load flannel 'subnet.env' file: /run/flannel/subnet.env is missing FLANNEL_MTU, FLANNEL_IPMASQ. Check the flannel pod log for this node.");
    expect(errorOf(call(flannelNode('pod1'), 'flannel', envFor('ADD', 's1', 'pod1'), { ...(FLANNEL as Record<string, Json>), delegate: { name: 'x' } })).msg).toBe("'delegate' dictionary must not have 'name' field, it'll be set by flannel");
    expect(errorOf(call(flannelNode('pod1'), 'flannel', envFor('ADD', 's1', 'pod1'), { ...(FLANNEL as Record<string, Json>), delegate: { ipam: {} } })).msg).toBe("'delegate' dictionary must not have 'ipam' field, it'll be set by flannel");
    // A delegate's own error comes back with the delegate's code (cni v1.3 skel unwraps it).
    const twice = call(flannelNode('pod1'), 'flannel', envFor('ADD', 's1', 'pod1'), FLANNEL).node;
    expect(errorOf(call(twice, 'flannel', envFor('ADD', 's2', 'pod1'), FLANNEL))).toEqual({ code: 999, msg: 'container veth name provided (eth0) already exists' });
  });

  it('CHECK does nothing (upstream TODO); STATUS says 50 without subnet.env; GC drops stale saved configurations and forwards', () => {
    const v11 = { ...(FLANNEL as Record<string, Json>), cniVersion: '1.1.0' };
    expect(call(flannelNode('pod1'), 'flannel', envFor('CHECK', 's1', 'pod1'), v11).exitCode).toBe(0);
    const st = errorOf(call(nodeWith(), 'flannel', { CNI_COMMAND: 'STATUS', CNI_PATH: '/opt/cni/bin' }, v11));
    expect(st).toEqual({ code: 50, msg: 'flannel is not ready: /run/flannel/subnet.env is missing', details: 'open /run/flannel/subnet.env: no such file or directory' });
    expect(call(flannelNode(), 'flannel', { CNI_COMMAND: 'STATUS', CNI_PATH: '/opt/cni/bin' }, v11).exitCode).toBe(0);
    let n = call(flannelNode('pod1', 'pod2'), 'flannel', envFor('ADD', 's1', 'pod1'), v11).node;
    n = call(n, 'flannel', envFor('ADD', 's2', 'pod2'), v11).node;
    const gc = call(n, 'flannel', { CNI_COMMAND: 'GC', CNI_PATH: '/opt/cni/bin' }, { ...v11, 'cni.dev/valid-attachments': [{ containerID: 's2', ifname: 'eth0' }] });
    expect(gc.exitCode).toBe(0);
    expect(Object.keys(gc.node.files).filter((f) => f.startsWith('/var/lib/cni/flannel/'))).toEqual(['/var/lib/cni/flannel/s2']);
    expect(gc.events.filter((e) => e.type === 'ipam' && e.op === 'release').map((e) => (e.type === 'ipam' ? e.ip : ''))).toEqual(['10.244.1.2']);
  });
});
