import { describe, expect, it } from 'vitest';
import { seedTopology } from '../../core';
import { SCENARIO_INDEX } from '../../core/presets/scenarioIndex';
import { SCENARIOS } from '../../core/presets/scenarios';
import { defaultSpec } from '../../store/defaultSpec';
import { sameJourney } from '../../store/specDraft';
import { STRINGS } from '../i18n/allStrings';
import { OPENING_SCENARIO } from './useScenarioTitles';

/*
 * The bare page shows the Scenario list with the scenario on screen before the titles' file has
 * loaded: that scenario's title must be in the interface's texts, in the catalogue's words.
 */
describe('the opening scenario', () => {
  it('is the scenario the bare page opens on: the seed lab with its default journey', () => {
    const seed = seedTopology();
    const spec = defaultSpec(seed);
    expect(SCENARIO_INDEX.find((s) => s.lab === seed.name && sameJourney(s.journey, spec))?.id).toBe(OPENING_SCENARIO);
  });

  it('has its title in the interface’s texts of both languages, as the catalogue words it', () => {
    const s = SCENARIOS.find((x) => x.id === OPENING_SCENARIO);
    expect(s).toBeDefined();
    for (const lang of ['en', 'ru'] as const) expect(STRINGS[lang].form.openingScenario).toBe(s?.title[lang]);
  });
});
