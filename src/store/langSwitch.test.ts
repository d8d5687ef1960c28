import { describe, expect, it } from 'vitest';
import { addLanguagePart, hasLanguage, loadLanguage, runJourney, seedTopology, stateAt, type LanguagePart } from '../core';
import type { Lang } from './types';
import { createAppStore } from './createAppStore';

/*
 * A language is its narrator and every per-language table registered with the core (the
 * interface's texts, components/i18n/langStrings.ts): the switch shows a language only once all of
 * it has loaded. Here a table of our own, loaded by hand, stands for one being fetched.
 */

/** A per-language table whose Russian half arrives when `arrive()` is called (or fails with `fail()`). */
function slowPart(): LanguagePart & { arrive(): void; fail(): void; asked: Lang[] } {
  const here = new Set<Lang>(['en']);
  const waiting: { resolve(): void; reject(e: Error): void; lang: Lang }[] = [];
  return {
    asked: [],
    has: (lang) => here.has(lang),
    load(lang) {
      this.asked.push(lang);
      if (here.has(lang)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => waiting.push({ resolve, reject, lang }));
    },
    arrive() {
      for (const w of waiting.splice(0)) {
        here.add(w.lang);
        w.resolve();
      }
    },
    fail() {
      for (const w of waiting.splice(0)) w.reject(new Error('chunk lost'));
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('switching language with a table still loading', () => {
  it('keeps the old language until every part of the new one is here, then switches', async () => {
    const part = slowPart();
    addLanguagePart(part);
    expect(hasLanguage('ru')).toBe(false);
    const store = createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
    store.getState().setLang('ru');
    await flush();
    expect(part.asked).toContain('ru');
    expect(store.getState()).toMatchObject({ lang: 'en', langWanted: 'ru' });
    part.arrive();
    await flush();
    expect(store.getState()).toMatchObject({ lang: 'ru', langWanted: null });
    expect(hasLanguage('ru')).toBe(true);
    // Loaded once, the language switches at once.
    store.getState().setLang('en');
    expect(store.getState().lang).toBe('en');
    store.getState().setLang('ru');
    expect(store.getState().lang).toBe('ru');
  });

  it('stays in the old language when a part fails to load, and loadLanguage says so', async () => {
    const part = slowPart();
    addLanguagePart(part);
    const store = createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
    store.getState().setLang('ru');
    const direct = loadLanguage('ru');
    await flush();
    part.fail();
    await expect(direct).rejects.toThrow('chunk lost');
    await flush();
    expect(store.getState()).toMatchObject({ lang: 'en', langWanted: null });
  });
});
