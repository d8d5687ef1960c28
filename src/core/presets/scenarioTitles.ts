import type { Lang } from '../i18n/lang';
import { addLanguagePart } from '../i18n/languages';

/*
 * The scenarios' titles, one language at a time (`scenario-titles.<lang>.json`, written by
 * `npm run presets` from the catalogue): the app's Scenario list shows them in the page's language,
 * so they are a part of the language (../i18n/languages.ts), loaded with the narrator and the
 * interface's texts and before a switch shows the other language. Registered by importing this
 * module: only the app's page, which has the list, loads them. Tests register them from the catalogue.
 */

/** A scenario's title by its id. */
export type ScenarioTitles = Readonly<Record<string, string>>;

/** How each language's titles are fetched: TypeScript refuses a language without them. */
const LOADERS: Record<Lang, () => Promise<ScenarioTitles>> = {
  en: () => import('./scenario-titles.en.json').then((m) => m.default),
  ru: () => import('./scenario-titles.ru.json').then((m) => m.default),
};

const loaded: Partial<Record<Lang, ScenarioTitles>> = {};

/** Makes `lang`'s titles available at once (tests, from the catalogue). */
export function registerScenarioTitles(lang: Lang, titles: ScenarioTitles): void {
  loaded[lang] = titles;
}

/** Whether `lang`'s titles are loaded. */
export function hasScenarioTitles(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/** Loads `lang`'s titles (once). */
export async function loadScenarioTitles(lang: Lang): Promise<void> {
  if (loaded[lang] === undefined) loaded[lang] = await LOADERS[lang]();
}

/**
 * The scenarios' titles in `lang`.
 * @throws Error when they are not loaded yet: the app's page awaits `loadLanguage` before it renders, and a language switch waits for it.
 */
export function scenarioTitlesOf(lang: Lang): ScenarioTitles {
  const t = loaded[lang];
  if (!t) throw new Error(`scenario-titles-not-loaded: ${lang} (await loadLanguage('${lang}') first)`);
  return t;
}

addLanguagePart({ has: hasScenarioTitles, load: loadScenarioTitles });
