import type { LogFilterKey } from '../../store/appState';
import { anySizeEn } from './anySizeStrings';
import { EMBED_EN } from './embedStrings';
import { ON_DEMAND_EN } from './onDemandStrings';
import { dropsEn } from './dropsStrings';
import { PAST_END } from './pastEnd';
import type { PanelStrings } from './panelStrings';

/**
 * The texts of the player, in English here and in Russian in `ru/strings.ts`, which must have the
 * same shape (`PlayerStrings`), so a string missing in one language is a type error: what the
 * embed and <packet-journey> show (drawing, controls, caption, notices). The app's panels, form
 * and log have their own table (`panelStrings.ts`), which only the app's page loads. Each language
 * loads on its own (`langStrings.ts`); tests and Node read both through `allStrings.ts`.
 *
 * Glossary (both languages say the same thing):
 * - event / «событие»: one entry of the journey's log; the counter, the buttons and the timeline
 *   move by events. A chapter / «глава» groups events and matches one step of the course notes
 *   («шаг» is left to the notes).
 * - lab / «стенд» (never «лаборатория»).
 * - node / «нода»: a Kubernetes node; host / «хост»: any Linux machine; next hop / «следующий хоп»
 *   («узел» is not used). «машина» only names what the form lists.
 * - ARP table / «ARP-таблица»: the panel's title says «ARP-таблица (кэш соседей)» once.
 * - From/To / «Откуда/Куда»: the form's labels, used again by form errors and link notices.
 * - A bridge forwards / «коммутирует»; «пересылка» is IP forwarding (ip_forward).
 */

export type { EventTypeKey } from './logStrings';

const en = {
  appTitle: 'Packet Journey',
  ...ON_DEMAND_EN,
  hint: 'Press Play or → to go through the packet’s journey event by event',
  /** The hint where the whole sentence would wrap over the drawing (the whole one stays for screen readers). */
  hintShort: 'Press Play or →',
  controls: {
    label: 'Playback',
    play: 'Play',
    pause: 'Pause',
    next: 'Next event',
    prev: 'Previous event',
    first: 'First event',
    last: 'Last event',
    speed: 'Speed',
    timeline: 'Event timeline',
    chapters: 'Chapters',
    step: (n: number, total: number) => `Event ${n} of ${total}`,
    chapter: (n: number) => `Chapter ${n}`,
    keys: 'Keys: Space play/pause, ← → previous/next event, Home/End first/last, F follow the packet, P panels',
    hasCorrection: 'the course notes simplify here',
  },
  view: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Show the whole lab',
    follow: 'Follow packet',
    followHelp: 'Zoom to where the current event happens (F)',
    dark: 'Dark theme',
    light: 'Light theme',
    language: 'Language',
    panels: 'Panels',
    panelsHelp: 'Show or hide the packet, tables and log; hidden, the drawing takes the whole width (P)',
    drawing: 'Network drawing: machines, pods, bridges and links',
    router: 'router',
    node: 'node',
    host: 'host',
    pod: 'pod',
    pinHelp: 'Pin its tables in the Tables tab',
    unpinHelp: 'Unpin its tables',
    pinActions: (ns: string) => `Actions for ${ns}`,
    sendFrom: 'Send from here',
    sendTo: 'Send to here',
    unpin: 'Unpin the tables',
    /** The journey form folded into one button on a small screen: what it opens. */
    journey: 'Journey',
    /** The folded form's summary: `from → to`, then the protocol. */
    journeySummary: (route: string, proto: string) => `${route} · ${proto}`,
    drawer: 'Panels: this event, packet, tables and log',
    drawerClose: 'Close the panels',
  },
  legend: { title: 'Packets', drop: 'Dropped here' },
  notices: {
    title: 'This link has mistakes; the rest of it was applied:',
    close: 'Close',
    /** `?step=` past the journey's end. */
    pastEnd: PAST_END.en,
  },
  kinds: { arp: 'ARP', request: 'Request', reply: 'Reply', 'icmp-error': 'ICMP error', decision: 'Kernel decisions' } satisfies Record<LogFilterKey, string>,
  /** The ports a namespace listens on, said by its box on the drawing (the tables panel says it too). */
  panels: {
    /** The ports a program listens on in this namespace, as `tcp/80, udp/53`. */
    listens: (list: string) => `Listens on ${list}`,
  },
  ...dropsEn,
  /** Links to this event and embed code for a slide (issue 8). */
  share: {
    label: 'Link to this event',
    copyLink: 'Copy link to this event',
    copyEmbed: 'Copy embed code (iframe for a slide)',
    copiedLink: 'Link copied',
    copiedEmbed: 'Embed code copied',
    manualLink: 'Copy this link',
    manualEmbed: 'Copy this embed code',
    manualHelp: 'The browser did not let the page copy. The text is selected: press Ctrl+C (or ⌘C).',
    close: 'Close',
    /** The embedded frame's title, for screen readers on the slide; `journey` is "pod1 → pod3". */
    embedTitle: (n: number, journey: string) => `Packet Journey: ${journey}, event ${n}`,
    capture: 'Download the journey’s frames for Wireshark (.pcapng), each with its explanation as a comment',
    /** The export menu's button (its items load with the export chunk, `exportStrings.ts`). */
    exportMenu: 'Save or print: pictures of this event, handout, offline page',
  },
  /** Journeys of any size: folded floods, chapters, hidden future, about the lab (issue 8, item 8). */
  anySize: anySizeEn,
  /** The embedded player (issue 11). */
  embed: EMBED_EN,
};

/** The shape of every language's player table: what the players for other pages show (embed, <packet-journey>). */
export type PlayerStrings = typeof en;

/** Every text of the interface: the player's table and the app's panels' (`panelStrings.ts`), as the app's page reads them. */
export type Strings = PlayerStrings & PanelStrings;

/**
 * The English player table. It loads on its own (`langStrings.ts`), as the Russian one does
 * (`ru/strings.ts`): a page loads its language's texts only; the app's page loads the panels'
 * table beside it (`panelLangStrings.ts`).
 */
export const stringsEn: PlayerStrings = en;
