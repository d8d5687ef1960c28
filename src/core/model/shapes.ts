import type { Problem } from '../i18n/problems';

/*
 * The shape checks of a topology (the zod schema's, ./schema.ts) as validation calls them, kept
 * apart so that validation and the engine do not load zod: the schema registers itself when it is
 * imported. Every way untrusted input enters imports it first (readLabFile and the lab links, the
 * editor, the cluster import, tests and the Node tools); a page that shows only labs this code built
 * (the seed, the scenarios, generated clusters) never needs it, and validates them without the
 * shape step (they fit it: the presets' tests validate them with the schema loaded).
 */

/** The schema's checks of the topology's top level, one machine's own fields, one pod. */
export interface ShapeChecks {
  topology(value: unknown): Problem[];
  machine(value: unknown): Problem[];
  pod(value: unknown): Problem[];
}

let checks: ShapeChecks | null = null;

/** Called by ./schema.ts when it loads. */
export function registerShapeChecks(c: ShapeChecks): void {
  checks = c;
}

/** Whether the schema is loaded, so validation checks shapes too. */
export function shapeChecksLoaded(): boolean {
  return checks !== null;
}

/** What the schema finds wrong in `value` as one `kind` (paths relative to it); empty before the schema is loaded. */
export function shapeProblems(kind: keyof ShapeChecks, value: unknown): Problem[] {
  return checks ? checks[kind](value) : [];
}
