import { describe, expect, it } from 'vitest';
import type { DropEvent, HopEvent } from '../events';
import type { Topology } from '../model/topology';
import { validateTopologyWarnings } from '../model/validate';
import { flatSegmentLab, HOSTILE_CASES, twoBridgesTwoSegmentsLab as twoBridgesTwoSegments, twoNicsOneSegmentLab as twoNicsOneSegment, vethLoopLab as vethLoop } from '../presets/hostile';
import type { Action } from './actions';
import { MAX_ACTIONS, MAX_EVENTS, Sim } from './engine';
import { STORM_COPIES } from './link';
import { runJourney } from './runJourney';
import { World, indexTopology } from './world';

/*
 * Every journey ends, whatever the lab: an L2 loop storms for a bounded number of copies and is
 * named, and any run stops at the engine's budget of events or actions with a `halt` event.
 */

const loopDrops = (events: readonly HopEvent[]): DropEvent[] => events.filter((e): e is DropEvent => e.type === 'drop' && e.reason === 'l2-loop');

describe('an L2 loop storms for a bounded number of copies, and is named', () => {
  const cases: [string, () => Topology, Parameters<typeof runJourney>[1]][] = [
    ['a veth pair inside one bridge', vethLoop, { from: 'a', to: '10.0.0.2' }],
    ['two bridged NICs on one segment', twoNicsOneSegment, { from: 'b', to: '10.0.0.1' }],
    ['two hosts bridging the same two segments', twoBridgesTwoSegments, { from: 'c', to: '10.0.0.4' }],
  ];
  for (const [name, lab, spec] of cases) {
    it(name, () => {
      const t = lab();
      expect(validateTopologyWarnings(t).some((w) => w.code === 'l2-loop'), 'validation warns about the loop').toBe(true);
      const r = runJourney(t, spec);
      const cuts = loopDrops(r.events);
      expect(cuts.length).toBeGreaterThan(0);
      // Each ARP broadcast is cut after the loop-free crossings plus STORM_COPIES more.
      for (const c of cuts) expect(c.copies).toBeGreaterThan(STORM_COPIES);
      expect(r.events.some((e) => e.type === 'halt')).toBe(false);
      expect(r.events.length).toBeLessThan(5_000);
      // The storm is shown before it is cut: the frame crossed its bridge or switch again and again.
      const firstCut = r.events.indexOf(cuts[0] as HopEvent);
      const floods = r.events.slice(0, firstCut).filter((e) => e.type === 'fdb' && e.action === 'flood' && e.pkt === cuts[0]?.pkt);
      expect(floods.length).toBeGreaterThanOrEqual(STORM_COPIES);
    });
  }

  it('a loop-free lab whose broadcasts cross many bridges is no storm', () => {
    // Ten hosts each bridging its NIC, all on one segment: a broadcast crosses eleven switches once each.
    const machines: Topology['machines'] = Array.from({ length: 10 }, (_, k) => ({
      name: `h${k}`, role: 'host', interfaces: [
        { kind: 'bridge', name: 'br0', mac: `02:00:00:00:${(k + 16).toString(16)}:01`, addresses: [`10.0.0.${k + 1}/24`] },
        { kind: 'ether', name: 'eth0', mac: `02:00:00:00:${(k + 16).toString(16)}:02`, master: 'br0', segment: 's' },
      ],
    }));
    const r = runJourney({ version: 1, name: 'bridged-nics', segments: [{ id: 's' }], machines }, { from: 'h0', to: '10.0.0.10' });
    expect(loopDrops(r.events)).toEqual([]);
    expect(r.events.some((e) => e.type === 'deliver' && e.cause === 'echo-reply' && e.ns === 'h0')).toBe(true);
  });
});

describe('every run stops at the engine budget', () => {
  const world = new World(indexTopology(vethLoop()));

  it(`logs a halt event after ${MAX_EVENTS} events and drops what is queued`, () => {
    // An action that logs one event and queues two more: without a budget it never ends.
    const perform = (sim: Sim): void => {
      sim.emit({ type: 'ttl', ns: 'a', pkt: 1, from: 2, to: 1, seq: sim.seq, t: sim.now });
      sim.after(5, { op: 'call', fn: () => undefined });
      sim.after(7, { op: 'call', fn: () => undefined });
    };
    const sim = new Sim(world, perform);
    sim.after(0, { op: 'call', fn: () => undefined } as Action);
    sim.runUntil(1e12);
    const last = sim.events[sim.events.length - 1];
    expect(sim.events.length).toBe(MAX_EVENTS + 1);
    expect(last).toMatchObject({ type: 'halt', reason: 'events', limit: MAX_EVENTS, ns: 'a' });
    expect((last as { pending: number }).pending).toBeGreaterThan(0);
    // Nothing runs after the halt: the queue is empty.
    const n = sim.events.length;
    sim.runUntil(2e12);
    expect(sim.events.length).toBe(n);
  });

  it(`logs a halt event after ${MAX_ACTIONS} silent actions`, () => {
    const perform = (sim: Sim): void => sim.after(3, { op: 'call', fn: () => undefined });
    const sim = new Sim(world, perform);
    sim.after(0, { op: 'call', fn: () => undefined });
    sim.runUntil(1e15);
    expect(sim.events).toHaveLength(1);
    expect(sim.events[0]).toMatchObject({ type: 'halt', reason: 'actions', limit: MAX_ACTIONS, pending: 1 });
  });

  it('a run within the budget logs no halt, and virtual time stops at the horizon', () => {
    const perform = (sim: Sim): void => sim.after(1_000_000, { op: 'call', fn: () => undefined });
    const sim = new Sim(world, perform);
    sim.after(0, { op: 'call', fn: () => undefined });
    sim.runUntil(50_000_000);
    expect(sim.events).toEqual([]);
    expect(sim.t).toBe(50_000_000);
  });
});

describe('hostile labs end within the budget', () => {
  for (const c of HOSTILE_CASES) {
    it(c.name, () => {
      const r = runJourney(c.topology(), c.journey);
      expect(r.events.length).toBeLessThanOrEqual(MAX_EVENTS + 1);
      const halted = r.events[r.events.length - 1]?.type === 'halt';
      // Only the flat segment of 1,500 hosts needs the budget; every other case ends by itself.
      expect(halted, c.name).toBe(c.topology().name.startsWith('flat-'));
    });
  }

  it('loops in the hostile set are cut, and named', () => {
    for (const c of HOSTILE_CASES.filter((x) => validateTopologyWarnings(x.topology()).some((w) => w.code === 'l2-loop'))) {
      expect(loopDrops(runJourney(c.topology(), c.journey).events).length, c.name).toBeGreaterThan(0);
    }
  });

  it('a small flat segment needs no halt', () => {
    const r = runJourney(flatSegmentLab(50), { from: 'h1', to: '10.1.250.250', count: 30 });
    expect(r.events.some((e) => e.type === 'halt')).toBe(false);
  });
});
