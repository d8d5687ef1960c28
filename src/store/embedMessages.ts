import * as z from 'zod/mini';
import { EMBED_SOURCE, EMBED_VERSION, type EmbedRead } from './embedApi';
import type { Bilingual } from '../core';

/*
 * Reading the embed's messages (postMessage API v1, docs/embed-api.md; ./embedApi.ts has the rest):
 * each command's shape as a zod (mini) schema, and the refusals a wrong message gets. Loaded with
 * the first message an embed receives, and by <packet-journey> for its command methods.
 */

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

