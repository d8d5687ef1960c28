import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneySpec } from '../journey';
import { generateCluster } from '../presets/generate';
import { JourneyError } from '../errors';
import { runJourney } from './runJourney';
import { tellEvent, tellOutcome } from '../narrate/index';

/*
 * Properties over random clusters and packets: every run ends, every packet that was sent is
 * delivered, dropped with a reason, or still waiting for ARP when time runs out, and runs are
 * deterministic.
 */
const journeyArb = fc
  .record({
    nodes: fc.integer({ min: 1, max: 6 }),
    pods: fc.integer({ min: 1, max: 4 }),
    from: fc.tuple(fc.nat(), fc.nat()),
    to: fc.oneof(
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => ({ pod: [a, b] as const })),
      // Unicast only: broadcast, multicast and 0.0.0.0 are refused (see the property below).
      fc
        .ipV4()
        .filter((ip) => (Number(ip.split('.')[0]) & 0xf0) !== 0xe0 && ip !== '255.255.255.255' && ip !== '0.0.0.0')
        .map((ip) => ({ ip })),
      fc.tuple(fc.nat(300), fc.nat(300)).map(([a, b]) => ({ ip: `10.244.${a % 256}.${b % 255}` })),
    ),
    proto: fc.constantFrom('icmp' as const, 'udp' as const, 'tcp' as const),
    count: fc.integer({ min: 1, max: 3 }),
    ttl: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    warm: fc.boolean(),
  })
  .map((r) => {
    const podName = ([a, b]: readonly [number, number]): string => `pod${(a % r.nodes) + 1}-${(b % r.pods) + 1}`;
    const spec: JourneySpec = { from: podName(r.from), to: 'pod' in r.to ? podName(r.to.pod) : r.to.ip, proto: r.proto, count: r.count, warm: r.warm };
    if (r.ttl !== undefined) spec.ttl = r.ttl;
    return { topology: generateCluster({ nodes: r.nodes, podsPerNode: r.pods }), spec };
  });

describe('engine properties', () => {
  it('every packet sent ends delivered, dropped with a reason, or waiting for ARP at the end', () => {
    fc.assert(
      fc.property(journeyArb, ({ topology, spec }) => {
        const r = runJourney(topology, spec);
        const ended = new Set<number>();
        for (const e of r.events) {
          if (e.type === 'deliver') ended.add(e.pkt);
          if (e.type === 'drop' && e.pkt !== undefined) {
            expect(e.reason).toMatch(/^[a-z-]+$/);
            ended.add(e.pkt);
          }
        }
        for (const p of r.pending) ended.add(p.pkt);
        for (const e of r.events) if (e.type === 'send') expect(ended.has(e.pkt), `packet ${e.pkt} from ${e.ns} has no fate`).toBe(true);
        expect(r.events.every((e, i) => e.seq === i && (i === 0 || e.t >= (r.events[i - 1]?.t ?? 0)))).toBe(true);
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });

  it('is deterministic: the same topology and journey give the same events', () => {
    fc.assert(
      fc.property(journeyArb, ({ topology, spec }) => {
        // JSON renders the lazy explanations too, so the texts are compared as well as the data.
        expect(JSON.stringify(runJourney(topology, spec).events)).toBe(JSON.stringify(runJourney(topology, spec).events));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('explains each neighbour event with the state and MAC of that moment, not a later one', () => {
    fc.assert(
      fc.property(journeyArb, ({ topology, spec }) => {
        const r = runJourney(topology, spec);
        r.events.forEach((e, i) => {
          if (e.type !== 'neigh') return;
          const macs = tellEvent(r, i, 'en', 'detailed').match(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g) ?? [];
          for (const m of macs) expect(m).toBe(e.mac);
        });
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('refuses destinations it does not simulate with a JourneyError in both languages, and nothing else', () => {
    const unsimulated = fc.oneof(
      // 224.0.0.0/4 is multicast; 240.0.0.0/4 (class E) is routed like unicast by Linux.
      fc.tuple(fc.integer({ min: 224, max: 239 }), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.')),
      fc.constant('0.0.0.0'),
    );
    fc.assert(
      fc.property(unsimulated, (to) => {
        try {
          runJourney(generateCluster({ nodes: 4, podsPerNode: 2 }), { from: 'pod1-1', to });
        } catch (e) {
          expect(e).toBeInstanceOf(JourneyError);
          expect((e as JourneyError).text.ru).toMatch(/[а-яё]/i);
          return;
        }
        expect.unreachable(`${to} was simulated`);
      }),
      { numRuns: 80, seed: 5 },
    );
  });

  it('routes a cross-node ping through exactly three routing hops in a generated cluster', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 5 }), (nodes, pods) => {
        const r = runJourney(generateCluster({ nodes, podsPerNode: pods }), { from: 'pod1-1', to: `pod${nodes}-${pods}` });
        const atDst = r.events.find((e) => e.type === 'deliver' && e.ns === `pod${nodes}-${pods}`);
        expect(atDst?.type === 'deliver' && atDst.ipv4.ttl).toBe(61);
        expect(tellOutcome(r, 'en')).toContain('Echo replies back at pod1-1: 1 of 1.');
      }),
      { numRuns: 25, seed: 3 },
    );
  });
});
