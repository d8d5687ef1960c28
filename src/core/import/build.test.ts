import { describe, expect, it } from 'vitest';
import { runCommand, startTerminal } from '../cluster/terminal';
import { runJourney } from '../sim/runJourney';
import { importCluster } from './build';
import type { ImportNote } from './notes';
import KIND from './fixtures/kind-kindnet.json?raw';
import MINIKUBE_JSON from './fixtures/minikube-flannel.json?raw';
import M02_IP from './fixtures/minikube-m02-ip.txt?raw';
import NOTES from './fixtures/minikube-notes.txt?raw';
import NOTES_NODES from './fixtures/notes-nodes.txt?raw';
import GREP from './fixtures/pods-grep-flannel.txt?raw';

/*
 * The builder on realistic inputs: the notes' minikube cluster as its tables print it, a 3-node
 * minikube Flannel cluster as one `kubectl get nodes,pods,ds -A -o json` list with one node's
 * iproute2 tables, a kind cluster with kindnet, and the notes' own two tables.
 */

const codes = (notes: readonly ImportNote[]) => notes.map((n) => n.code);
const of = (notes: readonly ImportNote[], code: string) => notes.filter((n) => n.code === code).map((n) => n.params as Record<string, unknown>);

function podAddr(t: NonNullable<ReturnType<typeof importCluster>['topology']>, pod: string): string | undefined {
  return t.machines.flatMap((m) => m.pods ?? []).find((p) => p.name === pod)?.interfaces[0]?.addresses?.[0];
}

function nodeOf(t: NonNullable<ReturnType<typeof importCluster>['topology']>, pod: string): string | undefined {
  return t.machines.find((m) => (m.pods ?? []).some((p) => p.name === pod))?.name;
}

describe('importing the notes\' minikube cluster from its tables', () => {
  const r = importCluster([{ name: 'paste', text: NOTES }]);
  const t = r.topology;

  it('reads every block and builds a Flannel VXLAN lab', () => {
    expect(of(r.notes, 'block').map((p) => `${String(p.kind)} ${String(p.count)}`)).toEqual(['minikube-nodes 3', 'nodes-table 3', 'daemonsets-table 2', 'pods-table 15']);
    expect(r.notes.filter((n) => n.code === 'block').map((n) => n.line)).toEqual([2, 6, 11, 15]);
    expect(r.detected).toEqual({ cni: 'flannel', from: 'kube-flannel/kube-flannel-ds' });
    expect(r.mode).toBe('flannel-vxlan');
    expect(t?.datapath).toEqual({ cni: 'flannel', backend: 'vxlan', network: '10.244.0.0/16' });
    expect(codes(r.notes).filter((c) => ['empty', 'unrecognised', 'row-short'].includes(c))).toEqual([]);
  });

  it('puts the nodes at minikube node list\'s addresses with the pod subnets their pods are in', () => {
    expect(t?.machines.map((m) => [m.name, m.interfaces[0]?.addresses?.[0], m.cni?.podCidr])).toEqual([
      ['minikube', '192.168.67.2/24', '10.244.0.0/24'],
      ['minikube-m02', '192.168.67.3/24', '10.244.1.0/24'],
      ['minikube-m03', '192.168.67.4/24', '10.244.2.0/24'],
    ]);
    expect(of(r.notes, 'pod-cidr-from-pods')).toHaveLength(3);
  });

  it('gives each pod its network by the CNI ADD with the address it has on the cluster', () => {
    if (!t) throw new Error('no lab');
    expect(podAddr(t, 'nginx-748c667d99-8x2zl')).toBe('10.244.1.2/24');
    expect(podAddr(t, 'nginx-748c667d99-qn5tw')).toBe('10.244.2.2/24');
    expect(podAddr(t, 'coredns-787d4945fb-2xfsw')).toBe('10.244.0.2/24');
    expect(nodeOf(t, 'nginx-748c667d99-qn5tw')).toBe('minikube-m03');
    // What the bridge plugin makes: a veth on cni0 (the subnet's .1), host-local's cursor on the pod's address.
    const m02 = t.machines.find((m) => m.name === 'minikube-m02');
    expect(m02?.interfaces.find((i) => i.name === 'cni0')?.addresses).toEqual(['10.244.1.1/24']);
    expect(m02?.interfaces.some((i) => i.kind === 'veth' && /^veth[0-9a-f]{8}$/.test(i.name) && i.master === 'cni0')).toBe(true);
    expect(m02?.cni?.lastReservedIp).toEqual({ cbr0: '10.244.1.2' });
  });

  it('lists the hostNetwork pods and the pending one without placing them', () => {
    expect(of(r.notes, 'host-network')[0]?.count).toBe(11);
    expect(of(r.notes, 'pod-not-placed')).toEqual([{ pod: 'default/nginx-748c667d99-zk8mj', status: 'Pending' }]);
    expect(r.counts).toEqual({ nodes: 3, pods: 3, hostNetwork: 11, notPlaced: 1 });
  });

  it('gives the lab a ClusterSpec, so the terminal answers with the imported names and ages', () => {
    if (!t?.cluster) throw new Error('no cluster');
    expect(t.cluster.tool).toBe('minikube');
    expect(t.cluster.kubernetesVersion).toBe('v1.26.3');
    const s = startTerminal(t.cluster);
    const nodes = runCommand(t, t.cluster, { ...s, now: s.now - 3 }, 'kubectl get nodes').reply;
    expect(nodes.kind === 'output' && nodes.text).toContain('minikube-m02   Ready    <none>          8m24s   v1.26.3');
    const pods = runCommand(t, t.cluster, s, 'kubectl get pods -A -o wide | grep nginx').reply;
    // The two running pods, and the pending one as kubectl listed it (review item 10).
    expect(pods.kind === 'output' && pods.text.split('\n')).toHaveLength(3);
    expect(pods.kind === 'output' && pods.text).toContain('10.244.2.2');
    expect(pods.kind === 'output' && pods.text).toMatch(/nginx-748c667d99-zk8mj\s+0\/1\s+Pending\s+0\s+3m15s\s+<none>\s+<none>/);
    // RESTARTS as pasted, its age moving with the terminal's clock.
    const sp = runCommand(t, t.cluster, s, 'kubectl get pods -n kube-system | grep storage').reply;
    expect(sp.kind === 'output' && sp.text).toMatch(/storage-provisioner\s+1\/1\s+Running\s+1 \(8m12s ago\)\s+8m55s/);
    const list = runCommand(t, t.cluster, s, 'minikube node list').reply;
    expect(list.kind === 'output' && list.text).toBe('minikube\t192.168.67.2\nminikube-m02\t192.168.67.3\nminikube-m03\t192.168.67.4');
  });

  it('plays a ping between pods on two nodes, through flannel.1', () => {
    if (!t || !r.journey) throw new Error('no journey');
    expect(r.journey).toEqual({ from: 'nginx-748c667d99-8x2zl', to: 'nginx-748c667d99-qn5tw' });
    const j = runJourney(t, { from: 'nginx-748c667d99-8x2zl', to: 'nginx-748c667d99-qn5tw' });
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'nginx-748c667d99-qn5tw' && e.cause === 'echo-request')).toBe(true);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'nginx-748c667d99-8x2zl' && e.cause === 'echo-reply')).toBe(true);
    expect(j.events.some((e) => e.type === 'frame' && e.iface === 'flannel.1')).toBe(true);
  });
});

