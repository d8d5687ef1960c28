import { EMBED_SOURCE, EMBED_VERSION, type EmbedRead } from './embedApi';
import type { Bilingual } from '../core';

/*
 * Reading the embed's messages (postMessage API v1, docs/embed-api.md; ./embedApi.ts has the rest):
 * each command's shape as a small table of field readers, and the refusals a wrong message gets.
 * Loaded with the first message an embed receives, and by <packet-journey> for its command methods,
 * which answer at once: so no zod here (it would be a quarter of the element's first load). The
 * reading follows the zod (mini) `strictObject` it replaced: fields in the shape's order, nested
 * shapes depth first, unknown keys after a shape's own fields, the first problem reported.
 */

/** Checks one field's value (present or not: `undefined` is passed for a missing one). */
type Field = (v: unknown) => boolean;
/** A shape: each field's check, in the order problems are looked for. */
type Shape = Record<string, Field | { nested: Shape; optional: true }>;

/** A whole number (a safe integer, as zod's `int()`) of at least `lo`. */
const whole = (lo: number) => (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= lo;
const optional = (f: Field): Field => (v) => v === undefined || f(v);
const literal = (x: unknown): Field => (v) => v === x;
const isString: Field = (v) => typeof v === 'string';
const PROTOS: readonly unknown[] = ['icmp', 'udp', 'tcp'];

/** The journey a `load` command may carry (every field may be left out). */
export interface EmbedJourney {
  from?: string;
  to?: string;
  proto?: 'icmp' | 'udp' | 'tcp';
  port?: number;
  count?: number;
  ttl?: number;
  size?: number;
  warm?: boolean;
}

const journeyShape: Shape = {
  from: optional(isString),
  to: optional(isString),
  proto: optional((v) => PROTOS.includes(v)),
  port: optional(whole(1)),
  count: optional(whole(1)),
  ttl: optional(whole(1)),
  size: optional(whole(0)),
  warm: optional((v) => typeof v === 'boolean'),
};

/** The fields every message carries (checked before its shape is). */
interface Envelope {
  source: typeof EMBED_SOURCE;
  version: typeof EMBED_VERSION;
}

/** A command the player accepted, as plain data. */
export type EmbedCommand = Envelope &
  (
    | /** Go to step `index` (0-based, a folded flood is one step) or to event `event` (1-based, as `?step=` counts). */
    { type: 'goto'; index?: number; event?: number }
    /** Go to the first step of chapter `chapter` (1-based, as the timeline numbers them). */
    | { type: 'chapter'; chapter: number }
    | { type: 'next' }
    | { type: 'prev' }
    | { type: 'play' }
    | { type: 'pause' }
    /** Back to the first step, paused. */
    | { type: 'reset' }
    /** Ask for a `step` event now (a page that arrives late learns where the player is). */
    | { type: 'get' }
    /** Open a lab (a scenario's id, or a `?lab=` link's text; neither: the lab shown) and a journey in it. */
    | { type: 'load'; preset?: string; lab?: string; journey?: EmbedJourney }
  );
/** A command type of this API. */
export type EmbedCommandType = EmbedCommand['type'];

const envelope: Shape = { source: literal(EMBED_SOURCE), version: literal(EMBED_VERSION) };
const command = (type: EmbedCommandType, fields: Shape = {}): Shape => ({ ...envelope, type: literal(type), ...fields });

/** Each command's shape: the envelope, its `type`, its own fields and nothing else. */
const COMMANDS: Record<EmbedCommandType, Shape> = {
  goto: command('goto', { index: optional(whole(0)), event: optional(whole(1)) }),
  chapter: command('chapter', { chapter: whole(1) }),
  next: command('next'),
  prev: command('prev'),
  play: command('play'),
  pause: command('pause'),
  reset: command('reset'),
  get: command('get'),
  load: command('load', { preset: optional(isString), lab: optional(isString), journey: { nested: journeyShape, optional: true } }),
};

/** The first problem of `v` against `shape`: the field's path, and whether it is unknown (else missing or wrong). */
function firstProblem(v: Record<string, unknown>, shape: Shape, at: string[] = []): { path: string[]; unknown: boolean } | null {
  for (const [key, check] of Object.entries(shape)) {
    const value = Object.hasOwn(v, key) ? v[key] : undefined;
    if (typeof check === 'function') {
      if (!check(value)) return { path: [...at, key], unknown: false };
    } else if (value !== undefined) {
      if (!isRecord(value)) return { path: [...at, key], unknown: false };
      const inner = firstProblem(value, check.nested, [...at, key]);
      if (inner) return inner;
    }
  }
  const extra = Object.keys(v).find((k) => !Object.hasOwn(shape, k));
  return extra === undefined ? null : { path: [...at, extra], unknown: true };
}

/** The fields of `v` that `shape` names (a copy: the command keeps nothing of the sender's objects). */
function picked(v: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(shape)) {
    if (!Object.hasOwn(v, key)) continue;
    const value = v[key];
    out[key] = typeof check !== 'function' && isRecord(value) ? picked(value, check.nested) : value;
  }
  return out;
}

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
  const shape = COMMANDS[type as EmbedCommandType];
  const problem = firstProblem(data, shape);
  if (problem === null) {
    // The shape's fields were checked just above, each against the type's own field.
    const command = picked(data, shape) as unknown as EmbedCommand;
    if (command.type === 'goto' && (command.index === undefined) === (command.event === undefined)) {
      return { ok: false, error: { code: 'field', field: 'index', message: { en: 'goto needs exactly one of index (0-based step) and event (1-based event number).', ru: 'команде goto нужно ровно одно из полей index (номер шага с 0) и event (номер события с 1).' } } };
    }
    return { ok: true, command };
  }
  const path = problem.path.join('.');
  const message: Bilingual =
    problem.unknown
      ? { en: `${type} has no field “${path}”.`, ru: `у команды ${type} нет поля «${path}».` }
      : { en: `${type}: the field “${path}” is missing or has a wrong value.`, ru: `${type}: поле «${path}» отсутствует или имеет неверное значение.` };
  return { ok: false, error: { code: 'field', field: path, message } };
}

