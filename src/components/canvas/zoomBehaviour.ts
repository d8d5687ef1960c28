import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { View } from '../../geometry/camera';

/*
 * d3-zoom on the canvas's <svg>, in a chunk of its own: d3-zoom brings d3-selection, d3-transition,
 * d3-interpolate, d3-color, d3-drag, d3-timer and d3-ease (some 15 KiB of gzip), which the first
 * drawing does not need. useZoom.ts loads it with the first gesture over the drawing, the first
 * zoom button or the first animated camera move.
 */

/** A camera moved by d3-zoom: the behaviour on its svg and how to move it. */
export interface ZoomCamera {
  /** Move to `v`, animated over `ms` (0: at once); a gesture of the user's stops an animation. */
  go(v: View, ms: number): void;
  /** Zoom by `factor` about the svg's centre, at once. */
  scaleBy(factor: number): void;
  /** Zoom limits. */
  scaleExtent(lo: number, hi: number): void;
  /** Remove the behaviour from the svg. */
  detach(): void;
}

/** What the camera tells its owner: each new transform, and whether a gesture of the user's made it. */
export type OnZoom = (t: ZoomTransform, byUser: boolean) => void;

/**
 * Puts d3-zoom on `svg`, starting from the view `at` (the camera the page drew without it).
 * Presses with Shift are left to the editor's selection box; a double click does not zoom.
 */
export function attachZoom(svg: SVGSVGElement, at: View, extent: readonly [number, number], onZoom: OnZoom): ZoomCamera {
  const z: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([extent[0], extent[1]])
    // d3's default filter, less a press with Shift: Shift+drag draws the editor's selection box.
    .filter((e: MouseEvent) => (!e.ctrlKey || e.type === 'wheel') && !e.button && !(e.shiftKey && e.type === 'mousedown'))
    .on('zoom', (e: { transform: ZoomTransform; sourceEvent: unknown }) => onZoom(e.transform, Boolean(e.sourceEvent)));
  const sel = select(svg).call(z).on('dblclick.zoom', null);
  // The behaviour starts where the drawing is (no zoom event: nothing moved).
  sel.property('__zoom', zoomIdentity.translate(at.x, at.y).scale(at.k));
  return {
    go(v, ms) {
      const t = zoomIdentity.translate(v.x, v.y).scale(v.k);
      if (ms > 0) sel.transition().duration(ms).call(z.transform, t);
      else sel.interrupt().call(z.transform, t);
    },
    scaleBy(factor) {
      sel.interrupt().call(z.scaleBy, factor);
    },
    scaleExtent(lo, hi) {
      z.scaleExtent([lo, hi]);
    },
    detach() {
      sel.interrupt().on('.zoom', null);
    },
  };
}
