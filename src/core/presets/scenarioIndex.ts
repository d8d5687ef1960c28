import type { Lang } from '../i18n/lang';
import type { JourneySpec } from '../journey';
import type { Scenario } from './scenarios';
import INDEX from './scenario-index.json';

/**
 * One scenario as the app's Scenario list shows it before the catalogue is loaded: its id, the
 * name of its lab (the picker recognises the scenario on screen by lab name and journey) and its
 * journey. Its title is in the language's own file (`scenario-titles.<lang>.json`, loaded with the
 * language: `scenarioTitles.ts`); the labs stay in `scenarios.ts`, loaded on choice.
 */
export interface ScenarioEntry {
  id: string;
  /** `topology().name` of the scenario's lab. */
  lab: string;
  journey: JourneySpec;
}

/** The index of a catalogue, in its order (what `npm run presets` writes into scenario-index.json). */
export function indexOfScenarios(scenarios: readonly Scenario[]): ScenarioEntry[] {
  return scenarios.map((s) => ({ id: s.id, lab: s.topology().name, journey: s.journey }));
}

/** Each scenario's title in `lang`, by id, in the catalogue's order (what `npm run presets` writes into scenario-titles.<lang>.json). */
export function titlesOfScenarios(scenarios: readonly Scenario[], lang: Lang): Record<string, string> {
  return Object.fromEntries(scenarios.map((s) => [s.id, s.title[lang]]));
}

/**
 * Every scenario of `SCENARIOS`, in its order, without the labs: kept as data (`npm run presets`),
 * so the app's first page lists the scenarios for some 1.5 KiB of gzip (and their titles in its language) instead of the catalogue's
 * labs and their builders; scenarioIndex.test.ts fails when it differs from the catalogue.
 */
export const SCENARIO_INDEX: readonly ScenarioEntry[] = INDEX as ScenarioEntry[];
