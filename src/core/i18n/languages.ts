import type { Lang } from './lang';
import { hasNarrator, loadNarrator } from './narrators';

/*
 * A language as a whole: the narrator (./narrators.ts) and the other per-language tables that
 * load one language at a time, such as the interface's texts, which live in layers above the core
 * and register here (`addLanguagePart`). The store switches language only once `loadLanguage` has
 * resolved, so nothing is ever drawn or told in a language not loaded. With no part registered
 * (Node programs, the core's tests) a language is its narrator.
 */

/** One per-language table besides the narrator: whether `lang`'s is here, and how it is fetched. */
export interface LanguagePart {
  has(lang: Lang): boolean;
  load(lang: Lang): Promise<void>;
}

const parts: LanguagePart[] = [];

/** Adds a per-language table that a language needs before it is shown (registered once, on import). */
export function addLanguagePart(part: LanguagePart): void {
  if (!parts.includes(part)) parts.push(part);
}

/** Whether everything of `lang` is loaded: its narrator and every registered part. */
export function hasLanguage(lang: Lang): boolean {
  return hasNarrator(lang) && parts.every((p) => p.has(lang));
}

/**
 * Loads `lang`'s narrator and every registered part, side by side; resolves when all are here.
 * @throws (rejects) when one of them fails to load (a chunk the network lost).
 */
export async function loadLanguage(lang: Lang): Promise<void> {
  await Promise.all([loadNarrator(lang), ...parts.map((p) => p.load(lang))]);
}
