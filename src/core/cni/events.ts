import type { CniEnv } from './types';

/*
 * What happens during a CNI operation, as plain data in the order it happens: the runtime
 * creating a namespace, each plugin execution (environment and stdin in, stdout and exit code
 * out), each kernel object created or changed, each file host-local or flannel writes, each IPAM
 * decision. No text: the narrator tells these events later in the reader's language, and quotes
 * only what a program printed (`stdout`, a configuration) unchanged.
 *
 * A namespace is named as the plugins see it: `host` for the node's own (where the runtime runs
 * the plugins), otherwise the path the runtime passed in CNI_NETNS.
 */

/** Link kinds the plugins create or meet. */
export type CniLinkKind = 'loopback' | 'bridge' | 'veth' | 'device';

/** Who ran a plugin: the runtime, or a plugin that delegated to it (flannel → bridge → host-local). */
export type CniCaller = { by: 'runtime' } | { by: 'plugin'; plugin: string };

/** One event; `seq` counts from 0 in each operation. */
export type CniEvent = { seq: number } & (
  /** The runtime made or removed a pod's network namespace (`ip netns add` before ADD; after DEL). */
  | { type: 'netns'; op: 'add' | 'del'; path: string }
  /** A plugin binary started: what it was given. `depth` 0 is the runtime's own call. */
  | { type: 'exec'; plugin: string; depth: number; caller: CniCaller; env: CniEnv; stdin: string }
  /** A plugin finished: what it printed and its exit code. */
  | { type: 'exit'; plugin: string; depth: number; exitCode: 0 | 1; stdout: string; code?: number }
  /** A plugin built a configuration for the plugin it delegates to (flannel's delegate), and where it saved it. */
  | { type: 'delegate'; plugin: string; to: string; conf: string; saved?: string }
  /** A file read, written or removed on the node (host-local's store, flannel's subnet.env). */
  | { type: 'file'; op: 'read' | 'write' | 'remove' | 'missing'; path: string; content?: string }
  /** A link created, found already there, removed, or changed; `set` on a MAC change: set explicitly (`ip link set … address`), not taken from a port. */
  | { type: 'link'; op: 'add' | 'exists' | 'del' | 'up' | 'down' | 'master' | 'mac' | 'hairpin' | 'promisc' | 'mtu'; ns: string; name: string; kind: CniLinkKind; index: number; mac?: string; mtu?: number; peer?: { ns: string; name: string }; master?: string; on?: boolean; random?: boolean; set?: boolean }
  /** An address added to or removed from a link. */
  | { type: 'addr'; op: 'add' | 'del' | 'exists'; ns: string; dev: string; address: string }
  /** A route added or removed: `proto` kernel for a connected route (an address's prefix), boot for a plugin's. */
  | { type: 'route'; op: 'add' | 'del'; ns: string; dst: string; gw?: string; dev: string; proto: 'kernel' | 'boot'; src?: string }
  /** A sysctl written (`was` is its value before). */
  | { type: 'sysctl'; ns: string; key: string; value: string; was: string }
  /** An iptables rule or chain in the nat table (the bridge plugin's ipMasq). */
  | { type: 'nat'; op: 'chain-add' | 'chain-del' | 'rule-add' | 'rule-del'; ns: string; chain: string; rule?: string }
  /**
   * host-local's allocation, step by step: where the search starts (after `last_reserved_ip` or at
   * rangeStart), each address skipped (the gateway, or reserved already), the one reserved, the
   * reservations released; `full` when a whole loop found nothing.
   */
  | { type: 'ipam'; op: 'start'; network: string; rangeSet: string; from: 'last-reserved' | 'range-start' | 'requested'; last?: string; first: string }
  | { type: 'ipam'; op: 'skip'; ip: string; why: 'gateway' | 'reserved' }
  | { type: 'ipam'; op: 'reserve'; ip: string; gateway: string; file: string; containerId: string; ifname: string }
  | { type: 'ipam'; op: 'release'; ip: string; file: string; containerId: string; ifname: string }
  | { type: 'ipam'; op: 'full'; rangeSet: string }
  /**
   * calico-ipam (libcalico-go lib/ipam): the block it takes an address from, one already affine to
   * this node or one it claims now (`claim`: a free block of the pool, or the block of a requested
   * address); the address assigned (`ordinal` within the block) to the handle
   * `k8s-pod-network.<containerID>`, or released from it; `exhausted` when no block had room.
   */
  | { type: 'ipam'; op: 'block'; block: string; host: string; how: 'affine' | 'claim' }
  | { type: 'ipam'; op: 'assign'; ip: string; block: string; ordinal: number; handle: string; requested: boolean }
  | { type: 'ipam'; op: 'unassign'; ip: string; block: string; handle: string }
  | { type: 'ipam'; op: 'exhausted'; pool: string }
  /** A key of Calico's datastore read, created, updated or deleted (its etcdv3 key layout; with the Kubernetes datastore the same objects are custom resources). */
  | { type: 'datastore'; op: 'read' | 'missing' | 'create' | 'update' | 'delete'; key: string; value?: string }
  /** One thing CHECK verified, and whether it held. */
  | { type: 'check'; plugin: string; what: 'bridge' | 'container-iface' | 'host-veth' | 'address' | 'route' | 'reservation'; subject: string; ok: boolean }
);

/** An event without its `seq`, as a step reports it. */
export type CniEventBody = CniEvent extends infer E ? (E extends { seq: number } ? Omit<E, 'seq'> : never) : never;
