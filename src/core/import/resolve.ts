import { nameSuffix } from '../cluster/podNames';
import { formatIp, networkOf, parseCidr, parseIp } from '../net/ipv4';
import { note, type ImportNote } from './notes';
import type { ClusterFacts, Moment, NodeFact, PodFact } from './types';

/*
 * The facts of every block joined into one cluster: each node once with its address, pod subnet,
 * role and join time; each pod classified (placed in a namespace of its own, sharing its node's
 * network, or not placed). What no block said is assumed by the rules of the tool that made the
 * cluster (networking-facts §7: minikube's Docker network from 192.168.49.0/24, node i at the
 * gateway + i; node IPAM's /24s of 10.244.0.0/16 in join order) and said so.
 */

/** The tool that made the cluster, told by its node names or a minikube command. */
export type ClusterTool = 'minikube' | 'kind' | 'kubernetes';

/** A node as the lab will have it. */
export interface PlannedNode {
  name: string;
  ip: string;
  prefix: number;
  podCidr: string;
  controlPlane: boolean;
  /** Seconds since the control plane registered. */
  joinedAt: number;
  version?: string;
  /** What `kubectl get nodes -o wide` prints beyond the lab's own facts, when the input gave it. */
  externalIp?: string;
  osImage?: string;
  kernelVersion?: string;
  containerRuntime?: string;
  /** Cilium's CiliumNode for it: cluster-pool CIDR, router IP, a WireGuard public key published. */
  cilium?: { podCidr?: string; router?: string; wgPubKey?: boolean };
}

/** A pod and where it goes. */
export interface PlannedPod {
  fact: PodFact;
  /** The lab's namespace name (the pod's own when it fits the lab's rule). */
  ns: string;
  createdAt: number;
  place: 'namespace' | 'host' | 'none';
  /** When a container last restarted (seconds since the control plane registered), when RESTARTS said. */
  lastRestartAt?: number;
}

/** The cluster as the builder takes it. */
export interface ClusterPlan {
  tool: ClusterTool;
  profile: string;
  nodes: PlannedNode[];
  pods: PlannedPod[];
  /** The cluster's pod network (`10.244.0.0/16`). */
  network: string;
  now: number;
  daemonSets: { namespace: string; name: string; nodeSelector?: string; createdAt: number }[];
}

/**
 * Pods that run with `hostNetwork: true` in their manifests (kubeadm's static pods, kube-proxy,
 * the CNIs' node agents, minikube's storage-provisioner): from a table, a pod is taken for one when
 * its name says so or its IP is its node's.
 */
const HOST_PODS = /^(etcd|kube-apiserver|kube-controller-manager|kube-scheduler)-|^(kube-proxy|kube-flannel-ds|calico-node|cilium|kindnet|weave-net)-[a-z0-9]{5}$|^storage-provisioner$/;

/** Statuses of a pod whose sandbox is gone or not made yet: listed, not placed. */
const NOT_RUNNING = /^(Pending|Succeeded|Failed|Completed|Unknown|Terminating|Error|Evicted|ContainerStatusUnknown|ContainerCreating|Init:.*)$/;

/** The lab's rule for namespace names (schema.ts NS_NAME). */
const NS_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/;

function toolOf(facts: ClusterFacts, names: readonly string[]): { tool: ClusterTool; profile: string } {
  const kind = names.find((n) => /-control-plane$/.test(n));
  if (kind && names.every((n) => n.startsWith(kind.replace(/-control-plane$/, '')))) return { tool: 'kind', profile: kind.replace(/-control-plane$/, '') };
  const base = names.find((n) => names.every((o) => o === n || new RegExp(`^${n.replace(/[.]/g, '\\.')}-m\\d{2,}$`).test(o)));
  if (facts.minikube || (base !== undefined && names.length > 1)) return { tool: 'minikube', profile: base ?? names[0] ?? 'minikube' };
  if (names.length === 1 && names[0] === 'minikube') return { tool: 'minikube', profile: 'minikube' };
  return { tool: 'kubernetes', profile: 'kubernetes' };
}

