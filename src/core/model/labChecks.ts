import { CHECK_CATALOGS } from '../i18n/checkCatalogs';
import type { Lang } from '../i18n/lang';
import { problemSeverity, registerCheckCatalogs, type Problem } from '../i18n/problems';
import { parseCidr } from '../net/ipv4';
import { indexTopology, World } from '../sim/world';
import { duplicateAddresses, podSubnetOverlap } from './checks/addressing';
import { changedMachines, labFacts, sameShape, type LabFacts } from './checks/facts';
import { problemPlace, type ProblemPlace } from './checks/place';
import { forwardingChecks, routeRefusalFix } from './checks/forwarding';
import { datapathChecks } from './checks/datapath';
import { calicoChecks } from './checks/datapathCalico';
import { aloneOnSegment } from './checks/links';
import { spaceChecks } from './checks/incremental';
import { macFor } from './labEdits';
import { samePositionsAside } from './samePositions';
import type { IfaceSpec, MachineSpec, NamespaceSpec, RouteSpec, Topology } from './topology';
import { validateTopology, validateTopologyWarnings } from './validate';

/*
 * The editor's live checks: everything wrong with a lab, each pointing at its element (the
 * problem's path names the machine or pod, and the interface or route), with the fix an
 * experienced admin would apply where it is clear. Three sources, each finding reported once:
 * - what Linux refuses (validate.ts: errors, with Linux's own message);
 * - what Linux accepts but is unwise (validate.ts's warnings: a MAC twice, an L2 loop, …);
 * - design checks (./checks/): the lab builds, but what it says contradicts itself (errors: an
 *   address or MAC on two hosts of a link, an address outside its link's subnets, overlapping pod
 *   subnets, a gateway nobody answers for) or a piece is missing (warnings: a route, forwarding,
 *   a link). They run only on a lab Linux would build, and read routes with the engine's own FIB.
 */

/**
 * A change that repairs a check: plain data, applied by {@link applyFix}. `machine` names the
 * namespace it changes: a machine's root namespace, or a pod (by the pod's name).
 */
export type LabFix =
  | { kind: 'add-route'; machine: string; route: RouteSpec }
  | { kind: 'change-route'; machine: string; from: RouteSpec; to: RouteSpec }
  | { kind: 'enable-forwarding'; machine: string; iface?: string }
  | { kind: 'set-address'; machine: string; iface: string; from: string; to: string }
  | { kind: 'set-mac'; machine: string; iface: string; from: string; to: string }
  | { kind: 'set-master'; machine: string; iface: string; master: string };

/** A check's finding: a problem (its severity comes from its code) and, when the repair is clear, its fix. */
export interface LabCheck {
  problem: Problem;
  fix?: LabFix | undefined;
  /** Where it is: the namespace to select, and the interface or route (set by {@link labChecks}). */
  place?: ProblemPlace | null;
}

// The checks' sentences load with this module (the editor's), not with the player's first page.
registerCheckCatalogs(CHECK_CATALOGS);

const cache = new WeakMap<Topology, readonly LabCheck[]>();
/** The last lab checked: a drag changes only positions, and must not re-run the checks at every frame. */
let last: { t: Topology; checks: readonly LabCheck[] } | null = null;

/**
 * Every finding about `topology`, errors first, then warnings, each in topology order: validation
 * errors (with a fix for a route through the wrong device), validation warnings (with a new MAC for
 * a duplicate one), and, when the lab validates, the design checks of ./checks/. A fix is offered
 * only when applying it adds no validation error. Cached per topology object, and across a move
 * (positions never change a finding). The result is frozen; never throws on a typed topology.
 */
