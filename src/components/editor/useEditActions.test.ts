import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../../core';
import { createAppStore } from '../../store/createAppStore';
import { editActionsOf } from './useEditActions';

function app() {
  return createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
}

describe('the editor actions', () => {
  it('a node dropped on the router moves clear of it, in the same undo step, and is selected', () => {
    const s = app();
    const router = s.getState().layout.machines.find((m) => m.name === 'router')?.box;
    if (!router) throw new Error('no router');
    editActionsOf(s).add('node', { at: { x: router.x + 10, y: router.y + 5 } });
    const boxes = s.getState().layout.machines.map((m) => m.box);
    const overlaps = boxes.some((a, i) => boxes.some((b, j) => i < j && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
    expect(overlaps).toBe(false);
    expect(s.getState().selected).toBe('node3');
    expect(s.temporal.getState().pastStates).toHaveLength(1);
  });

  it('on a wide, low canvas too, and the other machines keep their places', () => {
    const s = app();
    s.getState().setStage(760, 220);
    const before = new Map(s.getState().layout.machines.map((m) => [m.name, m.box]));
    const router = before.get('router');
    if (!router) throw new Error('no router');
    editActionsOf(s).add('node', { at: { x: router.x + 30, y: router.y + 20 } });
    const boxes = s.getState().layout.machines.map((m) => m.box);
    expect(boxes.some((a, i) => boxes.some((b, j) => i < j && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h))).toBe(false);
    for (const m of s.getState().layout.machines) if (m.name !== 'node3') expect(m.box).toEqual(before.get(m.name));
    s.getState().undo();
    expect(s.getState().topology.machines.every((m) => m.position === undefined)).toBe(true);
  });

  it('a pod needs a node: with nothing selected it says so in both languages and changes nothing', () => {
    const s = app();
    const before = s.getState().topology;
    editActionsOf(s).add('pod');
    expect(s.getState().topology).toBe(before);
    expect(s.getState().editError).toEqual({ en: 'Select a node first: a pod lives on a node.', ru: 'Сначала выберите ноду: под живёт на ноде.' });
  });

  it('arrows move the selected pod\'s machine; delete removes the selection', () => {
    const s = app();
    s.getState().select('pod2');
    const x0 = s.getState().layout.machines[0]?.box.x ?? 0;
    editActionsOf(s).moveSelected(50, 0);
    expect(s.getState().layout.machines[0]?.box.x).toBe(x0 + 50);
    editActionsOf(s).removeSelected();
    expect(s.getState().topology.machines[0]?.pods?.map((p) => p.name)).toEqual(['pod1']);
    expect(s.temporal.getState().pastStates).toHaveLength(2);
  });
});
