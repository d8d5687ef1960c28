import { useAppStore } from '../../store/StoreContext';
import { appStringsOf } from './panelLangStrings';
import type { Strings } from './strings';

/**
 * Every text of the interface in this app's current language: the player's and the app's panels'
 * (both loaded before the store shows that language on the app's pages, whose entries add the
 * panels' table to every language). Only the app's components read it: what the embed and the
 * element draw reads `usePlayerStrings`, as they never load the panels' table.
 * @throws Error `panel-strings-not-loaded` on a page that did not add the panels' table (`PANEL_STRINGS_PART`).
 */
export function useStrings(): Strings {
  const lang = useAppStore((s) => s.lang);
  return appStringsOf(lang);
}

/**
 * One of a lazy feature's own tables (`en` or `ru`, the same shape) in this app's current language:
 * the texts a chunk loads with itself rather than with the page's interface texts.
 */
export function useInLang<T>(en: T, ru: T): T {
  const lang = useAppStore((s) => s.lang);
  return lang === 'ru' ? ru : en;
}