export function labChecks(topology: Topology): readonly LabCheck[] {
  const hit = cache.get(topology) ?? (last && samePositionsAside(last.t, topology) ? last.checks : undefined);
  if (hit) return hit;
  const errors = validateTopology(topology);
  const found: LabCheck[] = [
    ...errors.map((p) => ({ problem: p, fix: routeRefusalFix(topology, p) })),
    ...validateTopologyWarnings(topology).map((p) => ({ problem: p, fix: macFix(topology, p) })),
  ];
  if (errors.length === 0) {
    const facts = labFacts(topology);
    const world = new World(indexTopology(topology));
    const kept = shapeChecks(topology, facts);
    const each = spaceChecks(topology, facts, world);
    found.push(
      ...kept.duplicates, ...each.outside, ...kept.overlaps, ...each.absent, ...each.detached, ...kept.alone, ...each.nowhere,
      ...forwardingChecks(topology, facts), ...each.machines, ...each.pods, ...datapathChecks(topology, facts), ...calicoChecks(topology, world, facts),
    );
  }
  const before = new Set(errors.map((p) => `${p.path} ${p.code}`));
  const checks = found.map((c) => {
    const place = problemPlace(topology, c.problem.path);
    return Object.freeze(c.fix && safe(topology, c, before) ? { problem: c.problem, fix: c.fix, place } : { problem: c.problem, place });
  });
  const sorted = Object.freeze([...checks.filter((c) => problemSeverity(c.problem.code) === 'error'), ...checks.filter((c) => problemSeverity(c.problem.code) === 'warning')]);
  cache.set(topology, sorted);
  last = { t: topology, checks: sorted };
  return sorted;
}

/** The checks that read only the lab's shape (links, addresses, names, roles, pods), and the lab they were made for. */
interface ShapeChecks {
  machines: readonly MachineSpec[];
  segments: Topology['segments'];
  duplicates: LabCheck[];
  overlaps: LabCheck[];
  alone: LabCheck[];
}

let lastShape: ShapeChecks | undefined;

/**
 * Duplicate addresses, overlapping pod subnets and NICs alone on their segment: for a lab that
 * replaces a few machines of the last one checked by machines of the same shape (`sameShape`: an
 * edit of routes, sysctls, MACs…), the last findings, which read nothing such an edit changes
 * (the free addresses their fixes take come from the addresses alone); else found anew.
 */
function shapeChecks(t: Topology, facts: LabFacts): ShapeChecks {
  const base = lastShape;
  const changed = base && base.segments === t.segments ? changedMachines(base.machines, t) : undefined;
  if (base && changed && changed.every((i) => sameShape(base.machines[i] as MachineSpec, t.machines[i] as MachineSpec))) {
    lastShape = { ...base, machines: [...t.machines] };
    return lastShape;
  }
  lastShape = { machines: [...t.machines], segments: t.segments, duplicates: duplicateAddresses(t, facts), overlaps: podSubnetOverlap(t, facts), alone: aloneOnSegment(t, facts) };
  return lastShape;
}

/** Whether `c`'s fix removes its own problem (for a refusal) and brings no new refusal. */
function safe(t: Topology, c: LabCheck, before: ReadonlySet<string>): boolean {
  if (!c.fix) return false;
  const after = validateTopology(applyFix(t, c.fix)).map((p) => `${p.path} ${p.code}`);
  return after.every((k) => before.has(k)) && !after.includes(`${c.problem.path} ${c.problem.code}`);
}

const IFACE_MAC = /^machines\[(\d+)\](?:\.pods\[(\d+)\])?\.interfaces\[(\d+)\]\.mac$/;

/** A duplicate MAC's fix: a locally administered MAC no interface of the lab has (from its address, as the seed names MACs). */
function macFix(t: Topology, p: Problem): LabFix | undefined {
  const m = p.code === 'duplicate-mac' || p.code === 'duplicate-mac-unused' ? IFACE_MAC.exec(p.path) : null;
  const machine = m ? t.machines[Number(m[1])] : undefined;
  const ns = m?.[2] === undefined ? machine : machine?.pods?.[Number(m[2])];
  const iface = ns?.interfaces[Number(m?.[3])];
  if (!ns || !iface) return undefined;
  const used = new Set(t.machines.flatMap((x) => [x, ...(x.pods ?? [])]).flatMap((n) => n.interfaces.map((i) => i.mac.toLowerCase())));
  const ip = parseCidr(iface.addresses?.[0] ?? '')?.ip;
  let mac = ip === undefined ? '' : macFor(ip);
  for (let n = 1; mac === '' || used.has(mac); n++) mac = macFor(n);
  return { kind: 'set-mac', machine: ns.name, iface: iface.name, from: iface.mac, to: mac };
}

