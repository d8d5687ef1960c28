import { count, plural, type PluralForms } from '../../core/i18n/plural';

/*
 * Strings of "journeys of any size" (issue 8, item 8): folded floods, the table of contents, the
 * overview, which the players show; the log's hidden future and the note on what the lab
 * simplifies, the app's panels only, are in `anySizeAppStrings.ts`. Kept in their own block so
 * that `strings.ts` only names it; `ru` has the shape of `en` (a type error otherwise).
 */

const PORTS_EN: PluralForms = { one: 'port', other: 'ports' };
const HOSTS_EN: PluralForms = { one: 'host ignores it', other: 'hosts ignore it' };
const PODS_EN: PluralForms = { one: 'pod', other: 'pods' };
const MACHINES_EN: PluralForms = { one: 'machine', other: 'machines' };
/** A number as English groups thousands: 150,000 (`ru/anySizeStrings.ts` has Russian's). */
const big = (n: number): string => n.toLocaleString('en-US');
const EVENTS_EN: PluralForms = { one: 'event', other: 'events' };

export const anySizeEn = {
  fold: {
    /** Who floods: a segment's switch or a Linux bridge, by name (the subject of `flooded`). */
    switchOf: (name: string) => `The switch ${name}`,
    bridgeOf: (name: string) => `The bridge ${name}`,
    /** `bridge` is the bridge or the segment's switch that floods, as `switchOf`/`bridgeOf` name it. */
    flooded: (ports: number, bridge: string) => `${bridge} floods the frame out of ${count('en', ports, PORTS_EN)}`,
    floodedArp: (ports: number, bridge: string) => `${bridge} floods the ARP request out of ${count('en', ports, PORTS_EN)}`,
    ignored: (n: number) => `${count('en', n, HOSTS_EN)}, as it is not for them`,
    answered: (who: string) => `only ${who} ${String(who).includes(', ') ? 'answer' : 'answers'}`,
    nobody: 'nobody answers',
    /** One folded step counts several events. */
    hidden: (n: number) => `${count('en', n, EVENTS_EN)} folded into one`,
    unfold: 'Unfold',
    fold: 'Fold',
    unfoldLabel: (n: number) => `Unfold the flood: show its ${count('en', n, EVENTS_EN)} one by one`,
    foldLabel: 'Fold the flood into one',
    /** `span` is "27–65": the first and last events a folded step stands for (after "Event 27 of 300"). */
    steps: (span: string) => `${span} folded`,
  },
  toc: {
    title: 'Chapters',
    show: 'Table of contents',
    marks: '! marks a chapter where the course notes simplify: the chapter opens with what Linux really does.',
    current: 'current chapter',
  },
  overview: {
    /** A machine's tile in the overview of a large lab: its pod count. */
    pods: (n: number) => `${big(n)} ${plural('en', n, PODS_EN)}`,
    /** Under the overview: what it is and how to see more. */
    note: (machines: number, pods: number) =>
      `Overview of ${big(machines)} ${plural('en', machines, MACHINES_EN)} and ${big(pods)} ${plural('en', pods, PODS_EN)}: zoom in to see the machines in full. The journey's machines are open.`,
  },
  canvas: {
    /** The drawing as one Tab stop: what the arrow keys do inside it. */
    label: 'One Tab stop: the arrow keys move between machines and pods, Enter or Space pins their tables.',
  },
};

export type AnySizeStrings = typeof anySizeEn;
