import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../core';
import { renameNamespace } from '../core/editing';
import { createAppStore } from './createAppStore';

/** An app's store on the real engine and the seed lab, pod1 → pod3. */
function app() {
  return createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
}

describe('a renamed machine or pod keeps its place in the app', () => {
  it('the selection, the pinned tables and the journey\'s endpoints follow a rename, its undo and its redo', () => {
    const s = app();
    const g = s.getState;
    g().setMode('edit');
    g().select('pod1');
    g().togglePin('pod3');
    expect(g().edit('rename', (t) => renameNamespace(t, 'pod1', 'web'))).toBe(true);
    expect([g().selected, g().draft.from, g().draft.to]).toEqual(['web', 'web', 'pod3']);
    expect(g().result?.events.some((e) => e.type === 'send' && e.ns === 'web')).toBe(true);
    g().edit('rename', (t) => renameNamespace(t, 'pod3', 'api'));
    expect([g().pinnedNs, g().draft.to, g().selected]).toEqual(['api', 'api', 'web']);
    expect(s.temporal.getState().pastStates).toHaveLength(2);
    g().undo();
    expect([g().pinnedNs, g().draft.to]).toEqual(['pod3', 'pod3']);
    g().undo();
    expect([g().selected, g().draft.from]).toEqual(['pod1', 'pod1']);
    g().redo();
    expect([g().selected, g().draft.from, g().draft.to]).toEqual(['web', 'web', 'pod3']);
  });
});
