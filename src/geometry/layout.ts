import type { MachineSpec, Topology } from '../core';
import { measureMachine, type MachineSize } from './measureMachine';
import { METRICS as M, textW } from './metrics';
import { nicsOnly, placeMachine } from './placeMachine';
import { polylineD } from './paths';
import { needsOverview, overviewArrangement, overviewLayout } from './overview';
import { ifaceId, type Arrangement, type Box, type IfaceLayout, type LinkLayout, type MachineLayout, type NsLayout, type SegmentLayout, type TopologyLayout } from './layoutTypes';

/**
 * How many machines go in one row: all of them up to four, then a grid a little wider than tall,
 * which suits a projector's 16:9 better than one long strip.
 */
export function columnsFor(n: number): number {
  return n <= 4 ? Math.max(1, n) : Math.ceil(Math.sqrt(n * 1.5));
}

/** Every segment id used, declared ones first, in a stable order. */
function segmentIds(t: Topology): string[] {
  const ids = t.segments.map((s) => s.id);
  for (const m of t.machines) {
    for (const ns of [m, ...(m.pods ?? [])]) {
      for (const i of ns.interfaces) if (i.kind === 'ether' && !ids.includes(i.segment)) ids.push(i.segment);
    }
  }
  return ids;
}

/** What {@link layoutTopology} may be told. */
export interface LayoutOptions {
  /** How to arrange the machines. @default rows of {@link columnsFor} machines */
  arrangement?: Arrangement;
}

/** The default arrangement: rows of {@link columnsFor} machines. */
export function defaultArrangement(t: Topology): Arrangement {
  return { kind: 'rows', cols: columnsFor(t.machines.length) };
}

/** A stable text key of an arrangement, for telling whether two are the same. */
export function arrangementKey(a: Arrangement): string {
  return a.kind === 'rows' ? `rows:${a.cols}` : `facing:${a.bottom.join(',')}`;
}

/** One machine as placed in a row, before segments are drawn. */
interface RowPlan {
  /** Machines of the row, with their sizes, in topology order. */
  machines: { m: MachineSpec; size: MachineSize }[];
  /** Left edge of the first machine. */
  x: number;
  /** Top edge of the row. */
  y: number;
  /** Lane band the row's NICs reach. */
  band: number;
  nicSide: 'bottom' | 'top';
}

/**
 * Lay a topology out: machines in rows, each row followed by a band holding one horizontal lane per
 * L2 segment; a segment reaching several rows gets a vertical trunk on the left joining its lanes.
 * In a facing arrangement the machines with NICs only (routers, hosts) sit in a second row under
 * the first row's band, their NICs rising to it, so a lab like the seed one is less wide.
 * Pure: same topology and options, same drawing. A Kubernetes-sized lab (`needsOverview`) is drawn
 * as an overview of tiles instead (overview.ts), whatever the options.
 */
