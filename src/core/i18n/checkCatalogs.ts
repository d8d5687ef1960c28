import { checksEn } from './en/checks';
import type { Lang } from './lang';
import type { CheckCatalog } from './problems';
import { checksRu } from './ru/checks';

/** The design checks' catalogue of every language (a new language adds its `./<code>/checks.ts` here). */
export const CHECK_CATALOGS: Readonly<Record<Lang, CheckCatalog>> = { en: checksEn, ru: checksRu };
