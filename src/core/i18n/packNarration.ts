import type { PackNarration } from '../narrate/packMessages';
import type { PackKind } from '../sim/packs';
import { LANGS, type Lang } from './lang';
import { addLanguagePart } from './languages';
import { hasNarrator } from './narrators';
import { perLanguage, type PerLanguage } from './perLanguage';

/*
 * The narration of the datapath packs (sim/packs.ts), one pack and one language at a time: loading
 * a pack loads its sentences in every language the page holds (`loadPackNarration`), and loading a
 * language loads the sentences of every pack the page holds (a part of the language, so `setLang`
 * and the pages' first render wait for it). Node programs and tests register them all (core/allPacks.ts).
 */

type Tables = { [K in PackKind]: PerLanguage<PackNarration<K>> };

/** Each pack's sentences per language (TypeScript refuses a pack or a language without a loader). */
const TABLES: Tables = {
  vxlan: perLanguage('vxlan-narration', { en: () => import('./en/vxlanEvents').then((m) => m.vxlanEventsEn), ru: () => import('./ru/vxlanEvents').then((m) => m.vxlanEventsRu) }),
  wireguard: perLanguage('wireguard-narration', { en: () => import('./en/wgEvents').then((m) => m.wgEventsEn), ru: () => import('./ru/wgEvents').then((m) => m.wgEventsRu) }),
  ipip: perLanguage('ipip-narration', { en: () => import('./en/ipipEvents').then((m) => m.ipipEventsEn), ru: () => import('./ru/ipipEvents').then((m) => m.ipipEventsRu) }),
  ovs: perLanguage('ovs-narration', { en: () => import('./en/ovsEvents').then((m) => m.ovsEventsEn), ru: () => import('./ru/ovsEvents').then((m) => m.ovsEventsRu) }),
  bpf: perLanguage('bpf-narration', { en: () => import('./en/bpfEvents').then((m) => m.bpfEventsEn), ru: () => import('./ru/bpfEvents').then((m) => m.bpfEventsRu) }),
};

/** The packs the page holds (loaded or being loaded): a new language brings their sentences too. */
const held = new Set<PackKind>();
/** The languages asked for so far (`loadLanguage`), before their narrator has arrived. */
const asked = new Set<Lang>();

function table<K extends PackKind>(kind: K): PerLanguage<PackNarration<K>> {
  return TABLES[kind] as PerLanguage<PackNarration<K>>;
}

/** Makes pack `kind`'s sentences in `lang` available at once (Node programs and tests, through core/allPacks.ts). */
export function registerPackNarration<K extends PackKind>(kind: K, lang: Lang, sentences: PackNarration<K>): void {
  held.add(kind);
  table(kind).register(lang, sentences);
}

/** Whether pack `kind`'s sentences in `lang` are loaded. */
export function hasPackNarration(kind: PackKind, lang: Lang): boolean {
  return TABLES[kind].has(lang);
}

/** The languages a pack's sentences are needed in: every one asked for or whose narrator is here. */
function languagesHeld(): Lang[] {
  return LANGS.filter((l) => asked.has(l) || hasNarrator(l));
}

/** Whether `kinds`' sentences are here in every language the page holds. */
export function hasPacksNarration(kinds: readonly PackKind[]): boolean {
  const langs = languagesHeld();
  return kinds.every((k) => langs.every((l) => TABLES[k].has(l)));
}

/**
 * Loads `kinds`' sentences in every language the page holds, and remembers the packs so that a
 * language loaded later brings them too.
 * @throws (rejects) when a chunk fails to load; a later call tries again.
 */
export async function loadPackNarration(kinds: readonly PackKind[]): Promise<void> {
  for (const k of kinds) held.add(k);
  const langs = languagesHeld();
  await Promise.all(kinds.flatMap((k) => langs.map((l) => TABLES[k].load(l))));
}

/**
 * Pack `kind`'s sentences in `lang`.
 * @throws Error `<kind>-narration-not-loaded` when they are not loaded (the pages load a lab's packs before they run it).
 */
export function packNarrationOf<K extends PackKind>(kind: K, lang: Lang): PackNarration<K> {
  return table(kind).of(lang);
}

// A language is whole only with the sentences of every pack the page holds.
addLanguagePart({
  has: (lang) => [...held].every((k) => TABLES[k].has(lang)),
  load: async (lang) => {
    asked.add(lang);
    await Promise.all([...held].map((k) => TABLES[k].load(lang)));
  },
});
