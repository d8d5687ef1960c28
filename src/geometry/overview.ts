import type { HopEvent, MachineSpec, Topology } from '../core';
import { measureMachine, type MachineSize } from './measureMachine';
import { METRICS as M } from './metrics';
import { polylineD } from './paths';
import { placeMachine, type PlacedMachine } from './placeMachine';
import type { Arrangement, Box, IfaceLayout, LinkLayout, MachineLayout, NsLayout, OverviewLayout, TileLayout, TopologyLayout } from './layoutTypes';

/*
 * The overview of a Kubernetes-sized lab (up to 5,000 nodes and 150,000 pods): laying out and
 * drawing every pod would take seconds and hundreds of thousands of SVG elements. Each machine gets
 * a cell of one uniform grid, as large as the largest machine's real drawing, so a machine drawn in
 * full sits exactly in its cell and nothing moves when it opens. Nothing inside a machine is placed
 * until someone needs it: the journey's machines (`openMachines`), or the ones in view once the
 * camera is close enough to read them (`placedMachine`, cached per machine object).
 */

/** Labs above either size are drawn as an overview: 20-machine classroom labs never are. */
export const OVERVIEW_MACHINES = 150;
export const OVERVIEW_NAMESPACES = 3000;

/** Whether `t` is drawn as an overview (see the top of this file). */
export function needsOverview(t: Topology): boolean {
  if (t.machines.length > OVERVIEW_MACHINES) return true;
  let n = t.machines.length;
  for (const m of t.machines) n += m.pods?.length ?? 0;
  return n > OVERVIEW_NAMESPACES;
}

const measured = new WeakMap<MachineSpec, MachineSize>();

function sizeOf(m: MachineSpec): MachineSize {
  let s = measured.get(m);
  if (!s) measured.set(m, (s = measureMachine(m)));
  return s;
}

/** Columns that make the grid about 16:9 with cells of `w` × `h`. */
function gridColumns(n: number, w: number, h: number): number {
  return Math.max(1, Math.min(n, Math.round(Math.sqrt((n * 16 * h) / (9 * w)))));
}

/**
 * The overview layout of `t`: tiles in a grid, nothing inside a machine placed, no segment lanes
 * (thousands of drops to one lane say nothing at this scale). Linear in machines and pods.
 */
export function overviewLayout(t: Topology): TopologyLayout {
  const { cellW, cellH, cols } = gridOf(t);
  const rows = Math.ceil(t.machines.length / cols);
  const tiles = t.machines.map((m, i): TileLayout => {
    const s = sizeOf(m);
    const box = { x: M.margin + (i % cols) * cellW, y: M.margin + Math.floor(i / cols) * cellH, w: s.w, h: s.h };
    return { name: m.name, role: m.role, pods: m.pods?.length ?? 0, box };
  });
  const width = Math.ceil(2 * M.margin + cols * cellW - M.machineGap);
  const height = Math.ceil(2 * M.margin + rows * cellH - M.machineGap);
  return {
    width,
    height,
    bounds: { x: 0, y: 0, w: width, h: height },
    machines: [],
    segments: [],
    links: [],
    ifaces: {},
    namespaces: {},
    rowOf: {},
    arrangement: { kind: 'rows', cols },
    overview: { tiles, cols, rows, cellW, cellH },
  };
}

/** The overview's arrangement (the grid's columns), without laying anything out. */
export function overviewArrangement(t: Topology): Arrangement {
  return { kind: 'rows', cols: gridOf(t).cols };
}

/** Cell size and columns of the grid. */
function gridOf(t: Topology): { cellW: number; cellH: number; cols: number } {
  let cw = 0;
  let ch = 0;
  for (const m of t.machines) {
    const s = sizeOf(m);
    cw = Math.max(cw, s.w);
    ch = Math.max(ch, s.h);
  }
  const cellW = cw + M.machineGap;
  const cellH = ch + M.machineGap;
  return { cellW, cellH, cols: gridColumns(t.machines.length, cellW, cellH) };
}

/** A machine of the overview placed in full: its layout, its interfaces by id, its veth pairs. */
export interface PlacedTile {
  placed: PlacedMachine;
  ifaces: Record<string, IfaceLayout>;
  links: LinkLayout[];
}

const placed = new WeakMap<MachineSpec, PlacedTile & { x: number; y: number }>();

/** A machine of the overview drawn in full in its tile (cached per machine object and place). */
export function placedMachine(m: MachineSpec, tile: TileLayout): PlacedTile {
  const hit = placed.get(m);
  if (hit && hit.x === tile.box.x && hit.y === tile.box.y) return hit;
  const p = placeMachine(m, tile.box.x, tile.box.y, sizeOf(m));
  const ifaces: Record<string, IfaceLayout> = {};
  for (const l of p.ifaces) ifaces[l.id] = l;
  const links: LinkLayout[] = [];
  for (const a of p.ifaces) {
    const b = a.peer !== undefined ? ifaces[a.peer] : undefined;
    if (b && a.id < b.id) links.push({ id: `veth:${a.id}`, kind: 'veth', d: polylineD([a.at, b.at]) });
  }
  const entry = { x: tile.box.x, y: tile.box.y, placed: p, ifaces, links };
  placed.set(m, entry);
  return entry;
}

const clipped = new WeakMap<PlacedTile, Map<string, PlacedTile>>();