/** Joins what several blocks said of one node. */
function mergeNodes(facts: ClusterFacts): NodeFact[] {
  const byName = new Map<string, NodeFact>();
  const add = (n: NodeFact) => {
    const old = byName.get(n.name);
    if (!old) {
      byName.set(n.name, { ...n });
      return;
    }
    if (old.ip === undefined && n.ip !== undefined) old.ip = n.ip;
    if (old.podCidr === undefined && n.podCidr !== undefined) old.podCidr = n.podCidr;
    if (n.controlPlane === true) old.controlPlane = true;
    if (old.version === undefined && n.version !== undefined) old.version = n.version;
    for (const k of ['externalIp', 'osImage', 'kernelVersion', 'containerRuntime'] as const) if (old[k] === undefined && n[k] !== undefined) old[k] = n[k];
    if (n.cilium) old.cilium = { ...old.cilium, ...n.cilium };
    if (n.at && (!old.at || (old.at.kind === 'age' && n.at.kind === 'created'))) old.at = n.at;
  };
  facts.nodes.forEach(add);
  for (const p of facts.pods) if (p.node !== undefined) add({ name: p.node });
  return [...byName.values()];
}

/** Seconds before the output of each moment: ages as printed, creation times against the newest one. */
function agesOf(moments: readonly (Moment | undefined)[]): (number | undefined)[] {
  const created = moments.flatMap((m) => (m?.kind === 'created' ? [m.ms] : []));
  const newest = created.length > 0 ? Math.max(...created) : 0;
  // The output was read at least a minute after the newest object was made.
  return moments.map((m) => (m === undefined ? undefined : m.kind === 'age' ? m.s : Math.round((newest - m.ms) / 1000) + 60));
}

/** The /24 (or the pod network's prefix) holding most of `ips`. */
function mostCommon24(ips: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const ip of ips) counts.set(networkOf(ip, 24), (counts.get(networkOf(ip, 24)) ?? 0) + 1);
  let best: number | null = null;
  for (const [net, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = net;
  return best;
}

/** A namespace name for a pod: its own when the lab's rule allows it and nobody has it, else shortened with a seeded suffix. */
function labName(p: PodFact, used: Set<string>): string {
  if (NS_NAME.test(p.name) && !used.has(p.name)) return p.name;
  const stem = p.name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 25) || 'pod';
  for (let k = 0; ; k++) {
    const name = `${stem}-${nameSuffix(`${p.namespace}/${p.name}/${k}`)}`;
    if (!used.has(name)) return name;
  }
}

/**
 * The cluster the facts describe, with a remark for everything assumed; errors (`no-nodes`,
 * `node-no-ip`, `node-ip-twice`) leave `plan` null.
 */
