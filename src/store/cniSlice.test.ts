import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../core';
import { createAppStore } from './createAppStore';

/*
 * The CNI story slice: a story opens over the lab without changing it, its playhead steps like a
 * journey's, each step has its drawing (one per distinct frame), nothing enters the undo history,
 * and edit mode or closing it brings the journey back.
 */

function app() {
  return createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
}

describe('the CNI story slice', () => {
  it('opens a CNI scenario, steps through it, and leaves the lab, the journey and the history alone', async () => {
    const s = app();
    const { topology, result } = s.getState();
    expect(await s.getState().openCniStory('no-such-story')).toBe(false);
    expect(await s.getState().openCniStory('cni-add-first-pod')).toBe(true);
    const p = s.getState().cni;
    expect(p).toMatchObject({ index: 0, playing: false, story: { op: 'ADD', pod: 'pod1', machine: 'node1' } });
    expect(p?.layouts).toHaveLength(p?.story.events.length ?? -1);
    // One drawing per distinct frame: an event that draws nothing reuses the one before.
    expect(new Set(p?.layouts).size).toBe(new Set(p?.story.frames).size);
    s.getState().cniNext();
    s.getState().cniNext();
    expect(s.getState().cni?.index).toBe(2);
    s.getState().cniPrev();
    expect(s.getState().cni?.index).toBe(1);
    s.getState().cniLast();
    expect(s.getState().cni?.index).toBe((p?.story.events.length ?? 0) - 1);
    s.getState().cniNext();
    expect(s.getState().cni?.index).toBe((p?.story.events.length ?? 0) - 1);
    // Play from the end starts over.
    s.getState().cniToggle();
    expect(s.getState().cni).toMatchObject({ index: 0, playing: true });
    s.getState().cniSeek(5);
    expect(s.getState().cni?.index).toBe(5);
    expect(s.getState().topology).toBe(topology);
    expect(s.getState().result).toBe(result);
    expect(s.temporal.getState().pastStates).toHaveLength(0);
    s.getState().closeCniStory();
    expect(s.getState().cni).toBeNull();
  });

  it('the editor\'s offer plays the ADD that just happened; edit mode closes a story', async () => {
    const s = app();
    const { addPod } = await import('../core/editing');
    const before = s.getState().topology;
    let offer = null as Parameters<ReturnType<typeof s.getState>['offerCniStory']>[0];
    s.getState().setMode('edit');
    expect(s.getState().edit('addPod', (t) => {
      const out = addPod(t, 'node1');
      offer = { before: t, machine: 'node1', pod: out.pod.name, add: out.cni };
      return out.topology;
    })).toBe(true);
    s.getState().offerCniStory(offer);
    await s.getState().watchCniOffer();
    const p = s.getState().cni;
    expect(s.getState().mode).toBe('play');
    expect(s.getState().cniOffer).toBeNull();
    expect(p?.story).toMatchObject({ id: null, op: 'ADD', pod: 'pod5', machine: 'node1', before });
    // The bridge exists in the seed: this ADD finds it.
    expect(p?.story.events.some((e) => e.type === 'link' && e.op === 'exists' && e.name === 'cni0')).toBe(true);
    s.getState().setMode('edit');
    expect(s.getState().cni).toBeNull();
  });
});

describe('a CNI story in links', () => {
  it('a link names the CNI scenario on screen, over the seed lab', async () => {
    const { linkParams } = await import('./link');
    const s = app();
    expect(linkParams(s.getState(), null)).not.toMatch(/preset=/);
    await s.getState().openCniStory('cni-del');
    expect(linkParams(s.getState(), null)).toMatch(/^preset=cni-del&from=pod1&to=pod3&/);
    s.getState().closeCniStory();
    expect(linkParams(s.getState(), null)).not.toMatch(/preset=/);
  });
});
