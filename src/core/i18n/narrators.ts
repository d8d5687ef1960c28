import type { NarratorCatalog } from '../narrate/catalog';
import type { Lang } from './lang';
import { perLanguage } from './perLanguage';

/*
 * The narrator's prose, one language at a time: it is most of what the core says (every event,
 * chapter and correction), so the player's page loads only the language it shows and fetches the
 * other when the reader switches (`loadNarrator`). Node programs and tests register every language
 * at once (`./allNarrators.ts`). The other catalogues hold both languages, as bad-input errors are
 * built in both at once: request errors load with every page, the problems' sentences with what
 * raises a problem (`./catalogs.ts`), the CLI's with the trace command.
 */

/** Each language's narrator, fetched on demand (TypeScript refuses a language without a loader). */
const NARRATORS = perLanguage<NarratorCatalog>('narrator', {
  en: () => import('./en/narrator').then((m) => m.narratorEn),
  ru: () => import('./ru/narrator').then((m) => m.narratorRu),
});

/** Makes `lang`'s narrator available at once (Node programs and tests, through allNarrators.ts). */
export const registerNarrator: (lang: Lang, narrator: NarratorCatalog) => void = NARRATORS.register;

/** Whether `lang`'s narrator is loaded, so text in that language can be told now. */
export const hasNarrator: (lang: Lang) => boolean = NARRATORS.has;

/** Loads `lang`'s narrator (once); resolves when text in that language can be told. */
export const loadNarrator: (lang: Lang) => Promise<void> = NARRATORS.load;

/**
 * The narrator of a language.
 * @throws Error `narrator-not-loaded` when it is not loaded yet: await {@link loadNarrator} first (the app does before it renders).
 */
export const narratorOf: (lang: Lang) => NarratorCatalog = NARRATORS.of;
