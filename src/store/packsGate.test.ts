import { describe, expect, it } from 'vitest';
import { packsOf, PacksMissingError, runJourney, seedTopology, stateAt, type PartKind, type Topology } from '../core';
import { seedVxlan } from '../core/presets/datapathScenarios';
import { createAppStore } from './createAppStore';
import type { JourneyEngine } from './engine';

/*
 * The store's one gate of the datapath packs (createAppStore's gatePacks): a lab that needs packs
 * not loaded waits for them (no journey, no error), then runs; nothing the user chose is lost.
 */

/** The real engine behind a page's registry that holds no pack until `arrive()`; `fail()` loses the chunk. */
function pagedEngine() {
  let loaded = false;
  const asked: PartKind[][] = [];
  let settle: { arrive: () => void; fail: () => void } = { arrive: () => undefined, fail: () => undefined };
  const engine: JourneyEngine = {
    runJourney(t, spec) {
      if (!loaded && packsOf(t).length > 0) throw new PacksMissingError(packsOf(t));
      return runJourney(t, spec);
    },
    stateAt,
    missingPacks: (t: Topology) => (loaded ? [] : [...packsOf(t)]),
    loadPacks: (kinds) => {
      asked.push([...kinds]);
      return new Promise<void>((resolve, reject) => {
        settle = {
          arrive: () => {
            loaded = true;
            resolve();
          },
          fail: () => reject(new Error('chunk lost')),
        };
      });
    },
  };
  return { engine, asked, arrive: () => settle.arrive(), fail: () => settle.fail() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the datapath packs gate', () => {
  it('a first lab that needs packs waits for them, quietly, then plays its journey', async () => {
    const p = pagedEngine();
    const s = createAppStore({ engine: p.engine, topology: seedVxlan(), spec: { from: 'pod1', to: 'pod3' } });
    expect(s.getState().packsPending).toBe(true);
    expect(s.getState().result).toBeNull();
    expect(s.getState().engineError).toBeNull();
    expect(p.asked).toEqual([['vxlan']]);
    p.arrive();
    await tick();
    expect(s.getState().packsPending).toBe(false);
    expect(s.getState().result?.spec.to).toBe('pod3');
    expect(s.getState().result?.events.some((e) => e.type === 'vxlan')).toBe(true);
    expect(s.getState().index).toBe(0);
  });

  it('a lab opened later (My labs, a paste, a message) goes through the same gate, keeping the journey asked for', async () => {
    const p = pagedEngine();
    const s = createAppStore({ engine: p.engine, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
    expect(s.getState().packsPending).toBe(false);
    expect(p.asked).toEqual([]);
    s.getState().openLab(seedVxlan(), { spec: { from: 'pod2', to: 'pod4', proto: 'udp' } });
    expect(s.getState().packsPending).toBe(true);
    expect(s.getState().engineError).toBeNull();
    p.arrive();
    await tick();
    const r = s.getState().result;
    expect(r?.spec).toMatchObject({ from: 'pod2', to: 'pod4', proto: 'udp' });
    expect(s.getState().topology.name).toBe('seed-vxlan');
  });

  it('a scenario whose packs are loading opens at once and counts as opened', async () => {
    const p = pagedEngine();
    const s = createAppStore({ engine: p.engine, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
    expect(s.getState().loadScenario('flannel-vxlan-cold-ping-pod1-pod3')).toBe(true);
    expect(s.getState().preset).toBe('flannel-vxlan-cold-ping-pod1-pod3');
    expect(s.getState().packsPending).toBe(true);
    p.arrive();
    await tick();
    expect(s.getState().packsPending).toBe(false);
    expect(s.getState().preset).toBe('flannel-vxlan-cold-ping-pod1-pod3');
    expect(s.getState().result?.events.some((e) => e.type === 'vxlan')).toBe(true);
  });

  it('a chunk that never arrives is said in both languages, not left pending', async () => {
    const p = pagedEngine();
    const s = createAppStore({ engine: p.engine, topology: seedVxlan(), spec: { from: 'pod1', to: 'pod3' } });
    p.fail();
    await tick();
    expect(s.getState().packsPending).toBe(false);
    expect(s.getState().result).toBeNull();
    expect(s.getState().engineError?.en).toMatch(/could not load the code of this lab's datapath \(vxlan\)/);
    expect(s.getState().engineError?.ru).toMatch(/не удалось загрузить код/i);
  });

  it('a validator that never arrives (a lab from a link) is said as the check it is, not as a datapath', async () => {
    const engine: JourneyEngine = {
      runJourney: () => {
        throw new PacksMissingError(['validation']);
      },
      stateAt,
      missingPacks: () => ['validation'],
      loadPacks: () => Promise.reject(new Error('chunk lost')),
    };
    const s = createAppStore({ engine, topology: structuredClone(seedTopology()), spec: { from: 'pod1', to: 'pod3' } });
    await tick();
    expect(s.getState().packsPending).toBe(false);
    expect(s.getState().engineError?.en).toMatch(/could not load the code that checks this lab/);
    expect(s.getState().engineError?.en).not.toMatch(/datapath/);
    expect(s.getState().engineError?.ru).toMatch(/проверяет стенд/);
  });
});
