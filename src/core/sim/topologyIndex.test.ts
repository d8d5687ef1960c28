import { describe, expect, it } from 'vitest';
import { generateCluster } from '../presets/generate';
import type { MachineSpec, Topology } from '../model/topology';
import { indexTopology, type TopologyIndex } from './topologyIndex';

/*
 * An edit replaces a few machine objects; the index of the edited lab is then a layer over the last
 * full one. Whatever way it was built, it must answer exactly as a full index of the same lab.
 */

/** What an index says, as plain data: every namespace in order, owners of the given addresses, segments. */
function answers(index: TopologyIndex, ips: number[]): unknown {
  return {
    specs: [...index.specs.entries()].map(([name, e]) => [name, e.machine, e.isPod, e.spec]),
    owners: ips.map((ip) => index.addrOwner.get(ip) ?? null),
    segments: [...index.segments].map(([id, refs]) => [id, refs.map((r) => `${r.ns}/${r.iface}`)]),
    switches: index.switches,
  };
}

/** The same lab as a fresh object with fresh machine objects: indexed from scratch. */
function copyOf(t: Topology): Topology {
  return JSON.parse(JSON.stringify(t)) as Topology;
}

const ip = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

function withMachine(t: Topology, i: number, f: (m: MachineSpec) => MachineSpec): Topology {
  return { ...t, machines: t.machines.map((m, k) => (k === i ? f(m) : m)) };
}

describe('the layered topology index', () => {
  const ips = [ip(10, 244, 3, 1), ip(10, 244, 3, 2), ip(10, 244, 7, 1), ip(172, 16, 1, 3), ip(172, 16, 1, 7), ip(10, 99, 0, 1), ip(172, 16, 0, 254)];

  it('answers as a full index after pods are renamed, removed and readdressed on two machines', () => {
    const t0 = generateCluster({ nodes: 8, podsPerNode: 3 });
    indexTopology(t0);
    let t1 = withMachine(t0, 2, (m) => ({ ...m, pods: (m.pods ?? []).slice(1).map((p) => ({ ...p, name: `${p.name}x` })) }));
    // node7's first pod takes node3's first pod's address, which node3 just gave up.
    t1 = withMachine(t1, 6, (m) => ({ ...m, pods: (m.pods ?? []).map((p, k) => (k === 0 ? { ...p, interfaces: p.interfaces.map((i) => ({ ...i, addresses: ['10.99.0.1/24', '10.244.3.1/24'] })) } : p)) }));
    const layered = indexTopology(t1);
    expect(answers(layered, ips)).toEqual(answers(indexTopology(copyOf(t1)), ips));
    expect(layered.specs.has('pod3-1')).toBe(false);
    expect(layered.specs.get('pod3-2x')?.machine).toBe('node3');
    expect(layered.addrOwner.get(ip(10, 244, 3, 1))).toBe('pod7-1');
  });

  it('keeps the first owner in topology order when an edit gives an address to a second namespace', () => {
    const t0 = generateCluster({ nodes: 8, podsPerNode: 2 });
    indexTopology(t0);
    // node7 also takes node3's address: node3 came first, so it stays the owner; then node3 lets it go.
    const t1 = withMachine(t0, 6, (m) => ({ ...m, interfaces: m.interfaces.map((i) => (i.name === 'eth0' ? { ...i, addresses: ['172.16.1.7/16', '172.16.1.3/16'] } : i)) }));
    expect(indexTopology(t1).addrOwner.get(ip(172, 16, 1, 3))).toBe('node3');
    const t2 = withMachine(t1, 2, (m) => ({ ...m, interfaces: m.interfaces.map((i) => (i.name === 'eth0' ? { ...i, addresses: ['172.16.1.33/16'] } : i)) }));
    expect(indexTopology(t2).addrOwner.get(ip(172, 16, 1, 3))).toBe('node7');
    expect(answers(indexTopology(t2), ips)).toEqual(answers(indexTopology(copyOf(t2)), ips));
  });

  it('counts bridges and segment ports of edited machines', () => {
    const t0 = generateCluster({ nodes: 4, podsPerNode: 1 });
    const full = indexTopology(t0);
    const t1 = withMachine(t0, 1, (m) => ({ ...m, interfaces: [...m.interfaces, { kind: 'bridge', name: 'br9', mac: '02:00:00:00:09:09' }, { kind: 'ether', name: 'eth9', mac: '02:00:00:00:09:0a', segment: 'lan' }] }));
    const layered = indexTopology(t1);
    expect(layered.switches).toBe(full.switches + 1);
    expect(layered.segments.get('lan')?.map((r) => `${r.ns}/${r.iface}`)).toContain('node2/eth9');
    expect(answers(layered, ips)).toEqual(answers(indexTopology(copyOf(t1)), ips));
  });
});
