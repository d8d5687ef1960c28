import { describe, expect, it } from 'vitest';
import { generateCluster } from '../presets/generate';
import { validateTopology, vouchValid } from './validate';
import type { MachineSpec, Topology } from './topology';

/*
 * A lab our own builder made is taken as valid without the walk over every namespace; an edit of a
 * few of its machines is still checked (the quick path), and a copy of it, as any lab from outside,
 * is checked in full.
 */

function withMachine(t: Topology, i: number, m: MachineSpec): Topology {
  return { ...t, machines: t.machines.map((x, k) => (k === i ? m : x)) };
}

describe('vouched labs', () => {
  it('are frozen, and valid without being walked', () => {
    const t = generateCluster({ nodes: 4, podsPerNode: 3 });
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.machines)).toBe(true);
    expect(validateTopology(t)).toEqual([]);
  });

  it('still have an edited machine checked: a duplicate pod name, a bad route', () => {
    const t = generateCluster({ nodes: 4, podsPerNode: 3 });
    expect(validateTopology(t)).toEqual([]);
    const node2 = t.machines[1] as MachineSpec;
    // A pod renamed to one node3 holds: the quick path finds the name taken elsewhere and walks the lab.
    const pods = (node2.pods ?? []).map((p, k) => (k === 0 ? { ...p, name: 'pod3-1' } : p));
    expect(validateTopology(withMachine(t, 1, { ...node2, pods })).map((p) => p.code)).toContain('duplicate-name');
    // A route via a gateway no link of the node reaches.
    const routes = [{ dst: '192.168.9.0/24', via: '10.9.9.9', dev: 'eth0' }];
    expect(validateTopology(withMachine(t, 1, { ...node2, routes })).length).toBeGreaterThan(0);
    // And a fine edit passes.
    const ok = [{ dst: '192.168.9.0/24', via: '172.16.0.254', dev: 'eth0' }];
    expect(validateTopology(withMachine(t, 1, { ...node2, routes: ok }))).toEqual([]);
  });

  it('vouch for the object only: a copy (a file, a link, storage) is validated in full', () => {
    const t = generateCluster({ nodes: 3, podsPerNode: 2 });
    const copy = structuredClone(t) as Topology;
    const node1 = copy.machines[0] as MachineSpec;
    copy.machines[0] = { ...node1, interfaces: node1.interfaces.map((i, k) => (k === 0 ? { ...i, mac: 'not-a-mac' } : i)) };
    expect(validateTopology(copy).length).toBeGreaterThan(0);
    expect(validateTopology(t)).toEqual([]);
  });

  it('are not vouched for once another list is put in their place', () => {
    const t = vouchValid<Topology>({ version: 1, name: 'x', machines: [], segments: [] });
    expect(validateTopology(t)).toEqual([]);
    const bad = { ...t, segments: [{ id: 'a', label: 'a' }, { id: 'a', label: 'a' }] };
    expect(validateTopology(bad).map((p) => p.code)).toEqual(['duplicate-segment']);
  });
});
