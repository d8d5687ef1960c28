import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HopEvent } from '../events';
import type { JourneySpec } from '../journey';
import type { Topology } from '../model/topology';
import { generateCluster } from '../presets/generate';
import { SCENARIOS } from '../presets/scenarios';
import { seedTopology } from '../presets/seed';
import { Sim } from './engine';
import { runJourney } from './runJourney';

/*
 * The engine shares header objects between events (a frame's Ethernet and IPv4 headers appear on
 * every hop that carries them) and builds events without copying. That is only sound if nothing
 * the engine does later changes an event already in the log: each event must read the same at the
 * end of the run as at the moment it was emitted.
 */
describe('events are final once emitted', () => {
  afterEach(() => vi.restoreAllMocks());

  const journeys: [string, Topology, JourneySpec][] = [
    ['seed cold', seedTopology(), { from: 'pod1', to: 'pod3' }],
    ['seed warm, 3 pings', seedTopology(), { from: 'pod1', to: 'pod3', count: 3, warm: true }],
    ['TTL 1', seedTopology(), { from: 'pod1', to: 'pod3', ttl: 1 }],
    ['nobody has the address', seedTopology(), { from: 'pod1', to: '10.10.11.9' }],
    ['TCP', seedTopology(), { from: 'pod1', to: 'pod3', proto: 'tcp', count: 2 }],
    ['UDP', seedTopology(), { from: 'pod1', to: 'pod2', proto: 'udp' }],
    ['cluster', generateCluster({ nodes: 4, podsPerNode: 3 }), { from: 'pod1-1', to: 'pod4-3', count: 2 }],
    ...SCENARIOS.map((s): [string, Topology, JourneySpec] => [s.id, s.topology(), s.journey]),
  ];

  it.each(journeys)('%s: every event reads at the end as it did when emitted', (_name, topology, spec) => {
    const seen: { e: HopEvent; json: string }[] = [];
    const emit = Sim.prototype.emit;
    vi.spyOn(Sim.prototype, 'emit').mockImplementation(function (this: Sim, e: HopEvent) {
      seen.push({ e, json: JSON.stringify(e) });
      emit.call(this, e);
    });
    const r = runJourney(topology, spec);
    expect(r.events.length).toBeGreaterThan(0);
    for (const { e, json } of seen) expect(JSON.stringify(e), `event ${e.seq} (${e.type} in ${e.ns})`).toBe(json);
    // Each event is an object of its own, even where its headers are shared.
    expect(new Set(r.events).size).toBe(r.events.length);
  });
});
