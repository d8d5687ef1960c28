import type { NeighState } from '../events';
import type { IfaceSysctls, Topology, MachineRole, IfaceSpec, RouteSpec } from '../model/topology';
import type { Packet } from './packet';
import { formatIp, maskOf, networkOf, parseCidr, parseIp } from '../net/ipv4';

/*
 * The runtime form of a topology: indexed, with IPs as numbers, built once per simulation. It also
 * holds the mutable caches (neighbour tables, FDBs, ICMP rate limiters) the engine changes.
 */

/** Effective per-interface IPv4 settings after combining `all` and the interface, as Linux does. */
export interface EffectiveConf {
  forwarding: boolean;
  sendRedirects: boolean;
  acceptRedirects: boolean;
  sharedMedia: boolean;
  proxyArp: boolean;
  rpFilter: 0 | 1 | 2;
}

/** An interface at run time. */
export interface Iface {
  ns: Ns;
  name: string;
  kind: IfaceSpec['kind'];
  mac: string;
  addrs: { ip: number; prefix: number }[];
  /** Bridge this interface is a port of. */
  master: Bridge | null;
  /** For a bridge device: its bridge state. */
  bridge: Bridge | null;
  /** For a veth: the other end. */
  peer: Iface | null;
  /** For an ether NIC: its segment. */
  segment: Segment | null;
  conf: EffectiveConf;
  mtu: number;
}

/** A route at run time, main or local table. */
export interface Route {
  net: number;
  prefix: number;
  via: number | null;
  dev: Iface;
  /** Preferred source (`src`), or null. */
  src: number | null;
  metric: number;
  /** `ip route` text, shared with RouteRow.text. */
  text: string;
  table: 'main' | 'local';
  proto: 'kernel' | 'static';
  /** Connected (no gateway): the next hop is the destination itself. */
  connected: boolean;
}

/** A neighbour cache entry. Times are virtual nanoseconds. */
export interface Neigh {
  ip: number;
  dev: Iface;
  state: NeighState;
  mac: string | null;
  updated: number;
  confirmed: number;
  used: number;
  probes: number;
  /** Packets waiting for resolution (INCOMPLETE). */
  queue: QueuedPacket[];
  /** Token of the pending timer; a fired timer whose token differs is stale. */
  timer: number;
}

/** A packet waiting in a neighbour queue. */
export interface QueuedPacket {
  packet: Packet;
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
  ports: Iface[];
  fdb: Map<string, Iface>;
}

/** A network namespace at run time. */
export interface Ns {
  name: string;
  machine: string;
  role: MachineRole;
  isPod: boolean;
  ifaces: Map<string, Iface>;
  /** Main table then local table; lookups pick the longest prefix of the main table. */
  routes: Route[];
  localRoutes: Route[];
  localAddrs: Set<number>;
  /** Neighbour tables per device name, keyed by IP. */
  neigh: Map<string, Map<number, Neigh>>;
  ipForward: boolean;
  defaultTtl: number;
  listeners: Set<string>;
  /** Per-peer ICMP error token buckets (icmpv4_xrlim_allow), keyed by destination IP. */
  icmpPeers: Map<number, { tokens: number; last: number }>;
  /** Per-peer ip_error buckets (no-route errors), keyed by source IP. */
  errorPeers: Map<number, { tokens: number; last: number }>;
  /** Per-peer redirect back-off, keyed by source IP. */
  redirectPeers: Map<number, { n: number; last: number }>;
  /** Next ephemeral source port. */
  nextPort: number;
}

/** The whole network at run time. */
export interface World {
  ns: Map<string, Ns>;
  segments: Map<string, Segment>;
  /** Which namespace owns each address (first owner), to resolve `to`. */
  addrOwner: Map<number, Ns>;
}

const LINUX_DEFAULT: Required<IfaceSysctls> = {
  forwarding: false,
  send_redirects: true,
  accept_redirects: true,
  secure_redirects: true,
  shared_media: true,
  proxy_arp: false,
  rp_filter: 0,
};

