import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { FIT_MAX, fitView, followView, type View, type Viewport } from '../../geometry/camera';
import type { Box, Point } from '../../geometry/layoutTypes';


/** Zoom limits of an ordinary lab; an overview may zoom out further (see the effect in useZoom). */
const MIN_K = 0.15;
const MAX_K = 8;

/**
 * Room kept free of the drawing when fitting, in screen pixels: the strip at the top holds the
 * legend (left) and the zoom buttons (right), and is measured (`top` is its least height, a legend
 * wrapped on a narrow canvas takes more); the drawing has margins of its own on the other edges.
 */
export const CANVAS_INSET = { top: 44, bottom: 6, side: 6 } as const;

/** The part of an svg of `w` × `h` pixels the drawing is fitted into, under a strip `top` pixels high. */
export function freeViewport(w: number, h: number, top: number = CANVAS_INSET.top): Viewport {
  return { x: CANVAS_INSET.side, y: top, w: Math.max(1, w - 2 * CANVAS_INSET.side), h: Math.max(1, h - top - CANVAS_INSET.bottom) };
}

/** What {@link useZoom} gives the canvas. */
export interface ZoomApi {
  /** The current pan and zoom, to put on the content group as a transform. */
  transform: ZoomTransform;
  zoomBy: (factor: number) => void;
  /** Scale and centre the content in the viewport. */
  fit: () => void;
  /** The svg's size in pixels, once measured. */
  size: { w: number; h: number };
}

/** How the camera should behave. */
export interface ZoomOptions {
  /** Follow the packet: keep `focus` in view, as large as it fits. */
  follow: boolean;
  /** What to show while following (drawing units); null keeps the view where it is. */
  focus: Box | null;
  /** Where the packet rests at this step (drawing units): it stays in view when `focus` is too big. */
  focusAt: Point | null;
  /** Animate camera moves made for the user (not their own gestures). */
  animate: boolean;
  /** Milliseconds a camera move takes when animated. */
  moveMs: number;
  /** The user panned or zoomed by hand (wheel, drag, buttons). */
  onUserZoom: () => void;
  /** The free part of the svg (see {@link freeViewport}) was measured, in pixels. */
  onViewport?: (w: number, h: number) => void;
  /** Height of the strip of controls over the drawing's top, in pixels. @default CANVAS_INSET.top */
  top?: number;
}

/**
 * d3-zoom on the canvas's `<svg>` (its only target; React renders everything inside). The content
 * (what is drawn, in drawing units) is
 * fitted on mount, when the content's size changes and when the viewport is resized, until the user
 * pans or zooms by hand. While following, every step moves the camera to the step's machines, at a
 * legible scale whatever the size of the canvas (see `followView`).
 */
export function useZoom(svgRef: RefObject<SVGSVGElement | null>, content: Box, opts: ZoomOptions): ZoomApi {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const touched = useRef(false);
  const onUser = useRef(opts.onUserZoom);
  const onViewport = useRef(opts.onViewport);
  useEffect(() => {
    onUser.current = opts.onUserZoom;
    onViewport.current = opts.onViewport;
  }, [opts.onUserZoom, opts.onViewport]);

  /** Move the camera to `v`, animated over `ms` or at once. */
  const go = useCallback(
    (v: View, ms: number) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      if (!svg || !z) return;
      const t = zoomIdentity.translate(v.x, v.y).scale(v.k);
      const sel = select(svg);
      if (ms > 0) sel.transition().duration(ms).call(z.transform, t);
      else sel.interrupt().call(z.transform, t);
    },
    [svgRef],
  );

  const top = opts.top ?? CANVAS_INSET.top;
  const viewport = useCallback((): Viewport | null => {
    const svg = svgRef.current;
    if (!svg || svg.clientWidth === 0 || svg.clientHeight === 0) return null;
    return freeViewport(svg.clientWidth, svg.clientHeight, top);
  }, [svgRef, top]);

  const { x: cx, y: cy, w: cw, h: ch } = content;
  const whole = useCallback((vp: Viewport) => fitView({ x: cx, y: cy, w: cw, h: ch }, vp, FIT_MAX), [cx, cy, cw, ch]);

  const fit = useCallback(() => {
    const vp = viewport();
    if (vp) go(whole(vp), 0);
    touched.current = false;
  }, [viewport, whole, go]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_K, MAX_K])
      // d3's default filter, less a press with Shift: Shift+drag draws the editor's selection box.
      .filter((e: MouseEvent) => (!e.ctrlKey || e.type === 'wheel') && !e.button && !(e.shiftKey && e.type === 'mousedown'))
      .on('zoom', (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (e.sourceEvent) {
          touched.current = true;
          onUser.current();
        }
        setTransform(e.transform);
      });
    behaviour.current = z;
    const sel = select(svg).call(z).on('dblclick.zoom', null);
    return () => {
      sel.interrupt().on('.zoom', null);
    };
  }, [svgRef]);

  // A Kubernetes-sized overview fits only far below the usual 0.15: zooming out stops at half the fit.
  useEffect(() => {
    const vp = viewport();
    if (vp) behaviour.current?.scaleExtent([Math.min(MIN_K, whole(vp).k / 2), MAX_K]);
  }, [viewport, whole, size]);

  const { follow, focus, focusAt, animate, moveMs } = opts;
  const fx = focus?.x;
  const fy = focus?.y;
  const fw = focus?.w;
  const fh = focus?.h;
  const ax = focusAt?.x;
  const ay = focusAt?.y;
  const place = useCallback(
    (ms: number) => {
      const vp = viewport();
      if (!vp) return;
      if (follow && fx !== undefined && fy !== undefined && fw !== undefined && fh !== undefined) {
        const at = ax !== undefined && ay !== undefined ? { x: ax, y: ay } : null;
        go(followView({ x: fx, y: fy, w: fw, h: fh }, at, vp), ms);
      } else if (!follow && !touched.current) fit();
    },
    [follow, fx, fy, fw, fh, ax, ay, viewport, go, fit],
  );

  // Each step (a new focus) and each switch of follow moves the camera.
  useEffect(() => {
    place(animate ? moveMs : 0);
  }, [place, animate, moveMs]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const w = svg.clientWidth;
      const h = svg.clientHeight;
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
      const vp = viewport();
      if (vp) onViewport.current?.(Math.round(vp.w), Math.round(vp.h));
      place(0);
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, [place, svgRef, viewport]);

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      if (!svg || !z) return;
      touched.current = true;
      onUser.current();
      select(svg).interrupt().call(z.scaleBy, factor);
    },
    [svgRef],
  );

  return { transform, zoomBy, fit, size };
}
