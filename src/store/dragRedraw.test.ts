import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../core';
import { generateCluster } from '../core';
import { moveMachine, pinPositions } from '../core/editing';
import { layoutTopology } from '../geometry/layout';
import { createAppStore } from './createAppStore';

/*
 * What a drag's move leaves alone, so the canvas redraws only the machine that moves: the other
 * machines' layout objects, and the selection array the boxes compare.
 */

describe('a move keeps what it does not change', () => {
  it('the layout: unmoved machines keep their placement objects, and the result equals a layout made from scratch', () => {
    const t0 = generateCluster({ nodes: 9, podsPerNode: 2 });
    const first = layoutTopology(t0);
    const pinned = pinPositions(t0, (name) => first.machines.find((m) => m.name === name)?.box);
    const before = layoutTopology(pinned);
    const moved = moveMachine(pinned, 'node5', { x: 900, y: 700 });
    const after = layoutTopology(moved);
    const same = after.machines.filter((m, k) => m === before.machines[k]).map((m) => m.name);
    expect(same).toEqual(pinned.machines.map((m) => m.name).filter((n) => n !== 'node5'));
    expect(after.machines.find((m) => m.name === 'node5')?.box).toMatchObject({ x: 900, y: 700 });
    // A copy of the lab shares no object with it: its layout is computed afresh, and is the same.
    expect(layoutTopology(JSON.parse(JSON.stringify(moved)))).toEqual(after);
  });

  it('the store: the selection array stays the same object across moves, and is filtered when its namespace goes', () => {
    const s = createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
    s.getState().setMode('edit');
    s.getState().select('router');
    const selection = s.getState().selection;
    for (let k = 0; k < 5; k++) s.getState().edit('move', (t) => moveMachine(t, 'router', { x: 300 + 10 * k, y: 400 }), { history: k === 0 ? 'push' : 'merge' });
    expect(s.getState().selection).toBe(selection);
    s.getState().edit('remove', (t) => ({ ...t, machines: t.machines.filter((m) => m.name !== 'router') }));
    expect(s.getState().selection).toEqual([]);
  });
});
