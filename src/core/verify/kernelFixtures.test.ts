/**
 * The engine against the real kernel: for every reference scenario, the frames each interface saw
 * in `fixtures/kernel/<id>.json` (recorded by `npm run verify:kernel`) must be what the engine emits.
 */
import { describe, expect, it } from 'vitest';
import { runJourney } from '../index';
import { SCENARIOS } from '../presets/scenarios';
import { compareTraces, engineInterfaceFrames, formatMismatches } from './compareTraces';
import type { KernelFixture } from './kernelFixture';

// Vite's glob import reads the fixtures at transform time: no Node API needed in the core's tests.
const files = import.meta.glob<KernelFixture>('../../../fixtures/kernel/*.json', { eager: true, import: 'default' });
const fixtures = new Map(Object.entries(files).map(([path, f]) => [path.replace(/^.*\//, '').replace(/\.json$/, ''), f]));

describe('engine frames match the kernel fixtures', () => {
  for (const scenario of SCENARIOS) {
    if (scenario.unrecorded !== undefined) {
      // The recorder's lab cannot run it (Cilium's eBPF, Weave's OVS datapath, WireGuard devices, Calico's tunl0): no fixture may claim otherwise.
      it(`${scenario.id} (not recordable: ${scenario.unrecorded})`, () => {
        expect(fixtures.has(scenario.id)).toBe(false);
        expect(['ebpf', 'ovs', 'wireguard', 'ipip']).toContain(scenario.unrecorded);
      });
      continue;
    }
    it(scenario.id, () => {
      const fixture = fixtures.get(scenario.id);
      // A missing fixture is a failure, not a skip: the check must not silently shrink.
      if (!fixture) expect.fail(`fixtures/kernel/${scenario.id}.json is missing: run \`npm run verify:kernel\` (as root) to record it`);
      expect(fixture.journey, `fixture was recorded for another journey: re-run \`npm run verify:kernel -- --only ${scenario.id}\``).toEqual(scenario.journey);
      const result = runJourney(scenario.topology(), scenario.journey);
      const mismatches = compareTraces(fixture.interfaces, engineInterfaceFrames(result.events));
      expect(mismatches, `engine vs kernel ${fixture.kernel} (expected = kernel, got = engine):\n${formatMismatches(mismatches)}`).toEqual([]);
    });
  }
});
