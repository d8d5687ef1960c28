import type { LanguageCatalog } from './catalog';
import type { Lang } from './lang';
import { catalogEn } from './en/index';
import { catalogRu } from './ru/index';
import { registerProblemCatalogs } from './problems';

/**
 * The catalogue of every language the app speaks. A new language is its folder (`./<code>/`, with
 * an `index.ts` like `./en/index.ts`), its code in `LANGS` and its line here.
 */
export const CATALOGS: Record<Lang, LanguageCatalog> = { en: catalogEn, ru: catalogRu };

// Importing this module gives formatProblem its sentences (see registerProblemCatalogs): the zod
// schema and TopologyEditError import it, the pages' first loads do not.
registerProblemCatalogs(CATALOGS);
