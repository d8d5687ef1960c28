import { describe, expect, it } from 'vitest';
import { validateTopology } from '../model/validate';
import { SCENARIOS } from './scenarios';
import { seedTopology } from './seed';

/*
 * The labs this code base vouches valid without checking them (model/vouch.ts: the seed lab and
 * every scenario's, vouched by seed.ts and store/presets.ts) must be valid: each is validated here
 * in full, as a copy (a copy is not vouched for, so validation walks all of it).
 */
describe('our own labs are valid, so vouching for them is true', () => {
  it('the seed lab', () => {
    expect(validateTopology(structuredClone(seedTopology()))).toEqual([]);
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('the lab of scenario %s', (_id, s) => {
    expect(validateTopology(structuredClone(s.topology()))).toEqual([]);
  });
});
