import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';

/** Room kept free of the drawing when fitting, in screen pixels, for the overlays on the canvas. */
const FIT_INSET = { top: 44, bottom: 40 } as const;

/** What {@link useZoom} gives the canvas. */
export interface ZoomApi {
  /** The current pan and zoom, to put on the content group as a transform. */
  transform: ZoomTransform;
  zoomBy: (factor: number) => void;
  /** Scale and centre the content in the viewport. */
  fit: () => void;
}

/**
 * d3-zoom on the canvas's `<svg>` (its only target; React renders everything inside). The content is
 * fitted on mount, when the content's size changes and when the viewport is resized, until the user
 * pans or zooms by hand.
 */
export function useZoom(svgRef: RefObject<SVGSVGElement | null>, content: { width: number; height: number }): ZoomApi {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const touched = useRef(false);

  const fit = useCallback(() => {
    const svg = svgRef.current;
    const z = behaviour.current;
    if (!svg || !z) return;
    const w = svg.clientWidth;
    const h = svg.clientHeight;
    if (w === 0 || h === 0) return;
    // Leave the strips the zoom buttons and hint (top) and the legend (bottom) sit in.
    const top = FIT_INSET.top;
    const availH = Math.max(1, h - FIT_INSET.top - FIT_INSET.bottom);
    // Never blow a small lab up past 1.6×: big text reads as a different app on a projector.
    const k = Math.min(w / content.width, availH / content.height, 1.6);
    const t = zoomIdentity.translate((w - content.width * k) / 2, top + (availH - content.height * k) / 2).scale(k);
    select(svg).call(z.transform, t);
    touched.current = false;
  }, [svgRef, content.width, content.height]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.15, 8])
      .on('zoom', (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (e.sourceEvent) touched.current = true;
        setTransform(e.transform);
      });
    behaviour.current = z;
    const sel = select(svg).call(z).on('dblclick.zoom', null);
    return () => {
      sel.on('.zoom', null);
    };
  }, [svgRef]);

  useEffect(() => {
    fit();
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (!touched.current) fit();
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, [fit, svgRef]);

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      const z = behaviour.current;
      if (!svg || !z) return;
      touched.current = true;
      select(svg).call(z.scaleBy, factor);
    },
    [svgRef],
  );

  return { transform, zoomBy, fit };
}