export function layoutTopology(t: Topology, opts: LayoutOptions = {}): TopologyLayout {
  if (needsOverview(t)) return overviewLayout(t);
  const arrangement = usable(t, opts.arrangement) ?? defaultArrangement(t);
  const segIds = segmentIds(t);
  const sizes = new Map(t.machines.map((m) => [m.name, measureOnce(m)]));
  const sized = (ms: MachineSpec[]) => ms.map((m) => ({ m, size: sizes.get(m.name) ?? measureOnce(m) }));
  const bandH = (n: number) => M.laneTop + Math.max(1, n) * M.laneStep + M.laneBottom;
  const rowW = (row: { size: MachineSize }[]) => row.reduce((w, r) => w + r.size.w, 0) + Math.max(0, row.length - 1) * M.machineGap;
  const rowH = (row: { size: MachineSize }[]) => row.reduce((h, r) => Math.max(h, r.size.h), 0);

  const plans: RowPlan[] = [];
  const rowBottoms: number[] = [];
  let y = M.margin;
  if (arrangement.kind === 'facing') {
    const bottomSet = new Set(arrangement.bottom);
    const top = sized(t.machines.filter((m) => !bottomSet.has(m.name)));
    const bottom = sized(t.machines.filter((m) => bottomSet.has(m.name)));
    const topW = rowW(top);
    const bottomW = rowW(bottom);
    const width = Math.max(topW, bottomW);
    plans.push({ machines: top, x: M.margin + (width - topW) / 2, y, band: 0, nicSide: 'bottom' });
    rowBottoms.push(y + rowH(top));
    // The machines below rise to the band's last lane: the label under the first lane needs the room.
    y += rowH(top) + M.laneTop + Math.max(0, segIds.length - 1) * M.laneStep + M.laneBottom;
    plans.push({ machines: bottom, x: M.margin + (width - bottomW) / 2, y, band: 0, nicSide: 'top' });
    y += rowH(bottom) + M.margin;
  } else {
    const cols = Math.max(1, Math.min(arrangement.cols, t.machines.length));
    const rowsCount = Math.ceil(t.machines.length / cols);
    const trunkSpace = rowsCount > 1 ? segIds.length * M.trunkStep + 12 : 0;
    for (let r = 0; r < rowsCount; r++) {
      const row = sized(t.machines.slice(r * cols, r * cols + cols));
      plans.push({ machines: row, x: M.margin + trunkSpace, y, band: r, nicSide: 'bottom' });
      rowBottoms.push(y + rowH(row));
      y += rowH(row) + bandH(segIds.length);
    }
  }

  const machines: MachineLayout[] = [];
  const ifaces: Record<string, IfaceLayout> = {};
  const namespaces: Record<string, NsLayout> = {};
  const rowOf: Record<string, number> = {};
  let right = 0;
  let bottom = y;
  for (const plan of plans) {
    let x = plan.x;
    for (const { m, size } of plan.machines) {
      // A machine the user placed (the editor's drag or arrows) keeps its place; the others keep
      // their automatic slot, so a lab with no positions is drawn exactly as before.
      const at = m.position ?? { x, y: plan.y };
      const placed = placeOnce(m, at.x, at.y, size, plan.nicSide);
      if (m.position) {
        right = Math.max(right, at.x + size.w + DETOUR);
        bottom = Math.max(bottom, at.y + size.h + DETOUR + M.margin);
      }
      machines.push(placed.machine);
      for (const l of placed.ifaces) ifaces[l.id] = l;
      namespaces[m.name] = placed.machine.root;
      for (const p of placed.machine.pods) namespaces[p.ns] = p;
      rowOf[m.name] = plan.band;
      x += size.w + M.machineGap;
    }
    right = Math.max(right, x - M.machineGap);
  }
  // Machines keep the topology's order whatever the rows.
  const order = new Map(t.machines.map((m, k) => [m.name, k]));
  machines.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));

  // Looked up once per interface, not searched for: a drag lays out the whole lab at every move.
  const owner = new Map<string, string>();
  const segmentOf = new Map<string, string>();
  for (const m of t.machines) {
    for (const ns of [m, ...(m.pods ?? [])]) {
      owner.set(ns.name, m.name);
      for (const i of ns.interfaces) if (i.kind === 'ether') segmentOf.set(ifaceId(ns.name, i.name), i.segment);
    }
  }
  const machineOfNs = (ns: string): string => owner.get(ns) ?? ns;
  const laneY = (band: number, seg: number) => (rowBottoms[band] ?? 0) + M.laneTop + seg * M.laneStep;
  /**
   * A NIC's wire to its lane: straight up or down, unless the user placed its machine below the
   * lane with the NIC at its bottom; then the wire leaves downwards and goes round the machine's
   * right side, so it never crosses the machine it belongs to.
   */
  const dropPath = (l: IfaceLayout, y: number): { x: number; y: number }[] => {
    const box = namespaces[machineOfNs(l.ns)]?.box;
    // A NIC on a machine's top edge (a router facing up) rises straight: going round would cross
    // the other lanes' labels for nothing (teacher review 2, seed-narrow-wan).
    if (!box || l.at.y <= y || box.y <= y || l.placement === 'root-top') return [l.at, { x: l.at.x, y }];
    const below = l.at.y + DETOUR;
    const side = box.x + box.w + DETOUR;
    return [l.at, { x: l.at.x, y: below }, { x: side, y: below }, { x: side, y }];
  };
  const segments: SegmentLayout[] = [];
  const links: LinkLayout[] = [];
  const detours: Box[] = [];
  const risers = Object.values(ifaces).filter((l) => l.placement === 'root-top');
  const nics = Object.values(ifaces).filter((l) => l.kind === 'ether');
  segIds.forEach((id, s) => {
    const label = t.segments.find((g) => g.id === id)?.label;
    const text = label ? `${id} ${label}` : id;
    const members = nics.filter((l) => segmentOf.get(l.id) === id);
    const bands = [...new Set(members.map((l) => rowOf[machineOfNs(l.ns)] ?? 0))].sort((a, b) => a - b);
    const trunkX = M.margin + s * M.trunkStep;
    const lanes = bands.map((band) => {
      const xs = members.filter((l) => (rowOf[machineOfNs(l.ns)] ?? 0) === band).map((l) => dropPath(l, laneY(band, s)).at(-1)?.x ?? l.at.x);
      const x1 = bands.length > 1 ? trunkX : Math.min(...xs) - 20;
      return { row: band, x1, x2: Math.max(...xs) + 20, y: laneY(band, s) };
    });
    const first = lanes[0];
    const last = lanes[lanes.length - 1];
    const trunk = first && last && bands.length > 1 ? { x: trunkX, y1: first.y, y2: last.y } : null;
    const labelAt = first ? segmentLabelAt(first, text, trunk ? M.margin + segIds.length * M.trunkStep : first.x1, risers) : { x: M.margin, y: M.margin };
    right = Math.max(right, labelAt.x + textW(text));
    segments.push({ id, label: text, lanes, trunk, labelAt, members: members.map((l) => l.id) });
    for (const l of members) {
      const lane = lanes.find((ln) => ln.row === (rowOf[machineOfNs(l.ns)] ?? 0));
      if (!lane) continue;
      const path = dropPath(l, lane.y);
      links.push({ id: `drop:${l.id}`, kind: 'segment-drop', d: polylineD(path) });
      // A wire going round its machine runs below it: the camera must show that leg too.
      const [, under, corner] = path;
      if (under && corner) detours.push({ x: under.x, y: under.y - 1, w: corner.x - under.x, h: 2 });
    }
  });

  for (const m of t.machines) {
    for (const ns of [m, ...(m.pods ?? [])]) {
      for (const i of ns.interfaces) {
        if (i.kind !== 'veth') continue;
        const a = ifaces[`${ns.name}/${i.name}`];
        const b = ifaces[`${i.peer.ns}/${i.peer.iface}`];
        // Each pair is drawn once, from the end whose id sorts first.
        if (a && b && a.id < b.id) links.push({ id: `veth:${a.id}`, kind: 'veth', d: polylineD([a.at, b.at]) });
      }
    }
  }

  const width = Math.ceil(right + M.margin);
  const height = Math.ceil(Math.max(y, bottom));
  return { width, height, bounds: boundsOf(machines, segments, width, height, detours), machines, segments, links, ifaces, namespaces, rowOf, arrangement };
}

