/**
 * The cluster import's speed for `npm run bench` (issue 12: importing a 100-node, 3,000-pod
 * cluster, target under 1 s): a `kubectl get nodes,pods -A -o json` list of a kubeadm-like Flannel
 * cluster (each node's podCIDR, a kube-flannel-ds pod on every node, the pods spread evenly),
 * read and built by importCluster, every pod through the CNI ADD at its own address.
 */
import { importCluster } from '../src/core/import/index';
import { cpuMs, median } from './benchCore';

/** The JSON list kubectl prints for `nodes` nodes and `pods` pods (as `JSON.stringify(…, null, 4)`, kubectl's indentation). */
export function clusterJson(nodes: number, pods: number): string {
  const items: unknown[] = [];
  const t0 = Date.parse('2024-05-14T10:00:00Z');
  const at = (s: number) => new Date(t0 + s * 1000).toISOString().replace('.000', '');
  const nodeIp = (i: number) => `10.0.${(i >> 8) & 255}.${(i & 255) + 10}`;
  for (let i = 0; i < nodes; i++) {
    const name = i === 0 ? 'cp' : `worker-${i}`;
    items.push({
      apiVersion: 'v1', kind: 'Node',
      metadata: { name, creationTimestamp: at(i * 20), labels: { 'kubernetes.io/hostname': name, ...(i === 0 ? { 'node-role.kubernetes.io/control-plane': '' } : {}) } },
      spec: { podCIDR: `10.244.${i}.0/24`, podCIDRs: [`10.244.${i}.0/24`] },
      status: { addresses: [{ type: 'InternalIP', address: nodeIp(i) }, { type: 'Hostname', address: name }], nodeInfo: { kubeletVersion: 'v1.30.2', containerRuntimeVersion: 'containerd://1.7.18', osImage: 'Ubuntu 22.04.4 LTS' } },
    });
    items.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `kube-flannel-ds-${String(i).padStart(5, 'x')}`, namespace: 'kube-flannel', creationTimestamp: at(i * 20 + 5), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-flannel-ds', controller: true, uid: 'ds' }] },
      spec: { containers: [{ name: 'kube-flannel', image: 'flannel' }], nodeName: name, hostNetwork: true },
      status: { phase: 'Running', podIP: nodeIp(i), podIPs: [{ ip: nodeIp(i) }] },
    });
  }
  for (let k = 0; k < pods; k++) {
    const i = k % nodes;
    const j = Math.floor(k / nodes) + 2;
    const ip = `10.244.${i}.${j}`;
    items.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `web-7d9f8c6b5-${k.toString(36).padStart(5, '0')}`, namespace: 'default', creationTimestamp: at(nodes * 20 + k) },
      spec: { containers: [{ name: 'web', image: 'nginx' }], nodeName: i === 0 ? 'cp' : `worker-${i}` },
      status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
    });
  }
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 4);
}

/** One import's figures (median of `runs`), in milliseconds, and what it built. */
export interface ImportFigures {
  nodes: number;
  pods: number;
  bytes: number;
  ms: number;
  cpuMs: number;
  placed: number;
}

/** Imports the generated cluster `runs` times. */
export function benchImport(nodes: number, pods: number, runs = 3): ImportFigures {
  const text = clusterJson(nodes, pods);
  const wall: number[] = [];
  const cpu: number[] = [];
  let placed = 0;
  for (let r = 0; r < runs; r++) {
    const c = cpuMs();
    const w = performance.now();
    const out = importCluster([{ name: 'cluster.json', text }]);
    wall.push(performance.now() - w);
    cpu.push(cpuMs() - c);
    if (!out.topology) throw new Error(`the ${nodes}-node import failed: ${out.notes.filter((n) => n.code !== 'block').slice(0, 3).map((n) => n.code).join(', ')}`);
    placed = out.counts.pods;
  }
  if (placed !== pods) throw new Error(`the ${nodes}-node import placed ${placed} of ${pods} pods`);
  return { nodes, pods, bytes: text.length, ms: median(wall), cpuMs: median(cpu), placed };
}
