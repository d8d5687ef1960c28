import { describe, expect, it } from 'vitest';
import { minikubeFlannel } from '../presets/minikube';
import { seedTopology } from '../presets/seed';
import { addPod } from './podNetwork';
import type { Topology } from './topology';

/*
 * One path gives a pod its network, whatever the lab's CNI: in a Flannel lab, addPod runs
 * kube-flannel's configuration list (flannel → bridge → host-local, then portmap) with the
 * subnet.env flanneld would have written for the node.
 */

describe('addPod in a Flannel lab', () => {
  const lab = minikubeFlannel();

  it('runs kube-flannel\'s list: flannel reads subnet.env and delegates to bridge, portmap passes the result on', () => {
    const added = addPod(lab, 'minikube-m02', { name: 'pod-c' });
    const execs = added.cni.events.flatMap((e) => (e.type === 'exec' ? [`${e.plugin}@${e.depth}`] : []));
    expect(execs).toEqual(['flannel@0', 'bridge@1', 'host-local@2', 'portmap@0']);
    const read = added.cni.events.find((e) => e.type === 'file' && e.op === 'read' && e.path === '/run/flannel/subnet.env');
    expect(read).toMatchObject({ content: 'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n' });
    const delegated = added.cni.events.find((e) => e.type === 'delegate');
    expect(delegated?.type === 'delegate' && JSON.parse(delegated.conf)).toMatchObject({
      type: 'bridge', name: 'cbr0', mtu: 1450, hairpinMode: true, isDefaultGateway: true, isGateway: true, ipMasq: false,
      ipam: { type: 'host-local', ranges: [[{ subnet: '10.244.1.0/24' }]], routes: [{ dst: '10.244.0.0/16' }] },
    });
    // host-local's round-robin continues after pod-a's 10.244.1.2, in flannel's network directory cbr0.
    expect(added.address).toBe('10.244.1.3/24');
    expect(added.gateway).toBe('10.244.1.1');
    const m02 = added.topology.machines.find((m) => m.name === 'minikube-m02');
    expect(m02?.cni?.lastReservedIp).toEqual({ cbr0: '10.244.1.3' });
    expect(added.pod.interfaces[0]?.mtu).toBe(1450);
    expect(added.pod.routes).toEqual([{ dst: '10.244.0.0/16', via: '10.244.1.1', dev: 'eth0' }, { dst: 'default', via: '10.244.1.1', dev: 'eth0' }]);
  });

  it('creates cni0 with the lease\'s first address on a node\'s first pod, and only then', () => {
    const m02 = lab.machines.find((m) => m.name === 'minikube-m02');
    expect(m02?.interfaces.filter((i) => i.kind === 'bridge').map((i) => [i.name, i.addresses, i.mtu])).toEqual([['cni0', ['10.244.1.1/24'], 1450]]);
    const created = (t: Topology, node: string) => addPod(t, node).cni.events.filter((e) => e.type === 'link' && e.name === 'cni0').map((e) => (e.type === 'link' ? e.op : ''));
    const fresh: Topology = { ...lab, machines: lab.machines.map((m) => (m.name === 'minikube-m03' ? { ...m, interfaces: m.interfaces.filter((i) => i.kind === 'ether'), pods: [], cni: { podCidr: '10.244.2.0/24' } } : m)) };
    expect(created(fresh, 'minikube-m03')).toContain('add');
    expect(created(lab, 'minikube-m03')).not.toContain('add');
  });

  it('keeps the bridge configuration on a node whose cni0 holds another address than the lease\'s first (the seed\'s .254)', () => {
    const seedFlannel: Topology = { ...seedTopology(), datapath: { cni: 'flannel', backend: 'vxlan' } };
    const added = addPod(seedFlannel, 'node1');
    expect(added.cni.conflist.plugins.map((p) => p.type)).toEqual(['bridge']);
    expect(added.address).toBe('10.10.10.3/24');
  });

  it('refuses a Flannel node with neither a lease nor a bridge with an address', () => {
    const bare: Topology = { ...lab, machines: lab.machines.map((m) => (m.name === 'minikube-m03' ? { ...m, interfaces: m.interfaces.filter((i) => i.kind === 'ether'), pods: [], cni: {} } : m)) };
    expect(() => addPod(bare, 'minikube-m03')).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'pod-no-bridge' })] }));
  });
});
