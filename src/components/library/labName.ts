import type { AppState } from '../../store/appState';
import { findScenario } from '../../store/presets';
import { selectOpenEntry } from '../../store/slices/shelfSlice';
import { stringsOf } from '../i18n/langStrings';

/**
 * What the lab open now is called where no kept lab names it, in the app's language: "Seed lab"
 * for the seed (the name every seed-based lab file carries; its scenarios differ by journey only),
 * the scenario's title for a scenario's own lab, or the lab's own name. A lab's first edit keeps it
 * in My labs under this name.
 */
export function labTitle(s: AppState): string {
  if (s.baseTopology.name === 'seed') return stringsOf(s.lang).library.seedLab;
  const scenario = s.preset !== null ? findScenario(s.preset) : undefined;
  return scenario ? scenario.title[s.lang] : s.baseTopology.name;
}

/** The name of the lab open now: its kept lab's, else {@link labTitle}. */
export function openLabName(s: AppState): string {
  return selectOpenEntry(s)?.name ?? labTitle(s);
}
