import type { NeighState } from '../events';
import type { BpfAttach, IfaceSpec, MachineRole } from '../model/topology';
import { formatIp, networkOf } from '../net/ipv4';
import { compileNs, type CompiledIface, type CompiledNs, type CompiledRoute, type EffectiveConf } from './compile';
import type { NsEntry, PortRef, TopologyIndex } from './topologyIndex';
import type { Packet } from './packet';
import type { DefragQueues } from './fragment';

/*
 * The runtime form of a topology. Namespaces are materialised only when something reaches them:
 * a journey between two pods of a 2,000-pod cluster touches a few dozen namespaces, and building
 * the rest would dominate the time to re-simulate after an edit.
 */

export type { EffectiveConf } from './compile';
export { indexTopology, type NsEntry, type PortRef, type TopologyIndex } from './topologyIndex';

/** An interface at run time. */
export interface Iface {
  ns: Ns;
  name: string;
  /** `ns/name`, as segment FDB events name a NIC (built once, not at every frame). */
  path: string;
  kind: IfaceSpec['kind'];
  mac: string;
  addrs: { ip: number; prefix: number }[];
  /** The bridge this interface is a port of; for a bridge device, its own bridge state. */
  master: Bridge | null;
  bridge: Bridge | null;
  /** For a veth: where the other end is, and that end once `World.peer` resolved it (undefined until then). */
  peerRef: { ns: string; iface: string } | null;
  peer: Iface | null | undefined;
  /** For an ether NIC: its segment. */
  segment: Segment | null;
  conf: EffectiveConf;
  mtu: number;
  /** The eBPF program at its tc ingress hook (Cilium's, sim/bpfCilium.ts), or null: most devices have none. */
  bpf: BpfAttach | null;
  /** The OVS datapath it is a vport of (Weave Net's fastdp, sim/ovs.ts), or null. */
  vport: string | null;
}

/** A route at run time: its compiled form, bound to the device it leaves by. */
export interface Route extends Omit<CompiledRoute, 'devName'> {
  dev: Iface;
}

/** A neighbour cache entry. Times are virtual nanoseconds. */
export interface Neigh {
  ip: number;
  /** `ip` as text, for events (formatted once per entry). */
  ipText: string;
  dev: Iface;
  state: NeighState;
  mac: string | null;
  updated: number;
  confirmed: number;
  used: number;
  probes: number;
  /** Packets waiting for resolution (INCOMPLETE); the pending timer's token (a fired timer whose token differs is stale). */
  queue: { packet: Packet }[];
  timer: number;
}

/** A bridge's forwarding database. */
export interface Bridge {
  dev: Iface;
  /** Ports in the order Linux floods them (most recently added first). */
  ports: Iface[];
  fdb: Map<string, Iface>;
}

/** An L2 segment: a learning switch, not itself part of any namespace. */
export interface Segment {
  id: string;
  /** The NICs plugged in, by namespace and name, in topology order. */
  portRefs: readonly PortRef[];
  fdb: Map<string, Iface>;
}

/** A network namespace at run time. */
export interface Ns {
  name: string;
  machine: string;
  role: MachineRole;
  isPod: boolean;
  compiled: CompiledNs;
  /** Interfaces, each built on first use. */
  ifaces: IfaceTable;
  /**
   * Main and local tables' routes bound to their devices, by position in the compiled table, each
   * bound the first time a lookup matches it (undefined until then; null when its device is missing).
   */
  routes: (Route | null | undefined)[];
  localRoutes: (Route | null | undefined)[];
  localAddrs: ReadonlySet<number>;
  /** Neighbour tables per device name, keyed by IP. */
  neigh: Map<string, Map<number, Neigh>>;
  defaultTtl: number;
  /** See CompiledNs.hasWireguard. */
  hasWireguard: boolean;
  listeners: Set<string>;
  /*
   * Created on first use (most namespaces a journey builds need none): per-peer ICMP error token
   * buckets by destination IP (icmpv4_xrlim_allow); ip_error's (no-route errors) and the redirect
   * back-off by source IP; learned path MTUs by destination (bytes, expiry in ns); fragments held
   * for reassembly (fragment.ts).
   */
  icmpPeers: Map<number, { tokens: number; last: number }> | null;
  errorPeers: Map<number, { tokens: number; last: number }> | null;
  redirectPeers: Map<number, { n: number; last: number }> | null;
  pmtu: Map<number, { mtu: number; expires: number }> | null;
  defrag: DefragQueues | null;
  /** Next ephemeral source port. */
  nextPort: number;
}

/** The network at run time: namespaces built on first use, segments, and the topology index. */
export class World {
  readonly index: TopologyIndex;
  readonly segments = new Map<string, Segment>();
  /** Deliver every flood by building each NIC's namespace (no quiet hearing, hear.ts): tests compare the two. */
  readonly hearEvery: boolean;
  private built = new Map<string, Ns>();
  /**
   * What reached namespaces, in order: a namespace built (its name and entry), or a segment's NICs
   * (its port list, shared with the index) when a flood reached them all, built or only hearing it
   * quietly (hear.ts). Places and pending packets keep the order of first reach; a flood's
   * thousands of NICs are ordered only when someone asks (`reachedOrder`).
   */
  private reachLog: ({ name: string; entry: NsEntry } | readonly PortRef[])[] = [];
  private order: { at: number; entries: Map<string, NsEntry>; flooded: boolean } | undefined;

