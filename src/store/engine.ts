import type { JourneyResult, JourneySpec, NetState, Topology } from '../core';

/**
 * The two engine calls the app needs, injected into the store so tests can run the UI on a small
 * hand-written journey and the app runs it on the real simulator from `src/core`.
 */
export interface JourneyEngine {
  /** Simulate a journey; throws an Error with a readable message on bad input. */
  runJourney(topology: Topology, spec: JourneySpec): JourneyResult;
  /** Every namespace's tables after event `index` (−1: before the first event). */
  stateAt(result: JourneyResult, index: number): NetState;
}
