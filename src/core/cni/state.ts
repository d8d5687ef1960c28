import type { CniLinkKind } from './events';

/*
 * One node as the plugins see it: its network namespaces (the node's own, `host`, and each pod's,
 * by the path the runtime gave), their links, addresses, static routes, sysctls and nat rules,
 * and the files the plugins keep on its disk. Plain JSON, so the CNI command can keep a node in a
 * file between calls, and the lab can build one from a topology. Connected routes are not stored:
 * like the kernel, we derive them from the addresses of links that are up (`connectedRoutes`).
 */

/** The node's own namespace, where the runtime runs the plugins. */
export const HOST_NS = 'host';

/** A network device. */
export interface LinkState {
  /** ifindex, counted per namespace from 1 (lo). */
  index: number;
  name: string;
  kind: CniLinkKind;
  mac: string;
  /**
   * The MAC was set explicitly (NET_ADDR_SET). A bridge whose MAC was not set follows the lowest
   * MAC among its ports (br_stp_recalculate_bridge_id); the bridge plugin pins it with isGateway.
   */
  macSet?: boolean;
  mtu: number;
  /** Administratively up (IFF_UP). */
  up: boolean;
  /** ifindex of the bridge this link is a port of, in the same namespace. */
  master?: number;
  /** The other end of a veth pair. */
  peer?: { ns: string; index: number };
  /** IPv4 addresses with prefix, in the order they were added. */
  addresses: string[];
  hairpin?: boolean;
  promisc?: boolean;
  /** The MTU was set explicitly after creation (a bridge then stops following its ports'). */
  mtuSet?: boolean;
  /**
   * A bridge that has had a port: until then it has carrier and `ip link` says UNKNOWN; once a
   * port came and went it follows its ports (br_port_state_selection turns carrier off).
   */
  hadPorts?: boolean;
}

/** A route a program added (proto boot); `dev` is an ifindex. */
export interface RouteState {
  dst: string;
  gw?: string;
  dev: number;
}

/** The nat table, as `iptables -t nat -S` lists it: user chains, then rules in order. */
export interface NatState {
  chains: string[];
  rules: string[];
}

/** One network namespace. */
export interface NetnsState {
  links: LinkState[];
  routes: RouteState[];
  /** Sysctls written, by dotted name (`net.ipv4.ip_forward`); unset ones have the kernel default. */
  sysctls: Record<string, string>;
  /** The last ifindex handed out (the kernel allocates cyclically: a freed index is not reused at once). */
  lastIndex: number;
  nat?: NatState;
}

/** A node: its namespaces and its files. */
export interface NodeState {
  format: 'packet-journey-cni-node';
  version: 1;
  namespaces: Record<string, NetnsState>;
  /** Files by absolute path (host-local's `/var/lib/cni/networks/<net>/<ip>`, flannel's subnet.env). */
  files: Record<string, string>;
  /**
   * Calico's datastore as this node's plugins see it, by key (its etcdv3 layout:
   * `/calico/ipam/v2/assignment/ipv4/block/10.244.120.64-26`, `/calico/ipam/v2/handle/…`), each
   * value a JSON text. It is the cluster's, not the node's: the lab fills it with every node's
   * blocks, so calico-ipam on one node never claims a block another node holds.
   */
  datastore?: Record<string, string>;
  /** The Cilium agent running on the node, which cilium-cni asks over its API socket; absent on a node without Cilium. */
  agent?: CiliumAgentState;
  /** Weave Net's router (weaver) on the node, whose IPAM weave-net asks over HTTP; absent on a node without Weave Net. */
  weave?: WeaveRouterState;
}

/**
 * What the weaver process's IPAM knows that weave-net's CNI plugin asks for (weaveapi
 * AllocateIP, plugin/ipam/cni.go): the allocation range (IPALLOC_RANGE) and the share of it this
 * peer owns, [start, end) as numbers (model/datapathWeave.ts weaveNodes). The addresses it has
 * handed out are the ones the node's namespaces hold.
 */
export interface WeaveRouterState {
  range: string;
  start: number;
  end: number;
  /** Addresses of the range other peers hold (the lab's stand-in for the ring's record of who owns what). */
  held?: number[];
  /**
   * Addresses this peer's allocator already owns, by container ID (ipam/allocator.go `owned`, kept
   * in weaver's database across restarts): AllocateIP for an ID that owns an address in the range
   * answers with it (ipam/allocate.go Try → lookupOwned). How a lab rebuilt from a real cluster
   * keeps the pods' addresses; absent: the lowest free address of the share.
   */
  owned?: Record<string, string>;
}

/**
 * What the Cilium agent knows that cilium-cni asks for (cilium.sock: IPAMAllocate, the node's
 * addressing): the node's pod CIDR (cluster-pool) and its router IP (cilium_host's address).
 * The addresses it has handed out are the ones the node's pods hold.
 */
export interface CiliumAgentState {
  podCidr: string;
  router: string;
  /**
   * Addresses the agent's IPAM already holds for an owner (container ID → IPv4), allocated with
   * AllocateIP(ip, owner) (pkg/ipam/allocator.go) as its endpoint restore does after a restart:
   * IPAMAllocate for that owner answers with it. How a lab rebuilt from a real cluster keeps the
   * pods' addresses; absent: the agent hands out the lowest free one.
   */
  held?: Record<string, string>;
}

/** A fresh namespace as `ip netns add` makes it: only `lo`, down. */
export function freshNetns(): NetnsState {
  return { links: [{ index: 1, name: 'lo', kind: 'loopback', mac: '00:00:00:00:00:00', mtu: 65536, up: false, addresses: [] }], routes: [], sysctls: {}, lastIndex: 1 };
}

/** A node with nothing on it yet but its own namespace (the CNI command's state on first use). */
export function emptyNode(): NodeState {
  return { format: 'packet-journey-cni-node', version: 1, namespaces: { [HOST_NS]: freshNetns() }, files: {} };
}

/** Kernel defaults of the sysctls the plugins read or write. */
export const SYSCTL_DEFAULTS: Readonly<Record<string, string>> = { 'net.ipv4.ip_forward': '0' };

/** A deep copy of a node (the state is plain JSON). */
export function cloneNode(node: NodeState): NodeState {
  return JSON.parse(JSON.stringify(node)) as NodeState;
}

/** Whether `v` looks like a node state (the CNI command refuses any other file). */
export function isNodeState(v: unknown): v is NodeState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<NodeState>;
  return o.format === 'packet-journey-cni-node' && o.version === 1 && typeof o.namespaces === 'object' && o.namespaces !== null && typeof o.files === 'object' && o.files !== null && HOST_NS in o.namespaces;
}
