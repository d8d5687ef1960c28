import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from './runJourney';
import { indexTopology } from './world';

/*
 * indexTopology keeps its index per topology object. The top level of a topology is not frozen, so
 * the cache must notice a machine replaced in the array or a segment added, and rebuild.
 */
describe('the topology index cache', () => {
  it('returns the same index for an unchanged topology', () => {
    const t = seedTopology();
    expect(indexTopology(t)).toBe(indexTopology(t));
  });

  it('rebuilds when a machine is replaced in place in the machines array', () => {
    const t = seedTopology();
    const before = runJourney(t, { from: 'pod1', to: 'pod3' });
    expect(before.events.at(-1)?.type).toBe('deliver');
    const i = t.machines.findIndex((m) => m.name === 'router');
    const router = t.machines[i];
    if (!router) throw new Error('no router in the seed lab');
    // The router forgets how to reach node2's pods: the ping now dies there.
    t.machines[i] = { ...router, routes: (router.routes ?? []).filter((r) => r.dst !== '10.10.11.0/24') };
    const after = runJourney(t, { from: 'pod1', to: 'pod3' });
    expect(after.events.some((e) => e.type === 'drop' && e.ns === 'router' && e.reason === 'no-route')).toBe(true);
  });

  it('rebuilds when a segment is added or a machine removed', () => {
    const t = seedTopology();
    const first = indexTopology(t);
    t.segments = [...t.segments, { id: 'lan2', label: 'spare' }];
    const second = indexTopology(t);
    expect(second).not.toBe(first);
    expect(second.segments.has('lan2')).toBe(true);
    t.machines.pop();
    expect(indexTopology(t).specs.has('node2')).toBe(false);
  });
});
