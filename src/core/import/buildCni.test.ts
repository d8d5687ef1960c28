import { describe, expect, it } from 'vitest';
import { runCommand, startTerminal } from '../cluster/terminal';
import { runJourney } from '../sim/runJourney';
import { importCluster } from './build';
import type { ImportNote } from './notes';
import CALICO from './fixtures/minikube-calico.txt?raw';
import CILIUM from './fixtures/minikube-cilium.json?raw';
import NOTES_NODES from './fixtures/notes-nodes.txt?raw';
import LATER from './fixtures/pods-20m-later.txt?raw';

/*
 * Calico and Cilium clusters keep their pods' addresses through each CNI's own mechanism: a
 * minikube 3-node Calico cluster as its tables print it (started with `--cni calico`, with
 * minikube-m02's ip -j addr and route showing IP-in-IP), and a minikube 3-node Cilium cluster as
 * one `kubectl get nodes,pods,ds -A -o json` list with its CiliumNodes (whose cluster-pool CIDRs
 * are not the Nodes' podCIDRs).
 */

type Lab = NonNullable<ReturnType<typeof importCluster>['topology']>;
const of = (notes: readonly ImportNote[], code: string) => notes.filter((n) => n.code === code).map((n) => n.params as Record<string, unknown>);

function podAddr(t: Lab, pod: string): string | undefined {
  return t.machines.flatMap((m) => m.pods ?? []).find((p) => p.name === pod)?.interfaces[0]?.addresses?.[0];
}

function text(t: Lab, line: string): string {
  if (!t.cluster) throw new Error('no cluster');
  const r = runCommand(t, t.cluster, startTerminal(t.cluster), line).reply;
  return r.kind === 'output' ? r.text : '';
}

describe('a minikube Calico cluster from its tables', () => {
  const r = importCluster([{ name: 'paste', text: CALICO }]);
  const t = r.topology;

  it('selects Calico IP-in-IP without asking, from calico-node and the addressed tunl0', () => {
    expect(r.detected).toEqual({ cni: 'calico', from: 'kube-system/calico-node' });
    expect(r.mode).toBe('calico-ipip');
    expect(of(r.notes, 'minikube-start')).toEqual([{ cni: 'calico', nodes: 3 }]);
    expect(of(r.notes, 'minikube-nodes-differ')).toEqual([]);
    expect(of(r.notes, 'calico-encapsulation')).toEqual([{ encap: 'ipip', from: 'tunl0', modelled: true }]);
    expect(of(r.notes, 'pick-datapath')).toEqual([]);
    expect(t?.datapath).toEqual({ cni: 'calico', encapsulation: 'ipip', pool: '10.244.0.0/16' });
    // tunl0 as the node's ip -j addr shows it: the block's first address, MTU 1480.
    const m02 = t?.machines.find((m) => m.name === 'minikube-m02');
    expect(m02?.interfaces.find((i) => i.name === 'tunl0')).toMatchObject({ kind: 'ipip', addresses: ['10.244.205.192/32'], mtu: 1480 });
  });

  it('gives every pod its cluster address through calico-ipam, on a cali veth named after the pod', () => {
    if (!t) throw new Error('no lab');
    expect(podAddr(t, 'nginx-748c667d99-4kx2m')).toBe('10.244.205.193/32');
    expect(podAddr(t, 'nginx-748c667d99-p7vzt')).toBe('10.244.151.1/32');
    expect(podAddr(t, 'coredns-787d4945fb-9cwrl')).toBe('10.244.120.65/32');
    // cali + sha1("default.nginx-748c667d99-4kx2m")[:11]: the name the real node shows (ip -j addr).
    const m02 = t.machines.find((m) => m.name === 'minikube-m02');
    expect(m02?.interfaces.some((i) => i.name === 'cali61ebb9df43e' && i.mac === 'ee:ee:ee:ee:ee:ee')).toBe(true);
    expect(r.counts).toEqual({ nodes: 3, pods: 4, hostNetwork: 11, notPlaced: 1 });
  });

  it('claims the /26 blocks that hold the pods, each affine to its node, and routes them as BIRD does', () => {
    expect(of(r.notes, 'calico-blocks')).toEqual([
      { node: 'minikube', blocks: '10.244.120.64/26' },
      { node: 'minikube-m02', blocks: '10.244.205.192/26' },
      { node: 'minikube-m03', blocks: '10.244.151.0/26' },
    ]);
    const m02 = t?.machines.find((m) => m.name === 'minikube-m02');
    expect(m02?.routes).toEqual(expect.arrayContaining([
      { dst: 'default', via: '192.168.49.1', dev: 'eth0' },
      { dst: '10.244.120.64/26', via: '192.168.49.2', dev: 'tunl0', onlink: true },
      { dst: '10.244.151.0/26', via: '192.168.49.4', dev: 'tunl0', onlink: true },
    ]));
    expect(of(r.notes, 'calico-gateway')).toEqual([{ ip: '192.168.49.1', from: 'routes' }]);
    // Calico does not read the node's podCIDR: no /24 is claimed for it.
    expect(of(r.notes, 'pod-cidr-from-pods')).toEqual([]);
  });

  it('plays a ping between pods on two nodes: proxy ARP for 169.254.1.1, then the other node', () => {
    if (!t || !r.journey) throw new Error('no journey');
    expect(r.journey).toEqual({ from: 'nginx-748c667d99-4kx2m', to: 'nginx-748c667d99-p7vzt' });
    const j = runJourney(t, r.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'nginx-748c667d99-p7vzt' && e.cause === 'echo-request')).toBe(true);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'nginx-748c667d99-4kx2m' && e.cause === 'echo-reply')).toBe(true);
  });

  it('the terminal prints the nodes as kubectl -o wide did, RESTARTS as pasted and the pending pod', () => {
    if (!t) throw new Error('no lab');
    expect(text(t, 'kubectl get nodes -o wide').split('\n')).toEqual([
      'NAME           STATUS   ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION   CONTAINER-RUNTIME',
      'minikube       Ready    control-plane   12m   v1.26.3   192.168.49.2   <none>        Ubuntu 20.04.5 LTS   6.1.0-21-amd64   docker://23.0.2',
      'minikube-m02   Ready    <none>          11m   v1.26.3   192.168.49.3   <none>        Ubuntu 20.04.5 LTS   6.1.0-21-amd64   docker://23.0.2',
      'minikube-m03   Ready    <none>          11m   v1.26.3   192.168.49.4   <none>        Ubuntu 20.04.5 LTS   6.1.0-21-amd64   docker://23.0.2',
    ]);
    const pods = text(t, 'kubectl get pods -A');
    expect(pods).toMatch(/calico-kube-controllers-7bdbfc669-2hq8w\s+1\/1\s+Running\s+2 \(10m ago\)\s+12m/);
    expect(pods).toMatch(/nginx-748c667d99-w9rjd\s+0\/1\s+Pending\s+0\s+5m5s/);
  });
});

