import { describe, expect, it } from 'vitest';
import { GLOSSARY_RU } from '../../core/i18n/ru/glossary';
import { IMPORT_EN, IMPORT_RU } from './importStrings';
import { ON_DEMAND_EN } from './onDemandStrings';
import { ON_DEMAND_RU } from './ru/onDemandStrings';

/*
 * The import dialog's texts load with the dialog, apart from `STRINGS`: the rules of
 * strings.test.ts hold for them too (one shape, the glossary, Latin in Russian only for the tools'
 * own words, no Cyrillic in English). The placeholder is a sample of the tools' output, not prose.
 */

function texts(t: typeof IMPORT_EN): { key: string; text: string }[] {
  return Object.entries(t).flatMap(([key, v]) => {
    if (key === 'placeholder') return [];
    if (typeof v === 'string') return [{ key, text: v }];
    return [{ key, text: String((v as (...a: unknown[]) => unknown)(...(key === 'counts' ? [3, 2, 11, 1] : ['minikube']))) }];
  });
}

const LATIN_OK = new Set(['kubectl', 'minikube', 'ip', 'j', 'bridge', 'fdb', 'addr', 'route', 'neigh', 'get', 'nodes', 'pods', 'ds', 'o', 'wide', 'A', 'json', 'node', 'list', 'NODE', 'NAME', 'JSON', 'hostNetwork']);

describe('the import dialog\'s texts', () => {
  it('have one shape in both languages', () => {
    const kinds = (t: object) => Object.entries(t).map(([k, v]) => `${k}:${typeof v}`);
    expect(kinds(IMPORT_RU)).toEqual(kinds(IMPORT_EN));
    expect([...texts(IMPORT_EN), ...texts(IMPORT_RU)].filter(({ text }) => /undefined|NaN/.test(text))).toEqual([]);
  });

  it('English has no Cyrillic; Russian follows the glossary with Latin only for the tools\' words', () => {
    expect(texts(IMPORT_EN).filter(({ text }) => /[а-яё]/i.test(text))).toEqual([]);
    const ru = [...texts(IMPORT_RU), { key: 'button', text: ON_DEMAND_RU.library.importCluster }, { key: 'help', text: ON_DEMAND_RU.library.importClusterHelp }];
    for (const { key, text } of ru) {
      for (const g of GLOSSARY_RU) expect(text, `${key} (${g.concept})`).not.toMatch(g.avoid);
      expect(text, key).not.toMatch(/шаг/i);
    }
    const bad = ru.flatMap(({ key, text }) => (text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((w) => !LATIN_OK.has(w)).map((w) => `${key}: ${w}`));
    expect(bad).toEqual([]);
    expect(ON_DEMAND_EN.library.importCluster).toBe('Import a cluster…');
  });
});