export function resolveCluster(facts: ClusterFacts): { plan: ClusterPlan | null; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const merged = mergeNodes(facts);
  if (merged.length === 0) return { plan: null, notes: [note('no-nodes', {})] };
  const { tool, profile } = toolOf(facts, merged.map((n) => n.name));
  // minikube and kind list nodes in the order they were made: the control plane, then -m02, -m03 or worker, worker2.
  const order = (n: NodeFact): number => {
    const m = /-m(\d+)$/.exec(n.name) ?? /-worker(\d*)$/.exec(n.name);
    return n.controlPlane === true || /-control-plane$/.test(n.name) || n.name === profile ? 0 : m ? Number(m[1] || 1) + 1 : 1000;
  };
  const nodes = merged.map((n, k) => ({ n, k })).sort((a, b) => order(a.n) - order(b.n) || a.k - b.k).map((x) => x.n);
  let cp = nodes.find((n) => n.controlPlane === true);
  if (!cp) {
    cp = nodes[0] as NodeFact;
    if (tool === 'kubernetes' || nodes.length > 1) notes.push(note('control-plane-assumed', { node: cp.name }));
  }

  // Times: everything as seconds before the output, then since the control plane registered.
  const podFacts = facts.pods;
  const ages = agesOf([...nodes.map((n) => n.at), ...podFacts.map((p) => p.at), ...facts.daemonSets.map((d) => d.at), ...podFacts.map((p) => p.lastRestart)]);
  const restartAge = (k: number) => ages[nodes.length + podFacts.length + facts.daemonSets.length + k];
  const anyTime = ages.some((a) => a !== undefined);
  const cpAge = ages[nodes.indexOf(cp)] ?? Math.max(0, ...ages.filter((a): a is number => a !== undefined));
  const now = anyTime ? Math.max(cpAge, ...ages.filter((a): a is number => a !== undefined)) : 300;
  if (!anyTime) notes.push(note('times-assumed', {}));
  const since = (age: number | undefined, fallback: number) => Math.min(now, Math.max(0, age === undefined ? fallback : now - age));

  // Addresses: the node's own, then a hostNetwork pod's, then the tool's rule.
  const hostPods = podFacts.filter((p) => p.hostNetwork === true || (p.hostNetwork === undefined && HOST_PODS.test(p.name)));
  const planned: PlannedNode[] = [];
  const ipOwner = new Map<string, string>();
  nodes.forEach((n, k) => {
    let ip = n.ip;
    if (ip === undefined) {
      const pod = hostPods.find((p) => p.node === n.name && p.ip !== undefined);
      if (pod?.ip !== undefined) {
        ip = pod.ip;
        notes.push(note('node-ip-from-pod', { node: n.name, ip, pod: `${pod.namespace}/${pod.name}` }));
      } else if (tool === 'minikube') {
        ip = `192.168.49.${k + 2}`;
        notes.push(note('node-ip-minikube', { node: n.name, ip }));
      } else if (tool === 'kind') {
        ip = `172.18.0.${k + 2}`;
        notes.push(note('node-ip-kind', { node: n.name, ip }));
      } else {
        notes.push(note('node-no-ip', { node: n.name }));
        return;
      }
    }
    const other = ipOwner.get(ip);
    if (other !== undefined) notes.push(note('node-ip-twice', { ip, a: other, b: n.name }));
    ipOwner.set(ip, n.name);
    const fromAddr = facts.ip.filter((b) => b.node === n.name).flatMap((b) => (b.table.kind === 'addr' ? b.table.links : [])).flatMap((l) => l.addresses).find((a) => a.startsWith(`${ip}/`));
    const prefix = fromAddr ? Number(fromAddr.split('/')[1]) : tool === 'kind' ? 16 : 24;
    const age = ages[k];
    planned.push({
      name: n.name, ip, prefix, podCidr: n.podCidr ?? '', controlPlane: n === cp,
      joinedAt: n === cp ? 0 : since(age, Math.min(now, 20 * k)),
      ...(n.version !== undefined ? { version: n.version } : {}),
      ...(n.externalIp !== undefined ? { externalIp: n.externalIp } : {}),
      ...(n.osImage !== undefined ? { osImage: n.osImage } : {}),
      ...(n.kernelVersion !== undefined ? { kernelVersion: n.kernelVersion } : {}),
      ...(n.containerRuntime !== undefined ? { containerRuntime: n.containerRuntime } : {}),
      ...(n.cilium !== undefined ? { cilium: n.cilium } : {}),
    });
  });
  if (notes.some((x) => x.code === 'node-no-ip' || x.code === 'node-ip-twice')) return { plan: null, notes };

  // Pods: where each goes.
  const nodeIp = new Map(planned.map((n) => [n.name, n.ip]));
  const used = new Set(planned.map((n) => n.name));
  const pods: PlannedPod[] = podFacts.map((p, k): PlannedPod => {
    const age = ages[nodes.length + k];
    const createdAt = since(age, Math.min(now, 60 + k));
    const restarted = restartAge(k);
    if (restarted !== undefined) return { ...placePod(p, createdAt), lastRestartAt: since(restarted, createdAt) };
    return placePod(p, createdAt);
  });
  function placePod(p: PodFact, createdAt: number): PlannedPod {
    const host = p.hostNetwork === true || (p.node !== undefined && p.ip !== undefined && p.ip === nodeIp.get(p.node));
    if (p.node === undefined || !nodeIp.has(p.node) || NOT_RUNNING.test(p.status) || (p.ip === undefined && !host)) return { fact: p, ns: '', createdAt, place: 'none' };
    if (host) return { fact: p, ns: '', createdAt, place: 'host' };
    const ns = labName(p, used);
    used.add(ns);
    if (ns !== p.name) notes.push(note('name-shortened', { pod: `${p.namespace}/${p.name}`, ns }));
    return { fact: p, ns, createdAt, place: 'namespace' };
  }

  // A node registers before any pod is scheduled on it, so it is never younger than its oldest pod.
  // Outputs copied at different moments (a node table, then pods twenty minutes later) break that:
  // the node is taken to have joined when its oldest pod was made, and said so. Invented times
  // (no AGE pasted) follow the same rule silently, so the terminal never shows the impossible.
  for (const n of planned) {
    const oldest = pods.filter((p) => p.fact.node === n.name).reduce<PlannedPod | null>((a, p) => (a === null || p.createdAt < a.createdAt ? p : a), null);
    if (!oldest || oldest.createdAt >= n.joinedAt) continue;
    if (ages[nodes.findIndex((x) => x.name === n.name)] !== undefined) notes.push(note('ages-adjusted', { node: n.name, pod: `${oldest.fact.namespace}/${oldest.fact.name}` }));
    n.joinedAt = oldest.createdAt;
  }

  // Pod subnets: the node's podCIDR, else its pods' /24, else its cni0's, else the next free /24.
  const podIps = (node: string) => pods.filter((p) => p.place === 'namespace' && p.fact.node === node).map((p) => parseIp(p.fact.ip ?? '') as number);
  const known = planned.flatMap((n) => (parseCidr(n.podCidr) ? [parseCidr(n.podCidr)?.ip as number] : podIps(n.name)));
  const net16 = known[0] !== undefined ? networkOf(known[0], 16) : null;
  const network = net16 !== null ? `${formatIp(net16)}/16` : '10.244.0.0/16';
  notes.push(note('cluster-network', { cidr: network, from: net16 !== null ? 'pods' : 'default' }));
  const taken = new Set(planned.flatMap((n) => (parseCidr(n.podCidr) ? [n.podCidr] : [])));
  for (const n of planned) {
    if (n.podCidr !== '') continue;
    const from = mostCommon24(podIps(n.name));
    const cni0 = facts.ip.filter((b) => b.node === n.name).flatMap((b) => (b.table.kind === 'addr' ? b.table.links : [])).find((l) => l.ifname === 'cni0')?.addresses[0];
    const c = cni0 !== undefined ? parseCidr(cni0) : null;
    if (from !== null && !taken.has(`${formatIp(from)}/24`)) {
      n.podCidr = `${formatIp(from)}/24`;
      notes.push(note('pod-cidr-from-pods', { node: n.name, cidr: n.podCidr }));
    } else if (c && !taken.has(`${formatIp(networkOf(c.ip, c.prefix))}/${c.prefix}`)) {
      n.podCidr = `${formatIp(networkOf(c.ip, c.prefix))}/${c.prefix}`;
      notes.push(note('pod-cidr-from-ip', { node: n.name, cidr: n.podCidr }));
    } else continue;
    taken.add(n.podCidr);
  }
  const base = parseCidr(network) as { ip: number };
  for (const n of planned) {
    if (n.podCidr !== '') continue;
    for (let k = 0; k < 256; k++) {
      const cidr = `${formatIp((base.ip + k * 256) >>> 0)}/24`;
      if (taken.has(cidr)) continue;
      n.podCidr = cidr;
      taken.add(cidr);
      notes.push(note('pod-cidr-assumed', { node: n.name, cidr }));
      break;
    }
  }
  const daemonSets = facts.daemonSets.map((d, k) => ({
    namespace: d.namespace, name: d.name, ...(d.nodeSelector !== undefined ? { nodeSelector: d.nodeSelector } : {}),
    createdAt: since(ages[nodes.length + podFacts.length + k], 1),
  }));
  return { plan: { tool, profile, nodes: planned, pods, network, now, daemonSets }, notes };
}
