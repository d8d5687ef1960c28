import { describe, expect, it } from 'vitest';
import { runJourney } from '../sim/runJourney';
import { importCluster } from './build';
import type { ImportNote } from './notes';
import CILIUM from './fixtures/minikube-cilium.json?raw';
import TUNNEL_IP from './fixtures/minikube-cilium-m02-ip.txt?raw';
import NATIVE_IP from './fixtures/minikube-cilium-native-m02-ip.txt?raw';

/*
 * The minikube Cilium cluster of buildCni.test.ts with minikube-m02's own ip -j addr and route, in
 * each routing mode. The devices as the agent makes them (cilium/cilium pkg/defaults/node.go:
 * HostDevice `cilium_host` and SecondHostDevice `cilium_net`, a veth pair printed with `link`;
 * `cilium_vxlan` in tunnel mode only; `lxc_health` and each pod's `lxc` + 12 hex digits, printed
 * with link_index and link_netnsid); the router IP as a /32 on cilium_host with its kernel route
 * printed without the /32. Routes as pkg/datapath/linux/node.go installs them: in tunnel mode every
 * pod CIDR via the router IP on cilium_host (with the route MTU for remote ones); in native mode
 * with auto-direct-node-routes the other nodes' CIDRs via their addresses on eth0.
 */

const of = (notes: readonly ImportNote[], code: string) => notes.filter((n) => n.code === code).map((n) => n.params as Record<string, unknown>);

function m02(r: ReturnType<typeof importCluster>) {
  const m = r.topology?.machines.find((x) => x.name === 'minikube-m02');
  if (!m) throw new Error('no minikube-m02');
  return m;
}

describe('a Cilium node in tunnel mode (cilium_vxlan)', () => {
  const r = importCluster([{ name: 'paste', text: CILIUM }, { name: 'm02.txt', text: TUNNEL_IP }]);

  it('reads the mode from cilium_vxlan and the devices\' MACs from ip -j addr', () => {
    expect(r.mode).toBe('cilium-tunnel');
    expect(of(r.notes, 'cilium-routing')).toEqual([{ routing: 'tunnel', from: 'cilium_vxlan' }]);
    expect(of(r.notes, 'ip-mac').map((n) => [n.iface, n.mac])).toEqual([
      ['cilium_net', 'a6:3f:52:e1:0b:97'], ['cilium_host', '3e:8d:c4:59:21:f0'], ['cilium_vxlan', '7a:1e:93:c2:5d:08'],
    ]);
    // eth0, cilium_net, cilium_host (its router IP as the CiliumNode says) and cilium_vxlan are the lab's; docker0 is not modelled.
    expect(of(r.notes, 'ip-applied').find((n) => n.table === 'addr')).toEqual({ node: 'minikube-m02', table: 'addr', confirmed: 4, added: 0 });
    expect(of(r.notes, 'ip-iface-absent')).toEqual([{ node: 'minikube-m02', ifaces: 'docker0 (172.17.0.1/16)', count: 1 }]);
    // lxc_health and the pod's lxc, whose names come from sandbox IDs the output does not give.
    expect(of(r.notes, 'ip-veth-unmatched')).toEqual([{ node: 'minikube-m02', count: 2 }]);
    const m = m02(r);
    expect(m.interfaces.find((i) => i.name === 'eth0')?.mac).toBe('02:42:c0:a8:3a:03');
    expect(m.interfaces.find((i) => i.name === 'cilium_host')?.addresses).toEqual(['10.244.2.93/32']);
  });

  it('keeps the routes via the router IP on cilium_host, and takes the /32 host route for cilium_host\'s own', () => {
    expect(of(r.notes, 'ip-applied').find((n) => n.table === 'route')).toEqual({ node: 'minikube-m02', table: 'route', confirmed: 2, added: 4 });
    expect(of(r.notes, 'ip-route-skipped')).toEqual([{ node: 'minikube-m02', route: '172.17.0.0/16 dev docker0', why: 'dev' }]);
    expect(m02(r).routes).toEqual([
      { dst: 'default', dev: 'eth0', via: '192.168.58.1' },
      ...['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24'].map((dst) => ({ dst, dev: 'cilium_host', via: '10.244.2.93', src: '10.244.2.93' })),
    ]);
  });

  it('still carries a ping across nodes in cilium_vxlan', () => {
    const t = r.topology;
    if (!t || !r.journey) throw new Error('no journey');
    const j = runJourney(t, r.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === r.journey?.to && e.cause === 'echo-request')).toBe(true);
    expect(j.events.some((e) => e.type === 'frame' && e.iface === 'cilium_vxlan')).toBe(true);
  });
});

describe('a Cilium node in native routing (no cilium_vxlan, direct node routes)', () => {
  const r = importCluster([{ name: 'paste', text: CILIUM }, { name: 'm02.txt', text: NATIVE_IP }]);

  it('reads native routing from cilium_host without cilium_vxlan', () => {
    expect(r.mode).toBe('cilium-native');
    expect(of(r.notes, 'cilium-routing')).toEqual([{ routing: 'native', from: 'cilium_host' }]);
    expect(r.topology?.datapath).toEqual({ cni: 'cilium', routing: 'native' });
    expect(m02(r).interfaces.some((i) => i.name === 'cilium_vxlan')).toBe(false);
  });

  it('confirms the direct routes the lab made as the node has them, and adds the rest', () => {
    expect(of(r.notes, 'ip-applied').find((n) => n.table === 'route')).toEqual({ node: 'minikube-m02', table: 'route', confirmed: 4, added: 2 });
    expect(of(r.notes, 'ip-route-lab-only')).toEqual([]);
    expect(m02(r).routes).toEqual(expect.arrayContaining([
      { dst: '10.244.0.0/24', via: '192.168.58.2', dev: 'eth0' },
      { dst: '10.244.1.0/24', via: '192.168.58.4', dev: 'eth0' },
    ]));
  });

  it('carries a ping across nodes on eth0, with no tunnel', () => {
    const t = r.topology;
    if (!t || !r.journey) throw new Error('no journey');
    const j = runJourney(t, r.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === r.journey?.to && e.cause === 'echo-request')).toBe(true);
    expect(j.events.some((e) => e.type === 'frame' && e.iface === 'cilium_vxlan')).toBe(false);
  });

  it('tells native routing from the routes alone when ip -j addr is missing', () => {
    const routesOnly = NATIVE_IP.split('\n').filter((l, k, all) => !l.includes('ip -j addr') && !(k > 0 && (all[k - 1] ?? '').includes('ip -j addr'))).join('\n');
    expect(routesOnly).not.toContain('cilium_net');
    const s = importCluster([{ name: 'paste', text: CILIUM }, { name: 'm02.txt', text: routesOnly }]);
    expect(of(s.notes, 'cilium-routing')).toEqual([{ routing: 'native', from: 'routes' }]);
    expect(s.mode).toBe('cilium-native');
  });
});
