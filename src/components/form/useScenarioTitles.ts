import { useCallback, useReducer } from 'react';
import type { Lang } from '../../core/i18n/lang';
import { hasScenarioTitles, scenarioTitlesOf, wantScenarioTitles, type ScenarioTitles } from '../../core/presets/scenarioTitles';

/**
 * The scenario the bare page opens on: the seed lab's default journey (pod1 → pod3, cold) is this
 * scenario's, so the picker shows its title at once from the interface's texts (`form.openingScenario`).
 */
export const OPENING_SCENARIO = 'cold-ping-pod1-pod3';

/** Props of what {@link useScenarioTitles} gives. */
export interface ScenarioTitlesHook {
  /** The titles in `lang`, or null until they have loaded. */
  titles: ScenarioTitles | null;
  /** Fetches them (once; nothing when they are here): on the list's first use, or for a scenario on screen whose title nothing else holds. */
  want: () => void;
}

/**
 * The Scenario list's titles in `lang`, loaded on first use (core/presets/scenarioTitles.ts): the
 * component re-renders when they arrive. A chunk the network lost leaves them missing; the next
 * use tries again.
 */
export function useScenarioTitles(lang: Lang): ScenarioTitlesHook {
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  const titles = hasScenarioTitles(lang) ? scenarioTitlesOf(lang) : null;
  const want = useCallback(() => {
    if (!hasScenarioTitles(lang)) wantScenarioTitles(lang).then(arrived, () => undefined);
  }, [lang]);
  return { titles, want };
}
