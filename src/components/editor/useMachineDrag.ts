import { useEffect, useState, type RefObject } from 'react';
import { drag, select } from 'd3';
import type { Topology } from '../../core';
import { moveMachine, pinPositions } from '../../core/editing';
import { drawnAt, machinesOf } from './useEditActions';
import type { Box, TopologyLayout } from '../../geometry/layoutTypes';
import { useAppStoreApi } from '../../store/StoreContext';
import { useLatest } from './useLatest';

/** Drawing units a machine must travel before a press on it is a move (below, it stays a click). */
const MOVE_MIN = 3;

interface Subject {
  name: string;
  x: number;
  y: number;
  /** Every machine that moves with it (the selection's, when it is part of it), where each started. */
  group: { name: string; x: number; y: number }[];
}

/**
 * d3-drag on the camera group (the one element that holds every machine and never changes), for
 * machines only and in edit mode only: d3 computes where the machine goes in drawing units (the
 * group is the drag's container, so pan and zoom are accounted for), the store's edit gate changes
 * its position and React draws it. A whole drag is one undo step: the first move pushes, the others
 * merge. A press with Shift is the selection box's (useBoxSelect), not a move. Its mousedown stops there, so the canvas's d3-zoom does not pan while a machine moves.
 * Returns, while a machine moves, the drawing's extent when the move began: the camera fits that,
 * not the growing drawing, so the machine stays under the pointer. Null otherwise.
 */
export function useMachineDrag(camera: RefObject<SVGGElement>, layout: TopologyLayout, enabled: boolean): Box | null {
  const store = useAppStoreApi();
  const [frozen, setFrozen] = useState<Box | null>(null);
  const layoutRef = useLatest(layout);
  useEffect(() => {
    const g = camera.current;
    if (!g || !enabled) return;
    const machineAt = (target: unknown): string | null => (target instanceof Element ? (target.closest('[data-machine]')?.getAttribute('data-machine') ?? null) : null);
    let pushed = false;
    const behaviour = drag<SVGGElement, unknown, Subject | null>()
      .container(g)
      .filter((e: MouseEvent) => !e.button && !e.ctrlKey && !e.shiftKey && machineAt(e.target) !== null)
      .subject((e: { sourceEvent: Event }) => {
        const name = machineAt(e.sourceEvent.target);
        const lay = layoutRef.current;
        const box = lay.machines.find((m) => m.name === name)?.box;
        if (name === null || !box) return null;
        // A machine of the selection brings the others along; any other machine moves alone.
        const st = store.getState();
        const sel = machinesOf(st.topology, st.selection);
        const names = sel.includes(name) ? sel : [name];
        const group = names.flatMap((n) => {
          const b = lay.machines.find((m) => m.name === n)?.box;
          return b ? [{ name: n, x: b.x, y: b.y }] : [];
        });
        return { name, x: box.x, y: box.y, group };
      })
      .on('start', () => {
        pushed = false;
      })
      .on('end', () => {
        if (pushed) setFrozen(null);
      })
      .on('drag', (e: { x: number; y: number; subject: Subject | null }) => {
        const sub = e.subject;
        if (!sub) return;
        if (!pushed && Math.hypot(e.x - sub.x, e.y - sub.y) < MOVE_MIN) return;
        // The first move also pins the other machines where they are drawn, so none re-flows under the pointer.
        const drawn = drawnAt(layoutRef.current);
        const dx = e.x - sub.x;
        const dy = e.y - sub.y;
        const move = (t: Topology) => sub.group.reduce((acc, g) => moveMachine(acc, g.name, { x: g.x + dx, y: g.y + dy }), t);
        store.getState().edit(sub.group.length > 1 ? 'moveMany' : 'move', (t) => move(pushed ? t : pinPositions(t, drawn)), { history: pushed ? 'merge' : 'push' });
        if (!pushed) {
          setFrozen(layoutRef.current.bounds);
          // The machine moved is the one selected, as a click would have made it (d3 swallows that
          // click); a selection it is part of stays as it is.
          if (sub.group.length === 1) store.getState().select(sub.name);
        }
        pushed = true;
      });
    const sel = select(g).call(behaviour);
    return () => {
      sel.on('.drag', null);
    };
  }, [camera, enabled, store, layoutRef]);
  return frozen;
}