/** Combines `conf/all` and `conf/<if>` the way each sysctl is documented in ip-sysctl.rst. */
function effectiveConf(ipForward: boolean, all: IfaceSysctls | undefined, own: IfaceSysctls | undefined): EffectiveConf {
  // Writing ip_forward=1 sets forwarding on every interface and accept_redirects=0 in `all`.
  const allConf = { ...LINUX_DEFAULT, ...(ipForward ? { forwarding: true, accept_redirects: false } : {}), ...all };
  const ifConf = { ...LINUX_DEFAULT, ...(ipForward ? { forwarding: true } : {}), ...own };
  const forwarding = ifConf.forwarding;
  return {
    forwarding,
    sendRedirects: allConf.send_redirects || ifConf.send_redirects,
    acceptRedirects: forwarding ? allConf.accept_redirects && ifConf.accept_redirects : allConf.accept_redirects || ifConf.accept_redirects,
    sharedMedia: allConf.shared_media || ifConf.shared_media,
    proxyArp: allConf.proxy_arp || ifConf.proxy_arp,
    rpFilter: Math.max(allConf.rp_filter, ifConf.rp_filter) as 0 | 1 | 2,
  };
}

/** Builds the run-time world. The topology must be valid (see validateTopology). */
export function buildWorld(topology: Topology): World {
  const world: World = { ns: new Map(), segments: new Map(), addrOwner: new Map() };
  for (const s of topology.segments) world.segments.set(s.id, { id: s.id, ports: [], fdb: new Map() });
  const pending: { iface: Iface; spec: IfaceSpec }[] = [];

  for (const m of topology.machines) {
    const spaces = [{ spec: m, name: m.name, isPod: false }, ...(m.pods ?? []).map((p) => ({ spec: p, name: p.name, isPod: true }))];
    for (const { spec, name, isPod } of spaces) {
      const ipForward = spec.sysctls?.ip_forward ?? false;
      const ns: Ns = {
        name,
        machine: m.name,
        role: m.role,
        isPod,
        ifaces: new Map(),
        routes: [],
        localRoutes: [],
        localAddrs: new Set(),
        neigh: new Map(),
        ipForward,
        defaultTtl: spec.sysctls?.ip_default_ttl ?? 64,
        listeners: new Set((spec.listeners ?? []).map((l) => `${l.proto}/${l.port}`)),
        icmpPeers: new Map(),
        errorPeers: new Map(),
        redirectPeers: new Map(),
        nextPort: 40000,
      };
      world.ns.set(name, ns);
      for (const is of spec.interfaces) {
        const iface: Iface = {
          ns,
          name: is.name,
          kind: is.kind,
          mac: is.mac.toLowerCase(),
          addrs: (is.addresses ?? []).map((a) => parseCidr(a)).filter((c): c is { ip: number; prefix: number } => c !== null),
          master: null,
          bridge: null,
          peer: null,
          segment: null,
          conf: effectiveConf(ipForward, spec.sysctls?.all, is.sysctls),
          mtu: is.mtu ?? 1500,
        };
        ns.ifaces.set(is.name, iface);
        ns.neigh.set(is.name, new Map());
        if (is.kind === 'bridge') iface.bridge = { dev: iface, ports: [], fdb: new Map() };
        pending.push({ iface, spec: is });
      }
      for (const iface of ns.ifaces.values()) {
        for (const a of iface.addrs) {
          ns.localAddrs.add(a.ip);
          if (!world.addrOwner.has(a.ip)) world.addrOwner.set(a.ip, ns);
        }
      }
      buildRoutes(ns, spec.routes ?? []);
      for (const n of spec.neighbours ?? []) {
        const ip = parseIp(n.ip);
        const table = ns.neigh.get(n.dev);
        const dev = ns.ifaces.get(n.dev);
        if (ip === null || !table || !dev) continue;
        table.set(ip, { ip, dev, state: 'PERMANENT', mac: n.mac.toLowerCase(), updated: 0, confirmed: 0, used: 0, probes: 0, queue: [], timer: 0 });
      }
    }
  }

  for (const { iface, spec } of pending) {
    if (spec.kind === 'veth') iface.peer = world.ns.get(spec.peer.ns)?.ifaces.get(spec.peer.iface) ?? null;
    if (spec.kind === 'ether') {
      const seg = world.segments.get(spec.segment) ?? null;
      iface.segment = seg;
      seg?.ports.push(iface);
    }
    if (spec.master !== undefined) {
      const br = iface.ns.ifaces.get(spec.master)?.bridge ?? null;
      iface.master = br;
      // br_add_if() puts a new port at the head of port_list, so floods visit the newest port first.
      br?.ports.unshift(iface);
    }
  }
  return world;
}

