import type { NarratorCatalog } from '../narrate/catalog';
import { CATALOGS } from './catalogs';
import type { Lang } from './lang';

/** The narrator of a language, from its catalogue. */
export function narratorOf(lang: Lang): NarratorCatalog {
  return CATALOGS[lang].narrator;
}
