import type { NarratorCatalog } from '../narrate/catalog';
import type { Lang } from './lang';

/*
 * The narrator's prose, one language at a time: it is most of what the core says (every event,
 * chapter and correction), so the player's page loads only the language it shows and fetches the
 * other when the reader switches (`loadNarrator`). Node programs and tests register every language
 * at once (`./allNarrators.ts`). The other catalogues hold both languages, as bad-input errors are
 * built in both at once: request errors load with every page, the problems' sentences with what
 * raises a problem (`./catalogs.ts`), the CLI's with the trace command.
 */

/** How each language's narrator is fetched: TypeScript refuses a language without one. */
const LOADERS: Record<Lang, () => Promise<NarratorCatalog>> = {
  en: () => import('./en/narrator').then((m) => m.narratorEn),
  ru: () => import('./ru/narrator').then((m) => m.narratorRu),
};

const loaded: Partial<Record<Lang, NarratorCatalog>> = {};

/** Makes `lang`'s narrator available at once (Node programs and tests, through allNarrators.ts). */
export function registerNarrator(lang: Lang, narrator: NarratorCatalog): void {
  loaded[lang] = narrator;
}

/** Whether `lang`'s narrator is loaded, so text in that language can be told now. */
export function hasNarrator(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/** Loads `lang`'s narrator (once); resolves when text in that language can be told. */
export async function loadNarrator(lang: Lang): Promise<void> {
  if (loaded[lang] === undefined) loaded[lang] = await LOADERS[lang]();
}

/**
 * The narrator of a language.
 * @throws Error when it is not loaded yet: await {@link loadNarrator} first (the app does before it renders).
 */
export function narratorOf(lang: Lang): NarratorCatalog {
  const n = loaded[lang];
  if (!n) throw new Error(`narrator-not-loaded: ${lang} (await loadNarrator('${lang}') first)`);
  return n;
}
