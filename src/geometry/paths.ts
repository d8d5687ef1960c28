import { pathRound } from 'd3';
import type { Point, TopologyLayout } from './layoutTypes';

/**
 * SVG path data for a polyline through `points`, exactly as d3-shape's `line()` writes it (its
 * linear curve on a `pathRound(3)` path, a lone point closed): d3-path alone, as d3-shape's module
 * brings its curves' factories (calls Rollup must keep) into the first page.
 */
export function polylineD(points: Point[]): string {
  const path = pathRound(3);
  points.forEach((p, k) => (k === 0 ? path.moveTo(p.x, p.y) : path.lineTo(p.x, p.y)));
  if (points.length === 1) path.closePath();
  return path.toString();
}

/** Drop consecutive duplicate points, so animations do not pause on a zero-length leg. */
function dedupe(points: Point[]): Point[] {
  return points.filter((p, k) => {
    const prev = points[k - 1];
    return !prev || prev.x !== p.x || prev.y !== p.y;
  });
}

/**
 * The points a frame passes through going from one interface to another: along a segment's lanes
 * (and trunk) between two NICs on it, along the bar between two ends on one bridge, and straight
 * otherwise (a veth pair, or a hop inside a namespace). Unknown ids give an empty list.
 */
export function crossingPoints(layout: TopologyLayout, fromId: string, toId: string): Point[] {
  const a = layout.ifaces[fromId];
  const b = layout.ifaces[toId];
  if (!a || !b) return [];
  const seg = layout.segments.find((s) => s.members.includes(a.id) && s.members.includes(b.id));
  if (seg && a.id !== b.id) {
    const rowA = rowOfNs(layout, a.ns);
    const rowB = rowOfNs(layout, b.ns);
    const laneA = seg.lanes.find((l) => l.row === rowA);
    const laneB = seg.lanes.find((l) => l.row === rowB);
    if (laneA && laneB) {
      const via =
        laneA === laneB || !seg.trunk
          ? [{ x: a.at.x, y: laneA.y }, { x: b.at.x, y: laneB.y }]
          : [{ x: a.at.x, y: laneA.y }, { x: seg.trunk.x, y: laneA.y }, { x: seg.trunk.x, y: laneB.y }, { x: b.at.x, y: laneB.y }];
      return dedupe([a.at, ...via, b.at]);
    }
  }
  return dedupe([a.at, b.at]);
}

/** The row of the machine holding a namespace. */
function rowOfNs(layout: TopologyLayout, ns: string): number {
  const box = layout.namespaces[ns]?.box;
  const m = box && layout.machines.find((mm) => contains(mm.box, box.x, box.y));
  return m ? (layout.rowOf[m.name] ?? 0) : 0;
}

function contains(b: { x: number; y: number; w: number; h: number }, x: number, y: number): boolean {
  return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
}

/** Where a packet sits when it is "in" a namespace rather than on an interface: near the box's top. */
export function nsPoint(layout: TopologyLayout, ns: string): Point | null {
  const b = layout.namespaces[ns]?.box;
  if (!b) return null;
  return { x: b.x + b.w - 22, y: b.y + 16 };
}
