import { useAppStore } from '../../store/StoreContext';
import { STRINGS, type Strings } from './strings';

/** The interface strings in this app's current language. */
export function useStrings(): Strings {
  const lang = useAppStore((s) => s.lang);
  return STRINGS[lang];
}
