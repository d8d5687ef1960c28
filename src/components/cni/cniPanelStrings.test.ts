import { describe, expect, it } from 'vitest';
import { GLOSSARY_RU } from '../../core/i18n/ru/glossary';
import { CNI_PANEL_EN, CNI_PANEL_RU } from './cniPanelStrings';

/*
 * The CNI story panel's texts load with the panel, apart from `STRINGS`: the same rules as the
 * UI strings (strings.test.ts) hold for them: one shape in both languages, Latin in Russian only
 * for technical tokens, the glossary, events not steps, no Cyrillic in English.
 */

/** Arguments each function text is called with. */
const SAMPLES: Record<string, unknown[][]> = { heading: [['ADD', 'pod1', 'node1']], counter: [[3, 21]], exitCode: [[1]], calledBy: [[''], ['flannel']], offer: [['pod5']] };

/** Every text of a table: strings, and functions called with their sample arguments. */
function texts(node: object): { path: string; text: string }[] {
  return Object.entries(node).flatMap(([k, v]) => {
    if (typeof v === 'string') return [{ path: k, text: v }];
    if (typeof v === 'function') return (SAMPLES[k] ?? [[]]).map((args) => ({ path: k, text: String((v as (...a: unknown[]) => unknown)(...args)) }));
    return [];
  });
}

/** The spec's operations, variables and streams, the plugins and paths by their own names. */
const LATIN_OK = new Set(['CNI', 'ADD', 'DEL', 'CHECK', 'stdin', 'stdout', 'etc', 'cni', 'net', 'd', 'pod1', 'pod5', 'node1', 'flannel']);

describe('the CNI panel texts', () => {
  const en = texts(CNI_PANEL_EN);
  const ru = texts(CNI_PANEL_RU);

  it('have the same keys and kinds in both languages', () => {
    const kinds = (t: object) => Object.entries(t).map(([k, v]) => `${k}:${typeof v}`);
    expect(kinds(CNI_PANEL_RU)).toEqual(kinds(CNI_PANEL_EN));
    // Every function has its sample arguments, so no text below is read with missing ones.
    expect(Object.entries(CNI_PANEL_EN).filter(([k, v]) => typeof v === 'function' && !SAMPLES[k]).map(([k]) => k)).toEqual([]);
    expect([...en, ...ru].filter(({ text }) => /undefined|NaN/.test(text))).toEqual([]);
  });

  it('Russian: Latin only for technical tokens, the glossary, events not steps', () => {
    const bad = ru.flatMap(({ path, text }) => (text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((w) => !LATIN_OK.has(w)).map((w) => `${path}: ${w}`));
    expect(bad).toEqual([]);
    for (const { path, text } of ru) {
      for (const g of GLOSSARY_RU) expect(text, `${path} (${g.concept})`).not.toMatch(g.avoid);
      expect(text, path).not.toMatch(/шаг/i);
    }
    expect(CNI_PANEL_RU.counter(3, 21)).toBe('Событие 3 из 21');
  });

  it('English has no Cyrillic', () => {
    expect(en.filter(({ text }) => /[а-яё]/i.test(text)).map(({ path }) => path)).toEqual([]);
    expect(CNI_PANEL_EN.calledBy('')).toBe('run by the runtime');
    expect(CNI_PANEL_EN.calledBy('flannel')).toBe('run by flannel');
  });
});
