import { describe, expect, it } from 'vitest';
import { weaveNodes } from '../model/datapathWeave';
import { addPod } from '../model/podNetwork';
import { runJourney } from '../sim/runJourney';
import { importCluster } from './build';
import type { ImportNote } from './notes';
import WEAVE from './fixtures/kubeadm-weave.txt?raw';
import WORKER1_IP from './fixtures/kubeadm-weave-worker1-ip.txt?raw';
import NOTES from './fixtures/minikube-notes.txt?raw';

/*
 * A kubeadm cluster of three VMs running Weave Net (the weave-net DaemonSet in kube-system), as its
 * tables print it, with k8s-worker1's ip -j addr and route (the bridge weave at 10.44.0.0/12, its
 * MAC the peer name; the OVS datapath `datapath`, vethwe-*, vxlan-6784 and two vethwepl ends). On
 * a ring started by consensus the three peers split 10.32.0.0/12 into 10.32.0.0/13, 10.40.0.0/14
 * and 10.44.0.0/14 by sorted peer name; the pods keep their addresses through weaver's record.
 */

type Lab = NonNullable<ReturnType<typeof importCluster>['topology']>;
const of = (notes: readonly ImportNote[], code: string) => notes.filter((n) => n.code === code).map((n) => n.params as Record<string, unknown>);

function podAddr(t: Lab, pod: string): string | undefined {
  return t.machines.flatMap((m) => m.pods ?? []).find((p) => p.name === pod)?.interfaces[0]?.addresses?.[0];
}

function bridgeOf(t: Lab, node: string): { addresses?: string[]; mac: string } | undefined {
  return t.machines.find((m) => m.name === node)?.interfaces.find((i) => i.name === 'weave');
}

describe('a kubeadm Weave Net cluster with a node\'s ip -j tables', () => {
  const r = importCluster([{ name: 'paste', text: WEAVE }, { name: 'worker1.txt', text: WORKER1_IP }]);
  const t = r.topology;

  it('selects Weave Net\'s fastdp from weave-net, as the device datapath in ip -j addr shows', () => {
    expect(r.detected).toEqual({ cni: 'weave', from: 'kube-system/weave-net' });
    expect(r.mode).toBe('weave');
    expect(of(r.notes, 'weave-fastdp')).toEqual([{ fastdp: true, from: 'datapath' }]);
    expect(of(r.notes, 'pick-datapath')).toEqual([]);
    expect(t?.datapath).toEqual({ cni: 'weave' });
    // Weave does not read the nodes' podCIDR: no /24 is said to be taken from the pods.
    expect(of(r.notes, 'pod-cidr-from-pods')).toEqual([]);
  });

  it('keeps every pod\'s cluster address, on a vethwepl end of the bridge weave', () => {
    if (!t) throw new Error('no lab');
    expect(r.counts).toEqual({ nodes: 3, pods: 5, hostNetwork: 10, notPlaced: 0 });
    expect(podAddr(t, 'web-6c9d8f5b7-2xk8p')).toBe('10.44.0.1/12');
    expect(podAddr(t, 'web-6c9d8f5b7-tz4wd')).toBe('10.44.0.2/12');
    expect(podAddr(t, 'web-6c9d8f5b7-9qrtn')).toBe('10.40.0.1/12');
    expect(podAddr(t, 'coredns-57575c5f89-7kd2x')).toBe('10.32.0.2/12');
    expect(podAddr(t, 'coredns-57575c5f89-qm4wz')).toBe('10.32.0.3/12');
    // Two pods of one ReplicaSet on one node: their sandbox IDs, not their names, name the host ends.
    const ends = t.machines.find((m) => m.name === 'k8s-worker1')?.interfaces.filter((i) => i.master === 'weave' && i.name.startsWith('vethwepl')).map((i) => i.name) ?? [];
    expect(ends).toHaveLength(2);
    for (const e of ends) expect(e).toMatch(/^vethwepl[0-9a-f]{7}$/);
  });

  it('takes worker1\'s peer name and bridge from ip -j addr, and gives the others the shares their pods lie in', () => {
    if (!t) throw new Error('no lab');
    expect(bridgeOf(t, 'k8s-worker1')).toMatchObject({ addresses: ['10.44.0.0/12'], mac: '6e:2f:1a:5b:9c:04' });
    expect(of(r.notes, 'weave-peer').map(({ node, share, from }) => ({ node, share, from }))).toEqual([
      { node: 'k8s-master', share: '10.32.0.0/13', from: 'pods' },
      { node: 'k8s-worker1', share: '10.44.0.0/14', from: 'ip-addr' },
      { node: 'k8s-worker2', share: '10.40.0.0/14', from: 'pods' },
    ]);
    expect(of(r.notes, 'weave-bridge')).toEqual([
      { node: 'k8s-master', ip: '10.32.0.1', from: 'share' },
      { node: 'k8s-worker1', ip: '10.44.0.0', from: 'ip-addr' },
      { node: 'k8s-worker2', ip: '10.40.0.0', from: 'share' },
    ]);
    // The lab's ring is the cluster's: its split by the peer names gives the same shares.
    expect(weaveNodes(t).map((n) => [n.name, n.start, n.end])).toEqual([
      ['k8s-master', 0x0a200000, 0x0a280000],
      ['k8s-worker1', 0x0a2c0000, 0x0a300000],
      ['k8s-worker2', 0x0a280000, 0x0a2c0000],
    ]);
    // The real devices' MACs are the lab's, and the node's route to the /12 is the bridge's own.
    expect(of(r.notes, 'ip-mac').map((n) => n.iface)).toEqual(['datapath', 'vethwe-datapath', 'vethwe-bridge', 'vxlan-6784']);
    expect(of(r.notes, 'ip-veth-unmatched')).toEqual([{ node: 'k8s-worker1', count: 2 }]);
  });

  it('gives a pod added later the next free address of its node\'s share, as weaver would', () => {
    if (!t) throw new Error('no lab');
    expect(addPod(t, 'k8s-worker2', { name: 'web-extra' }).address).toBe('10.40.0.2/12');
    expect(addPod(t, 'k8s-worker1', { name: 'web-extra' }).address).toBe('10.44.0.3/12');
  });

  it('plays a ping between pods on two nodes through the OVS datapath and vxlan-6784', () => {
    if (!t || !r.journey) throw new Error('no journey');
    expect(r.journey).toEqual({ from: 'web-6c9d8f5b7-2xk8p', to: 'web-6c9d8f5b7-9qrtn' });
    const j = runJourney(t, r.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'web-6c9d8f5b7-9qrtn' && e.cause === 'echo-request')).toBe(true);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'web-6c9d8f5b7-2xk8p' && e.cause === 'echo-reply')).toBe(true);
    expect(j.events.some((e) => e.type === 'ovs' && e.tunnel !== undefined)).toBe(true);
    expect(j.events.some((e) => e.type === 'frame' && e.iface === 'vxlan-6784')).toBe(true);
  });
});