/** Connected and local routes from addresses (as the kernel adds them), then the static routes. */
function buildRoutes(ns: Ns, specs: RouteSpec[]): void {
  for (const iface of ns.ifaces.values()) {
    for (const a of iface.addrs) {
      const net = networkOf(a.ip, a.prefix);
      if (a.prefix < 32) {
        ns.routes.push({
          net, prefix: a.prefix, via: null, dev: iface, src: a.ip, metric: 0, table: 'main', proto: 'kernel', connected: true,
          text: `${formatIp(net)}/${a.prefix} dev ${iface.name} proto kernel scope link src ${formatIp(a.ip)}`,
        });
      }
      ns.localRoutes.push({
        net: a.ip, prefix: 32, via: null, dev: iface, src: a.ip, metric: 0, table: 'local', proto: 'kernel', connected: true,
        text: `local ${formatIp(a.ip)} dev ${iface.name} table local proto kernel scope host src ${formatIp(a.ip)}`,
      });
    }
  }
  for (const r of specs) {
    const dev = ns.ifaces.get(r.dev);
    if (!dev) continue;
    const c = r.dst === 'default' ? { ip: 0, prefix: 0 } : parseCidr(r.dst);
    if (!c) continue;
    const via = r.via !== undefined ? parseIp(r.via) : null;
    const src = r.src !== undefined ? parseIp(r.src) : null;
    const dst = r.dst === 'default' ? 'default' : `${formatIp(c.ip)}/${c.prefix}`;
    const text = [dst, via !== null ? `via ${formatIp(via)}` : null, `dev ${r.dev}`, r.onlink ? 'onlink' : null, src !== null ? `src ${formatIp(src)}` : null, r.metric ? `metric ${r.metric}` : null]
      .filter(Boolean)
      .join(' ');
    ns.routes.push({ net: networkOf(c.ip, c.prefix), prefix: c.prefix, via, dev, src, metric: r.metric ?? 0, table: 'main', proto: 'static', connected: via === null, text });
  }
  // Longest prefix first, then lowest metric: the first match of a scan is the kernel's choice.
  ns.routes.sort((a, b) => b.prefix - a.prefix || a.metric - b.metric);
}

/** Longest-prefix match in the main table. */
export function lookupRoute(ns: Ns, dst: number): Route | null {
  for (const r of ns.routes) {
    if (r.prefix === 0 || ((dst & maskOf(r.prefix)) >>> 0) === r.net) return r;
  }
  return null;
}

/** The local-table route for one of this namespace's own addresses. */
export function localRoute(ns: Ns, dst: number): Route | null {
  for (const r of ns.localRoutes) if (r.net === dst) return r;
  return null;
}

/**
 * Source address for traffic sent by this namespace via `route`: the route's `src`, else the first
 * address of the output device in the next hop's subnet, else its first address (inet_select_addr).
 */
export function selectSource(route: Route, dst: number): number | null {
  if (route.src !== null) return route.src;
  const target = route.via ?? dst;
  const addrs = route.dev.addrs;
  for (const a of addrs) if (networkOf(a.ip, a.prefix) === networkOf(target, a.prefix)) return a.ip;
  return addrs[0]?.ip ?? firstAddress(route.dev.ns);
}

/** The first address in the namespace, for devices with none of their own. */
function firstAddress(ns: Ns): number | null {
  for (const i of ns.ifaces.values()) if (i.addrs[0]) return i.addrs[0].ip;
  return null;
}
