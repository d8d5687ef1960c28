import { describe, expect, it } from 'vitest';
import { seedTopology } from '../core';
import { createAppStore } from './createAppStore';
import { createPlayerStore } from './createPlayerStore';
import { fakeEngine, fakeEvents } from './testing/fakeEngine';

const init = () => ({ engine: fakeEngine(), topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });

describe('a player’s store (embed, <packet-journey>)', () => {
  it('holds the same state as the app’s store, less the undo history', () => {
    const player = createPlayerStore(init());
    const app = createAppStore(init());
    expect(Object.keys(player.getState()).sort()).toEqual(Object.keys(app.getState()).sort());
    expect('temporal' in player).toBe(false);
    expect(player.getState().result?.events.length).toBe(fakeEvents().length);
  });

  it('plays, seeks and opens another lab as the app’s does', () => {
    const s = createPlayerStore(init());
    s.getState().next();
    s.getState().next();
    expect(s.getState().index).toBe(2);
    s.getState().setSpeed(2);
    expect(s.getState().speed).toBe(2);
    const lab = seedTopology();
    s.getState().openLab(lab, { spec: { from: 'pod2', to: 'pod1' } });
    expect(s.getState().topology).toBe(lab);
    expect(s.getState().baseTopology).toBe(lab);
    expect(s.getState().index).toBe(0);
  });

  it('never leaves play: no editor, no selection, no CNI story', async () => {
    const s = createPlayerStore(init());
    const before = s.getState().topology;
    s.getState().setMode('edit');
    s.getState().select('pod1');
    expect(s.getState().edit('add', (t) => ({ ...t, name: 'changed' }))).toBe(false);
    expect(await s.getState().openCniStory('cni-add-first-pod')).toBe(false);
    expect(s.getState()).toMatchObject({ mode: 'play', selected: null, selection: [], cni: null, canUndo: false });
    expect(s.getState().topology).toBe(before);
  });
});
