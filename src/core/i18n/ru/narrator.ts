import type { NarratorCatalog } from '../../narrate/catalog';
import { eventsRu } from './events';
import { chaptersRu, correctionsRu, labelsRu, outcomeRu, ttlPathRu } from './story';
import { icmpNameRu, summaryRu } from './summary';

/** Русский рассказчик. */
export const narratorRu: NarratorCatalog = {
  locale: 'ru',
  summary: summaryRu,
  icmpName: icmpNameRu,
  kernel: (fn, modelled) => (modelled ? `(в модели — как мост Linux: ${fn})` : `(в ядре: ${fn})`),
  events: eventsRu,
  chapters: chaptersRu,
  corrections: correctionsRu,
  outcome: outcomeRu,
  ttlPath: ttlPathRu,
  labels: labelsRu,
};
