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
  /** Its position in `LabFacts.spaces`. */
  pos: number;
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
  byName: ReadonlyMap<string, NsFact>;
  /** The interfaces on each link, in topology order. */
  links: ReadonlyMap<number, IfaceFact[]>;
  /** Which interfaces hold each address. */
  owners: ReadonlyMap<number, IfaceFact[]>;
  /**
   * For facts layered over others (`labFacts` after an edit of machines of the same shape): those
   * facts, the positions in `spaces` made anew, and the links their interfaces are on. Every other
   * namespace is the same object in both.
   */
  edit?: { base: LabFacts; spaces: readonly number[]; links: ReadonlySet<number> };
}

/**
 * A map that reads `own` first and `base` for the rest, with `base`'s keys in `base`'s order: an
 * edit's facts swap a few values of 150,000-entry maps without copying them. `own` never adds a
 * key `base` lacks (an edit of the same shape keeps every name, link and address).
 */
class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly base: ReadonlyMap<K, V>;
  readonly own: Map<K, V>;

  constructor(from: ReadonlyMap<K, V>) {
    // Layer over the plain map underneath, with the layers above it merged: lookups stay one deep.
    this.base = from instanceof LayeredMap ? (from.base as ReadonlyMap<K, V>) : from;
    this.own = from instanceof LayeredMap ? new Map(from.own as Map<K, V>) : new Map();
  }

  get size(): number {
    return this.base.size;
  }

  get(k: K): V | undefined {
    return this.own.has(k) ? this.own.get(k) : this.base.get(k);
  }

  has(k: K): boolean {
    return this.base.has(k);
  }

  set(k: K, v: V): void {
    this.own.set(k, v);
  }

  *keys(): MapIterator<K> {
    yield* this.base.keys();
  }

  *values(): MapIterator<V> {
    for (const k of this.base.keys()) yield this.get(k) as V;
  }

  *entries(): MapIterator<[K, V]> {
    for (const k of this.base.keys()) yield [k, this.get(k) as V];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (v: V, k: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

const cache = new WeakMap<Topology, LabFacts>();
/** The last facts made, and the machine objects they were made from: the base of an edit's facts. */
let last: { machines: readonly MachineSpec[]; facts: LabFacts } | undefined;

/**
 * The facts of `t`, computed once per topology object. A lab that replaces a few machines of the
 * last one by machines of the same shape (`sameShape`: an edit of routes, sysctls, MACs, MTUs…)
 * gets the last facts with those machines' namespaces made anew (`layeredFacts`), not a walk over
 * every namespace and interface of a 150,000-pod lab.
 */
export function labFacts(t: Topology): LabFacts {
  const hit = cache.get(t);
  if (hit) return hit;
  const facts = (last && layeredFacts(last, t)) ?? fullFacts(t);
  cache.set(t, facts);
  last = { machines: [...t.machines], facts };
  return facts;
}

/** Most machines an edit may replace for `layeredFacts`. */
const LAYER_LIMIT = 16;

/** The positions of `t`'s machines that differ from `machines` (same count), or undefined past `limit` or another count. */
export function changedMachines(machines: readonly MachineSpec[], t: Topology, limit = LAYER_LIMIT): number[] | undefined {
  if (machines.length !== t.machines.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < machines.length; i++) {
    if (machines[i] === t.machines[i]) continue;
    if (changed.length === limit) return undefined;
    changed.push(i);
  }
  return changed;
}

/**
 * Whether machine `b` has `a`'s shape: the same name and role, the same pods by name, and in every
 * namespace the same interfaces by kind, name, peer, segment, master and addresses. Then the lab's
 * links (union-find) and address holders are the same with `b` for `a`; routes, sysctls, MACs,
 * MTUs, neighbours and programs may differ.
 */
export function sameShape(a: MachineSpec, b: MachineSpec): boolean {
  if (a.name !== b.name || a.role !== b.role || !sameIfaces(a.interfaces, b.interfaces)) return false;
  const pa = a.pods ?? [];
  const pb = b.pods ?? [];
  if (pa.length !== pb.length) return false;
  return pa.every((p, k) => {
    const q = pb[k];
    return q !== undefined && (p === q || (p.name === q.name && sameIfaces(p.interfaces, q.interfaces)));
  });
}

function sameIfaces(a: readonly IfaceSpec[], b: readonly IfaceSpec[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((x, k) => {
    const y = b[k];
    if (!y) return false;
    if (x === y) return true;
    const xa = x.addresses ?? [];
    const ya = y.addresses ?? [];
    const px = x.kind === 'veth' ? x.peer : undefined;
    const py = y.kind === 'veth' ? y.peer : undefined;
    return x.kind === y.kind && x.name === y.name && x.master === y.master && px?.ns === py?.ns && px?.iface === py?.iface &&
      (x.kind === 'ether' ? x.segment : undefined) === (y.kind === 'ether' ? y.segment : undefined) && xa.length === ya.length && xa.every((v, j) => v === ya[j]);
  });
}

/**
 * `t`'s facts as `base`'s with the namespaces of a few replaced machines of the same shape made
 * anew: their interfaces keep their links and addresses, so the links' and holders' lists only
 * swap the interface objects. Undefined when more or other changes were made.
 */
function layeredFacts(base: { machines: readonly MachineSpec[]; facts: LabFacts }, t: Topology): LabFacts | undefined {
  const changed = changedMachines(base.machines, t);
  if (!changed) return undefined;
  for (const i of changed) if (!sameShape(base.machines[i] as MachineSpec, t.machines[i] as MachineSpec)) return undefined;
  const old = base.facts;
  const spaces = old.spaces.slice();
  const byName = new LayeredMap(old.byName);
  const links = new LayeredMap(old.links);
  const owners = new LayeredMap(old.owners);
  const copied = new Set<unknown>();
  const replaced: number[] = [];
  const touched = new Set<number>();
  const swap = <K>(map: LayeredMap<K, IfaceFact[]>, key: K, from: IfaceFact, to: IfaceFact): void => {
    const list = map.get(key);
    if (!list) return;
    const own = copied.has(list) ? list : list.slice();
    copied.add(own);
    const at = own.indexOf(from);
    if (at >= 0) own[at] = to;
    map.set(key, own);
  };
  // A machine's namespaces are consecutive in `spaces`: its root, then its pods.
  let at = 0;
  let next = 0;
  for (const i of changed) {
    const m = t.machines[i] as MachineSpec;
    while (next < spaces.length && (spaces[next] as NsFact).machineIndex < i) next++;
    at = next;
    [m, ...(m.pods ?? [])].forEach((spec, k) => {
      const before = spaces[at + k];
      if (!before || before.machineIndex !== i) return;
      const ns: NsFact = { name: before.name, at: before.at, machine: m, machineIndex: i, pos: before.pos, spec, isPod: before.isPod, ifaces: [], byName: new Map(), routes: [] };
      replaced.push(before.pos);
      before.ifaces.forEach((f, n) => {
        const g: IfaceFact = { ns, spec: spec.interfaces[n] as IfaceSpec, index: f.index, path: f.path, addrs: f.addrs, link: f.link };
        ns.ifaces.push(g);
        if (!ns.byName.has(g.spec.name)) ns.byName.set(g.spec.name, g);
        swap(links, f.link, f, g);
        touched.add(f.link);
        for (const a of f.addrs) swap(owners, a.ip, f, g);
      });
      (spec.routes ?? []).forEach((r, k2) => ns.routes.push({ spec: r, k: k2, via: r.via === undefined ? null : parseIp(r.via) }));
      spaces[at + k] = ns;
      if (byName.get(ns.name) === before) byName.set(ns.name, ns);
    });
  }
  return { spaces, byName, links, owners, edit: { base: old, spaces: replaced, links: touched } };
}

/** The facts of `t` from scratch. */
function fullFacts(t: Topology): LabFacts {
  const spaces: NsFact[] = [];
  const byName = new Map<string, NsFact>();
  const all: IfaceFact[] = [];
  const addNs = (spec: NamespaceSpec, name: string, at: string, machine: MachineSpec, machineIndex: number, isPod: boolean): void => {
    const ns: NsFact = { name, at, machine, machineIndex, pos: spaces.length, spec, isPod, ifaces: [], byName: new Map(), routes: [] };
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
  return { spaces, byName, links, owners };
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
