import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../../core';
import { createAppStore } from '../../store/createAppStore';
import { namespacesInBox } from './useBoxSelect';
import { editActionsOf } from './useEditActions';

function app() {
  const s = createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
  s.getState().setMode('edit');
  return s;
}

const boxOf = (s: ReturnType<typeof app>, name: string) => s.getState().layout.machines.find((m) => m.name === name)?.box;

describe('selecting several, and copy and paste', () => {
  it('Shift+click adds and takes out; the primary is the last one added; play mode lets everything go', () => {
    const s = app();
    s.getState().select('node1');
    s.getState().toggleSelect('pod3');
    expect(s.getState().selection).toEqual(['node1', 'pod3']);
    expect(s.getState().selected).toBe('pod3');
    s.getState().toggleSelect('pod3');
    expect(s.getState().selection).toEqual(['node1']);
    expect(s.getState().selected).toBe('node1');
    s.getState().setMode('play');
    expect(s.getState().selection).toEqual([]);
    // Selection never enters the history.
    expect(s.temporal.getState().pastStates).toHaveLength(0);
  });

  it('a box holds the machines wholly inside it, or the pods when it lies inside a machine', () => {
    const s = app();
    const layout = s.getState().layout;
    const n1 = boxOf(s, 'node1');
    const router = boxOf(s, 'router');
    if (!n1 || !router) throw new Error('no boxes');
    const all = { x: -10, y: -10, w: layout.width + 20, h: layout.height + 20 };
    expect(namespacesInBox(layout, all)).toEqual(['node1', 'router', 'node2']);
    const pods = layout.machines[0]?.pods.map((p) => p.box) ?? [];
    const [p1, p2] = pods;
    if (!p1 || !p2) throw new Error('no pods');
    const round = { x: p1.x - 2, y: p1.y - 2, w: p2.x + p2.w - p1.x + 4, h: Math.max(p1.h, p2.h) + 4 };
    expect(namespacesInBox(layout, round)).toEqual(['pod1', 'pod2']);
  });

  it('arrows move every selected machine together, Delete removes them all: one undo step each', () => {
    const s = app();
    s.getState().selectMany(['node1', 'pod3']);
    const a = boxOf(s, 'node1');
    const b = boxOf(s, 'node2');
    editActionsOf(s).moveSelected(10, 0);
    expect(boxOf(s, 'node1')?.x).toBe((a?.x ?? 0) + 10);
    expect(boxOf(s, 'node2')?.x).toBe((b?.x ?? 0) + 10);
    expect(s.temporal.getState().pastStates).toHaveLength(1);
    editActionsOf(s).removeSelected();
    expect(s.getState().topology.machines.map((m) => m.name)).toEqual(['router', 'node2']);
    expect(s.getState().topology.machines.find((m) => m.name === 'node2')?.pods?.map((p) => p.name)).toEqual(['pod4']);
    expect(s.getState().selection).toEqual([]);
    expect(s.temporal.getState().pastStates).toHaveLength(2);
    s.getState().undo();
    expect(s.getState().topology.machines.map((m) => m.name)).toEqual(['node1', 'router', 'node2']);
  });

  it('Ctrl+C then Ctrl+V pastes a new node with its pods, clear of the others, selected, as one undo step', () => {
    const s = app();
    const act = editActionsOf(s);
    act.paste();
    expect(s.getState().editError?.en).toMatch(/Nothing to paste yet/);
    s.getState().select(null);
    expect(act.copy()).toBe(false);
    expect(s.getState().editError?.ru).toMatch(/Сначала выберите машины или поды/);
    s.getState().select('node1');
    expect(act.copy()).toBe(true);
    act.paste();
    expect(s.getState().selection).toEqual(['node3', 'pod5', 'pod6']);
    expect(s.temporal.getState().pastStates).toHaveLength(1);
    const boxes = s.getState().layout.machines.map((m) => m.box);
    const overlaps = boxes.some((p, i) => boxes.some((q, j) => i < j && p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h));
    expect(overlaps).toBe(false);
    // The pasted pods are reachable once the router learns the new subnet, like any new node's.
    expect(s.getState().topology.machines.find((m) => m.name === 'node3')?.pods?.[0]?.interfaces[0]?.addresses).toEqual(['10.10.12.1/24']);
    // Cut: copy and delete.
    s.getState().select('pod5');
    act.cut();
    expect(s.getState().clipboard?.pods.map((p) => p.pod.name)).toEqual(['pod5']);
    expect(s.getState().topology.machines.find((m) => m.name === 'node3')?.pods?.map((p) => p.name)).toEqual(['pod6']);
  });
});