  constructor(index: TopologyIndex, hearEvery = false) {
    this.index = index;
    this.hearEvery = hearEvery;
    for (const [id, portRefs] of index.segments) this.segments.set(id, { id, portRefs, fdb: new Map() });
  }

  /** The namespace called `name`, built now if nothing has reached it yet. */
  ns(name: string): Ns | undefined {
    return this.built.get(name) ?? this.materialise(name);
  }

  /** The namespace called `name` if it has been built, without building it. */
  builtNs(name: string): Ns | undefined {
    return this.built.get(name);
  }

  /** Notes that a flood reached every NIC of `ports` (where each one's namespace used to be built). */
  reachAll(ports: readonly PortRef[]): void {
    this.reachLog.push(ports);
  }

  /** Namespaces built so far (the ones the journey touched), in the order they were built. */
  builtNamespaces(): IterableIterator<Ns> {
    return this.built.values();
  }

  /** `list` (built namespaces) in the order the journey first reached them. */
  inReachOrder(list: Ns[]): Ns[] {
    if (list.length < 2) return list;
    const { entries, flooded } = this.reachedOrder();
    // Without a flood, namespaces were reached as they were built.
    if (!flooded) return list;
    const at = new Map<string, number>();
    let k = 0;
    for (const name of entries.keys()) at.set(name, k++);
    return [...list].sort((a, b) => (at.get(a.name) ?? 0) - (at.get(b.name) ?? 0));
  }

  /** Every namespace reached so far, built or not, with its index entry, in the order first reached. */
  reachedEntries(): ReadonlyMap<string, NsEntry> {
    return this.reachedOrder().entries;
  }

  private reachedOrder(): { entries: Map<string, NsEntry>; flooded: boolean } {
    const log = this.reachLog;
    if (this.order?.at === log.length) return this.order;
    const entries = new Map<string, NsEntry>();
    let flooded = false;
    for (const r of log) {
      if (Array.isArray(r)) {
        flooded = true;
        for (const ref of r as readonly PortRef[]) if (!entries.has(ref.ns)) entries.set(ref.ns, ref.entry);
      } else {
        const one = r as { name: string; entry: NsEntry };
        if (!entries.has(one.name)) entries.set(one.name, one.entry);
      }
    }
    this.order = { at: log.length, entries, flooded };
    return this.order;
  }

  /** The other end of a veth (resolved once: every frame on the veth asks). */
  peer(iface: Iface): Iface | null {
    if (iface.peer !== undefined) return iface.peer;
    const ref = iface.peerRef;
    iface.peer = ref ? (this.ns(ref.ns)?.ifaces.get(ref.iface) ?? null) : null;
    return iface.peer;
  }

  /** A NIC plugged into a segment. */
  port(ref: PortRef): Iface | null {
    return this.ns(ref.ns)?.ifaces.get(ref.iface) ?? null;
  }

  private materialise(name: string): Ns | undefined {
    const entry = this.index.specs.get(name);
    if (!entry) return undefined;
    const c = compileNs(entry.spec);
    const ns: Ns = {
      name,
      machine: entry.machine,
      role: entry.role,
      isPod: entry.isPod,
      compiled: c,
      ifaces: null as unknown as IfaceTable,
      routes: [],
      localRoutes: [],
      localAddrs: c.localAddrSet,
      neigh: new Map(),
      defaultTtl: c.defaultTtl,
      hasWireguard: c.hasWireguard,
      listeners: c.listeners,
      icmpPeers: null,
      errorPeers: null,
      redirectPeers: null,
      pmtu: null,
      defrag: null,
      nextPort: 40000,
    };
    ns.ifaces = new IfaceTable(ns, this.segments);
    this.built.set(name, ns);
    this.reachLog.push({ name, entry });
    for (const p of c.permanent) {
      const dev = ns.ifaces.get(p.dev);
      if (!dev) continue;
      neighTable(ns, p.dev).set(p.ip, { ip: p.ip, ipText: formatIp(p.ip), dev, state: 'PERMANENT', mac: p.mac, updated: 0, confirmed: 0, used: 0, probes: 0, queue: [], timer: 0 });
    }
    return ns;
  }
}

/**
 * A namespace's interfaces, built one at a time on first use: a node that only hears an ARP
 * broadcast on eth0 never builds its bridge and veths. A bridge is built with all its ports, in
 * the order Linux floods them (br_add_if() puts each new port at the head of the list).
 */
export class IfaceTable {
  /** Built interfaces by their position in the compiled namespace. */
  private readonly built: (Iface | undefined)[] = [];
  private readonly ns: Ns;
  private readonly segments: Map<string, Segment>;

  constructor(ns: Ns, segments: Map<string, Segment>) {
    this.ns = ns;
    this.segments = segments;
  }

