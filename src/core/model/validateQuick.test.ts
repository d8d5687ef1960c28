import { describe, expect, it } from 'vitest';
import { generateCluster } from '../presets/generate';
import type { MachineSpec, Topology } from './topology';
import { validateTopology } from './validate';

/*
 * After a valid lab, validating a lab that replaces a few of its machine objects checks only those
 * (the quick path). It must find exactly what a validation from scratch finds.
 */

function withMachine(t: Topology, i: number, f: (m: MachineSpec) => MachineSpec): Topology {
  return { ...t, machines: t.machines.map((m, k) => (k === i ? f(m) : m)) };
}

/** Renames a machine's pod `k` and the host end of its veth's idea of it. */
function renamePod(m: MachineSpec, k: number, name: string): MachineSpec {
  const old = m.pods?.[k]?.name;
  return {
    ...m,
    interfaces: m.interfaces.map((i) => (i.kind === 'veth' && i.peer.ns === old ? { ...i, peer: { ...i.peer, ns: name } } : i)),
    pods: (m.pods ?? []).map((p, j) => (j === k ? { ...p, name } : p)),
  };
}

/** The same lab as new objects: validated from scratch. */
function fresh(t: Topology): Topology {
  return JSON.parse(JSON.stringify(t)) as Topology;
}

describe('validation after a few machines changed', () => {
  const base = generateCluster({ nodes: 6, podsPerNode: 2 });

  it('accepts a valid edit and refuses a name another machine has, as a full validation does', () => {
    expect(validateTopology(base)).toEqual([]);
    const ok = withMachine(base, 1, (m) => renamePod(renamePod(m, 0, 'pod2-1-new'), 1, 'pod2-2-new'));
    expect(validateTopology(ok)).toEqual([]);
    // node4's pod takes the name node2 just freed (accepted), then node5's one node2 still has (refused).
    const freed = withMachine(ok, 3, (m) => renamePod(m, 0, 'pod2-1'));
    expect(validateTopology(freed)).toEqual([]);
    const clash = withMachine(freed, 4, (m) => renamePod(m, 0, 'pod2-2-new'));
    const problems = validateTopology(clash);
    expect(problems.map((p) => p.code)).toEqual(['duplicate-name']);
    expect(problems).toEqual(validateTopology(fresh(clash)));
  });

  it('refuses an unknown segment, a bad machine and two names in one machine as a full validation does', () => {
    expect(validateTopology(base)).toEqual([]);
    const cases = [
      withMachine(base, 2, (m) => ({ ...m, interfaces: m.interfaces.map((i) => (i.kind === 'ether' ? { ...i, segment: 'nowhere' } : i)) })),
      withMachine(base, 2, (m) => ({ ...m, interfaces: m.interfaces.map((i) => (i.name === 'cni0' ? { ...i, mac: 'not a mac' } : i)) })),
      withMachine(base, 2, (m) => renamePod(renamePod(m, 0, 'twin'), 1, 'twin')),
    ];
    for (const t of cases) {
      expect(validateTopology(base)).toEqual([]);
      const problems = validateTopology(t);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems).toEqual(validateTopology(fresh(t)));
    }
  });
});
