import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { EMBED_SOURCE, EMBED_VERSION } from './embedApi';
import { parseEmbedMessage } from './embedMessages';

/*
 * The commands were read by zod (mini) `strictObject`s before <packet-journey> had to answer at
 * once without loading zod. The zod shapes stay here as the reference: on any message, the plain
 * reader accepts what zod accepted (with the same data) and refuses the rest naming the same field.
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
const ZOD: Record<string, z.ZodMiniType> = {
  goto: z.strictObject({ ...envelope, type: z.literal('goto'), index: z.optional(whole(0)), event: z.optional(whole(1)) }),
  chapter: z.strictObject({ ...envelope, type: z.literal('chapter'), chapter: whole(1) }),
  next: z.strictObject({ ...envelope, type: z.literal('next') }),
  prev: z.strictObject({ ...envelope, type: z.literal('prev') }),
  play: z.strictObject({ ...envelope, type: z.literal('play') }),
  pause: z.strictObject({ ...envelope, type: z.literal('pause') }),
  reset: z.strictObject({ ...envelope, type: z.literal('reset') }),
  get: z.strictObject({ ...envelope, type: z.literal('get') }),
  load: z.strictObject({ ...envelope, type: z.literal('load'), preset: z.optional(z.string()), lab: z.optional(z.string()), journey: z.optional(journeyShape) }),
};

/** What zod said of a message: its data, or the field of its first issue. */
function byZod(type: string, data: unknown): { data: unknown } | { field: string } {
  const r = ZOD[type]?.safeParse(data);
  if (!r) throw new Error(type);
  if (r.success) return { data: r.data };
  const issue = r.error.issues[0];
  const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
  return { field: [...(issue?.path ?? []), ...keys.slice(0, 1)].map(String).join('.') };
}

const value = fc.oneof(fc.integer({ min: -2, max: 90000 }), fc.double(), fc.string({ maxLength: 4 }), fc.constantFrom('icmp', 'tcp', 'udp', true, false, null, undefined, 1.5, 0, 1), fc.constant([]));
const journey = fc.dictionary(fc.constantFrom('from', 'to', 'proto', 'port', 'count', 'ttl', 'size', 'warm', 'colour'), value, { maxKeys: 4 });
const fields = fc.dictionary(fc.constantFrom('index', 'event', 'chapter', 'preset', 'lab', 'journey', 'steps'), fc.oneof(value, journey), { maxKeys: 3 });

describe('the plain command reader', () => {
  it('accepts and refuses as the zod shapes did, naming the same field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(ZOD)), fields, (type, f) => {
        const data = { source: EMBED_SOURCE, version: EMBED_VERSION, type, ...f };
        const ours = parseEmbedMessage(data);
        const theirs = byZod(type, data);
        if (ours === null) throw new Error('a message of ours read as not ours');
        if ('data' in theirs) {
          // goto's "exactly one of index and event" is checked after the shape, by both readers.
          if (ours.ok) expect(ours.command).toEqual(theirs.data);
          else expect([ours.error.field, type]).toEqual(['index', 'goto']);
        } else {
          expect(ours.ok).toBe(false);
          if (!ours.ok) expect(ours.error.field).toBe(theirs.field);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('tells an unknown field from a wrong one, at any depth', () => {
    const r = parseEmbedMessage({ source: EMBED_SOURCE, version: EMBED_VERSION, type: 'load', journey: { to: 'pod3', colour: 'red' } });
    expect(r).toMatchObject({ ok: false, error: { field: 'journey.colour', message: { en: 'load has no field “journey.colour”.' } } });
    const w = parseEmbedMessage({ source: EMBED_SOURCE, version: EMBED_VERSION, type: 'load', journey: { port: 70000.5 } });
    expect(w).toMatchObject({ ok: false, error: { field: 'journey.port', message: { ru: 'load: поле «journey.port» отсутствует или имеет неверное значение.' } } });
  });
});
