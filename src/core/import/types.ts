/*
 * What an import reads from pasted or uploaded cluster output, as plain data: the facts each block
 * gave (nodes, pods, DaemonSets, a node's iproute2 tables) and every remark about the input
 * (recognised, assumed, skipped, refused) as a code with its values. The sentences come from the
 * import catalogue of the reader's language (src/core/i18n/<lang>/importNotes.ts).
 */

/** One piece of input: the paste box, or one uploaded file (its name). */
export interface ImportSource {
  name: string;
  text: string;
}

/** When an object was made: an absolute time (kubectl's JSON `creationTimestamp`), or an age as a table printed it. */
export type Moment = { kind: 'created'; ms: number } | { kind: 'age'; s: number };

/** A node as kubectl or minikube described it. Missing fields were not in that block. */
export interface NodeFact {
  name: string;
  /** The node's InternalIP (or `minikube node list`'s address). */
  ip?: string;
  /** `spec.podCIDR`. */
  podCidr?: string;
  /** The node carries the control-plane role (ROLES column, or the `node-role.kubernetes.io/control-plane` label). */
  controlPlane?: boolean;
  /** The kubelet's version as kubectl prints it (`v1.26.3`). */
  version?: string;
  at?: Moment;
  /** `status.addresses` of type ExternalIP (EXTERNAL-IP); `<none>` when the node's addresses were given and have none. */
  externalIp?: string;
  /** `status.nodeInfo.osImage` (OS-IMAGE), `kernelVersion` (KERNEL-VERSION), `containerRuntimeVersion` (CONTAINER-RUNTIME). */
  osImage?: string;
  kernelVersion?: string;
  containerRuntime?: string;
  /**
   * Cilium's CiliumNode of the same name: `spec.ipam.podCIDRs[0]` (cluster-pool's per-node CIDR),
   * the CiliumInternalIP (cilium_host's router IP) and whether it publishes a WireGuard public key
   * (the `network.cilium.io/wg-pub-key` annotation: transparent encryption is on).
   */
  cilium?: { podCidr?: string; router?: string; wgPubKey?: boolean };
}

/** A pod as kubectl described it. */
export interface PodFact {
  namespace: string;
  name: string;
  /** The node it is scheduled on; absent for a pod not scheduled yet. */
  node?: string;
  /** `status.podIP` (the IP column); absent when kubectl shows `<none>`. */
  ip?: string;
  /** `spec.hostNetwork`; from a table, true when the pod's IP is its node's. */
  hostNetwork?: boolean;
  /** The STATUS column, or `status.phase` (`Running`, `Pending`, `Succeeded`, …). */
  status: string;
  /** Containers (READY's second number, or `spec.containers`). */
  containers?: number;
  /** The DaemonSet that owns it (`metadata.ownerReferences`; from a table, by its name). */
  daemonSet?: string;
  at?: Moment;
  /** RESTARTS: the containers' restarts (`status.containerStatuses[].restartCount` summed). */
  restarts?: number;
  /** When a container last restarted, as RESTARTS' `(3m ago)` or the newest `lastState.terminated.finishedAt`. */
  lastRestart?: Moment;
}

/** A DaemonSet as kubectl described it. */
export interface DaemonSetFact {
  namespace: string;
  name: string;
  /** The NODE SELECTOR column, or `spec.template.spec.nodeSelector` as `k=v,k=v`. */
  nodeSelector?: string;
  at?: Moment;
}

/** One link of `ip -j addr`: what the lab can hold of it. */
export interface IpLink {
  ifname: string;
  /** `link_type`: `ether`, `loopback`, `none` (tunl0 is `ipip`). */
  linkType: string;
  mac?: string;
  mtu?: number;
  /** The bridge it is a port of. */
  master?: string;
  /** Present on a veth (its peer's index in `link_netnsid`). */
  linkIndex?: number;
  /** IPv4 addresses with prefix (`10.244.1.1/24`). */
  addresses: string[];
}

/** One route of `ip -j route` (main table). */
export interface IpRoute {
  dst: string;
  gateway?: string;
  dev?: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  metric?: number;
  onlink: boolean;
  /** `type` when it is not a unicast route (`blackhole`, `unreachable`, …). */
  type?: string;
}

/** One entry of `ip -j neigh`. */
export interface IpNeigh {
  dst: string;
  dev: string;
  lladdr?: string;
  /** The NUD states as iproute2 lists them (`PERMANENT`, `REACHABLE`, `STALE`, …). */
  state: string[];
}

/** One entry of `bridge -j fdb`. */
export interface IpFdb {
  mac: string;
  ifname: string;
  dst?: string;
  master?: string;
  state?: string;
}

/** A node's iproute2 table, and how the input said which node it is from. */
export type IpTable =
  | { kind: 'addr'; links: IpLink[] }
  | { kind: 'route'; routes: IpRoute[] }
  | { kind: 'neigh'; entries: IpNeigh[] }
  | { kind: 'fdb'; entries: IpFdb[] };

/** An iproute2 block with the node it names (the command above it, the prompt, a `# node:` line or the file's name). */
export interface IpBlock {
  table: IpTable;
  /** The node the input names for it, if it does. */
  node?: string;
  /** The file it came from, to match against node names when nothing else names the node. */
  fileName: string;
  source: string;
  line: number;
}

/** The kinds of block the reader recognises. */
export type BlockKind =
  | 'nodes-json' | 'pods-json' | 'daemonsets-json' | 'ciliumnodes-json' | 'list-json'
  | 'nodes-table' | 'pods-table' | 'daemonsets-table' | 'minikube-nodes'
  | 'ip-addr' | 'ip-route' | 'ip-neigh' | 'bridge-fdb';

/** Everything read from the input. */
export interface ClusterFacts {
  nodes: NodeFact[];
  pods: PodFact[];
  daemonSets: DaemonSetFact[];
  ip: IpBlock[];
  /** A `minikube node list` (or a minikube command) was in the input. */
  minikube: boolean;
  /** A `minikube start` line: its `--cni` and `--nodes` (`-n`), where it is. */
  minikubeStart?: MinikubeStart;
}

/** What a pasted `minikube start` line says of the cluster it made. */
export interface MinikubeStart {
  /** `--cni` as written (`flannel`, `calico`, `cilium`, `kindnet`, `bridge`, `auto`, …). */
  cni?: string;
  /** `--nodes` / `-n` (minikube's default is 1). */
  nodes?: number;
  source: string;
  line: number;
}
