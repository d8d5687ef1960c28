import type { LanguageCatalog } from './catalog';
import type { Lang } from './lang';
import { catalogEn } from './en/index';
import { catalogRu } from './ru/index';

/**
 * The catalogue of every language the app speaks. A new language is its folder (`./<code>/`, with
 * an `index.ts` like `./en/index.ts`), its code in `LANGS` and its line here.
 */
export const CATALOGS: Record<Lang, LanguageCatalog> = { en: catalogEn, ru: catalogRu };