describe('a minikube Cilium cluster from kubectl JSON and its CiliumNodes', () => {
  const r = importCluster([{ name: 'paste', text: CILIUM }]);
  const t = r.topology;

  it('selects Cilium\'s tunnel mode without asking (its default: no node table says otherwise)', () => {
    expect(r.detected).toEqual({ cni: 'cilium', from: 'kube-system/cilium' });
    expect(r.mode).toBe('cilium-tunnel');
    expect(of(r.notes, 'cilium-routing')).toEqual([{ routing: 'tunnel', from: 'default' }]);
    expect(t?.datapath).toEqual({ cni: 'cilium', routing: 'tunnel' });
  });

  it('takes each node\'s cluster-pool CIDR and router IP from its CiliumNode, not the Node\'s podCIDR', () => {
    expect(of(r.notes, 'cilium-pod-cidr')).toEqual([
      { node: 'minikube', cidr: '10.244.0.0/24', from: 'ciliumnode' },
      { node: 'minikube-m02', cidr: '10.244.2.0/24', from: 'ciliumnode' },
      { node: 'minikube-m03', cidr: '10.244.1.0/24', from: 'ciliumnode' },
    ]);
    const m02 = t?.machines.find((m) => m.name === 'minikube-m02');
    expect(m02?.cni?.podCidr).toBe('10.244.2.0/24');
    expect(m02?.interfaces.find((i) => i.name === 'cilium_host')?.addresses).toEqual(['10.244.2.93/32']);
  });

  it('gives every pod its cluster address through the agent, on an lxc device running cil_from_container', () => {
    if (!t) throw new Error('no lab');
    expect(podAddr(t, 'nginx-7854ff8877-2lq7d')).toBe('10.244.2.214/32');
    expect(podAddr(t, 'nginx-7854ff8877-k8v5c')).toBe('10.244.1.117/32');
    expect(podAddr(t, 'coredns-5dd5756b68-vj4ms')).toBe('10.244.0.57/32');
    const pod = t.machines.flatMap((m) => m.pods ?? []).find((p) => p.name === 'nginx-7854ff8877-2lq7d');
    expect(pod?.routes).toEqual([{ dst: '10.244.2.93/32', dev: 'eth0' }, { dst: 'default', via: '10.244.2.93', dev: 'eth0' }]);
    expect(r.counts).toEqual({ nodes: 3, pods: 3, hostNetwork: 12, notPlaced: 1 });
  });

  it('plays a ping between pods on two nodes through cilium_vxlan', () => {
    if (!t || !r.journey) throw new Error('no journey');
    expect(r.journey).toEqual({ from: 'nginx-7854ff8877-2lq7d', to: 'nginx-7854ff8877-k8v5c' });
    const j = runJourney(t, r.journey);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'nginx-7854ff8877-k8v5c' && e.cause === 'echo-request')).toBe(true);
    expect(j.events.some((e) => e.type === 'deliver' && e.ns === 'nginx-7854ff8877-2lq7d' && e.cause === 'echo-reply')).toBe(true);
    expect(j.events.some((e) => e.type === 'frame' && e.iface === 'cilium_vxlan')).toBe(true);
  });

  it('the terminal prints nodeInfo from the JSON, RESTARTS with the last restart\'s age, and the pending pod', () => {
    if (!t) throw new Error('no lab');
    expect(text(t, 'kubectl get nodes -o wide')).toContain('minikube-m02   Ready    <none>          10m   v1.28.3   192.168.58.3   <none>        Ubuntu 22.04.3 LTS   6.1.0-21-amd64   docker://24.0.7');
    const pods = text(t, 'kubectl get pods -A -o wide');
    expect(pods).toMatch(/cilium-jz6vq\s+1\/1\s+Running\s+1 \(9m28s ago\)\s+\S+\s+192\.168\.58\.3\s+minikube-m02/);
    expect(pods).toMatch(/nginx-7854ff8877-xq9mt\s+0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>/);
  });
});

