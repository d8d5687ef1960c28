import type { JourneySpec } from '../journey';
import type { Scenario } from './scenarios';
import INDEX from './scenario-index.json';

/**
 * One scenario as the app's Scenario list shows it before the catalogue is loaded: its id, its
 * title in each language, the name of its lab (the picker recognises the scenario on screen by lab
 * name and journey) and its journey. The labs themselves stay in `scenarios.ts`, loaded on choice.
 */
export interface ScenarioEntry {
  id: string;
  title: { en: string; ru: string };
  /** `topology().name` of the scenario's lab. */
  lab: string;
  journey: JourneySpec;
}

/** The index of a catalogue, in its order (what `npm run presets` writes into scenario-index.json). */
export function indexOfScenarios(scenarios: readonly Scenario[]): ScenarioEntry[] {
  return scenarios.map((s) => ({ id: s.id, title: s.title, lab: s.topology().name, journey: s.journey }));
}

/**
 * Every scenario of `SCENARIOS`, in its order, without the labs: kept as data (`npm run presets`),
 * so the app's first page lists the scenarios for some 3 KiB of gzip instead of the catalogue's
 * labs and their builders; scenarioIndex.test.ts fails when it differs from the catalogue.
 */
export const SCENARIO_INDEX: readonly ScenarioEntry[] = INDEX as ScenarioEntry[];
