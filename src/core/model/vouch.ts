import type { Problem } from '../i18n/problems';
import type { Topology } from './topology';

/*
 * Labs valid by construction, and the validator as a part loaded on demand. Validation
 * (validate.ts, validateFacts.ts: some 4 KiB of gzip) is for labs from outside (a file, a link, a
 * paste, storage, an import, the editor's edits). The labs this code base builds itself (the seed
 * lab, the scenarios, generated clusters: every one validated by tests) are vouched for, so a page
 * that shows only those never loads the validator; runJourney asks for it only for a lab that is
 * not vouched (core/packs.ts loads it like a datapath pack, as `validation`).
 */

/** Labs our own builders made: the machine and segment lists they were made with. */
const vouched = new WeakMap<object, { machines: readonly unknown[]; segments: readonly unknown[] }>();

/**
 * Marks `t`, just built by one of this code base's own builders (the seed lab, a scenario's,
 * `generateCluster`), as valid without checking it: its first journey then skips the walk over
 * every namespace (a second at Kubernetes' 150,000 pods) and needs no validator, and validation
 * records it as the last valid lab, so that an edit of a few machines is checked as usual (the
 * quick path). Never for a lab from outside (a file, a link, a paste, storage): those are validated
 * in full. Freezes the lab's top level and its machine and segment lists, as validation would.
 * Returns `t`.
 */
export function vouchValid<T extends Topology>(t: T): T {
  Object.freeze(t.machines);
  Object.freeze(t.segments);
  vouched.set(Object.freeze(t), { machines: t.machines, segments: t.segments });
  return t;
}

/** The lists `input` was vouched with, if it is a vouched lab still holding them; else undefined. */
export function vouchedLists(input: object): { machines: readonly unknown[]; segments: readonly unknown[] } | undefined {
  const v = vouched.get(input);
  const lab = input as { machines?: unknown; segments?: unknown };
  return v && v.machines === lab.machines && v.segments === lab.segments ? v : undefined;
}

/** The validator: every error Linux would refuse in `input` (validate.ts's `validateTopology`). */
export type Validator = (input: unknown) => Problem[];

let validator: Validator | null = null;

/** Registers the validator (validate.ts does when it loads). */
export function registerValidator(v: Validator): void {
  validator = v;
}

/** Whether running `t` needs the validator that is not loaded yet (false for a vouched lab). */
export function needsValidator(t: Topology): boolean {
  return validator === null && vouchedLists(t) === undefined;
}

/**
 * The errors that stop `t` from running: none for a vouched lab, else the validator's.
 * @returns null when `t` needs the validator and it is not loaded (load `./validate` first).
 */
export function runProblems(t: Topology): Problem[] | null {
  if (vouchedLists(t)) return [];
  return validator ? validator(t) : null;
}
