import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt, type Topology } from '../core';
import { addNode } from '../core/editing';
import { createAppStore } from './createAppStore';
import { selectSteps } from './selectors';
import { selectOpenEntry } from './slices/shelfSlice';

function app() {
  return createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
}

const EMPTY: Topology = { version: 1, name: 'New lab', machines: [], segments: [] };

describe('opening a lab of its own (kept, imported, new)', () => {
  it('makes it the base lab, clears the undo history and plays its default journey from the first event', () => {
    const s = app();
    s.getState().edit('addNode', (t) => addNode(t)?.topology ?? t);
    s.getState().next();
    s.getState().loadScenario('tcp-handshake-listener');
    expect(s.getState().preset).toBe('tcp-handshake-listener');
    const lab = addNode(seedTopology())?.topology ?? seedTopology();
    s.getState().openLab(lab, { entry: { id: 'a', name: 'Lesson' } });
    const st = s.getState();
    expect(st).toMatchObject({ topology: lab, baseTopology: lab, preset: null, index: 0, canUndo: false, selected: null, pinnedNs: null });
    expect(st.result?.spec).toMatchObject({ from: 'pod1', to: 'pod3', proto: 'icmp' });
    expect(s.temporal.getState().pastStates).toHaveLength(0);
    expect(selectOpenEntry(st)).toEqual({ id: 'a', name: 'Lesson' });
  });

  it('its kept lab lets go when a scenario replaces it', () => {
    const s = app();
    s.getState().openLab(seedTopology(), { entry: { id: 'a', name: 'Lesson' } });
    s.getState().edit('addNode', (t) => addNode(t)?.topology ?? t);
    expect(selectOpenEntry(s.getState())?.id).toBe('a');
    s.getState().loadScenario('ttl-1');
    expect(selectOpenEntry(s.getState())).toBeNull();
  });

  it('an empty lab opens quietly with no journey, and the player’s steps stay one stable list', () => {
    const s = app();
    s.getState().openLab(EMPTY);
    const st = s.getState();
    expect(st).toMatchObject({ result: null, engineError: null, errors: [], topology: EMPTY });
    expect(st.draft).toMatchObject({ from: '', toKind: 'ns', to: '' });
    // A new list on every read would make React re-render forever (a blank page).
    expect(selectSteps(st)).toBe(selectSteps(s.getState()));
    expect(selectSteps(st)).toEqual([]);
    // The editor's first two machines become the journey's ends.
    s.getState().edit('addNode', (t) => addNode(t)?.topology ?? t);
    s.getState().edit('addNode', (t) => addNode(t)?.topology ?? t);
    expect(s.getState().draft).toMatchObject({ from: 'node1', to: 'node2' });
    expect(s.getState().result?.spec).toMatchObject({ from: 'node1', to: 'node2' });
  });

  it('a journey asked for is kept when the lab has its endpoints', () => {
    const s = app();
    s.getState().openLab(seedTopology(), { spec: { from: 'pod2', to: 'pod4', proto: 'udp', port: 53 } });
    expect(s.getState().result?.spec).toMatchObject({ from: 'pod2', to: 'pod4', proto: 'udp', port: 53 });
  });

  it('troubles are listed once per key and can be dismissed', () => {
    const s = app();
    s.getState().addTrouble({ key: 'storage', kind: 'storage', problems: [] });
    s.getState().addTrouble({ key: 'storage', kind: 'storage', problems: [] });
    s.getState().addTrouble({ key: 'link', kind: 'link', problems: [], raw: 'x' });
    expect(s.getState().shelf.troubles.map((t) => t.key)).toEqual(['storage', 'link']);
    s.getState().dismissTrouble('storage');
    expect(s.getState().shelf.troubles.map((t) => t.key)).toEqual(['link']);
  });
});
