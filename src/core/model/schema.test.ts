import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { generateCluster } from '../presets/generate';
import { SCENARIOS } from '../presets/scenarios';
import { seedTopology } from '../presets/seed';
import { pathText, schemaProblems, topologySchema } from './schema';
import type { Topology } from './topology';
import { validateTopology } from './validate';

/** A type with `undefined` taken out of its optional fields, all the way down (zod writes `a?: T | undefined`). */
type Defined<T> = T extends readonly (infer E)[] ? Defined<E>[] : T extends object ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('the topology schema', () => {
  it('describes exactly the Topology type: every field, every kind, nothing more', () => {
    const same: Same<Defined<z.output<typeof topologySchema>>, Defined<Topology>> = true;
    expect(same).toBe(true);
  });

  it('accepts every preset, scenario and generated cluster as a whole', () => {
    const labs = [seedTopology(), generateCluster({ nodes: 3, podsPerNode: 2 }), ...SCENARIOS.map((s) => s.topology())];
    for (const t of labs) expect(schemaProblems(topologySchema, t)).toEqual([]);
  });

  it('finds, as a whole, the same shape problems validateTopology finds piece by piece', () => {
    const t = JSON.parse(JSON.stringify(seedTopology())) as { machines: { pods: Record<string, unknown>[]; interfaces: Record<string, unknown>[] }[] };
    const node1 = t.machines[0];
    const pod = node1?.pods[1];
    if (!node1 || !pod) throw new Error('seed changed');
    pod.listeners = [{ proto: 'udp', port: '53' }];
    pod.x = 1;
    (node1.interfaces[0] as Record<string, unknown>).mtu = 1e9;
    const whole = schemaProblems(topologySchema, t).map((p) => p.path).sort();
    const pieces = validateTopology(t).map((p) => p.path).sort();
    expect(whole).toEqual(['machines[0].interfaces[0].mtu', 'machines[0].pods[1].listeners[0].port', 'machines[0].pods[1].x']);
    expect(pieces).toEqual(whole);
  });

  it('writes paths as problems show them', () => {
    expect(pathText(['machines', 0, 'pods', 1, 'interfaces', 0, 'mac'])).toBe('machines[0].pods[1].interfaces[0].mac');
    expect(pathText(['a b', 2, '__proto__', '0x'])).toBe('["a b"][2].__proto__["0x"]');
  });
});
