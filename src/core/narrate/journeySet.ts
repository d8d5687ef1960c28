import type { JourneyResult, JourneySpec } from '../journey';
import { MTU_SCENARIOS } from '../presets/mtuScenarios';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';

/*
 * The generated set of journeys the narrator is tested on (test support, not shipped in the app's
 * bundle): every ordered pair of endpoints of the seed lab, machines included, plus addresses
 * nobody owns; ICMP, UDP and TCP; cold and warm; TTL 1, 2 and 64; one packet and three; then the
 * MTU scenarios.
 */

/** Sources and destinations of the set. */
export const SET_SOURCES = ['pod1', 'pod2', 'pod3', 'pod4', 'node1', 'node2', 'router'] as const;
export const SET_DESTINATIONS = [...SET_SOURCES, '10.10.10.77', '10.10.11.9', '10.10.12.1', '172.16.100.99'] as const;

/** Every spec of the set, in a fixed order. */
export function journeySpecs(): JourneySpec[] {
  const out: JourneySpec[] = [];
  for (const from of SET_SOURCES) {
    for (const to of SET_DESTINATIONS) {
      for (const proto of ['icmp', 'udp', 'tcp'] as const) {
        for (const warm of [false, true]) {
          for (const ttl of [1, 2, 64]) {
            for (const count of [1, 3]) out.push({ from, to, proto, warm, ttl, count });
          }
        }
      }
    }
  }
  return out;
}

/** Runs the whole set on one seed topology object (so the compile caches are shared). */
export function* journeySet(): Generator<JourneyResult> {
  const topology = seedTopology();
  for (const spec of journeySpecs()) yield runJourney(topology, spec);
  // And the MTU scenarios, whose drops (fragmentation needed) the seed lab never shows.
  for (const s of MTU_SCENARIOS) yield runJourney(s.topology(), s.journey);
}