/*
 * A drag lays the whole lab out again at every move, but only the moved machine's spec is a new
 * object: the others keep their size and, while they stay where they are, their placement (the
 * same MachineLayout and IfaceLayout objects), so the canvas redraws the one machine that moved.
 * Layouts are never changed once made.
 */
const measured = new WeakMap<MachineSpec, MachineSize>();
const placedAt = new WeakMap<MachineSpec, { x: number; y: number; size: MachineSize; nicSide: 'bottom' | 'top'; placed: ReturnType<typeof placeMachine> }>();

function measureOnce(m: MachineSpec): MachineSize {
  let size = measured.get(m);
  if (!size) measured.set(m, (size = measureMachine(m)));
  return size;
}

function placeOnce(m: MachineSpec, x: number, y: number, size: MachineSize, nicSide: 'bottom' | 'top'): ReturnType<typeof placeMachine> {
  const hit = placedAt.get(m);
  if (hit && hit.x === x && hit.y === y && hit.size === size && hit.nicSide === nicSide) return hit.placed;
  const placed = placeMachine(m, x, y, size, nicSide);
  placedAt.set(m, { x, y, size, nicSide, placed });
  return placed;
}

/** How far a wire going round a machine keeps from it. */
const DETOUR = 14;

/** Room kept around what is drawn when the camera fits it. */
const BOUNDS_PAD = 6;