/**
 * A placed machine cut to the pods that meet the columns `x1`..`x2` (drawing units), with the
 * interfaces and veth pairs that belong to them; its NICs and bridges stay. A node with 110 pods is
 * some 18,000 units wide: close up, the camera shows a dozen of them. The same object for the same
 * pods, so the drawing redraws only when other pods come into view. Small machines are returned whole.
 */
export function clipTile(tile: PlacedTile, x1: number, x2: number): PlacedTile {
  const pods = tile.placed.machine.pods;
  if (pods.length <= CLIP_PODS) return tile;
  let first = pods.findIndex((p) => p.box.x + p.box.w >= x1);
  if (first < 0) first = pods.length;
  let last = first - 1;
  while (last + 1 < pods.length && (pods[last + 1]?.box.x ?? Infinity) <= x2) last++;
  const key = `${first}:${last}`;
  let byKey = clipped.get(tile);
  if (!byKey) clipped.set(tile, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const shown = pods.slice(first, last + 1);
  const names = new Set(shown.map((p) => p.ns));
  const m = tile.placed.machine;
  // A host end of a veth goes with its pod; the machine's own other devices stay.
  const keep = (id: string): boolean => {
    const peer = tile.ifaces[id]?.peer;
    return peer === undefined || names.has(peer.slice(0, peer.indexOf('/')));
  };
  const root = { ...m.root, ifaces: m.root.ifaces.filter(keep) };
  const machine = { ...m, root, pods: shown, bridges: m.bridges.map((b) => ({ ...b, ports: b.ports.filter(keep) })) };
  const ids = new Set([...root.ifaces, ...shown.flatMap((p) => p.ifaces)]);
  const ifaces: Record<string, IfaceLayout> = {};
  for (const id of ids) {
    const l = tile.ifaces[id];
    if (l) ifaces[id] = l;
  }
  const links = tile.links.filter((l) => ids.has(l.id.slice('veth:'.length)));
  const out: PlacedTile = { placed: { machine, ifaces: Object.values(ifaces) }, ifaces, links };
  byKey.set(key, out);
  return out;
}

/** Machines with more pods than this are cut to the pods in view (see {@link clipTile}). */
const CLIP_PODS = 16;

/**
 * The machines a journey works in: those of every namespace with an event other than hearing a
 * broadcast it ignores (a frame in, then `arp-other-target`), so an ARP request flooded to 5,000
 * nodes opens the three machines that matter, not all of them. Topology order.
 */
export function journeyMachines(t: Topology, events: readonly HopEvent[]): string[] {
  const busy = new Set<string>();
  for (const e of events) {
    if (e.type === 'frame' && e.dir === 'in') continue;
    if (e.type === 'consume' && e.reason === 'arp-other-target') continue;
    busy.add(e.ns);
  }
  return t.machines.filter((m) => busy.has(m.name) || (m.pods ?? []).some((p) => busy.has(p.name))).map((m) => m.name);
}

/**
 * `layout` (an overview) with the machines `names` drawn in full in their tiles: their boxes,
 * interfaces and namespaces join the layout, so the packet, Follow and the pins find them; their
 * veth pairs join `links`. Other layouts are returned as they are.
 */
export function openMachines(layout: TopologyLayout, t: Topology, names: readonly string[]): TopologyLayout {
  const ov = layout.overview;
  if (!ov || names.length === 0) return layout;
  const at = new Map(t.machines.map((m, i) => [m.name, i]));
  const machines: MachineLayout[] = [];
  const ifaces: Record<string, IfaceLayout> = {};
  const namespaces: Record<string, NsLayout> = {};
  const links: LinkLayout[] = [];
  for (const name of names) {
    const i = at.get(name);
    const m = i === undefined ? undefined : t.machines[i];
    const tile = i === undefined ? undefined : ov.tiles[i];
    if (!m || !tile) continue;
    const p = placedMachine(m, tile);
    machines.push(p.placed.machine);
    for (const l of p.placed.ifaces) ifaces[l.id] = l;
    namespaces[m.name] = p.placed.machine.root;
    for (const pod of p.placed.machine.pods) namespaces[pod.ns] = pod;
    links.push(...p.links);
  }
  return { ...layout, machines, ifaces, namespaces, links };
}

/**
 * The grid cells in view: columns c0..c1 and rows r0..r1, inclusive (empty when c0 > c1 or r0 > r1),
 * and the columns `x1`..`x2` (drawing units) a long machine is cut to (`clipTile`): the view rounded
 * out to a power of two of half its width, so a pan or a zoom changes them only now and then.
 */
export interface TileRange {
  c0: number;
  c1: number;
  r0: number;
  r1: number;
  x1: number;
  x2: number;
}

/** The cells of the grid that meet `view` (drawing units): only their machines are drawn. */
export function tileRange(ov: OverviewLayout, view: Box): TileRange {
  const q = 2 ** Math.ceil(Math.log2(Math.max(256, view.w / 2)));
  return {
    c0: Math.max(0, Math.floor((view.x - M.margin) / ov.cellW)),
    c1: Math.min(ov.cols - 1, Math.floor((view.x + view.w - M.margin) / ov.cellW)),
    r0: Math.max(0, Math.floor((view.y - M.margin) / ov.cellH)),
    r1: Math.min(ov.rows - 1, Math.floor((view.y + view.h - M.margin) / ov.cellH)),
    x1: Math.floor(view.x / q) * q,
    x2: Math.ceil((view.x + view.w) / q) * q,
  };
}
