import { seedTopology } from '../presets/seed';
import { TopologyEditError } from './editError';
import type { Topology } from './topology';
import { validateTopology } from './validate';

/*
 * What the tests of the lab edits share: a seed lab the way the store leaves it (validated, so its
 * objects are frozen and an edit that mutates throws), and the refusal an edit throws.
 */

/** The seed lab, validated (frozen): throws if it ever stops being valid. */
export function validSeed(): Topology {
  const t = seedTopology();
  const problems = validateTopology(t);
  if (problems.length > 0) throw new Error(`the seed lab is invalid: ${JSON.stringify(problems)}`);
  return t;
}

/** The TopologyEditError `edit` throws; any other error is thrown on, and an edit that succeeds fails the test. */
export function refusal(edit: () => unknown): TopologyEditError {
  try {
    edit();
  } catch (e) {
    if (e instanceof TopologyEditError) return e;
    throw e;
  }
  throw new Error('the edit was not refused');
}
