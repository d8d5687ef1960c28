import type { MachineRole, MachineSpec, NamespaceSpec, Topology } from '../model/topology';
import { parseCidr } from '../net/ipv4';
import type { HearFacts } from './hear';

/*
 * Where each namespace of a topology is, who owns each address, and which NICs each segment has.
 * Built from per-machine fragments cached by the machine object's identity. A Kubernetes-sized lab
 * (5,000 machines, 150,000 pods) has 155,000 names: merging them into one Map takes a tenth of a
 * second, too long to repeat after every edit. So an index for a topology that differs from the
 * last full one in a few machine objects is that full index plus a small layer of changes, and
 * addresses are indexed only when a journey first asks who owns one.
 */

/** A namespace's spec and where it lives. */
export interface NsEntry {
  spec: NamespaceSpec;
  machine: string;
  role: MachineRole;
  isPod: boolean;
}

/** Namespaces by name: what the run-time world looks specs up in. */
export interface NsDirectory {
  get(name: string): NsEntry | undefined;
  has(name: string): boolean;
  /** Every namespace, machines in topology order, each machine before its pods. */
  entries(): Iterable<[string, NsEntry]>;
}

/**
 * A NIC plugged into a segment: its namespace and name, and the namespace's entry (what a flood
 * reads to tell whether hearing a frame can change anything there, hear.ts). One object per NIC
 * and machine object, so what is learnt about it lasts as long as the machine does.
 */
export interface PortRef {
  ns: string;
  iface: string;
  entry: NsEntry;
  /** What a flood needs to know about the NIC, read from the spec on the first flood (hear.ts). */
  facts: HearFacts | undefined;
}

/** Where each namespace is in the topology, and who owns each address. Read-only: runs share it. */
export interface TopologyIndex {
  specs: NsDirectory;
  /** The namespace that has `ip` (the first in topology order when several have it). */
  addrOwner: { get(ip: number): string | undefined };
  segments: ReadonlyMap<string, readonly PortRef[]>;
  /** Bridges and segments: a loop-free flood crosses each at most once (link.ts). */
  switches: number;
}

interface Fragment {
  specs: [string, NsEntry][];
  ports: [string, PortRef][];
  bridges: number;
  /** Each address with the namespace that has it, in topology order (made on first use). */
  addrs: [number, string][] | undefined;
}

const fragments = new WeakMap<MachineSpec, Fragment>();

/** One machine's share of the index. */
function fragmentOf(m: MachineSpec): Fragment {
  const hit = fragments.get(m);
  if (hit) return hit;
  const out: Fragment = { specs: [], ports: [], bridges: 0, addrs: undefined };
  const add = (spec: NamespaceSpec, name: string, isPod: boolean): void => {
    const entry: NsEntry = { spec, machine: m.name, role: m.role, isPod };
    out.specs.push([name, entry]);
    for (const i of spec.interfaces) {
      if (i.kind === 'ether') out.ports.push([i.segment, { ns: name, iface: i.name, entry, facts: undefined }]);
      else if (i.kind === 'bridge') out.bridges++;
    }
  };
  add(m, m.name, false);
  for (const p of m.pods ?? []) add(p, p.name, true);
  fragments.set(m, out);
  return out;
}

/** The addresses of a machine's namespaces, as compile.ts parses them (a bad one is skipped). */
function addrsOf(f: Fragment): [number, string][] {
  if (f.addrs) return f.addrs;
  const out: [number, string][] = [];
  for (const [name, e] of f.specs) {
    for (const i of e.spec.interfaces) {
      for (const a of i.addresses ?? []) {
        const c = parseCidr(a);
        if (c) out.push([c.ip, name]);
      }
    }
  }
  f.addrs = out;
  return out;
}

/** A full index: one Map of every name, addresses indexed on first use. */
interface Full {
  machines: readonly MachineSpec[];
  names: Map<string, NsEntry>;
  segments: ReadonlyMap<string, readonly PortRef[]>;
  segmentIds: readonly string[];
  switches: number;
  /** The first owner of each address and its machine's position; `many` lists addresses several namespaces have. */
  owners: { first: Map<number, { name: string; pos: number }>; many: Set<number> } | undefined;
}

function ownersOf(full: Full): NonNullable<Full['owners']> {
  if (full.owners) return full.owners;
  const first = new Map<number, { name: string; pos: number }>();
  const many = new Set<number>();
  full.machines.forEach((m, pos) => {
    for (const [ip, name] of addrsOf(fragmentOf(m))) {
      if (!first.has(ip)) first.set(ip, { name, pos });
      else many.add(ip);
    }
  });
  full.owners = { first, many };
  return full.owners;
}

function segmentsOf(topology: Topology): { segments: Map<string, PortRef[]>; switches: number } {
  const segments = new Map<string, PortRef[]>();
  for (const s of topology.segments) segments.set(s.id, []);
  let bridges = 0;
  for (const m of topology.machines) {
    const f = fragmentOf(m);
    for (const [seg, ref] of f.ports) segments.get(seg)?.push(ref);
    bridges += f.bridges;
  }
  return { segments, switches: segments.size + bridges };
}

function fullIndex(topology: Topology): { full: Full; index: TopologyIndex } {
  const names = new Map<string, NsEntry>();
  for (const m of topology.machines) for (const [name, entry] of fragmentOf(m).specs) names.set(name, entry);
  const { segments, switches } = segmentsOf(topology);
  const full: Full = { machines: [...topology.machines], names, segments, segmentIds: topology.segments.map((x) => x.id), switches, owners: undefined };
  const specs: NsDirectory = { get: (n) => names.get(n), has: (n) => names.has(n), entries: () => names.entries() };
  const addrOwner = { get: (ip: number) => ownersOf(full).first.get(ip)?.name };
  return { full, index: { specs, addrOwner, segments, switches } };
}

