import type { Lang } from '../i18n/lang';
import { addLanguagePart } from '../i18n/languages';
import { perLanguage } from '../i18n/perLanguage';

/*
 * The scenarios' titles, one language at a time (`scenario-titles.<lang>.json`, written by
 * `npm run presets` from the catalogue): the app's Scenario list shows them in the page's language.
 * They load when the list is first used ({@link wantScenarioTitles}: the first page shows only the
 * title of the scenario on screen, which the interface's texts or the catalogue already hold), and
 * from then on they are a part of the language (../i18n/languages.ts): a switch shows the other
 * language only once its titles are here too. Tests register them from the catalogue.
 */

/** A scenario's title by its id. */
export type ScenarioTitles = Readonly<Record<string, string>>;

/** Each language's titles, fetched on demand (TypeScript refuses a language without a loader). */
const TITLES = perLanguage<ScenarioTitles>('scenario-titles', {
  en: () => import('./scenario-titles.en.json').then((m) => m.default),
  ru: () => import('./scenario-titles.ru.json').then((m) => m.default),
});

/** Makes `lang`'s titles available at once (tests, from the catalogue). */
export const registerScenarioTitles: (lang: Lang, titles: ScenarioTitles) => void = TITLES.register;

/** Whether `lang`'s titles are loaded. */
export const hasScenarioTitles: (lang: Lang) => boolean = TITLES.has;

/** Loads `lang`'s titles (once). */
export const loadScenarioTitles: (lang: Lang) => Promise<void> = TITLES.load;

/**
 * The scenarios' titles in `lang`.
 * @throws Error `scenario-titles-not-loaded` when they are not loaded yet: the app's page awaits `loadLanguage` before it renders, and a language switch waits for it.
 */
export const scenarioTitlesOf: (lang: Lang) => ScenarioTitles = TITLES.of;

/** The titles as a part of the language, once the list has been used. */
const PART = { has: hasScenarioTitles, load: loadScenarioTitles };

/**
 * Loads `lang`'s titles for the Scenario list's first use, and makes them a part of the language
 * from then on, so a later switch of language waits for the other language's titles as well.
 * @throws (rejects) when the chunk fails to load; a later call tries again.
 */
export function wantScenarioTitles(lang: Lang): Promise<void> {
  addLanguagePart(PART);
  return loadScenarioTitles(lang);
}
