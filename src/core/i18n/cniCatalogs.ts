import type { CniCatalog } from '../narrate/cniCatalog';
import { cniEn } from './en/cni';
import type { Lang } from './lang';
import { cniRu } from './ru/cni';

/**
 * The CNI story's catalogue of every language (a new language adds its `./<code>/cni.ts` here).
 * Kept out of the core's main catalogue so it loads only with the CNI story.
 */
export const CNI_CATALOGS: Readonly<Record<Lang, CniCatalog>> = { en: cniEn, ru: cniRu };
