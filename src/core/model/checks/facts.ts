import { formatIp, networkOf, parseCidr, parseIp } from '../../net/ipv4';
import type { IfaceSpec, MachineSpec, NamespaceSpec, RouteSpec, Topology } from '../topology';

/*
 * What the design checks read from a (valid) lab: every namespace with its interfaces and parsed
 * addresses, and the layer-2 networks ("links") the interfaces are joined into: a veth to its
 * peer, a bridge port to its bridge, a NIC to its segment's switch. Two interfaces on one link
 * hear each other's broadcasts, so ARP between them works; the checks ask who else is there.
 */

/** One IPv4 address of an interface, parsed. */
export interface AddrFact {
  ip: number;
  prefix: number;
  /** As written (`10.10.10.1/24`). */
  text: string;
  /** Its index in the interface's `addresses`. */
  n: number;
}

/** One interface, where it is, and the link it is on. */
export interface IfaceFact {
  ns: NsFact;
  spec: IfaceSpec;
  /** Its index in the namespace's `interfaces`. */
  index: number;
  /** `machines[0].pods[1].interfaces[2]`. */
  path: string;
  addrs: AddrFact[];
  /** The link (layer-2 network) it is on: equal numbers, one link. */
  link: number;
}

/** One namespace: a machine's root namespace or a pod's. */
export interface NsFact {
  name: string;
  /** `machines[0]` or `machines[0].pods[1]`. */
  at: string;
  machine: MachineSpec;
  machineIndex: number;
  spec: NamespaceSpec;
  isPod: boolean;
  ifaces: IfaceFact[];
  byName: Map<string, IfaceFact>;
  /** The namespace's static routes, with their gateways parsed (null for a device route). */
  routes: { spec: RouteSpec; k: number; via: number | null }[];
}

/** The whole lab as the checks read it. */
export interface LabFacts {
  spaces: NsFact[];
  byName: Map<string, NsFact>;
  /** The interfaces on each link, in topology order. */
  links: Map<number, IfaceFact[]>;
  /** Which interfaces hold each address. */
  owners: Map<number, IfaceFact[]>;
}

const cache = new WeakMap<Topology, LabFacts>();

/** The facts of `t`, computed once per topology object. */
export function labFacts(t: Topology): LabFacts {
  const hit = cache.get(t);
  if (hit) return hit;
  const spaces: NsFact[] = [];
  const byName = new Map<string, NsFact>();
  const all: IfaceFact[] = [];
  const addNs = (spec: NamespaceSpec, name: string, at: string, machine: MachineSpec, machineIndex: number, isPod: boolean): void => {
    const ns: NsFact = { name, at, machine, machineIndex, spec, isPod, ifaces: [], byName: new Map(), routes: [] };
    spec.interfaces.forEach((i, index) => {
      const addrs: AddrFact[] = [];
      (i.addresses ?? []).forEach((text, n) => {
        const c = parseCidr(text);
        if (c) addrs.push({ ip: c.ip, prefix: c.prefix, text, n });
      });
      const f: IfaceFact = { ns, spec: i, index, path: `${at}.interfaces[${index}]`, addrs, link: all.length };
      all.push(f);
      ns.ifaces.push(f);
      if (!ns.byName.has(i.name)) ns.byName.set(i.name, f);
    });
    (spec.routes ?? []).forEach((r, k) => ns.routes.push({ spec: r, k, via: r.via === undefined ? null : parseIp(r.via) }));
    spaces.push(ns);
    if (!byName.has(name)) byName.set(name, ns);
  };
  t.machines.forEach((m, i) => {
    addNs(m, m.name, `machines[${i}]`, m, i, false);
    (m.pods ?? []).forEach((p, j) => addNs(p, p.name, `machines[${i}].pods[${j}]`, m, i, true));
  });

  // Links: union-find over the interfaces, a segment's switch joining its NICs.
  const parent = all.map((_, k) => k);
  const find = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstOnSegment = new Map<string, number>();
  // Weave Net's fastdp: a vport is in its OVS datapath's network, and the datapaths' VXLAN vports
  // carry every frame to every peer (router/fastdp.go floods a broadcast to all), so all of them
  // make one layer-2 network across the nodes: the flat 10.32.0.0/12 of every `weave` bridge.
  let firstTunnelVport: number | undefined;
  for (const f of all) {
    const s = f.spec;
    if (s.kind === 'veth') {
      const peer = byName.get(s.peer.ns)?.byName.get(s.peer.iface);
      if (peer) join(f.link, peer.link);
    } else if (s.kind === 'ether') {
      const first = firstOnSegment.get(s.segment);
      if (first === undefined) firstOnSegment.set(s.segment, f.link);
      else join(f.link, first);
    }
    const master = s.master === undefined ? undefined : f.ns.byName.get(s.master);
    if (master?.spec.kind === 'bridge') join(f.link, master.link);
    const dp = s.vport === undefined ? undefined : f.ns.byName.get(s.vport);
    if (dp?.spec.kind === 'openvswitch') {
      join(f.link, dp.link);
      if (s.kind === 'vxlan') {
        if (firstTunnelVport === undefined) firstTunnelVport = f.link;
        else join(f.link, firstTunnelVport);
      }
    }
  }
  const links = new Map<number, IfaceFact[]>();
  const owners = new Map<number, IfaceFact[]>();
  for (const f of all) {
    f.link = find(f.link);
    const on = links.get(f.link);
    if (on) on.push(f);
    else links.set(f.link, [f]);
    for (const a of f.addrs) {
      const held = owners.get(a.ip);
      if (held) held.push(f);
      else owners.set(a.ip, [f]);
    }
  }
  const facts = { spaces, byName, links, owners };
  cache.set(t, facts);
  return facts;
}

/** The interfaces of other namespaces on `f`'s link: the hosts it can reach without a router. */
export function neighboursOf(facts: LabFacts, f: IfaceFact): IfaceFact[] {
  return (facts.links.get(f.link) ?? []).filter((o) => o.ns !== f.ns);
}

/** Whether the connected route of `a` (none for a /32) covers `ip`. */
export function covers(a: AddrFact, ip: number): boolean {
  return a.prefix < 32 && networkOf(ip, a.prefix) === networkOf(a.ip, a.prefix);
}

/**
 * Whether `ns` sends to `ip` straight out of interface `f`, without a gateway: a connected route of
 * one of its addresses, or a static device route through it (`10.10.10.1/32 dev cali1`).
 */
export function onLink(f: IfaceFact, ip: number): boolean {
  if (f.addrs.some((a) => covers(a, ip) || a.ip === ip)) return true;
  return f.ns.routes.some((r) => r.via === null && r.spec.dev === f.spec.name && routeCovers(r.spec, ip));
}

/** Whether route `r`'s destination holds `ip`. */
export function routeCovers(r: RouteSpec, ip: number): boolean {
  if (r.dst === 'default') return true;
  const c = parseCidr(r.dst);
  return c !== null && networkOf(ip, c.prefix) === c.ip;
}

/** `ns/iface`, as problems name an interface of another namespace. */
export function ifaceName(f: IfaceFact): string {
  return `${f.ns.name}/${f.spec.name}`;
}

/** A subnet as text: `10.10.10.0/24`. */
export function subnetText(ip: number, prefix: number): string {
  return `${formatIp(networkOf(ip, prefix))}/${prefix}`;
}

/** Whether namespace `ns` forwards what arrives on interface `f` (its `forwarding`, else `ip_forward`). */
export function forwardsOn(f: IfaceFact): boolean {
  return f.spec.sysctls?.forwarding ?? f.ns.spec.sysctls?.ip_forward === true;
}
