import { useEffect, useState, type RefObject } from 'react';
import { drag, select } from 'd3';
import type { Topology } from '../../core';
import { linkInterfaces, linkToSegment } from '../../core/editing';
import type { Point, TopologyLayout } from '../../geometry/layoutTypes';
import { useAppStoreApi } from '../../store/StoreContext';
import { useLatest } from './useLatest';
import { CANVAS_EDIT_EN } from '../i18n/canvasEditStrings';
import { CANVAS_EDIT_RU } from '../i18n/ru/canvasEditStrings';

/** Drawing units the pointer must travel from a grip before the press is a drag (below, it stays a click). */
const DRAG_MIN = 4;

/** A cable being drawn: from the interface's anchor to the pointer, and what it would plug into there. */
export interface CableDraft {
  from: Point;
  to: Point;
  /** `segment:<id>` or `iface:<ns/iface>` under the pointer, or null over nothing that takes a cable. */
  target: string | null;
}

/**
 * What lies under a screen point, for a cable: an interface's grip, or a segment's lane. Every
 * element under the point is asked, top first, so a NIC's drop line or a label drawn over a lane
 * does not hide it.
 */
export function cableTargetAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const grip = el.closest('[data-grip]')?.getAttribute('data-grip');
    if (grip) return `iface:${grip}`;
    const seg = el.closest('[data-segment]')?.getAttribute('data-segment');
    if (seg) return `segment:${seg}`;
    if (el.closest('[data-machine]')) return null;
  }
  return null;
}

/** `ns/iface` as an interface reference (interface names never hold a slash; namespace names neither). */
function ref(id: string): { ns: string; iface: string } {
  const k = id.indexOf('/');
  return { ns: id.slice(0, k), iface: id.slice(k + 1) };
}

/** The lab after a cable from interface `from` was let go on `target` (see {@link CableDraft.target}). */
export function cableEdit(from: string, target: string): (t: Topology) => Topology {
  return (t) => (target.startsWith('segment:') ? linkToSegment(t, ref(from), target.slice('segment:'.length)).topology : linkInterfaces(t, ref(from), ref(target.slice('iface:'.length))).topology);
}

/**
 * d3-drag from an interface's grip (edit mode; the grips are drawn in the `grips` layer, the
 * drag's coordinates are the `camera` group's drawing units): a cable follows the pointer, and where it is let go
 * decides the edit, one undo step through the store's gate: on a segment's lane the NIC plugs into
 * that segment, on another NIC it joins that NIC's segment (`linkToSegment`, `linkInterfaces`). A
 * refusal (a veth end, a bridge) is the core's sentence, kept in `editError`; let go over nothing,
 * the user is told where a cable goes. Returns the cable while it is drawn, for the canvas to draw.
 */
export function useLinkDrag(grips: RefObject<SVGGElement>, camera: RefObject<SVGGElement>, layout: TopologyLayout, enabled: boolean): CableDraft | null {
  const store = useAppStoreApi();
  const [draft, setDraft] = useState<CableDraft | null>(null);
  const layoutRef = useLatest(layout);
  useEffect(() => {
    // The grips have a layer of their own: one element holds one d3-drag (the camera group holds
    // the machines' drag), and a press there stops before the machines' drag and the zoom.
    const layer = grips.current;
    const g = camera.current;
    if (!layer || !g || !enabled) return;
    const gripAt = (target: unknown): string | null => (target instanceof Element ? (target.closest('[data-grip]')?.getAttribute('data-grip') ?? null) : null);
    let moved = false;
    let over: string | null = null;
    const behaviour = drag<SVGGElement, unknown, { id: string; x: number; y: number } | null>()
      .container(g)
      .filter((e: MouseEvent) => !e.button && !e.ctrlKey && gripAt(e.target) !== null)
      .subject((e: { sourceEvent: Event }) => {
        const id = gripAt(e.sourceEvent.target);
        const at = id !== null ? layoutRef.current.ifaces[id]?.at : undefined;
        return id !== null && at ? { id, x: at.x, y: at.y } : null;
      })
      .on('start', () => {
        moved = false;
        over = null;
      })
      .on('drag', (e: { x: number; y: number; subject: { id: string; x: number; y: number } | null; sourceEvent: MouseEvent }) => {
        const sub = e.subject;
        if (!sub) return;
        if (!moved && Math.hypot(e.x - sub.x, e.y - sub.y) < DRAG_MIN) return;
        moved = true;
        const hit = cableTargetAt(e.sourceEvent.clientX, e.sourceEvent.clientY);
        over = hit === `iface:${sub.id}` ? null : hit;
        setDraft({ from: { x: sub.x, y: sub.y }, to: { x: e.x, y: e.y }, target: over });
      })
      .on('end', (e: { subject: { id: string } | null }) => {
        setDraft(null);
        const sub = e.subject;
        if (!sub || !moved) return;
        const st = store.getState();
        st.select(ref(sub.id).ns);
        if (over === null) {
          st.refuse({ en: CANVAS_EDIT_EN.cableMiss, ru: CANVAS_EDIT_RU.cableMiss });
          return;
        }
        st.edit('link', cableEdit(sub.id, over));
      });
    const sel = select(layer).call(behaviour);
    return () => {
      sel.on('.drag', null);
    };
  }, [grips, camera, enabled, store, layoutRef]);
  return draft;
}
