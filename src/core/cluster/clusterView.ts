import type { ClusterDaemonSetSpec, ClusterNodeSpec, ClusterSpec, Topology } from '../model/topology';
import { nameSuffix } from './podNames';

/*
 * The cluster as the API server would list it at a given moment: the lab's nodes and pods joined
 * with what only the control plane knows (ClusterSpec), and DaemonSet rollouts that replace pods
 * over time. Pure: the terminal asks for the view at its own clock.
 */

/** A `kubectl rollout restart` of one DaemonSet, at `at` seconds. */
export interface Rollout {
  namespace: string;
  name: string;
  at: number;
}

/** One node as kubectl shows it. */
export interface NodeRow {
  name: string;
  ip: string;
  controlPlane: boolean;
  joinedAt: number;
  /** The ClusterSpec's node, for the columns only the control plane knows (absent for a node the lab gained). */
  spec?: ClusterNodeSpec;
}

/** One pod as kubectl shows it at the view's moment. */
export interface PodRow {
  namespace: string;
  name: string;
  node: string;
  ip: string;
  createdAt: number;
  /** `Running`, the phase a new pod passes through first, or the STATUS pasted for a pod the lab does not hold (`Pending`). */
  status: string;
  ready: number;
  containers: number;
  daemonSet?: string;
  restarts: number;
  /** When a container last restarted (seconds since the control plane registered). */
  lastRestartAt?: number;
}

/**
 * How long a DaemonSet's new pod takes to become ready, in seconds, and so how far apart a
 * rolling update replaces pods: the controller deletes one old pod at a time (maxUnavailable 1,
 * the default) and moves on when the new one is available. Typical of a warm image cache; not a
 * kernel fact, only the order matters.
 */
export const POD_START_S = 4;
/** Seconds between one replacement and the next in a rolling update. */
export const ROLLOUT_STEP_S = POD_START_S + 1;

/**
 * Init containers of a DaemonSet's pod: kube-flannel-ds has two (install-cni-plugin, install-cni),
 * calico-node three (upgrade-ipam, install-cni, ebpf-bootstrap: calico's manifests/calico.yaml),
 * minikube's cilium six (config, mount-cgroup, apply-sysctl-overwrites, mount-bpf-fs,
 * clean-cilium-state, install-cni-binaries).
 */
function initContainers(ds: string): number {
  return ds === 'kube-flannel-ds' ? 2 : ds === 'calico-node' ? 3 : ds === 'cilium' ? 6 : 0;
}

function firstAddress(t: Topology, ns: string): string | undefined {
  for (const m of t.machines) {
    if (m.name === ns) return m.interfaces.find((i) => i.kind === 'ether' && i.addresses?.length)?.addresses?.[0]?.split('/')[0];
    const pod = m.pods?.find((p) => p.name === ns);
    if (pod) return pod.interfaces[0]?.addresses?.[0]?.split('/')[0];
  }
  return undefined;
}

/** Byte order of two keys, as etcd sorts them (the names are ASCII). */
export function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The cluster's nodes that the lab still has, in the order they joined (a rollout's order). */
export function nodeRows(t: Topology, c: ClusterSpec): NodeRow[] {
  const rows: NodeRow[] = [];
  for (const n of c.nodes) {
    const ip = firstAddress(t, n.name);
    if (ip !== undefined && t.machines.some((m) => m.name === n.name)) rows.push({ name: n.name, ip, controlPlane: n.controlPlane === true, joinedAt: n.joinedAt, spec: n });
  }
  // Nodes the lab gained after the cluster was described (the editor's "add node") joined at that moment.
  for (const m of t.machines) {
    const ip = firstAddress(t, m.name);
    if (m.role === 'node' && ip !== undefined && !c.nodes.some((n) => n.name === m.name)) rows.push({ name: m.name, ip, controlPlane: false, joinedAt: c.now });
  }
  return rows;
}

function phase(age: number, ds: string | undefined): Pick<PodRow, 'status' | 'ready'> {
  if (age >= POD_START_S || ds === undefined) return { status: 'Running', ready: 1 };
  if (initContainers(ds) === 0) return { status: 'ContainerCreating', ready: 0 };
  return { status: age < POD_START_S / 2 ? `Init:0/${initContainers(ds)}` : 'PodInitializing', ready: 0 };
}

/** When node number `index` (in the cluster's node order) gets its new pod in a rollout started at `at`. */
export function replacedAt(rollout: Rollout, index: number): number {
  return rollout.at + 1 + index * ROLLOUT_STEP_S;
}

