import { describe, expect, it } from 'vitest';
import type { JourneyResult } from '../journey';
import type { Topology } from '../model/topology';
import { journeySet } from '../narrate/journeySet';
import { seedTopology } from '../presets/seed';
import { SCENARIOS } from '../presets/scenarios';
import { runJourney } from '../sim/runJourney';
import { proofOf } from './proofs';
import { hasProof } from './proofShown';

/** The events where `hasProof` and `proofOf` disagree, as `index type` lines (none expected). */
function disagreements(result: JourneyResult, t: Topology): string[] {
  return result.events.flatMap((e, k) => (hasProof(result, k) === (proofOf(result, k, t) !== null) ? [] : [`${k} ${e.type}`]));
}

describe('hasProof: the folded block shows exactly where a proof exists', () => {
  it('agrees with proofOf at every event of every kernel-verified scenario', () => {
    let shown = 0;
    let hidden = 0;
    for (const s of SCENARIOS) {
      const t = s.topology();
      const r = runJourney(t, s.journey);
      expect(disagreements(r, t), s.id).toEqual([]);
      for (let k = 0; k < r.events.length; k++) {
        if (hasProof(r, k)) shown++;
        else hidden++;
      }
    }
    // Both answers occur: a predicate that always said one thing would agree nowhere near this often.
    expect(shown).toBeGreaterThan(100);
    expect(hidden).toBeGreaterThan(100);
  });

  it('agrees with proofOf over the narrator’s journey set on the seed lab', () => {
    // The set does not hand out its labs (the MTU scenarios have their own): the lab only changes
    // whether a WireGuard event has a proof, and the set has none, so the seed lab does for all.
    const t = seedTopology();
    for (const r of journeySet()) expect(disagreements(r, t), `${r.spec.from} → ${r.spec.to}`).toEqual([]);
  });

  it('says no for an index outside the journey', () => {
    const t = seedTopology();
    const r = runJourney(t, { from: 'pod1', to: 'pod3' });
    expect(hasProof(r, -1)).toBe(false);
    expect(hasProof(r, r.events.length)).toBe(false);
    // The first event is ping's own send: no command shows a program's send.
    expect(r.events[0]?.type).toBe('send');
    expect(hasProof(r, 0)).toBe(false);
  });
});