describe('Weave Net from the tables alone', () => {
  const r = importCluster([{ name: 'paste', text: WEAVE }]);

  it('places every node by its pods, each bridge at its share\'s first free address, fastdp by default', () => {
    if (!r.topology) throw new Error('no lab');
    expect(of(r.notes, 'weave-fastdp')).toEqual([{ fastdp: true, from: 'default' }]);
    expect(of(r.notes, 'weave-peer').map(({ node, share, from }) => ({ node, share, from }))).toEqual([
      { node: 'k8s-master', share: '10.32.0.0/13', from: 'pods' },
      { node: 'k8s-worker1', share: '10.44.0.0/14', from: 'pods' },
      { node: 'k8s-worker2', share: '10.40.0.0/14', from: 'pods' },
    ]);
    // 10.32.0.0 is the range's own network address, never handed out; 10.44.0.0 and 10.40.0.0 are not.
    expect(['k8s-master', 'k8s-worker1', 'k8s-worker2'].map((n) => bridgeOf(r.topology as Lab, n)?.addresses)).toEqual([['10.32.0.1/12'], ['10.44.0.0/12'], ['10.40.0.0/12']]);
    expect(r.counts.notPlaced).toBe(0);
  });

  it('says sleeve when a node\'s ip -j addr has the bridge weave without the datapath, and runs fastdp', () => {
    const sleeve = WORKER1_IP.replace(/\{"ifindex": 4, "ifname": "datapath"[^}]*\}, /, '');
    expect(sleeve).not.toContain('"datapath", "flags"');
    const s = importCluster([{ name: 'paste', text: WEAVE }, { name: 'worker1.txt', text: sleeve }]);
    expect(of(s.notes, 'weave-fastdp')).toEqual([{ fastdp: false, from: 'weave' }]);
    expect(s.topology?.datapath).toEqual({ cni: 'weave' });
  });
});

describe('Weave Net chosen for another CNI\'s cluster', () => {
  it('gives pods outside 10.32.0.0/12 weaver\'s next address and says so', () => {
    const r = importCluster([{ name: 'paste', text: NOTES }], { mode: 'weave' });
    expect(r.mode).toBe('weave');
    expect(of(r.notes, 'datapath')).toEqual([{ mode: 'weave', chosen: true }]);
    const moved = of(r.notes, 'pod-renumbered');
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved) {
      expect(m.ip).toMatch(/^10\.244\./);
      expect(m.got).toMatch(/^10\.(3[2-9]|4[0-7])\./);
      expect(m.range).toBe('10.32.0.0/12');
    }
    expect(r.counts.notPlaced).toBe(1);
    if (!r.topology || !r.journey) throw new Error('no lab');
    const j = runJourney(r.topology, r.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === r.journey?.to && e.cause === 'echo-request')).toBe(true);
  });
});
