import type { Lang } from '../../store/types';
import { registerStrings } from './langStrings';
import { mergeStrings, registerPanelStrings } from './panelLangStrings';
import { panelStringsEn } from './panelStrings';
import { panelStringsRu } from './ru/panelStrings';
import { stringsRu } from './ru/strings';
import { stringsEn, type Strings } from './strings';

/*
 * Every language's interface texts, registered on import: for the tests, which read and render
 * both languages without waiting. The pages load one language at a time instead (langStrings.ts).
 */
registerStrings('en', stringsEn);
registerStrings('ru', stringsRu);
registerPanelStrings('en', panelStringsEn);
registerPanelStrings('ru', panelStringsRu);

/** The texts of each language: the player's table and the panels', as `useStrings` reads them. */
export const STRINGS: Record<Lang, Strings> = { en: mergeStrings(stringsEn, panelStringsEn), ru: mergeStrings(stringsRu, panelStringsRu) };
