import { useAppStore } from '../../store/StoreContext';
import { stringsOf } from './langStrings';
import type { Strings } from './strings';

/** The interface strings in this app's current language (loaded before the store shows that language). */
export function useStrings(): Strings {
  const lang = useAppStore((s) => s.lang);
  return stringsOf(lang);
}

/**
 * One of a lazy feature's own tables (`en` or `ru`, the same shape) in this app's current language:
 * the texts a chunk loads with itself rather than with the page's interface texts.
 */
export function useInLang<T>(en: T, ru: T): T {
  const lang = useAppStore((s) => s.lang);
  return lang === 'ru' ? ru : en;
}
