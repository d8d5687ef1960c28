import type { Headers, Msg, Told } from './messages';
import type { BaseMsgKind } from './packMessages';
import type { ChapterFacts, ChapterKind, CorrectionCode, CorrectionFacts, OutcomeFacts } from './story';

/**
 * One language's narrator: how it names frames and ICMP messages, tells each event message at two
 * levels, titles chapters, corrects the course notes and sums up the outcome. A new language is
 * one object of this type (see `src/core/i18n/<lang>/`).
 */
export interface NarratorCatalog {
  /** BCP 47 tag for Intl.PluralRules. */
  locale: string;
  /** A one-line summary of a frame or packet, as in tcpdump but readable. */
  summary: (h: Headers) => string;
  /** The name of an ICMP type and code (include/uapi/linux/icmp.h), with the words ping prints. */
  icmpName: (type: number, code: number) => string;
  /** How the detailed level cites the kernel function that did it; `modelled` for the lab's switch, which is no host's kernel. */
  kernel: (fn: string, modelled: boolean) => string;
  /** Every event message but the datapath packs' (their sentences load with each pack: i18n/packNarration.ts). */
  events: { [K in BaseMsgKind]: (m: Extract<Msg, { k: K }>) => Told };
  /** Chapter titles. */
  chapters: { [K in ChapterKind]: (c: Extract<ChapterFacts, { kind: K }>) => string };
  /** Corrections of the course notes: two lines for a projector, or the whole argument. */
  corrections: { [K in CorrectionCode]: (c: CorrectionFacts) => { short: string; long: string } };
  /** The outcome line, and the TTL line that follows it when the packet was routed. */
  outcome: (o: OutcomeFacts) => string;
  ttlPath: (t: NonNullable<OutcomeFacts['ttl']>) => string;
  /** Labels the text trace uses. */
  labels: { notesVsLinux: string; chapter: (n: number) => string };
}
