import { describe, expect, it } from 'vitest';
import { runJourney } from '../index';
import { seedNodesOnly } from '../presets/datapathScenarios';
import { seedCilium } from '../presets/ciliumScenarios';
import { setDatapath } from './datapath';
import { CILIUM_HOST, ciliumNodes, lxcName } from './datapathCilium';
import { TopologyEditError } from './editError';
import { topologySchema } from './schema';
import { validateTopology } from './validate';
import { labChecks } from './labChecks';
import { addNode, removeNamespace } from './labEdits';
import { addPod } from './podNetwork';

describe('the Cilium datapath mode', () => {
  it('names host-side veths lxc + 12 hex digits of sha256(container ID), as Endpoint2IfName', () => {
    expect(lxcName('pod1')).toBe('lxc5ea618a82d38');
    expect(lxcName('pod1').length).toBeLessThan(16);
  });

  it('gives each node cilium_host/cilium_net with the router IP and cilium_vxlan (collect_md, 8472), no bridge; pods /32 with the two routes', () => {
    const t = seedCilium();
    expect(topologySchema.safeParse(t).success).toBe(true);
    expect(validateTopology(t)).toEqual([]);
    const node1 = t.machines.find((m) => m.name === 'node1');
    expect(node1?.interfaces.map((i) => `${i.kind} ${i.name}`)).toEqual(['ether eth0', 'veth cilium_host', 'veth cilium_net', 'vxlan cilium_vxlan', 'veth lxc5ea618a82d38', 'veth lxc7279e37cebf9']);
    expect(node1?.interfaces.find((i) => i.name === CILIUM_HOST)?.addresses).toEqual(['10.10.10.254/32']);
    const vx = node1?.interfaces.find((i) => i.kind === 'vxlan');
    expect(vx?.kind === 'vxlan' && [vx.external, vx.port, vx.bpf?.prog]).toEqual([true, 8472, 'cil_from_overlay']);
    expect(node1?.interfaces.filter((i) => i.bpf?.prog === 'cil_from_container').map((i) => (i.bpf?.prog === 'cil_from_container' ? i.bpf.identity : 0))).toEqual([256, 257]);
    const pod1 = node1?.pods?.find((p) => p.name === 'pod1');
    expect(pod1?.interfaces[0]?.addresses).toEqual(['10.10.10.1/32']);
    expect(pod1?.routes).toEqual([{ dst: '10.10.10.254/32', dev: 'eth0' }, { dst: 'default', via: '10.10.10.254', dev: 'eth0' }]);
    expect(node1?.sysctls?.ip_forward).toBe(true);
    expect(node1?.cni?.podCidr).toBe('10.10.10.0/24');
    expect(t.datapath).toEqual({ cni: 'cilium', routing: 'tunnel' });
    // The lxc devices are attached by their program, and it answers ARP for the router IP: nothing to warn about.
    expect(labChecks(t)).toEqual([]);
  });

  it('takes the first free address of a fresh node\'s pod CIDR as the router IP', () => {
    const t = seedNodesOnly();
    const fresh = { ...t, machines: t.machines.map((m) => ({ ...m, interfaces: m.interfaces.filter((i) => i.kind === 'ether'), pods: [], cni: { podCidr: m.name === 'node1' ? '10.244.0.0/24' : '10.244.1.0/24' } })) };
    expect(ciliumNodes(fresh).map((n) => `${n.name} ${n.router}`)).toEqual(['node1 10.244.0.1', 'node2 10.244.1.1']);
  });

  it('switches back to bridges and to Flannel, and the pods still reach each other', () => {
    const back = setDatapath(seedCilium(), { cni: 'bridge' });
    const node1 = back.machines.find((m) => m.name === 'node1');
    expect(node1?.interfaces.find((i) => i.kind === 'bridge')?.addresses).toEqual(['10.10.10.254/24']);
    expect(node1?.interfaces.some((i) => i.name.startsWith('cilium_') || i.bpf !== undefined)).toBe(false);
    expect(node1?.pods?.[0]?.routes).toEqual([{ dst: 'default', via: '10.10.10.254', dev: 'eth0' }]);
    expect(back.datapath).toBeUndefined();
    const vxlan = setDatapath(seedCilium(), { cni: 'flannel', backend: 'vxlan' });
    expect(runJourney(vxlan, { from: 'pod1', to: 'pod3' }).events.filter((e) => e.type === 'deliver').map((e) => e.ns)).toEqual(['pod3', 'pod1']);
    const native = setDatapath(seedCilium(), { cni: 'cilium', routing: 'native' });
    expect(native.machines[0]?.interfaces.some((i) => i.name === 'cilium_vxlan')).toBe(false);
    expect(native.machines[0]?.routes).toEqual([{ dst: '10.10.11.0/24', via: '172.16.100.2', dev: 'eth0' }]);
  });

  it('refuses native routing across segments (auto-direct-node-routes needs layer 2)', () => {
    const t = seedNodesOnly();
    const apart = { ...t, segments: [...t.segments, { id: 'other' }], machines: t.machines.map((m) => (m.name !== 'node2' ? m : { ...m, interfaces: m.interfaces.map((i) => (i.kind === 'ether' ? { ...i, segment: 'other' } : i)) })) };
    let err: unknown = null;
    try {
      setDatapath(apart, { cni: 'cilium', routing: 'native' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TopologyEditError);
    expect((err as TopologyEditError).problems.map((p) => p.code)).toEqual(['cilium-native-no-l2']);
    expect(setDatapath(apart, { cni: 'cilium', routing: 'tunnel' }).datapath).toEqual({ cni: 'cilium', routing: 'tunnel' });
  });
});

describe('editing a Cilium lab', () => {
  it('adds a node with Cilium\'s devices, whose new pod runs cilium-cni; removing a node takes native routes to it away', () => {
    const joined = addNode(seedCilium());
    if (!joined) throw new Error('a node joins');
    const node3 = joined.topology.machines.find((m) => m.name === joined.name);
    expect(node3?.interfaces.map((i) => i.name)).toEqual(['eth0', 'cilium_host', 'cilium_net', 'cilium_vxlan']);
    expect(node3?.interfaces.find((i) => i.name === 'cilium_host')?.addresses).toEqual(['10.10.12.254/32']);
    const withPod = addPod(joined.topology, joined.name, { name: 'pod9' });
    expect(withPod.hostIface).toMatch(/^lxc[0-9a-f]{12}$/);
    expect(runJourney(withPod.topology, { from: 'pod9', to: 'pod1' }).events.filter((e) => e.type === 'deliver').map((e) => e.ns)).toEqual(['pod1', 'pod9']);
    const native = setDatapath(joined.topology, { cni: 'cilium', routing: 'native' });
    expect(native.machines[0]?.routes?.map((r) => r.dst)).toEqual(['10.10.11.0/24', '10.10.12.0/24']);
    const gone = removeNamespace(native, joined.name);
    expect(gone.machines[0]?.routes?.map((r) => r.dst)).toEqual(['10.10.11.0/24']);
    expect(gone.datapath).toEqual({ cni: 'cilium', routing: 'native' });
  });
});