/** Most machine objects a layered index may replace before a full one is cheaper. */
function layerLimit(machines: number): number {
  return Math.max(8, machines >> 4);
}

/**
 * `topology` as `full` with a few machine objects replaced (same positions, same count), or
 * undefined when more changed than a layer is worth.
 */
function layered(full: Full, topology: Topology): TopologyIndex | undefined {
  const ms = topology.machines;
  if (ms.length !== full.machines.length) return undefined;
  const changed: number[] = [];
  const limit = layerLimit(ms.length);
  for (let i = 0; i < ms.length; i++) {
    if (ms[i] === full.machines[i]) continue;
    if (changed.length === limit) return undefined;
    changed.push(i);
  }
  const added = new Map<string, NsEntry>();
  for (const i of changed) for (const [name, entry] of fragmentOf(ms[i] as MachineSpec).specs) added.set(name, entry);
  const gone = new Set<string>();
  for (const i of changed) for (const [name] of fragmentOf(full.machines[i] as MachineSpec).specs) if (!added.has(name)) gone.add(name);
  const changedAt = new Set(changed);
  const get = (n: string): NsEntry | undefined => added.get(n) ?? (gone.has(n) ? undefined : full.names.get(n));
  const specs: NsDirectory = {
    get,
    has: (n) => get(n) !== undefined,
    *entries() {
      for (let i = 0; i < ms.length; i++) yield* fragmentOf(ms[i] as MachineSpec).specs;
    },
  };
  const addrOwner = {
    get(ip: number): string | undefined {
      const owners = ownersOf(full);
      if (owners.many.has(ip)) return slowOwner(ms, ip);
      const base = owners.first.get(ip);
      let best = base && !changedAt.has(base.pos) ? base : undefined;
      for (const i of changed) {
        if (best && best.pos < i) break;
        const hit = addrsOf(fragmentOf(ms[i] as MachineSpec)).find(([a]) => a === ip);
        if (hit) best = { name: hit[1], pos: i };
      }
      return best?.name;
    },
  };
  const { segments, switches } = (sameIds(full.segmentIds, topology.segments) ? layeredSegments(full, changed, ms) : undefined) ?? segmentsOf(topology);
  return { specs, addrOwner, segments, switches };
}

/**
 * The segments of `full` with the NICs of the machines at `changed` replaced by theirs in `ms`, when
 * each changed machine has the same NICs on the same segments as before and as many bridges (an
 * edit of routes, addresses or sysctls): a copy of the touched segments' lists instead of a walk
 * over every machine. Undefined when a machine's NICs changed. (The caller checks the segment ids.)
 */
function layeredSegments(full: Full, changed: readonly number[], ms: readonly MachineSpec[]): { segments: Map<string, readonly PortRef[]>; switches: number } | undefined {
  const segments = new Map(full.segments);
  const copied = new Set<string>();
  for (const i of changed) {
    const before = fragmentOf(full.machines[i] as MachineSpec);
    const after = fragmentOf(ms[i] as MachineSpec);
    if (before.bridges !== after.bridges || before.ports.length !== after.ports.length) return undefined;
    for (let k = 0; k < after.ports.length; k++) {
      const [seg, ref] = after.ports[k] as [string, PortRef];
      const [oldSeg, old] = before.ports[k] as [string, PortRef];
      if (seg !== oldSeg || ref.ns !== old.ns || ref.iface !== old.iface) return undefined;
      const list = segments.get(seg);
      const at = list ? list.indexOf(old) : -1;
      if (!list || at < 0) continue;
      const own = copied.has(seg) ? (list as PortRef[]) : [...list];
      copied.add(seg);
      own[at] = ref;
      segments.set(seg, own);
    }
  }
  return { segments, switches: full.switches };
}

/** The first namespace in topology order that has `ip`, by walking every machine (addresses several have). */
function slowOwner(machines: readonly MachineSpec[], ip: number): string | undefined {
  for (const m of machines) for (const [a, name] of addrsOf(fragmentOf(m))) if (a === ip) return name;
  return undefined;
}

/** An index with what it was built from: the machine objects and the segment ids, in order. */
interface IndexEntry {
  machines: readonly MachineSpec[];
  segmentIds: readonly string[];
  index: TopologyIndex;
}

const indexCache = new WeakMap<Topology, IndexEntry>();
/** The last full index built: the base of layered ones. */
let lastFull: Full | undefined;

/**
 * Indexes a (valid) topology from per-machine fragments. The index is kept per topology object for
 * as long as that object still lists the same machine objects and segment ids (the top level is
 * not frozen, so this is checked, not assumed): the app re-runs journeys on an unchanged topology
 * with every click. A topology that replaces a few machine objects of the last full index gets a
 * layer over it (see the top of this file), so an edit costs in proportion to what it changed.
 */
export function indexTopology(topology: Topology): TopologyIndex {
  const hit = indexCache.get(topology);
  if (hit && sameList(hit.machines, topology.machines) && sameIds(hit.segmentIds, topology.segments)) return hit.index;
  let index = lastFull ? layered(lastFull, topology) : undefined;
  if (!index) {
    const built = fullIndex(topology);
    lastFull = built.full;
    index = built.index;
  }
  indexCache.set(topology, { machines: [...topology.machines], segmentIds: topology.segments.map((s) => s.id), index });
  return index;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameIds(ids: readonly string[], segments: readonly { id: string }[]): boolean {
  if (ids.length !== segments.length) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== segments[i]?.id) return false;
  return true;
}
