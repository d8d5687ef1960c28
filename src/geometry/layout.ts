import type { Topology } from '../core';
import { measureMachine } from './measureMachine';
import { METRICS as M, textW } from './metrics';
import { placeMachine } from './placeMachine';
import { polylineD } from './paths';
import type { IfaceLayout, LinkLayout, MachineLayout, NsLayout, SegmentLayout, TopologyLayout } from './layoutTypes';

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

/**
 * Lay a topology out: machines in rows, each row followed by a band holding one horizontal lane per
 * L2 segment; a segment reaching several rows gets a vertical trunk on the left joining its lanes.
 * Pure: same topology, same drawing.
 */
export function layoutTopology(t: Topology): TopologyLayout {
  const segIds = segmentIds(t);
  const cols = columnsFor(t.machines.length);
  const rowsCount = Math.ceil(t.machines.length / cols);
  const trunkSpace = rowsCount > 1 ? segIds.length * M.trunkStep + 12 : 0;
  const band = M.laneTop + Math.max(1, segIds.length) * M.laneStep + M.laneBottom;
  const sizes = t.machines.map(measureMachine);

  const machines: MachineLayout[] = [];
  const ifaces: Record<string, IfaceLayout> = {};
  const namespaces: Record<string, NsLayout> = {};
  const rowOf: Record<string, number> = {};
  const rowBottoms: number[] = [];
  let y = M.margin;
  let right = 0;
  for (let r = 0; r < rowsCount; r++) {
    const row = t.machines.slice(r * cols, r * cols + cols);
    const rowSizes = sizes.slice(r * cols, r * cols + cols);
    const rowH = rowSizes.reduce((h, s) => Math.max(h, s.h), 0);
    let x = M.margin + trunkSpace;
    row.forEach((m, k) => {
      const size = rowSizes[k];
      if (!size) return;
      const placed = placeMachine(m, x, y, size);
      machines.push(placed.machine);
      for (const l of placed.ifaces) ifaces[l.id] = l;
      namespaces[m.name] = placed.machine.root;
      for (const p of placed.machine.pods) namespaces[p.ns] = p;
      rowOf[m.name] = r;
      x += size.w + M.machineGap;
    });
    right = Math.max(right, x - M.machineGap);
    rowBottoms.push(y + rowH);
    y += rowH + band;
  }

  const laneY = (row: number, seg: number) => (rowBottoms[row] ?? 0) + M.laneTop + seg * M.laneStep;
  const segments: SegmentLayout[] = [];
  const links: LinkLayout[] = [];
  segIds.forEach((id, s) => {
    const label = t.segments.find((g) => g.id === id)?.label;
    const text = label ? `${id} ${label}` : id;
    const members = Object.values(ifaces).filter((l) => l.kind === 'ether' && isOnSegment(t, l, id));
    const rows = [...new Set(members.map((l) => rowOf[machineOf(t, l.ns)] ?? 0))].sort((a, b) => a - b);
    const trunkX = M.margin + s * M.trunkStep;
    const lanes = rows.map((row) => {
      const xs = members.filter((l) => (rowOf[machineOf(t, l.ns)] ?? 0) === row).map((l) => l.at.x);
      const x1 = rows.length > 1 ? trunkX : Math.min(...xs) - 20;
      return { row, x1, x2: Math.max(...xs) + 20, y: laneY(row, s) };
    });
    const first = lanes[0];
    const last = lanes[lanes.length - 1];
    const trunk = first && last && rows.length > 1 ? { x: trunkX, y1: first.y, y2: last.y } : null;
    const labelAt = first ? { x: first.x2 + 8, y: first.y + 4 } : { x: M.margin, y: M.margin };
    right = Math.max(right, labelAt.x + textW(text));
    segments.push({ id, label: text, lanes, trunk, labelAt, members: members.map((l) => l.id) });
    for (const l of members) {
      const lane = lanes.find((ln) => ln.row === (rowOf[machineOf(t, l.ns)] ?? 0));
      if (lane) links.push({ id: `drop:${l.id}`, kind: 'segment-drop', d: polylineD([l.at, { x: l.at.x, y: lane.y }]) });
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

  return { width: Math.ceil(right + M.margin), height: Math.ceil(y), machines, segments, links, ifaces, namespaces, rowOf };
}

/** The machine a namespace belongs to (itself for a root namespace). */
export function machineOf(t: Topology, ns: string): string {
  const m = t.machines.find((mm) => mm.name === ns || (mm.pods ?? []).some((p) => p.name === ns));
  return m ? m.name : ns;
}

function isOnSegment(t: Topology, l: IfaceLayout, seg: string): boolean {
  const m = t.machines.find((mm) => mm.name === machineOf(t, l.ns));
  const ns = m && (m.name === l.ns ? m : (m.pods ?? []).find((p) => p.name === l.ns));
  const spec = ns?.interfaces.find((i) => i.name === l.name);
  return spec?.kind === 'ether' && spec.segment === seg;
}
