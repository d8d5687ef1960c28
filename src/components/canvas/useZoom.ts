import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { Box } from '../../geometry/layoutTypes';

/** Room kept free of the drawing when fitting, in screen pixels, for the overlays on the canvas. */
const FIT_INSET = { top: 44, bottom: 40 } as const;

/** Never blow the whole lab up past this: big text reads as a different app on a projector. */
const FIT_MAX = 1.6;

/** Following the packet may zoom closer, up to here (a pod's labels at about 30 px). */
const FOLLOW_MAX = 2.6;

/** What {@link useZoom} gives the canvas. */
export interface ZoomApi {
  /** The current pan and zoom, to put on the content group as a transform. */
  transform: ZoomTransform;
  zoomBy: (factor: number) => void;
  /** Scale and centre the content in the viewport. */
  fit: () => void;
}

/** How the camera should behave. */
export interface ZoomOptions {
  /** Follow the packet: keep `focus` in view, as large as it fits. */
  follow: boolean;
  /** What to show while following (drawing units); null keeps the view where it is. */
  focus: Box | null;
  /** Animate camera moves made for the user (not their own gestures). */
  animate: boolean;
  /** Milliseconds a camera move takes when animated. */
  moveMs: number;
  /** The user panned or zoomed by hand (wheel, drag, buttons). */
  onUserZoom: () => void;
}

/**
 * d3-zoom on the canvas's `<svg>` (its only target; React renders everything inside). The content is
 * fitted on mount, when the content's size changes and when the viewport is resized, until the user
 * pans or zooms by hand. While following, every step moves the camera to the step's machines.
 */
export function useZoom(svgRef: RefObject<SVGSVGElement | null>, content: { width: number; height: number }, opts: ZoomOptions): ZoomApi {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const touched = useRef(false);
  const onUser = useRef(opts.onUserZoom);
  useEffect(() => {
    onUser.current = opts.onUserZoom;
  }, [opts.onUserZoom]);

  /** Show `box` (drawing units) centred in the free part of the viewport, at most `max`×. */
  const show = useCallback(
    (box: Box, max: number, ms: number) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      if (!svg || !z) return;
      const w = svg.clientWidth;
      const h = svg.clientHeight;
      if (w === 0 || h === 0) return;
      // Leave the strips the zoom buttons and hint (top) and the legend (bottom) sit in.
      const top = FIT_INSET.top;
      const availH = Math.max(1, h - FIT_INSET.top - FIT_INSET.bottom);
      const k = Math.min(w / box.w, availH / box.h, max);
      const t = zoomIdentity.translate((w - box.w * k) / 2 - box.x * k, top + (availH - box.h * k) / 2 - box.y * k).scale(k);
      const sel = select(svg);
      if (ms > 0) sel.transition().duration(ms).call(z.transform, t);
      else sel.interrupt().call(z.transform, t);
    },
    [svgRef],
  );

  const fit = useCallback(() => {
    show({ x: 0, y: 0, w: content.width, h: content.height }, FIT_MAX, 0);
    touched.current = false;
  }, [show, content.width, content.height]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.15, 8])
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

  const { follow, focus, animate, moveMs } = opts;
  const fx = focus?.x;
  const fy = focus?.y;
  const fw = focus?.w;
  const fh = focus?.h;
  const place = useCallback(
    (ms: number) => {
      if (follow && fx !== undefined && fy !== undefined && fw !== undefined && fh !== undefined) show({ x: fx, y: fy, w: fw, h: fh }, FOLLOW_MAX, ms);
      else if (!follow && !touched.current) fit();
    },
    [follow, fx, fy, fw, fh, show, fit],
  );

  // Each step (a new focus) and each switch of follow moves the camera.
  useEffect(() => {
    place(animate ? moveMs : 0);
  }, [place, animate, moveMs]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => place(0));
    ro.observe(svg);
    return () => ro.disconnect();
  }, [place, svgRef]);

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

  return { transform, zoomBy, fit };
}
