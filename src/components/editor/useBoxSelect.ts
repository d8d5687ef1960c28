import { useEffect, useState, type RefObject } from 'react';
import { drag, select } from 'd3';
import type { Box, TopologyLayout } from '../../geometry/layoutTypes';
import { useAppStoreApi } from '../../store/StoreContext';
import { useLatest } from './useLatest';

/** Whether `inner` lies wholly inside `outer`. */
function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/**
 * The namespaces a selection box holds: every machine wholly inside it, and every pod wholly inside
 * it whose machine is not (a machine brings its pods along), in drawing order.
 */
export function namespacesInBox(layout: TopologyLayout, box: Box): string[] {
  const out: string[] = [];
  for (const m of layout.machines) {
    if (inside(m.box, box)) out.push(m.name);
    else for (const p of m.pods) if (inside(p.box, box)) out.push(p.ns);
  }
  return out;
}

/** The box between two points, whichever way the pointer went. */
function boxOf(a: { x: number; y: number }, b: { x: number; y: number }): Box {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/**
 * Shift+drag anywhere on the drawing but an interface's grip (edit mode: a machine's background
 * too, so a box can hold a machine's pods alone) draws a selection box, in the `camera` group's
 * drawing units (d3-drag on the `svg`; d3-zoom leaves presses with Shift alone): what it holds joins
 * the selection when it is let go. Returns the box while it is drawn.
 */
export function useBoxSelect(svg: RefObject<SVGSVGElement>, camera: RefObject<SVGGElement>, layout: TopologyLayout, enabled: boolean): Box | null {
  const store = useAppStoreApi();
  const [box, setBox] = useState<Box | null>(null);
  const layoutRef = useLatest(layout);
  useEffect(() => {
    const el = svg.current;
    const g = camera.current;
    if (!el || !g || !enabled) return;
    let current: Box | null = null;
    const behaviour = drag<SVGSVGElement, unknown>()
      .container(g)
      .filter((e: MouseEvent) => e.shiftKey && !e.button && e.target instanceof Element && !e.target.closest('[data-grip], button'))
      .subject((e: { x: number; y: number }) => ({ x: e.x, y: e.y }))
      .on('start', () => {
        current = null;
      })
      .on('drag', (e: { x: number; y: number; subject: { x: number; y: number } }) => {
        current = boxOf(e.subject, e);
        setBox(current);
      })
      .on('end', () => {
        setBox(null);
        if (!current) return;
        const st = store.getState();
        const found = namespacesInBox(layoutRef.current, current);
        st.selectMany([...st.selection, ...found.filter((n) => !st.selection.includes(n))]);
      });
    const sel = select(el).call(behaviour);
    return () => {
      sel.on('.drag', null);
    };
  }, [svg, camera, enabled, store, layoutRef]);
  return box;
}
