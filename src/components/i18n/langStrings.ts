import { addLanguagePart, perLanguage } from '../../core';
import type { Lang } from '../../store/types';
import type { PlayerStrings } from './strings';

/*
 * The player's texts, one language at a time: the English table (`strings.ts`) and the Russian
 * one (`ru/strings.ts`) are chunks of their own (the app's panels' table is another language part,
 * `panelLangStrings.ts`), so a page loads the texts of the language it
 * shows and fetches the other when the reader switches. They load with the narrator: both are a
 * part of a language (core/i18n/languages.ts), so the store's `setLang` waits for them, and the
 * pages await `loadLanguage` before their first render. Tests and Node register both at once
 * (`allStrings.ts`).
 */

/** Each language's table, fetched on demand (TypeScript refuses a language without a loader). */
const STRINGS_BY_LANG = perLanguage<PlayerStrings>('strings', {
  en: () => import('./strings').then((m) => m.stringsEn),
  ru: () => import('./ru/strings').then((m) => m.stringsRu),
});

/** Makes `lang`'s table available at once (tests and Node, through allStrings.ts). */
export const registerStrings: (lang: Lang, strings: PlayerStrings) => void = STRINGS_BY_LANG.register;

/** Whether `lang`'s table is loaded. */
export const hasStrings: (lang: Lang) => boolean = STRINGS_BY_LANG.has;

/** Loads `lang`'s table (once); resolves when its texts can be drawn. */
export const loadStrings: (lang: Lang) => Promise<void> = STRINGS_BY_LANG.load;

/**
 * The player's texts in `lang` (what every page shows; the app's panels add theirs through
 * `useStrings`, panelLangStrings.ts).
 * @throws Error `strings-not-loaded` when they are not loaded yet: the pages await `loadLanguage` (core) before they render, and the store's language switch waits for it.
 */
export const stringsOf: (lang: Lang) => PlayerStrings = STRINGS_BY_LANG.of;

addLanguagePart({ has: hasStrings, load: loadStrings });
