import { count, type PluralForms } from '../../core/i18n/plural';
import type { Lang } from '../../store/types';

/*
 * The notice for a link whose `?step=` is past the journey's end, in both languages at once: the app
 * keeps notices as `Bilingual` (they follow a later language switch), and builds this one before
 * the other language's texts have loaded. Each language's `STRINGS` table names it as `notices.pastEnd`.
 */

const EVENTS_EN: PluralForms = { one: 'event', other: 'events' };
const EVENTS_RU: PluralForms = { one: 'событие', few: 'события', many: 'событий', other: 'события' };

/** `?step=99` on a journey of `total` events: what opened instead, in each language. */
export const PAST_END: Record<Lang, (step: number, total: number) => string> = {
  en: (step, total) => `?step=${step}: this journey has ${count('en', total, EVENTS_EN)}; opened at the last one.`,
  ru: (step, total) => `?step=${step}: в этом пути ${count('ru', total, EVENTS_RU)}; открыто последнее.`,
};
