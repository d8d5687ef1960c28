import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt, tellOutcome } from '../core';
import { addNode, addPod, applyFix, labChecks, moveMachine, removeNamespace } from '../core/editing';
import { createAppStore } from './createAppStore';
import { selectLabEdited } from './slices/editSlice';

/** An app's store on the real engine and the seed lab, pod1 → pod3. */
function app() {
  return createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
}

/** The seed lab with node3 and two pods (pod5, pod6), as three undo steps. */
function withNode3(s: ReturnType<typeof app>) {
  const { edit } = s.getState();
  edit('add node', (t) => addNode(t)?.topology ?? t);
  edit('add pod', (t) => addPod(t, 'node3').topology);
  edit('add pod', (t) => addPod(t, 'node3').topology);
}

describe('the edit gate and its history (headless)', () => {
  it('a drag of 30 moves is one undo step, and undo puts the machine back', () => {
    const s = app();
    const before = s.getState().topology;
    for (let k = 0; k < 30; k++) s.getState().edit('move router', (t) => moveMachine(t, 'router', { x: 100 + k * 5, y: 300 }), { history: k === 0 ? 'push' : 'merge' });
    expect(s.getState().topology.machines[1]?.position).toEqual({ x: 245, y: 300 });
    expect(s.temporal.getState().pastStates).toHaveLength(1);
    // A move changes nothing the engine reads: no journey was run for it.
    expect(s.getState().runs).toBe(1);
    s.getState().undo();
    expect(s.getState().topology).toBe(before);
    expect(s.getState().layout.machines[1]?.box.x).not.toBe(245);
    expect(s.getState().canUndo).toBe(false);
    expect(s.getState().canRedo).toBe(true);
    s.getState().redo();
    expect(s.getState().topology.machines[1]?.position).toEqual({ x: 245, y: 300 });
  });

  it('undo and redo restore the lab and the journey run on it', () => {
    const s = app();
    withNode3(s);
    s.getState().setDraft({ to: 'pod6' });
    expect(tellOutcome(s.getState().result!, 'en')).toMatch(/Echo replies back at pod1: 0 of 1/);
    const fix = labChecks(s.getState().topology).find((c) => c.fix)?.fix;
    if (!fix) throw new Error('no fix');
    s.getState().edit('fix', (t) => applyFix(t, fix));
    expect(tellOutcome(s.getState().result!, 'en')).toMatch(/Echo replies back at pod1: 1 of 1/);
    expect(s.getState().draft.to).toBe('pod6');
    s.getState().undo();
    expect(labChecks(s.getState().topology)).toHaveLength(1);
    expect(tellOutcome(s.getState().result!, 'en')).toMatch(/Echo replies back at pod1: 0 of 1/);
    s.getState().redo();
    expect(tellOutcome(s.getState().result!, 'en')).toMatch(/Echo replies back at pod1: 1 of 1/);
    expect(s.temporal.getState().pastStates).toHaveLength(4);
  });

  it('playback, selection, pins, language and the journey form never enter the history', () => {
    const s = app();
    const g = s.getState;
    g().setMode('edit');
    g().select('node1');
    g().next();
    g().next();
    g().play();
    g().pause();
    g().togglePin('pod1');
    g().setLang('ru');
    g().setFollow(true);
    g().setStage(800, 500);
    g().setDraft({ to: 'pod4' });
    expect(s.temporal.getState().pastStates).toHaveLength(0);
    expect(g().canUndo).toBe(false);
  });

  it('keeps the endpoints that still exist, and falls back when one is deleted', () => {
    const s = app();
    s.getState().setDraft({ from: 'pod2', to: 'pod4' });
    s.getState().edit('delete', (t) => removeNamespace(t, 'pod1'));
    expect([s.getState().draft.from, s.getState().draft.to]).toEqual(['pod2', 'pod4']);
    s.getState().edit('delete', (t) => removeNamespace(t, 'pod4'));
    expect(s.getState().draft.from).toBe('pod2');
    expect(s.getState().draft.to).toBe('pod3');
    s.getState().edit('delete', (t) => removeNamespace(t, 'node1'));
    expect(s.getState().draft.from).toBe('pod3');
    expect(s.getState().result?.spec.from).toBe('pod3');
    expect(s.getState().preset).toBeNull();
  });

  it('a refused edit leaves the lab and says why in both languages; skip changes the lab without a step', () => {
    const s = app();
    const before = s.getState().topology;
    expect(s.getState().edit('add pod', (t) => addPod(t, 'router').topology)).toBe(false);
    expect(s.getState().topology).toBe(before);
    expect(s.getState().editError?.en).toMatch(/router/);
    expect(s.getState().editError?.ru).toMatch(/router/);
    s.getState().edit('quiet', (t) => moveMachine(t, 'node1', { x: 0, y: 0 }), { history: 'skip' });
    expect(s.getState().topology).not.toBe(before);
    expect(s.getState().canUndo).toBe(false);
  });

  it('a deleted selection is dropped, and loading a scenario clears the history', () => {
    const s = app();
    s.getState().select('pod1');
    s.getState().edit('delete', (t) => removeNamespace(t, 'pod1'));
    expect(s.getState().selected).toBeNull();
    expect(s.getState().canUndo).toBe(true);
    expect(s.getState().loadScenario('cold-ping-pod1-pod3')).toBe(true);
    expect(s.getState().canUndo).toBe(false);
    expect(s.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe('the lab as opened', () => {
  it('is edited once something besides positions changes, and again itself after undo', () => {
    const s = app();
    s.getState().edit('move', (t) => moveMachine(t, 'router', { x: 5, y: 5 }));
    expect(selectLabEdited(s.getState())).toBe(false);
    s.getState().edit('delete', (t) => removeNamespace(t, 'pod2'));
    expect(selectLabEdited(s.getState())).toBe(true);
    s.getState().undo();
    expect(selectLabEdited(s.getState())).toBe(false);
  });
});