/** Whether two routes say the same thing. */
function sameRoute(a: RouteSpec, b: RouteSpec): boolean {
  return a.dst === b.dst && a.via === b.via && a.dev === b.dev && a.onlink === b.onlink && a.src === b.src && a.metric === b.metric && a.op === b.op;
}

/** `ns` with interface `name` replaced by `f(it)`. */
function withIface<N extends NamespaceSpec>(ns: N, name: string, f: (i: IfaceSpec) => IfaceSpec): N {
  return { ...ns, interfaces: ns.interfaces.map((i) => (i.name === name ? f(i) : i)) };
}

function fixNs<N extends NamespaceSpec>(ns: N, fix: LabFix): N {
  switch (fix.kind) {
    case 'add-route':
      return { ...ns, routes: [...(ns.routes ?? []), fix.route] };
    case 'change-route': {
      const k = (ns.routes ?? []).findIndex((r) => sameRoute(r, fix.from));
      return k < 0 ? ns : { ...ns, routes: (ns.routes ?? []).map((r, j) => (j === k ? fix.to : r)) };
    }
    case 'enable-forwarding':
      if (fix.iface === undefined) return { ...ns, sysctls: { ...ns.sysctls, ip_forward: true } };
      return withIface(ns, fix.iface, (i) => ({ ...i, sysctls: { ...i.sysctls, forwarding: true } }));
    case 'set-address':
      return withIface(ns, fix.iface, (i) => ({ ...i, addresses: (i.addresses ?? []).map((a) => (a === fix.from ? fix.to : a)) }));
    case 'set-mac':
      return withIface(ns, fix.iface, (i) => (i.mac === fix.from ? { ...i, mac: fix.to } : i));
    case 'set-master':
      return withIface(ns, fix.iface, (i) => ({ ...i, master: fix.master }));
  }
}

/**
 * `topology` with `fix` applied to the namespace it names (a machine's or a pod's): a new object,
 * the input never changed. A fix naming no namespace of the lab changes nothing.
 */
export function applyFix(topology: Topology, fix: LabFix): Topology {
  let changed = false;
  const machines = topology.machines.map((m) => {
    if (m.name === fix.machine) {
      changed = true;
      return fixNs(m, fix);
    }
    if (!(m.pods ?? []).some((p) => p.name === fix.machine)) return m;
    changed = true;
    return { ...m, pods: (m.pods ?? []).map((p) => (p.name === fix.machine ? fixNs(p, fix) : p)) };
  });
  return changed ? { ...topology, machines } : topology;
}

/** Fixes that take an address or a MAC from the lab's free ones: one per round, so two never take the same. */
const ALLOCATES: ReadonlySet<LabFix['kind']> = new Set(['set-address', 'set-mac']);

/**
 * "Auto-configure": applies every fix the checks offer, round after round until none is left or
 * the lab stops changing (a fixed point). A round applies every route, forwarding and bridge-port
 * fix once, and at most one fix that allocates an address or a MAC; the next round sees what the
 * last one changed (a forwarder turned on becomes a next hop). Checks without a fix stay.
 */
export function autoConfigure(topology: Topology): Topology {
  let t = topology;
  const rounds = 4 + topology.machines.reduce((n, m) => n + 1 + (m.pods ?? []).length, 0);
  for (let round = 0; round < rounds; round++) {
    const seen = new Set<string>();
    let allocated = false;
    let next = t;
    for (const c of labChecks(t)) {
      if (!c.fix) continue;
      const key = JSON.stringify(c.fix);
      if (seen.has(key) || (ALLOCATES.has(c.fix.kind) && allocated)) continue;
      seen.add(key);
      allocated ||= ALLOCATES.has(c.fix.kind);
      next = applyFix(next, c.fix);
    }
    if (next === t) break;
    t = next;
  }
  return t;
}

/** The fix as a short imperative line in `lang`: "add route 10.10.12.0/24 via 172.16.100.3 dev eth0 on router". */
export function fixText(fix: LabFix, lang: Lang): string {
  return CHECK_CATALOGS[lang].fix(fix);
}