  get(name: string): Iface | undefined {
    const i = this.ns.compiled.ifaceIndex.get(name);
    if (i === undefined) return undefined;
    return this.built[i] ?? this.buildAt(i);
  }

  /** Every interface, in topology order (builds them all). */
  values(): Iface[] {
    return this.ns.compiled.ifaces.map((_, i) => this.built[i] ?? this.buildAt(i));
  }

  private buildAt(i: number): Iface {
    const c = this.ns.compiled;
    const ci = c.ifaces[i] as CompiledIface;
    const master = ci.spec.master;
    if (master !== undefined) {
      this.get(master);
      return this.built[i] ?? this.build(ci, i);
    }
    const iface = this.build(ci, i);
    const br = iface.bridge;
    if (br) {
      for (const k of c.bridgePorts.get(i) ?? []) {
        const port = this.build(c.ifaces[k] as CompiledIface, k);
        port.master = br;
        br.ports.push(port);
      }
    }
    return iface;
  }

  private build(ci: CompiledIface, i: number): Iface {
    const s = ci.spec;
    const iface: Iface = {
      ns: this.ns, name: ci.name, path: `${this.ns.name}/${ci.name}`, kind: s.kind, mac: ci.mac, addrs: ci.addrs, master: null, bridge: null,
      peerRef: s.kind === 'veth' ? s.peer : null, peer: undefined,
      segment: s.kind === 'ether' ? (this.segments.get(s.segment) ?? null) : null,
      conf: ci.conf, mtu: ci.mtu, bpf: s.bpf ?? null, vport: s.vport ?? null,
    };
    if (s.kind === 'bridge') iface.bridge = { dev: iface, ports: [], fdb: new Map() };
    this.built[i] = iface;
    return iface;
  }
}

/**
 * Binds the compiled route at position `i` to this run's device, once. The fields are copied one by
 * one: an object rest/spread here cost more than the whole lookup when every route was bound on
 * every journey.
 */
function bindRoute(ns: Ns, bound: (Route | null | undefined)[], c: CompiledRoute, i: number): Route | null {
  const dev = ns.ifaces.get(c.devName);
  const r: Route | null = dev
    ? {
      net: c.net, prefix: c.prefix, mask: c.mask, via: c.via, viaText: c.viaText, gw: c.gw, gwText: c.gwText, ownGateway: c.ownGateway, src: c.src, metric: c.metric, text: c.text,
      table: c.table, proto: c.proto, connected: c.connected, op: c.op, tied: c.tied, plain: c.plain, dev,
    }
    : null;
  bound[i] = r;
  return r;
}

/** A device's neighbour table, created on first use (most devices never need one). */
export function neighTable(ns: Ns, dev: string): Map<number, Neigh> {
  let t = ns.neigh.get(dev);
  if (!t) {
    t = new Map();
    ns.neigh.set(dev, t);
  }
  return t;
}

/**
 * Longest-prefix match in the main table, sorted longest first then lowest metric, routes of equal
 * prefix and metric in the order they joined the table: the first match is the kernel's choice.
 */
export function lookupRoute(ns: Ns, dst: number): Route | null {
  const table = ns.compiled.routes;
  for (let i = 0; i < table.length; i++) {
    const c = table[i] as CompiledRoute;
    if (((dst & c.mask) >>> 0) !== c.net) continue;
    // A route whose device does not exist never matches, as if it had not been added.
    const r = ns.routes[i] ?? (ns.routes[i] === null ? null : bindRoute(ns, ns.routes, c, i));
    if (r) return r;
  }
  return null;
}

/** The local-table route for one of this namespace's own addresses. */
export function localRoute(ns: Ns, dst: number): Route | null {
  const table = ns.compiled.localRoutes;
  for (let i = 0; i < table.length; i++) {
    const c = table[i] as CompiledRoute;
    if (c.net !== dst) continue;
    const r = ns.localRoutes[i] ?? (ns.localRoutes[i] === null ? null : bindRoute(ns, ns.localRoutes, c, i));
    if (r) return r;
  }
  return null;
}

/**
 * Source address for traffic sent by this namespace via `route`: the route's `src`, else the first
 * address of the output device in the gateway's subnet (the gateway as written, even an address of
 * the device itself: fib_info_update_nhc_saddr() asks inet_select_addr() with it), else in the
 * destination's, else its first address.
 */
export function selectSource(route: Pick<Route, 'src' | 'via' | 'dev'>, dst: number): number | null {
  if (route.src !== null) return route.src;
  const target = route.via ?? dst;
  const addrs = route.dev.addrs;
  for (const a of addrs) if (networkOf(a.ip, a.prefix) === networkOf(target, a.prefix)) return a.ip;
  return addrs[0]?.ip ?? route.dev.ns.compiled.localAddrs[0] ?? null;
}

/**
 * How a main-table route matched, for a RouteEvent's `match`: connected (no gateway is used, also
 * when the one written is an address of the device itself), via a gateway, or default.
 */
export function routeMatch(r: Route): 'connected' | 'gateway' | 'default' {
  if (r.gw === null) return 'connected';
  return r.prefix === 0 ? 'default' : 'gateway';
}
