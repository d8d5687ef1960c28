import type { JourneyResult } from '../journey';
import type { Lang } from '../i18n/lang';
import { narratorOf } from '../i18n/narrators';
import { packNarrationOf } from '../i18n/packNarration';
import { packOfMsg } from './packMessages';
import { chaptersOf } from './chapters';
import { outcomeOf } from './outcome';
import type { StoryChapter, OutcomeFacts } from './story';
import { messageOf } from './tellEvent';
import type { Headers, Told } from './messages';

export type { StoryChapter, OutcomeFacts, ChapterFacts, CorrectionFacts, CorrectionCode } from './story';
export type { NarratorCatalog } from './catalog';

/** How much the narrator says: one line for a projector, or the reasons and the kernel function too. */
export type Level = 'short' | 'detailed';

/** A chapter as told in one language. */
export interface ToldChapter {
  n: number;
  /** Index of the chapter's first event in the log. */
  start: number;
  kind: StoryChapter['facts']['kind'];
  title: string;
  /** Where the course notes simplify, what Linux really does (only when it happened here). */
  correction?: string;
}

/** The language-free story of a journey (chapters with their facts, outcome facts), cached per result. */
export interface Story {
  chapters: StoryChapter[];
  outcome: OutcomeFacts;
}

const stories = new WeakMap<JourneyResult, Story>();

/** The story of a journey: computed once per result object, from its events alone. */
export function storyOf(result: JourneyResult): Story {
  let s = stories.get(result);
  if (!s) {
    s = { chapters: chaptersOf(result), outcome: outcomeOf(result) };
    stories.set(result, s);
  }
  return s;
}

/**
 * Tells event `index` of a journey in `lang`: one line at the `short` level; with `detailed`, the
 * reason and the kernel function as well. Throws a RangeError for an index outside the log.
 */
export function tellEvent(result: JourneyResult, index: number, lang: Lang, level: Level = 'detailed'): string {
  const cat = narratorOf(lang);
  const { msg, fn } = messageOf(result, index);
  // A datapath pack's message is told by the pack's own sentences (loaded with the pack).
  const pack = packOfMsg(msg.k);
  const table = pack === null ? cat.events : packNarrationOf(pack, lang);
  const told = ((table as Record<string, unknown>)[msg.k] as (m: typeof msg) => Told)(msg);
  if (level === 'short') return told.short;
  // No function to cite for the engine's own limit (a halt).
  const cite = fn ? ` ${cat.kernel(fn, msg.k.startsWith('seg-'))}` : '';
  return told.why ? `${told.short} ${told.why}${cite}` : `${told.short}${cite}`;
}

/** The journey's chapters told in `lang`; corrections in two lines at the `short` level. */
export function tellChapters(result: JourneyResult, lang: Lang, level: Level = 'detailed'): ToldChapter[] {
  const cat = narratorOf(lang);
  return storyOf(result).chapters.map((c) => {
    const title = (cat.chapters[c.facts.kind] as (f: typeof c.facts) => string)(c.facts);
    const told: ToldChapter = { n: c.n, start: c.start, kind: c.facts.kind, title };
    if (c.correction) {
      const text = cat.corrections[c.correction.code](c.correction);
      told.correction = level === 'short' ? text.short : text.long;
    }
    return told;
  });
}

/** How the journey ended, in `lang`: the outcome line, then the TTL path when the packet was routed. */
export function tellOutcome(result: JourneyResult, lang: Lang): string {
  const cat = narratorOf(lang);
  const o = storyOf(result).outcome;
  const line = cat.outcome(o);
  return o.ttl && o.ttl.hops.length > 0 ? `${line} ${cat.ttlPath(o.ttl)}` : line;
}

/** The text labels of a language's narrator (for formats that print chapters). */
export function narratorLabels(lang: Lang): { notesVsLinux: string; chapter: (n: number) => string } {
  return narratorOf(lang).labels;
}

/** A readable one-line summary of a frame or packet in `lang` (the event log's words). */
export function describeHeaders(h: Headers, lang: Lang): string {
  return narratorOf(lang).summary(h);
}

/** The name of an ICMP type and code in `lang` (include/uapi/linux/icmp.h). */
export function icmpName(type: number, code: number, lang: Lang): string {
  return narratorOf(lang).icmpName(type, code);
}
