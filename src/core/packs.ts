import { hasPacksNarration, loadPackNarration } from './i18n/packNarration';
import type { Topology } from './model/topology';
import { hasPackTeller, loadPackTellers } from './narrate/packTellers';
import { loadEnginePacks, missingEnginePacks, packsOf, type PackKind } from './sim/packs';

/*
 * The one gate of the datapath packs (sim/packs.ts): what a lab needs that is not here yet, and
 * the load of a pack's three parts: the engine's, the narrator's choice of messages
 * (narrate/packTellers.ts) and their sentences in every language the page holds (i18n/packNarration.ts). The store awaits it before it runs a lab that needs packs.
 */

export { PACK_KINDS, PacksMissingError, packsOf, type PackKind } from './sim/packs';

/** The packs `topology` needs with a part not here yet (empty: it can run and be told now). */
export function missingPacks(topology: Topology): PackKind[] {
  const engine = missingEnginePacks(topology);
  return packsOf(topology).filter((k) => engine.includes(k) || !hasPackTeller(k) || !hasPacksNarration([k]));
}

/**
 * Loads packs `kinds`: the engine's part and the sentences in each language the page holds, side by side.
 * @throws (rejects) when a chunk fails to load (the network lost it); a later call tries again.
 */
export async function loadPacks(kinds: readonly PackKind[]): Promise<void> {
  if (kinds.length === 0) return;
  await Promise.all([loadEnginePacks(kinds), loadPackTellers(kinds), loadPackNarration(kinds)]);
}

/** Loads whatever packs `topology` needs (nothing when all are here). */
export function loadPacksFor(topology: Topology): Promise<void> {
  return loadPacks(missingPacks(topology));
}
