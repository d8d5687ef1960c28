import type { HopEvent } from '../core';
import type { Box, Point, TopologyLayout } from './layoutTypes';
import type { PacketScene } from './packetScene';

/** Room kept around what the camera follows, in drawing units. */
const FOCUS_PAD = 16;

/** Room a drop mark's label takes to the right of the mark (the longest reason, at the label font). */
const DROP_LABEL_W = 330;

/** The machine box a place id (`ns/iface` or a namespace name) belongs to. */
function machineBoxOf(layout: TopologyLayout, id: string): Box | null {
  const ns = id.split('/')[0] ?? id;
  const m = layout.machines.find((mm) => mm.name === ns || mm.pods.some((p) => p.ns === ns));
  return m ? m.box : null;
}

function union(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x1 = Math.min(...boxes.map((b) => b.x));
  const y1 = Math.min(...boxes.map((b) => b.y));
  const x2 = Math.max(...boxes.map((b) => b.x + b.w));
  const y2 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

const pointBox = (p: Point): Box => ({ x: p.x, y: p.y, w: 0, h: 0 });

/**
 * Addresses an event names besides where its packet is, which its text talks about: a route's next
 * hop ("the next hop is 172.16.100.254"), a neighbour entry's address.
 */
export function namedAddresses(ev: HopEvent | undefined): string[] {
  if (ev?.type === 'route' && ev.nexthop !== undefined) return [ev.nexthop];
  if (ev?.type === 'neigh') return [ev.ip];
  return [];
}

/** The drawn interface holding `ip`, as its anchor and its label: the device the text names. */
function deviceBox(layout: TopologyLayout, ip: string): Box | null {
  for (const l of Object.values(layout.ifaces)) {
    if (l.addresses.some((a) => a === ip || a.startsWith(`${ip}/`))) return union([l.labelBox, pointBox(l.at)]);
  }
  return null;
}

/**
 * What the camera shows when it follows the packet: every machine the step's packets leave from or
 * arrive at (a hop between machines shows both; a broadcast on a segment shows every machine it
 * reaches), the path they travel, the drop mark with its label, and the devices (interface and
 * label) holding the addresses the event names (`named`, see {@link namedAddresses}: a route's next
 * hop is in view when the text names it; teacher review, item 15). Null when nothing moves.
 */
export function focusBox(layout: TopologyLayout, scene: PacketScene, named: readonly string[] = []): Box | null {
  const boxes: Box[] = [];
  for (const ip of named) {
    const b = deviceBox(layout, ip);
    if (b) boxes.push(b);
  }
  for (const g of scene.glyphs) {
    for (const id of [g.from, g.to]) {
      const b = machineBoxOf(layout, id);
      if (b) boxes.push(b);
    }
    boxes.push(...g.points.map(pointBox));
  }
  if (scene.drop) {
    const b = machineBoxOf(layout, scene.drop.where);
    if (b) boxes.push(b);
    boxes.push({ x: scene.drop.at.x - 12, y: scene.drop.at.y - 14, w: DROP_LABEL_W, h: 28 });
  }
  const u = union(boxes);
  if (!u) return null;
  // Never past the drawing's own edges: the camera has nothing to show there.
  const x1 = Math.max(0, u.x - FOCUS_PAD);
  const y1 = Math.max(0, u.y - FOCUS_PAD);
  const x2 = Math.min(layout.width, u.x + u.w + FOCUS_PAD);
  const y2 = Math.min(layout.height, u.y + u.h + FOCUS_PAD);
  return { x: x1, y: y1, w: Math.max(1, x2 - x1), h: Math.max(1, y2 - y1) };
}

/**
 * Where the packet of a step comes to rest: the drop mark, or the end of its glyphs' paths (their
 * middle when a broadcast fans out). Null when nothing moves.
 */
export function packetAt(scene: PacketScene): Point | null {
  if (scene.drop) return scene.drop.at;
  const ends = scene.glyphs.map((g) => g.points[g.points.length - 1]).filter((p): p is Point => p !== undefined);
  if (ends.length === 0) return null;
  const xs = ends.map((p) => p.x);
  const ys = ends.map((p) => p.y);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}
