import type { Box, Point } from './layoutTypes';

/** A camera: screen = drawing × k + (x, y). */
export interface View {
  x: number;
  y: number;
  k: number;
}

/** The part of the canvas the drawing may use, in screen pixels (the rest holds controls). */
export interface Viewport {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Never blow the whole lab up past this: big text reads as a different app on a projector. */
export const FIT_MAX = 1.6;

/** Following the packet may zoom closer, up to here (a pod's labels at about 30 px). */
export const FOLLOW_MAX = 2.6;

/**
 * Following the packet never shows the drawing smaller than this (a name or address about 14 px
 * high on screen): when the machines of a step do not fit at this scale, the camera keeps the
 * packet in view and lets the rest of them run off the edges.
 */
export const FOLLOW_MIN = 1.05;

/** The view that shows `box` whole and centred in `vp`, at most `max`×. */
export function fitView(box: Box, vp: Viewport, max: number): View {
  const k = Math.max(1e-3, Math.min(vp.w / Math.max(1, box.w), vp.h / Math.max(1, box.h), max));
  return { k, x: vp.x + (vp.w - box.w * k) / 2 - box.x * k, y: vp.y + (vp.h - box.h * k) / 2 - box.y * k };
}

/**
 * The view that follows the packet: `focus` (the step's machines) as large as it fits, up to
 * {@link FOLLOW_MAX}, and never smaller than {@link FOLLOW_MIN}, however small the canvas: then the
 * view is centred on the focus as far as it can be while `at` (where the packet rests) stays inside
 * with a margin. The focus lies inside the lab, so this is never smaller than the whole-lab view.
 */
export function followView(focus: Box, at: Point | null, vp: Viewport): View {
  const fits = Math.min(vp.w / Math.max(1, focus.w), vp.h / Math.max(1, focus.h));
  const k = Math.min(FOLLOW_MAX, Math.max(fits, FOLLOW_MIN));
  // Centre of the view in drawing units: the focus's centre, moved only as far as needed to keep
  // the packet `margin` pixels inside the viewport.
  let cx = focus.x + focus.w / 2;
  let cy = focus.y + focus.h / 2;
  if (at) {
    const mx = Math.max(0, vp.w / (2 * k) - Math.min(60, vp.w / 4) / k);
    const my = Math.max(0, vp.h / (2 * k) - Math.min(40, vp.h / 4) / k);
    cx = Math.min(Math.max(cx, at.x - mx), at.x + mx);
    cy = Math.min(Math.max(cy, at.y - my), at.y + my);
  }
  return { k, x: vp.x + vp.w / 2 - cx * k, y: vp.y + vp.h / 2 - cy * k };
}

/** A drawing box as it appears on screen under view `v`. */
export function onScreen(box: Box, v: View): Box {
  return { x: box.x * v.k + v.x, y: box.y * v.k + v.y, w: box.w * v.k, h: box.h * v.k };
}

/**
 * Level of detail of the drawing's labels at a scale: `full` shows MACs and prefixes, `addr` drops
 * the MAC lines, `name` the prefixes too. What is hidden comes back on the machine under the pointer,
 * focused or pinned.
 */
export type Lod = 'full' | 'addr' | 'name';

/** On-screen font size (px) from which MAC lines (drawn at 11 units) are shown: about 12 px tall. */
export const LOD_MAC_PX = 10;

/** On-screen font size (px) from which prefixes are shown beside the addresses (drawn at 12 units). */
export const LOD_PREFIX_PX = 8;

/** The level of detail at scale `k`. */
export function lodFor(k: number): Lod {
  if (11 * k >= LOD_MAC_PX) return 'full';
  return 12 * k >= LOD_PREFIX_PX ? 'addr' : 'name';
}

/** Overlap area of two boxes. */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to put a note of `note` size (px) on a canvas of `canvas` size so that it never covers
 * `keep` (the journey's start) and covers as little of `avoid` (the machines) as it can: spots along
 * the bottom edge, then along the top edge under the strip (from `top`), then down the sides, the
 * first that does best. Null when none keeps `keep` clear.
 */
export function placeNote(note: { w: number; h: number }, canvas: { w: number; h: number }, keep: Box | null, avoid: Box[], top: number, margin = 8): Point | null {
  const x1 = margin;
  const x2 = canvas.w - note.w - margin;
  const y1 = top;
  const y2 = canvas.h - note.h - margin;
  if (x2 < x1 - 0.5 || y2 < y1 - 0.5) return null;
  const steps = (a: number, b: number, n: number) => Array.from({ length: n + 1 }, (_, k) => a + ((b - a) * k) / n);
  const spots: Point[] = [
    ...steps(x1, x2, 8).map((x) => ({ x, y: y2 })),
    ...steps(x1, x2, 8).map((x) => ({ x, y: y1 })),
    ...steps(y1, y2, 6).flatMap((y) => [{ x: x1, y }, { x: x2, y }]),
  ];
  let best: Point | null = null;
  let bestCost = Infinity;
  for (const p of spots) {
    const box = { x: p.x, y: p.y, w: note.w, h: note.h };
    if (keep && overlapArea(box, { x: keep.x - 6, y: keep.y - 6, w: keep.w + 12, h: keep.h + 12 }) > 0) continue;
    const cost = avoid.reduce((c, b) => c + overlapArea(box, b), 0);
    if (cost < bestCost - 1) {
      best = p;
      bestCost = cost;
    }
  }
  return best;
}
