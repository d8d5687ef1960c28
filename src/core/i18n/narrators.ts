import type { NarratorCatalog } from '../narrate/catalog';
import type { Lang } from './lang';
import { narratorEn } from './en/narrator';
import { narratorRu } from './ru/narrator';

/** The narrator of each language the app speaks. */
export const NARRATORS: Record<Lang, NarratorCatalog> = { en: narratorEn, ru: narratorRu };
