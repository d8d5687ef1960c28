/**
 * The languages the app speaks. Adding one means adding its catalogue folder (`./<code>/`) and its
 * line in `catalogs.ts`; everything else (the narrator, errors, the CLI) reads from the catalogue.
 */
export const LANGS = ['en', 'ru'] as const;

/** A language code (BCP 47), also the key of its catalogue. */
export type Lang = (typeof LANGS)[number];

/** Whether a string names a language the app speaks. */
export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** A text in every language the app speaks (what a bad-input error carries). */
export type Texts = Record<Lang, string>;
