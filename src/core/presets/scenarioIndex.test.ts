import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/lang';
import { indexOfScenarios, SCENARIO_INDEX, titlesOfScenarios } from './scenarioIndex';
import { loadScenarioTitles, scenarioTitlesOf } from './scenarioTitles';
import { SCENARIOS } from './scenarios';

describe('the scenarios’ index kept as data', () => {
  it('lists every scenario of the catalogue with its lab name and journey (else run `npm run presets`)', () => {
    expect(SCENARIO_INDEX).toEqual(indexOfScenarios(SCENARIOS));
  });

  it('keeps each language’s titles in a file of their own, as the catalogue has them (else run `npm run presets`)', async () => {
    for (const lang of LANGS) {
      const file = (await import(`./scenario-titles.${lang}.json`)) as { default: Record<string, string> };
      expect(file.default).toEqual(titlesOfScenarios(SCENARIOS, lang));
      expect(Object.keys(file.default)).toEqual(SCENARIOS.map((s) => s.id));
      // What the page loads with the language is that file.
      await loadScenarioTitles(lang);
      expect(scenarioTitlesOf(lang)['cold-ping-pod1-pod3']).toBe(SCENARIOS.find((s) => s.id === 'cold-ping-pod1-pod3')?.title[lang]);
    }
    expect(scenarioTitlesOf('ru')['cold-ping-pod1-pod3']).toMatch(/[а-яё]/);
  });

  it('names each scenario’s lab as its topology does', () => {
    const seedPing = SCENARIO_INDEX.find((s) => s.id === 'cold-ping-pod1-pod3');
    expect(seedPing).toMatchObject({ lab: 'seed', journey: { from: 'pod1', to: 'pod3' } });
    expect(SCENARIO_INDEX.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
  });
});
