import { tellChapters, tellEvent, type Bilingual } from '../core';
import type { AppState } from './appState';
import type { EmbedCommand } from './embedMessages';
import { stepPosition } from './floods';
import { chapterIndexAt, selectAtEnd, selectSteps } from './selectors';

/*
 * The embed's postMessage API, version 1 (docs/embed-api.md), as pure data: which messages a page
 * may send an embedded player, how they are read and refused, and what the player reports back.
 * Reading a message never throws and never writes to the console: a message that is ours but
 * wrong becomes an `error` event naming what is wrong; anything else is not ours and is ignored
 * (pages and their extensions post many messages). Windows, origins and channels are src/app's.
 */

/** The `source` every message of this API carries, both ways. */
export const EMBED_SOURCE = 'packet-journey';
/** The API's version; a message of another version is refused with an `error` event. */
export const EMBED_VERSION = 1;

/*
 * The commands' shapes and the reading of messages (plain code, no zod) are ./embedMessages.ts:
 * the embed loads them with the first message (a deck that never posts one never loads them); the
 * types here are theirs, erased in the build.
 */

export type { EmbedCommand, EmbedCommandType, EmbedJourney } from './embedMessages';

/**
 * Why a message of ours was refused: `version` (another API version), `type` (no such command),
 * `field` (a field missing, unknown or of the wrong type), `load` (the lab or journey asked for
 * does not open); `link` is not a refusal but a bad parameter in the embed's own address.
 */
export type EmbedErrorCode = 'version' | 'type' | 'field' | 'load' | 'link';

/** A refusal: its code, the field it concerns (`type`, `index`, `journey.port`…), and a sentence in both languages. */
export interface EmbedError {
  code: EmbedErrorCode;
  field?: string;
  message: Bilingual;
}

/** What reading one message gave: a command, a refusal, or null for a message that is not ours. */
export type EmbedRead = { ok: true; command: EmbedCommand } | { ok: false; error: EmbedError } | null;

/** Where the player is, as a `step` event carries it: plain data only. */
export interface EmbedStep {
  /** Step shown, 0-based (a folded flood is one step). */
  index: number;
  /** Number of steps. */
  total: number;
  /** Event shown, 1-based: the counter's «Event N of M» and a link's `?step=`. */
  event: number;
  /** Number of events. */
  events: number;
  /** Chapter of this step, 1-based; 0 before the first chapter. */
  chapter: number;
  /** That chapter's title in the player's language ('' before the first chapter). */
  title: string;
  /** This step told in one line, in the player's language. */
  text: string;
  /** Whether this is the journey's last step. */
  atEnd: boolean;
}

/** Where the player is now; null before any journey ran. */
export function embedStep(s: AppState): EmbedStep | null {
  const r = s.result;
  if (!r || r.events.length === 0) return null;
  const steps = selectSteps(s);
  const chapters = tellChapters(r, s.lang);
  const chapter = chapters[chapterIndexAt(chapters, s.index)];
  return {
    index: stepPosition(steps, s.index),
    total: steps.length,
    event: s.index + 1,
    events: r.events.length,
    chapter: chapter?.n ?? 0,
    title: chapter?.title ?? '',
    text: tellEvent(r, s.index, s.lang, 'short'),
    atEnd: selectAtEnd(s),
  };
}

/**
 * Carries out a command on the store, except `load` and `get` (the page's host does those: a lab
 * comes from a link's text, an answer goes to a window). Returns a refusal for a chapter that does
 * not exist; a step past the end goes to the last one, as the slider does.
 */
export function applyEmbedCommand(s: AppState, c: EmbedCommand): EmbedError | null {
  switch (c.type) {
    case 'goto': {
      if (c.event !== undefined) s.reveal(c.event - 1);
      else {
        const steps = selectSteps(s);
        const to = steps[Math.min(steps.length - 1, c.index ?? 0)];
        if (to) s.seek(to.index);
      }
      return null;
    }
    case 'chapter': {
      const chapters = s.result ? tellChapters(s.result, s.lang) : [];
      const ch = chapters.find((x) => x.n === c.chapter);
      if (!ch) return { code: 'field', field: 'chapter', message: { en: `There is no chapter ${c.chapter}: this journey has ${chapters.length}.`, ru: `Главы ${c.chapter} нет: в этом пути их ${chapters.length}.` } };
      s.reveal(ch.start);
      return null;
    }
    case 'next':
      s.next();
      return null;
    case 'prev':
      s.prev();
      return null;
    case 'play':
      s.play();
      return null;
    case 'pause':
      s.pause();
      return null;
    case 'reset':
      s.first();
      return null;
    default:
      return null;
  }
}
