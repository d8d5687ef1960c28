import type { Scenario } from '../core';
import { vouchValid } from '../core/model/vouch';

/*
 * The kernel-verified scenarios' catalogue (`core/presets/scenarios.ts`): their labs are some
 * 10 KiB of gzip JavaScript, so the embed and the <packet-journey> element load it only when one is
 * asked for (`?preset=`, the `preset` attribute, a `load` command), before they read what asks.
 * The app's page lists them from their index (`core/presets/scenarioIndex.ts`) and loads the
 * catalogue when one is chosen, or before its first paint when the address names one. Tests and
 * the offline page register it at once (test-setup.ts, player.tsx).
 */

let catalog: readonly Scenario[] | null = null;

/**
 * The catalogue with each lab vouched valid as it is built (core/model/vouch.ts): the scenarios'
 * labs are our own, every one validated by tests (`presetsValid.test.ts`), so opening one never
 * loads the validator.
 */
function vouched(list: readonly Scenario[]): readonly Scenario[] {
  return list.map((s) => ({ ...s, topology: () => vouchValid(s.topology()) }));
}

/** Makes the scenarios available at once (the app's page, the offline page, tests). */
export function registerScenarios(list: readonly Scenario[]): void {
  catalog = vouched(list);
}

/** Whether the catalogue is here, so {@link findScenario} knows every scenario. */
export function hasScenarios(): boolean {
  return catalog !== null;
}

/** Loads the catalogue (once); resolves when {@link findScenario} knows every scenario. */
export async function loadScenarios(): Promise<void> {
  if (catalog === null) catalog = vouched((await import('../core/presets/scenarios')).SCENARIOS);
}

/**
 * Runs `then` with every scenario known: at once when the catalogue is here (so a choice made
 * after it loaded acts in the same event, as tests expect), else once it has loaded; a catalogue
 * that fails to load leaves the choice undone.
 */
export function withScenarios(then: () => void): void {
  if (catalog !== null) then();
  else loadScenarios().then(then, () => undefined);
}

/** Loads the catalogue when the link parameters in `search` (`?preset=…`) ask for a scenario; resolves at once otherwise. */
export function loadScenariosFor(search: string): Promise<void> {
  return new URLSearchParams(search).has('preset') ? loadScenarios() : Promise.resolve();
}

/**
 * The kernel-verified scenario with this id (`?preset=` in links, the scenario picker), or
 * undefined, which it also is before the catalogue is loaded: read a `preset` only after
 * {@link loadScenarios} (or {@link loadScenariosFor}) resolved. Each call of its `topology()` builds
 * a fresh lab, so loading one never shares objects with another app on the page.
 */
export function findScenario(id: string): Scenario | undefined {
  return catalog?.find((s) => s.id === id);
}