describe('the notes\' own two tables and the grep of flannel\'s pods', () => {
  it('the node list and kubectl get nodes give three nodes; no CNI is named, so the mode is asked for', () => {
    const r = importCluster([{ name: 'paste', text: NOTES_NODES }]);
    expect(r.topology).toBeNull();
    expect(of(r.notes, 'pick-datapath')).toEqual([{ detected: '' }]);
    const chosen = importCluster([{ name: 'paste', text: NOTES_NODES }], { mode: 'flannel-vxlan' });
    expect(chosen.topology?.machines.map((m) => m.interfaces[0]?.addresses?.[0])).toEqual(['192.168.67.2/24', '192.168.67.3/24', '192.168.67.4/24']);
    expect(of(chosen.notes, 'pod-cidr-assumed').map((p) => p.cidr)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
    // The notes' AGE column: minikube registered 36 s before the output, minikube-m03 1 s before it.
    expect(chosen.topology?.cluster?.nodes).toEqual([
      { name: 'minikube', joinedAt: 0, controlPlane: true },
      { name: 'minikube-m02', joinedAt: 18 },
      { name: 'minikube-m03', joinedAt: 35 },
    ]);
    expect(chosen.topology?.cluster?.now).toBe(36);
    // No pods pasted: the first journey is a ping between two nodes, and it plays.
    expect(chosen.journey).toEqual({ from: 'minikube', to: 'minikube-m02' });
    const t = chosen.topology;
    if (!t || !chosen.journey) throw new Error('no lab');
    const j = runJourney(t, chosen.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'minikube-m02' && e.cause === 'echo-request')).toBe(true);
  });

  it('headerless rows (kubectl get pods -A -o wide | grep flannel) give the nodes and their addresses', () => {
    const r = importCluster([{ name: 'paste', text: GREP }]);
    expect(of(r.notes, 'node-ip-from-pod').map((p) => `${String(p.node)} ${String(p.ip)}`)).toEqual(['minikube 192.168.67.2', 'minikube-m02 192.168.67.3', 'minikube-m03 192.168.67.4']);
    expect(r.topology?.machines).toHaveLength(3);
  });
});

