import { useAppStore } from '../../store/StoreContext';
import { stringsOf } from './langStrings';
import type { PlayerStrings } from './strings';

/**
 * The player's texts in this app's current language: what the drawing, the controls and the
 * caption say, the only texts the embed and <packet-journey> load. Components those pages draw
 * read their texts here, never through `useStrings`, which needs the app's panels' table.
 */
export function usePlayerStrings(): PlayerStrings {
  const lang = useAppStore((s) => s.lang);
  return stringsOf(lang);
}