/** The extent of machines, lanes and segment labels, padded, within the drawing. */
function boundsOf(machines: MachineLayout[], segments: SegmentLayout[], width: number, height: number, extra: Box[] = []): Box {
  const boxes: Box[] = [...machines.map((m) => m.box), ...extra];
  for (const s of segments) {
    for (const l of s.lanes) boxes.push({ x: l.x1, y: l.y - 3, w: l.x2 - l.x1, h: 6 });
    if (s.trunk) boxes.push({ x: s.trunk.x - 3, y: s.trunk.y1, w: 6, h: s.trunk.y2 - s.trunk.y1 });
    boxes.push({ x: s.labelAt.x, y: s.labelAt.y - 12, w: textW(s.label), h: 16 });
  }
  if (boxes.length === 0) return { x: 0, y: 0, w: width, h: height };
  const x1 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - BOUNDS_PAD);
  const y1 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - BOUNDS_PAD);
  const x2 = Math.min(width, Math.max(...boxes.map((b) => b.x + b.w)) + BOUNDS_PAD);
  const y2 = Math.min(height, Math.max(...boxes.map((b) => b.y + b.h)) + BOUNDS_PAD);
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

/**
 * Where a segment's label goes: just under its first lane, from `x` (the lane's left end, or past
 * the trunks), unless a NIC rises to the lane there; then at the lane's right end, or else just
 * beside a rising wire (right, then left of it), the first place no wire crosses.
 */
function segmentLabelAt(lane: { x1: number; x2: number; y: number }, text: string, x: number, risers: IfaceLayout[]): { x: number; y: number } {
  const w = textW(text);
  const below = risers.filter((r) => r.at.y > lane.y);
  const crosses = (x1: number) => below.some((r) => r.at.x > x1 - 4 && r.at.x < x1 + w + 4);
  const y = lane.y + 17;
  // Beside a wire, the label must still be under its own lane (else it names the lane next to it).
  const beside = below.flatMap((r) => [r.at.x + 6, r.at.x - 6 - w]).filter((c) => c >= M.margin && c <= lane.x2 && c + w >= lane.x1);
  const at = [x, Math.max(x, lane.x2 - w), ...beside].find((c) => !crosses(c));
  return { x: at ?? Math.max(x, lane.x2 - w), y };
}

/** The arrangement asked for, if this topology can be drawn that way. */
function usable(t: Topology, a: Arrangement | undefined): Arrangement | null {
  if (!a) return null;
  if (a.kind === 'rows') return a.cols >= 1 ? a : null;
  const names = new Set(t.machines.map((m) => m.name));
  const bottom = a.bottom.filter((n) => names.has(n));
  const ok = bottom.length > 0 && bottom.length < t.machines.length && bottom.every((n) => {
    const m = t.machines.find((mm) => mm.name === n);
    return m !== undefined && nicsOnly(m);
  });
  return ok ? { kind: 'facing', bottom } : null;
}

/**
 * The arrangements worth trying for a topology: rows of every width, and, when some machines hold
 * NICs only and the others fit in one row of at most four, the facing one.
 */
