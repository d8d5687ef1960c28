import type { Lang, Theme } from '../store/types';

const LANG_KEY = 'packet-journey.lang';
const THEME_KEY = 'packet-journey.theme';

/** localStorage, or null where it is unavailable (privacy modes, sandboxed iframes). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The language to start in: the one chosen before, else the browser's (Russian or English). */
export function initialLang(): Lang {
  const saved = storage()?.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'ru') return saved;
  const langs = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return langs.some((l) => l.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

/** The theme to start in: the one chosen before, else the system's. */
export function initialTheme(): Theme {
  const saved = storage()?.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Remember the language and theme for the next visit. */
export function savePreferences(p: { lang: Lang; theme: Theme }): void {
  const s = storage();
  if (!s) return;
  try {
    s.setItem(LANG_KEY, p.lang);
    s.setItem(THEME_KEY, p.theme);
  } catch {
    // A full or read-only storage only costs the user their preference.
  }
}