describe('a minikube Flannel cluster as one JSON list, with minikube-m02\'s own tables', () => {
  const r = importCluster([{ name: 'minikube-flannel.json', text: MINIKUBE_JSON }, { name: 'm02.txt', text: M02_IP }]);
  const t = r.topology;
  const m = (name: string) => t?.machines.find((x) => x.name === name);

  it('reads each ip -j block for the node its command names, and the backend from flannel.1', () => {
    expect(of(r.notes, 'block').map((p) => `${String(p.kind)} ${String(p.node)}`)).toEqual(['list-json ', 'ip-addr minikube-m02', 'ip-route minikube-m02', 'ip-neigh minikube-m02', 'bridge-fdb minikube-m02']);
    expect(of(r.notes, 'flannel-backend')).toEqual([{ backend: 'vxlan', from: 'flannel.1' }]);
    expect(m('minikube-m02')?.cni?.podCidr).toBe('10.244.1.0/24');
  });

  it('takes the real MACs: m02\'s own devices, and the other nodes\' VTEPs from its neighbours and FDB', () => {
    expect(m('minikube-m02')?.interfaces.find((i) => i.name === 'flannel.1')?.mac).toBe('6a:7e:1b:0f:92:4c');
    expect(m('minikube-m02')?.interfaces.find((i) => i.name === 'cni0')?.mac).toBe('3e:1c:6d:5a:b0:81');
    expect(m('minikube-m03')?.interfaces.find((i) => i.name === 'flannel.1')?.mac).toBe('ce:51:8f:2a:6d:90');
    expect(m('minikube')?.neighbours?.find((n) => n.ip === '10.244.1.0')?.mac).toBe('6a:7e:1b:0f:92:4c');
    expect(of(r.notes, 'ip-applied').map((p) => `${String(p.table)} ${String(p.confirmed)}+${String(p.added)}`)).toEqual(['addr 3+0', 'route 4+1', 'neigh 2+0', 'fdb 2+0']);
  });

  it('adds the default route, and lists what the lab does not hold', () => {
    expect(m('minikube-m02')?.routes).toContainEqual({ dst: 'default', via: '192.168.49.1', dev: 'eth0' });
    expect(of(r.notes, 'ip-iface-absent')).toEqual([{ node: 'minikube-m02', ifaces: 'docker0 (172.17.0.1/16)', count: 1 }]);
    expect(of(r.notes, 'ip-route-skipped')).toEqual([{ node: 'minikube-m02', route: '172.17.0.0/16 dev docker0', why: 'dev' }]);
    expect(of(r.notes, 'ip-neigh-dynamic')).toEqual([{ node: 'minikube-m02', count: 3 }]);
    expect(of(r.notes, 'ip-veth-unmatched')).toEqual([{ node: 'minikube-m02', count: 1 }]);
    expect(of(r.notes, 'ip-fdb-skipped')).toEqual([{ node: 'minikube-m02', count: 6 }]);
  });

  it('pod-a pings pod-b across nodes with the real VTEP MACs', () => {
    if (!t) throw new Error('no lab');
    const j = runJourney(t, { from: 'pod-a', to: 'pod-b' });
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'pod-a' && e.cause === 'echo-reply')).toBe(true);
  });
});

describe('a kind cluster with kindnet', () => {
  it('detects kindnet and asks for a mode, as this build has none of its own', () => {
    const r = importCluster([{ name: 'kind.json', text: KIND }]);
    expect(r.detected).toEqual({ cni: 'kindnet', from: 'kube-system/kindnet' });
    expect(r.topology).toBeNull();
    expect(of(r.notes, 'pick-datapath')).toEqual([{ detected: 'kindnet' }]);
  });

  it('with host-gw (kindnet routes each pod subnet via its node, as host-gw does) builds the lab kind made', () => {
    const r = importCluster([{ name: 'kind.json', text: KIND }], { mode: 'flannel-host-gw' });
    const t = r.topology;
    if (!t) throw new Error(JSON.stringify(r.notes.filter((n) => n.code !== 'block')));
    expect(t.cluster?.tool).toBe('kind');
    expect(of(r.notes, 'segment')).toEqual([{ cidr: '172.18.0.0/16', tool: 'kind' }]);
    expect(t.machines.map((m) => [m.name, m.interfaces[0]?.addresses?.[0], m.cni?.podCidr])).toEqual([
      ['kind-control-plane', '172.18.0.3/16', '10.244.0.0/24'],
      ['kind-worker', '172.18.0.2/16', '10.244.1.0/24'],
      ['kind-worker2', '172.18.0.4/16', '10.244.2.0/24'],
    ]);
    expect(of(r.notes, 'name-shortened')[0]?.pod).toBe('local-path-storage/local-path-provisioner-7577fdbbfb-vkq6t');
    expect(of(r.notes, 'pod-not-placed')).toEqual([{ pod: 'default/web-2', status: 'Pending' }]);
    expect(podAddr(t, 'coredns-76f75df574-8kq2v')).toBe('10.244.0.3/24');
    expect(podAddr(t, 'coredns-76f75df574-tzr5n')).toBe('10.244.0.2/24');
    const j = runJourney(t, { from: 'web-0', to: 'web-1' });
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'web-1' && e.cause === 'echo-request')).toBe(true);
    // kind's terminal has no minikube commands.
    const c = t.cluster;
    if (!c) throw new Error('no cluster');
    expect(runCommand(t, c, startTerminal(c), 'minikube node list').reply.kind).toBe('unknown');
  });
});