export function arrangementsFor(t: Topology): Arrangement[] {
  const n = t.machines.length;
  const out: Arrangement[] = [];
  for (let cols = 1; cols <= n; cols++) out.push({ kind: 'rows', cols });
  const bottom = t.machines.filter(nicsOnly).map((m) => m.name);
  const top = n - bottom.length;
  if (bottom.length > 0 && top > 0 && top <= 4 && bottom.length <= 4) out.push({ kind: 'facing', bottom });
  return out;
}

/**
 * The drawing's size (units) in an arrangement, from the machines' measured sizes alone: what
 * {@link layoutTopology} would give, without placing anything, so that every arrangement of a big
 * cluster can be weighed quickly.
 */
function sizeIn(t: Topology, a: Arrangement, sizes: Map<string, MachineSize>, segments: number): { w: number; h: number } {
  const size = (m: MachineSpec) => sizes.get(m.name) ?? { w: 0, h: 0 };
  const rowW = (ms: MachineSpec[]) => ms.reduce((w, m) => w + size(m).w, 0) + Math.max(0, ms.length - 1) * M.machineGap;
  const rowH = (ms: MachineSpec[]) => ms.reduce((h, m) => Math.max(h, size(m).h), 0);
  const lanes = Math.max(1, segments);
  if (a.kind === 'facing') {
    const bottom = new Set(a.bottom);
    const top = t.machines.filter((m) => !bottom.has(m.name));
    const low = t.machines.filter((m) => bottom.has(m.name));
    return { w: Math.max(rowW(top), rowW(low)) + 2 * M.margin, h: 2 * M.margin + rowH(top) + M.laneTop + (lanes - 1) * M.laneStep + M.laneBottom + rowH(low) };
  }
  const rows = Math.ceil(t.machines.length / a.cols);
  const trunks = rows > 1 ? segments * M.trunkStep + 12 : 0;
  let w = 0;
  let h = M.margin;
  for (let r = 0; r < rows; r++) {
    const row = t.machines.slice(r * a.cols, r * a.cols + a.cols);
    w = Math.max(w, rowW(row));
    h += rowH(row) + M.laneTop + lanes * M.laneStep + M.laneBottom;
  }
  return { w: w + trunks + 2 * M.margin, h };
}

/**
 * The layout that shows the whole lab largest in a view of `w` × `h` pixels (scale at most `maxK`):
 * every arrangement of {@link arrangementsFor} is weighed by its size and the one with the largest
 * fitting scale is laid out; the default one keeps its place unless another is clearly (3 %) larger.
 */
export function fitLayout(t: Topology, w: number, h: number, maxK = Infinity): TopologyLayout {
  return layoutTopology(t, { arrangement: fitArrangement(t, w, h, maxK) });
}

/** The arrangement {@link fitLayout} lays out, chosen without laying anything out. */
export function fitArrangement(t: Topology, w: number, h: number, maxK = Infinity): Arrangement {
  if (needsOverview(t)) return overviewArrangement(t);
  const base = defaultArrangement(t);
  if (w <= 0 || h <= 0) return base;
  const sizes = new Map(t.machines.map((m) => [m.name, measureOnce(m)]));
  const segments = segmentIds(t).length;
  const scale = (a: Arrangement) => {
    const d = sizeIn(t, a, sizes, segments);
    return Math.min(w / d.w, h / d.h, maxK);
  };
  let best = base;
  let bestK = scale(base) * 1.03;
  for (const a of arrangementsFor(t)) {
    if (arrangementKey(a) === arrangementKey(base)) continue;
    const k = scale(a);
    if (k > bestK) {
      best = a;
      bestK = k;
    }
  }
  return best;
}

/** The machine a namespace belongs to (itself for a root namespace). */
export function machineOf(t: Topology, ns: string): string {
  const m = t.machines.find((mm) => mm.name === ns || (mm.pods ?? []).some((p) => p.name === ns));
  return m ? m.name : ns;
}

