import type { Lang } from './lang';

/*
 * A table that exists once per language and loads one language at a time (the narrator, the
 * interface's texts, the scenarios' titles): each is a chunk of its own, fetched when a page shows
 * that language, or registered at once by Node programs and tests. One implementation for all of
 * them, so they load, wait and fail alike.
 */

/** One language's table of a kind, loaded on demand: see {@link perLanguage}. */
export interface PerLanguage<T> {
  /** Makes `lang`'s table available at once (tests and Node programs). */
  register(lang: Lang, table: T): void;
  /** Whether `lang`'s table is loaded. */
  has(lang: Lang): boolean;
  /**
   * Loads `lang`'s table (once); resolves when it can be read.
   * @throws (rejects) when its chunk fails to load (the network lost it); a later call tries again.
   */
  load(lang: Lang): Promise<void>;
  /**
   * `lang`'s table.
   * @throws Error `<name>-not-loaded: <lang>` when it is not loaded yet (await `load`, or the core's `loadLanguage`, first).
   */
  of(lang: Lang): T;
}

/**
 * A per-language table named `name` (used in the not-loaded error), fetched by `loaders` (one per
 * language: TypeScript refuses a language without one).
 */
export function perLanguage<T>(name: string, loaders: Readonly<Record<Lang, () => Promise<T>>>): PerLanguage<T> {
  const loaded: Partial<Record<Lang, T>> = {};
  return {
    register(lang, table) {
      loaded[lang] = table;
    },
    has: (lang) => loaded[lang] !== undefined,
    async load(lang) {
      if (loaded[lang] === undefined) loaded[lang] = await loaders[lang]();
    },
    of(lang) {
      const t = loaded[lang];
      if (t === undefined) throw new Error(`${name}-not-loaded: ${lang} (await loadLanguage('${lang}') first)`);
      return t;
    },
  };
}
