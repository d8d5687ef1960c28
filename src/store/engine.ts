import type { JourneyResult, JourneySpec, NetState, PartKind, Topology } from '../core';

/**
 * The two engine calls the app needs, injected into the store so tests can run the UI on a small
 * hand-written journey and the app runs it on the real simulator from `src/core`.
 */
export interface JourneyEngine {
  /** Simulate a journey; throws an Error with a readable message on bad input. */
  runJourney(topology: Topology, spec: JourneySpec): JourneyResult;
  /** Every namespace's tables after event `index` (−1: before the first event). */
  stateAt(result: JourneyResult, index: number): NetState;
  /**
   * The datapath packs `topology` needs that are not loaded yet (core/packs.ts); absent: the engine
   * needs none (a test's hand-written one). The store's gate waits for them before it runs the lab.
   */
  missingPacks?(topology: Topology): readonly PartKind[];
  /** Loads datapath packs (engine and sentences); rejects when a chunk fails to load. */
  loadPacks?(kinds: readonly PartKind[]): Promise<void>;
}
