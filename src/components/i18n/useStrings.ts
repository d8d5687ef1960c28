import { use } from 'react';
import { useAppStore } from '../../store/StoreContext';
import { appStringsOf, hasPanelStrings, loadPanelStrings } from './panelLangStrings';
import type { Strings } from './strings';

/**
 * Every text of the interface in this app's current language: the player's and the app's panels'
 * (loaded before the store shows that language, as importing this module makes the panels' table a
 * part of every language). A component of a page that never loaded them (a lazy chunk in the embed)
 * waits for them in its Suspense boundary rather than failing.
 */
export function useStrings(): Strings {
  const lang = useAppStore((s) => s.lang);
  if (!hasPanelStrings(lang)) use(loadPanelStrings(lang));
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
