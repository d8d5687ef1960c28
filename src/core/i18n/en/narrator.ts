import type { NarratorCatalog } from '../../narrate/catalog';
import { eventsEn } from './events';
import { chaptersEn, correctionsEn, labelsEn, outcomeEn, ttlPathEn } from './story';
import { icmpNameEn, summaryEn } from './summary';

/** The English narrator. */
export const narratorEn: NarratorCatalog = {
  locale: 'en',
  summary: summaryEn,
  icmpName: icmpNameEn,
  kernel: (fn, modelled) => (modelled ? `(modelled like a Linux bridge: ${fn})` : `(kernel: ${fn})`),
  events: eventsEn,
  chapters: chaptersEn,
  corrections: correctionsEn,
  outcome: outcomeEn,
  ttlPath: ttlPathEn,
  labels: labelsEn,
};
