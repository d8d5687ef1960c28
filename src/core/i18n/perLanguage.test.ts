import { describe, expect, it } from 'vitest';
import { perLanguage } from './perLanguage';

describe('perLanguage', () => {
  it('loads a language once, on demand, and refuses to read one not loaded', async () => {
    const calls: string[] = [];
    const table = perLanguage<{ hello: string }>('greetings', {
      en: () => (calls.push('en'), Promise.resolve({ hello: 'hello' })),
      ru: () => (calls.push('ru'), Promise.resolve({ hello: 'привет' })),
    });
    expect(table.has('ru')).toBe(false);
    expect(() => table.of('ru')).toThrow("greetings-not-loaded: ru (await loadLanguage('ru') first)");
    await table.load('ru');
    await table.load('ru');
    expect(calls).toEqual(['ru']);
    expect(table.of('ru').hello).toBe('привет');
    expect(table.has('en')).toBe(false);
  });

  it('takes a registered table without fetching, and tries again after a failed fetch', async () => {
    let fail = true;
    const table = perLanguage<string>('words', {
      en: () => (fail ? Promise.reject(new Error('chunk lost')) : Promise.resolve('fetched')),
      ru: () => Promise.reject(new Error('never fetched')),
    });
    table.register('ru', 'registered');
    await table.load('ru');
    expect(table.of('ru')).toBe('registered');
    await expect(table.load('en')).rejects.toThrow('chunk lost');
    expect(table.has('en')).toBe(false);
    fail = false;
    await table.load('en');
    expect(table.of('en')).toBe('fetched');
  });
});
