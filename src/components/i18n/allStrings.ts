import type { Lang } from '../../store/types';
import { registerStrings } from './langStrings';
import { stringsRu } from './ru/strings';
import { stringsEn, type Strings } from './strings';

/*
 * Every language's interface texts, registered on import: for the tests, which read and render
 * both languages without waiting. The pages load one language at a time instead (langStrings.ts).
 */
registerStrings('en', stringsEn);
registerStrings('ru', stringsRu);

/** The texts of each language. */
export const STRINGS: Record<Lang, Strings> = { en: stringsEn, ru: stringsRu };
