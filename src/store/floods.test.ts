import { describe, expect, it } from 'vitest';
import { generateCluster, runJourney, seedTopology, stateAt, type JourneySpec } from '../core';
import { createAppStore } from './createAppStore';
import { displaySteps, floodFolds, snapIndex, stepPosition, stepSpan } from './floods';

const spec = (from: string, to: string): JourneySpec => ({ from, to, proto: 'icmp', count: 1, ttl: 64, warm: false }) as JourneySpec;

describe('folded floods', () => {
  const big = runJourney(generateCluster({ nodes: 20, podsPerNode: 2 }), spec('pod1-1', 'pod2-1'));
  const folds = floodFolds(big.events);

  it('folds each ARP broadcast on the 20-node segment into one step, naming who answers', () => {
    expect(folds.length).toBeGreaterThanOrEqual(2);
    const first = folds[0];
    expect(first?.scope).toBe('segment');
    expect(first?.ports).toBe(20);
    expect(first?.ignored.length).toBe(19);
    expect(first?.answered).toEqual(['router']);
    expect(first?.arp).toBe(true);
    // Two events per ignoring node: the copy received and the "not for me".
    expect(first?.members.length).toBe(38);
    // The router's request for node2: node2 answers, the other 19 ignore it (node1, whose copy
    // leaves no trace but the frame received, too).
    const second = folds[1];
    expect(second?.answered).toEqual(['node2']);
    expect(second?.ignored.length).toBe(19);
    expect(second?.ignored[0]).toBe('node1');
    expect(second?.members.length).toBe(37);
    for (const f of folds) for (const m of f.members) expect(big.events[m]?.ns).not.toBe(f.answered[0]);
  });

  it('makes the steps a partition of the events: every event is a step or in exactly one fold', () => {
    const steps = displaySteps(big.events);
    const seen = new Set<number>();
    for (const s of steps) {
      seen.add(s.index);
      for (const m of s.fold?.members ?? []) {
        expect(seen.has(m)).toBe(false);
        seen.add(m);
      }
    }
    expect(seen.size).toBe(big.events.length);
    expect(steps.length).toBe(big.events.length - folds.reduce((n, f) => n + f.members.length, 0));
  });

  it('snaps a hidden event onto its fold, and unfolding gives the events back', () => {
    const f = folds[0];
    if (!f) throw new Error('no fold');
    const steps = displaySteps(big.events);
    const hidden = f.members[5] as number;
    expect(snapIndex(steps, hidden)).toBe(f.at);
    expect(steps[stepPosition(steps, f.at) + 1]?.index).toBe((f.members[f.members.length - 1] as number) + 1);
    expect(stepSpan(steps[stepPosition(steps, f.at)]!)).toEqual({ first: f.at, last: f.members[f.members.length - 1] });
    const open = displaySteps(big.events, [f.at]);
    expect(open.length).toBe(steps.length + f.members.length);
    expect(snapIndex(open, hidden)).toBe(hidden);
  });

  it('leaves the seed lab alone: its floods reach two hosts at most', () => {
    const seed = runJourney(seedTopology(), spec('pod1', 'pod3'));
    expect(floodFolds(seed.events)).toEqual([]);
    expect(displaySteps(seed.events).length).toBe(seed.events.length);
  });

  it('folds a bridge flood across ten pods', () => {
    const r = runJourney(generateCluster({ nodes: 2, podsPerNode: 10 }), spec('pod1-1', 'pod1-2'));
    const f = floodFolds(r.events).find((x) => x.scope === 'bridge');
    expect(f?.ignored.length).toBe(8);
    expect(f?.answered).toEqual(['pod1-2']);
  });
});

describe('the playhead over folded floods', () => {
  const topology = generateCluster({ nodes: 20, podsPerNode: 2 });
  const make = () => createAppStore({ engine: { runJourney, stateAt }, topology, spec: spec('pod1-1', 'pod2-1') });

  it('steps over a folded flood as one step, and through it once unfolded', () => {
    const s = make();
    const f = floodFolds(s.getState().result?.events ?? [])[0];
    if (!f) throw new Error('no fold');
    s.getState().seek(f.at);
    s.getState().next();
    expect(s.getState().index).toBe((f.members[f.members.length - 1] as number) + 1);
    s.getState().prev();
    expect(s.getState().index).toBe(f.at);
    s.getState().seek(f.members[3] as number);
    expect(s.getState().index).toBe(f.at);
    s.getState().toggleFold(f.at);
    s.getState().next();
    expect(s.getState().index).toBe(f.at + 1);
    // Folding again from inside puts the playhead back on the fold.
    s.getState().toggleFold(f.at);
    expect(s.getState().index).toBe(f.at);
  });
});

describe('a link to an event hidden in a fold', () => {
  it('opens that flood and shows the very event', () => {
    const s = createAppStore({ engine: { runJourney, stateAt }, topology: generateCluster({ nodes: 6, podsPerNode: 3 }), spec: spec('pod1-1', 'pod6-1') });
    const f = floodFolds(s.getState().result?.events ?? [])[0];
    if (!f) throw new Error('no fold');
    const hidden = f.members[4] as number;
    s.getState().reveal(hidden);
    expect(s.getState().index).toBe(hidden);
    s.getState().reveal(1e9);
    expect(s.getState().index).toBe((s.getState().result?.events.length ?? 0) - 1);
  });
});