/** The pods at moment `now`: DaemonSet pods replaced by the rollouts that reached their node. */
export function podRows(t: Topology, c: ClusterSpec, rollouts: readonly Rollout[], now: number): PodRow[] {
  const nodes = nodeRows(t, c);
  const nodeIp = new Map(nodes.map((n) => [n.name, n.ip]));
  const labPods = new Map<string, string>();
  for (const m of t.machines) for (const p of m.pods ?? []) labPods.set(p.name, m.name);
  const rows: PodRow[] = [];
  const listed = new Set<string>();
  for (const p of c.pods) {
    if (p.createdAt > now) continue;
    if (p.status !== undefined) {
      // A pod the lab does not hold (pending, finished, refused by the ADD): as kubectl showed it.
      const containers = p.containers ?? 1;
      rows.push({
        namespace: p.namespace, name: p.name, node: p.node === '' ? '<none>' : p.node, ip: p.ip ?? '<none>', createdAt: p.createdAt, status: p.status,
        ready: p.status === 'Running' ? containers : 0, containers, restarts: p.restarts ?? 0, ...(p.lastRestartAt !== undefined ? { lastRestartAt: p.lastRestartAt } : {}),
      });
      continue;
    }
    let ip: string | undefined;
    let node = p.node;
    if (p.ns !== undefined) {
      const on = labPods.get(p.ns);
      if (on === undefined) continue;
      listed.add(p.ns);
      node = on;
      ip = firstAddress(t, p.ns);
    } else {
      ip = nodeIp.get(p.node);
    }
    if (ip === undefined) continue;
    let { name, createdAt } = p;
    let restarted = true;
    if (p.daemonSet !== undefined) {
      const index = nodes.findIndex((n) => n.name === p.node);
      let generation = 1;
      for (const r of rollouts) {
        if (r.name !== p.daemonSet || r.namespace !== p.namespace) continue;
        const at = replacedAt(r, index);
        if (at > now) continue;
        generation++;
        createdAt = at;
        restarted = false;
        name = `${p.daemonSet}-${nameSuffix(`${p.daemonSet}/${p.node}/${generation}`)}`;
      }
    }
    const containers = p.containers ?? 1;
    const ph = phase(now - createdAt, p.daemonSet);
    // A pod a rollout replaced is a new pod: its containers have not restarted.
    const restarts = restarted ? { restarts: p.restarts ?? 0, ...(p.lastRestartAt !== undefined ? { lastRestartAt: p.lastRestartAt } : {}) } : { restarts: 0 };
    rows.push({ namespace: p.namespace, name, node, ip, createdAt, status: ph.status, ready: ph.ready * containers, containers, ...(p.daemonSet !== undefined ? { daemonSet: p.daemonSet } : {}), ...restarts });
  }
  // Pods the lab gained after the cluster was described (the editor's "add pod"): in `default`.
  for (const [pod, on] of labPods) {
    if (listed.has(pod)) continue;
    const ip = firstAddress(t, pod);
    if (ip === undefined || !nodeIp.has(on)) continue;
    rows.push({ namespace: 'default', name: pod, node: on, ip, createdAt: c.now, status: 'Running', ready: 1, containers: 1, restarts: 0 });
  }
  // The API server lists objects in the order of their storage keys, /registry/pods/<namespace>/<name>.
  return rows.sort((a, b) => byKey(a.namespace, b.namespace) || byKey(a.name, b.name));
}

/** A DaemonSet's columns at `now`: nodes it should run on, pods it has, ready, of the newest template. */
export interface DaemonSetRow extends ClusterDaemonSetSpec {
  desired: number;
  current: number;
  ready: number;
  upToDate: number;
}

/** Every DaemonSet with its counts at `now`. */
export function daemonSetRows(t: Topology, c: ClusterSpec, rollouts: readonly Rollout[], now: number): DaemonSetRow[] {
  const nodes = nodeRows(t, c);
  const pods = podRows(t, c, rollouts, now);
  return [...c.daemonSets].sort((a, b) => byKey(a.namespace, b.namespace) || byKey(a.name, b.name)).map((ds) => {
    const mine = pods.filter((p) => p.daemonSet === ds.name && p.namespace === ds.namespace);
    const last = rollouts.filter((r) => r.name === ds.name && r.namespace === ds.namespace).at(-1);
    const upToDate = last === undefined ? mine.length : mine.filter((p) => p.createdAt >= last.at).length;
    return { ...ds, desired: nodes.length, current: mine.length, ready: mine.filter((p) => p.ready === p.containers).length, upToDate };
  });
}
