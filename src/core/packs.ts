import { hasPacksNarration, loadPackNarration } from './i18n/packNarration';
import type { Topology } from './model/topology';
import { hasPackTeller, loadPackTellers } from './narrate/packTellers';
import { needsValidator } from './model/vouch';
import { loadEnginePacks, missingEnginePacks, packsOf, type PackKind, type PartKind } from './sim/packs';

/*
 * The one gate of the datapath packs (sim/packs.ts): what a lab needs that is not here yet, and
 * the load of a pack's three parts: the engine's, the narrator's choice of messages
 * (narrate/packTellers.ts) and their sentences in every language the page holds (i18n/packNarration.ts). The store awaits it before it runs a lab that needs packs.
 */

export { PACK_KINDS, PacksMissingError, packsOf, type PackKind, type PartKind } from './sim/packs';

/**
 * The packs `topology` needs with a part not here yet, and `validation` first when it is a lab from
 * outside and the validator is not loaded (model/vouch.ts). Empty: it can run and be told now.
 */
export function missingPacks(topology: Topology): PartKind[] {
  const engine = missingEnginePacks(topology);
  const packs: PartKind[] = packsOf(topology).filter((k) => engine.includes(k) || !hasPackTeller(k) || !hasPacksNarration([k]));
  return needsValidator(topology) ? ['validation', ...packs] : packs;
}

/** Loads the validator: validate.ts registers itself with vouch.ts when it loads. */
async function loadValidator(): Promise<void> {
  await import('./model/validate');
}

/**
 * Loads packs `kinds`: the engine's part and the sentences in each language the page holds, side by side.
 * @throws (rejects) when a chunk fails to load (the network lost it); a later call tries again.
 */
export async function loadPacks(kinds: readonly PartKind[]): Promise<void> {
  if (kinds.length === 0) return;
  const packs = kinds.filter((k): k is PackKind => k !== 'validation');
  await Promise.all([kinds.includes('validation') ? loadValidator() : undefined, loadEnginePacks(packs), loadPackTellers(packs), loadPackNarration(packs)]);
}

/** Loads whatever packs `topology` needs (nothing when all are here). */
export function loadPacksFor(topology: Topology): Promise<void> {
  return loadPacks(missingPacks(topology));
}
