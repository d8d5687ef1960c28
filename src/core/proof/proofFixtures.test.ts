import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../presets/scenarios';
import { runJourney } from '../sim/runJourney';
import { PROOF_SCENARIOS, type ProofFixture } from './proofFixture';
import { proofOf } from './proofs';

/*
 * The proofs' promises checked on the real kernel: `scripts/kernel/proofRecord.ts` ran every proof's
 * command on the lab built in network namespaces right after the journey (CI records them afresh as
 * root). Every fragment a proof says the output shows must be in what Linux printed. A neighbour's
 * state is left out: the real entry keeps ageing after the journey (a REACHABLE entry the engine
 * shows at its event is DELAY or STALE by the time the command runs).
 */
const files = import.meta.glob<ProofFixture>('../../../fixtures/proofs/*.json', { eager: true, import: 'default' });

describe.each(PROOF_SCENARIOS.map((id) => [id] as const))('the proofs of %s, on the kernel', (id) => {
  const fixture = files[`../../../fixtures/proofs/${id}.json`];
  if (!fixture) throw new Error(`fixtures/proofs/${id}.json is missing: run \`npm run verify:kernel\` (as root) to record it`);
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const topology = scenario.topology();
  const result = runJourney(topology, scenario.journey);

  it('every proof of the journey was run, and Linux printed what the proof says it shows', () => {
    let checked = 0;
    result.events.forEach((_, k) => {
      const p = proofOf(result, k, topology);
      if (!p) return;
      const out = fixture.outputs.find((o) => o.ns === p.ns && o.command === p.command);
      expect(out, `${p.ns}: ${p.command} was recorded`).toBeDefined();
      const wanted = p.kind === 'neigh' ? p.expect.filter((x) => x !== p.state) : p.expect;
      for (const fragment of wanted) {
        expect(out?.output, `#${k} ${p.ns}: ${p.command}`).toContain(fragment);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(20);
  });
});
