import { useAppStore } from '../../store/StoreContext';
import { STRINGS, type Strings } from './strings';

/** The interface strings in this app's current language. */
export function useStrings(): Strings {
  const lang = useAppStore((s) => s.lang);
  return STRINGS[lang];
}

/**
 * One of a lazy feature's own tables (`en` or `ru`, the same shape) in this app's current language:
 * the texts a chunk loads with itself rather than with the first page's `STRINGS`.
 */
export function useInLang<T>(en: T, ru: T): T {
  const lang = useAppStore((s) => s.lang);
  return lang === 'ru' ? ru : en;
}
