import { addLanguagePart } from '../../core';
import type { Lang } from '../../store/types';
import type { Strings } from './strings';

/*
 * The interface's texts, one language at a time: the English table (`strings.ts`) and the Russian
 * one (`ru/strings.ts`) are chunks of their own, so a page loads the texts of the language it
 * shows and fetches the other when the reader switches. They load with the narrator: both are a
 * part of a language (core/i18n/languages.ts), so the store's `setLang` waits for them, and the
 * pages await `loadLanguage` before their first render. Tests and Node register both at once
 * (`allStrings.ts`).
 */

/** How each language's table is fetched: TypeScript refuses a language without one. */
const LOADERS: Record<Lang, () => Promise<Strings>> = {
  en: () => import('./strings').then((m) => m.stringsEn),
  ru: () => import('./ru/strings').then((m) => m.stringsRu),
};

const loaded: Partial<Record<Lang, Strings>> = {};

/** Makes `lang`'s table available at once (tests and Node, through allStrings.ts). */
export function registerStrings(lang: Lang, strings: Strings): void {
  loaded[lang] = strings;
}

/** Whether `lang`'s table is loaded. */
export function hasStrings(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/** Loads `lang`'s table (once); resolves when its texts can be drawn. */
export async function loadStrings(lang: Lang): Promise<void> {
  if (loaded[lang] === undefined) loaded[lang] = await LOADERS[lang]();
}

/**
 * The interface's texts in `lang`.
 * @throws Error when they are not loaded yet: the pages await `loadLanguage` (core) before they render, and the store's language switch waits for it.
 */
export function stringsOf(lang: Lang): Strings {
  const s = loaded[lang];
  if (!s) throw new Error(`strings-not-loaded: ${lang} (await loadLanguage('${lang}') first)`);
  return s;
}

addLanguagePart({ has: hasStrings, load: loadStrings });
