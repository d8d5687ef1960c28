import type { Bilingual } from '../core';

/** The app's two languages. */
export type Lang = 'en' | 'ru';

/** Colour theme. */
export type Theme = 'light' | 'dark';

/** Pick the text of a bilingual message in the current language. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