describe('minikube start above the tables', () => {
  const nodes = 'NAME           STATUS   ROLES           AGE   VERSION\nminikube       Ready    control-plane   36s   v1.26.3\nminikube-m02   Ready    <none>          18s   v1.26.3\nminikube-m03   Ready    <none>          1s    v1.26.3\n';

  it('--cni picks the CNI and its mode when no DaemonSet names one', () => {
    const r = importCluster([{ name: 'paste', text: `$ minikube start --nodes 3 --cni flannel\n${nodes}` }]);
    expect(r.detected).toEqual({ cni: 'flannel', from: 'minikube start --cni flannel' });
    expect(r.mode).toBe('flannel-vxlan');
    expect(r.topology).not.toBeNull();
    const cilium = importCluster([{ name: 'paste', text: `$ minikube start -n=3 --cni=cilium\n${nodes}` }]);
    expect(cilium.mode).toBe('cilium-tunnel');
    expect(cilium.journey).toEqual({ from: 'minikube', to: 'minikube-m02' });
  });

  it('says when --nodes and the output disagree, and when --cni and the DaemonSets do', () => {
    const r = importCluster([{ name: 'paste', text: `$ minikube start --nodes 2 --cni calico\n${nodes}` }]);
    expect(of(r.notes, 'minikube-nodes-differ')).toEqual([{ flag: 2, found: 3 }]);
    const both = importCluster([{ name: 'paste', text: CALICO.replace('--cni calico', '--cni flannel') }]);
    expect(of(both.notes, 'cni-conflict')).toEqual([{ flag: 'flannel', detected: 'calico' }]);
    expect(both.mode).toBe('calico-ipip');
  });
});

describe('outputs taken at different moments (teacher review, item 10)', () => {
  // The notes' nodes (36 s, 18 s and 1 s old), and their pods twenty minutes later, as two files.
  const r = importCluster([{ name: 'nodes.txt', text: NOTES_NODES }, { name: 'pods.txt', text: LATER }], { mode: 'flannel-vxlan' });
  const t = r.topology;

  it('never shows a node younger than its pods, and says which nodes were moved back', () => {
    if (!t) throw new Error('no lab');
    expect(of(r.notes, 'ages-adjusted')).toEqual([
      { node: 'minikube-m02', pod: 'default/nginx-748c667d99-8x2zl' },
      { node: 'minikube-m03', pod: 'kube-system/kube-proxy-rj2mb' },
    ]);
    const nodes = text(t, 'kubectl get nodes').split('\n').slice(1).map((l) => l.split(/\s+/)[3]);
    expect(nodes).toEqual(['20m', '20m', '20m']);
  });

  it('keeps RESTARTS as pasted and lists the pending pod', () => {
    if (!t) throw new Error('no lab');
    const pods = text(t, 'kubectl get pods -A');
    expect(pods).toMatch(/nginx-748c667d99-8x2zl\s+1\/1\s+Running\s+1 \(3m3s ago\)\s+20m/);
    expect(pods).toMatch(/nginx-748c667d99-zk8mj\s+0\/1\s+Pending\s+0\s+20m/);
  });
});
