import { describe, expect, it } from 'vitest';
import { generateCluster } from './presets/generate';
import { SCENARIOS } from './presets/scenarios';
import { seedTopology } from './presets/seed';
import { runJourney } from './sim/runJourney';

/*
 * Events are plain data: they survive structuredClone (postMessage to an embedding page, a worker)
 * and a JSON round trip unchanged (scripts/coreProse.test.ts checks the engine holds no prose).
 */

describe('events are plain data', () => {
  const journeys = [
    runJourney(seedTopology(), { from: 'pod1', to: 'pod3', count: 3, intervalMs: 2000 }),
    runJourney(seedTopology(), { from: 'pod1', to: '10.10.11.9', proto: 'tcp' }),
    runJourney(seedTopology(), { from: 'node1', to: 'pod4', proto: 'udp', warm: true }),
    runJourney(generateCluster({ nodes: 4, podsPerNode: 3 }), { from: 'pod1-1', to: 'pod4-3', ttl: 2 }),
    ...SCENARIOS.map((s) => runJourney(s.topology(), s.journey)),
  ];

  it('survive structuredClone and a JSON round trip identical, the whole result included', () => {
    for (const r of journeys) {
      expect(structuredClone(r.events)).toEqual(r.events);
      expect(JSON.parse(JSON.stringify(r.events))).toEqual(r.events);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      for (const e of r.events) expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
    }
  });

  it('carry no functions or class instances anywhere', () => {
    // One expect over the paths found, not one per value: the walk visits every value of every scenario's journey.
    const bad: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (v === null || typeof v !== 'object') {
        if (typeof v === 'function') bad.push(`${path}: function`);
        return;
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== Array.prototype) bad.push(`${path}: not a plain object or array`);
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    for (const r of journeys) walk(r, 'result');
    expect(bad).toEqual([]);
  }, 30_000); // walks every namespace's tables of every journey: a guard for a loaded machine, not a speed check
});
