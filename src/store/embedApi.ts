import * as z from 'zod/mini';
import { tellChapters, tellEvent, type Bilingual } from '../core';
import type { AppState } from './appState';
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

const whole = (lo: number) => z.int().check(z.gte(lo));
const journeyShape = z.strictObject({
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  proto: z.optional(z.enum(['icmp', 'udp', 'tcp'])),
  port: z.optional(whole(1)),
  count: z.optional(whole(1)),
  ttl: z.optional(whole(1)),
  size: z.optional(whole(0)),
  warm: z.optional(z.boolean()),
});
const envelope = { source: z.literal(EMBED_SOURCE), version: z.literal(EMBED_VERSION) };

/** Each command's shape: the envelope, its `type`, its own fields and nothing else. */
const COMMANDS = {
  /** Go to step `index` (0-based, a folded flood is one step) or to event `event` (1-based, as `?step=` counts). */
  goto: z.strictObject({ ...envelope, type: z.literal('goto'), index: z.optional(whole(0)), event: z.optional(whole(1)) }),
  /** Go to the first step of chapter `chapter` (1-based, as the timeline numbers them). */
  chapter: z.strictObject({ ...envelope, type: z.literal('chapter'), chapter: whole(1) }),
  next: z.strictObject({ ...envelope, type: z.literal('next') }),
  prev: z.strictObject({ ...envelope, type: z.literal('prev') }),
  play: z.strictObject({ ...envelope, type: z.literal('play') }),
  pause: z.strictObject({ ...envelope, type: z.literal('pause') }),
  /** Back to the first step, paused. */
  reset: z.strictObject({ ...envelope, type: z.literal('reset') }),
  /** Ask for a `step` event now (a page that arrives late learns where the player is). */
  get: z.strictObject({ ...envelope, type: z.literal('get') }),
  /** Open a lab (a scenario's id, or a `?lab=` link's text; neither: the lab shown) and a journey in it. */
  load: z.strictObject({ ...envelope, type: z.literal('load'), preset: z.optional(z.string()), lab: z.optional(z.string()), journey: z.optional(journeyShape) }),
} as const;

/** A command type of this API. */
export type EmbedCommandType = keyof typeof COMMANDS;
/** A command the player accepted, as plain data. */
export type EmbedCommand = { [K in EmbedCommandType]: z.infer<(typeof COMMANDS)[K]> }[EmbedCommandType];
/** The journey part of a `load` command. */
export type EmbedJourney = z.infer<typeof journeyShape>;

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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as quoted in a refusal: short, and never markup. */
function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Reads a `message` event's data. Not ours (not an object whose `source` is {@link EMBED_SOURCE}):
 * null. Ours: the command, or an {@link EmbedError} naming the first thing wrong (the version,
 * the type, then a field: missing, unknown, of the wrong type or out of range). Never throws.
 */
export function parseEmbedMessage(data: unknown): EmbedRead {
  if (!isRecord(data) || data.source !== EMBED_SOURCE) return null;
  if (data.version !== EMBED_VERSION) {
    const v = shown(data.version);
    return { ok: false, error: { code: 'version', field: 'version', message: { en: `API version ${v} is not understood: this player speaks version ${EMBED_VERSION}.`, ru: `Версия API ${v} не поддерживается: этот плеер понимает версию ${EMBED_VERSION}.` } } };
  }
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMANDS, type)) {
    const list = Object.keys(COMMANDS).join(', ');
    return { ok: false, error: { code: 'type', field: 'type', message: { en: `“${shown(type)}” is not a command; the commands are ${list}.`, ru: `«${shown(type)}» — не команда; команды: ${list}.` } } };
  }
  const read = COMMANDS[type as EmbedCommandType].safeParse(data);
  if (read.success) {
    const command = read.data as EmbedCommand;
    if (command.type === 'goto' && (command.index === undefined) === (command.event === undefined)) {
      return { ok: false, error: { code: 'field', field: 'index', message: { en: 'goto needs exactly one of index (0-based step) and event (1-based event number).', ru: 'команде goto нужно ровно одно из полей index (номер шага с 0) и event (номер события с 1).' } } };
    }
    return { ok: true, command };
  }
  const issue = read.error.issues[0];
  const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...(issue?.path ?? []), ...keys.slice(0, 1)].map(String).join('.') || 'type';
  const message: Bilingual =
    keys.length > 0
      ? { en: `${type} has no field “${path}”.`, ru: `у команды ${type} нет поля «${path}».` }
      : { en: `${type}: the field “${path}” is missing or has a wrong value.`, ru: `${type}: поле «${path}» отсутствует или имеет неверное значение.` };
  return { ok: false, error: { code: 'field', field: path, message } };
}

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
