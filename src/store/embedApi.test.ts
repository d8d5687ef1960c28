import { describe, expect, it, vi } from 'vitest';
import { runJourney, seedTopology, stateAt, tellChapters } from '../core';
import { createAppStore } from './createAppStore';
import { applyEmbedCommand, EMBED_SOURCE, EMBED_VERSION, embedStep, type EmbedCommand } from './embedApi';
import { parseEmbedMessage } from './embedMessages';
import { selectSteps } from './selectors';

const API = { source: EMBED_SOURCE, version: EMBED_VERSION } as const;

function seedStore() {
  return createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
}

function command(data: unknown): EmbedCommand {
  const r = parseEmbedMessage(data);
  if (!r?.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r.command;
}

describe('parseEmbedMessage', () => {
  it('ignores what is not ours: other sources, non-objects, arrays, null', () => {
    for (const d of [null, undefined, 'next', 42, [], ['packet-journey'], { type: 'next' }, { source: 'reveal', type: 'next' }]) expect(parseEmbedMessage(d)).toBeNull();
  });

  it('reads every command with its fields', () => {
    expect(command({ ...API, type: 'next' })).toEqual({ ...API, type: 'next' });
    expect(command({ ...API, type: 'goto', index: 3 })).toMatchObject({ type: 'goto', index: 3 });
    expect(command({ ...API, type: 'goto', event: 40 })).toMatchObject({ type: 'goto', event: 40 });
    expect(command({ ...API, type: 'chapter', chapter: 2 })).toMatchObject({ chapter: 2 });
    for (const type of ['prev', 'play', 'pause', 'reset', 'get']) expect(command({ ...API, type }).type).toBe(type);
    expect(command({ ...API, type: 'load', preset: 'seed-listeners', journey: { to: 'pod3', proto: 'tcp', port: 80, warm: true } })).toMatchObject({ preset: 'seed-listeners', journey: { port: 80 } });
  });

  it('refuses what is ours but wrong, naming the version, the type or the field, in both languages', () => {
    const refused = (d: unknown) => {
      const r = parseEmbedMessage(d);
      if (r === null || r.ok) throw new Error('accepted');
      return r.error;
    };
    expect(refused({ source: EMBED_SOURCE, version: 2, type: 'next' })).toMatchObject({ code: 'version', field: 'version' });
    expect(refused({ source: EMBED_SOURCE, type: 'next' })).toMatchObject({ code: 'version' });
    const t = refused({ ...API, type: 'jump' });
    expect(t).toMatchObject({ code: 'type', field: 'type' });
    expect(t.message.en).toContain('“jump” is not a command');
    expect(t.message.ru).toContain('«jump» — не команда');
    // Inherited names are no commands either.
    expect(refused({ ...API, type: 'toString' }).code).toBe('type');
    expect(refused({ ...API, type: 'goto', index: -1 })).toMatchObject({ code: 'field', field: 'index' });
    expect(refused({ ...API, type: 'goto', index: 1.5 })).toMatchObject({ code: 'field', field: 'index' });
    expect(refused({ ...API, type: 'goto', index: '3' })).toMatchObject({ code: 'field', field: 'index' });
    expect(refused({ ...API, type: 'goto' })).toMatchObject({ code: 'field', field: 'index' });
    expect(refused({ ...API, type: 'goto', index: 1, event: 2 })).toMatchObject({ code: 'field', field: 'index' });
    expect(refused({ ...API, type: 'chapter' })).toMatchObject({ code: 'field', field: 'chapter' });
    const extra = refused({ ...API, type: 'next', steps: 2 });
    expect(extra).toMatchObject({ code: 'field', field: 'steps' });
    expect(extra.message.en).toBe('next has no field “steps”.');
    expect(refused({ ...API, type: 'load', journey: { port: 0 } })).toMatchObject({ field: 'journey.port' });
    expect(refused({ ...API, type: 'load', journey: { colour: 'red' } })).toMatchObject({ field: 'journey.colour' });
  });

  it('never throws and never writes to the console, whatever it is given', () => {
    const spy = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const odd = [{ ...API, type: { toString: 1 } }, { ...API, type: 'goto', index: Number.NaN }, { ...API, type: 'load', journey: [] }, Object.create(null) as object, { ...API, version: { a: 1 } }];
    for (const d of odd) expect(() => parseEmbedMessage(d)).not.toThrow();
    expect(spy).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('applyEmbedCommand and embedStep', () => {
  it('moves the playhead by steps, chapters and events, and says where it is', () => {
    const store = seedStore();
    const s = () => store.getState();
    expect(embedStep(s())).toMatchObject({ index: 0, event: 1, chapter: 1, atEnd: false });
    applyEmbedCommand(s(), command({ ...API, type: 'next' }));
    applyEmbedCommand(s(), command({ ...API, type: 'next' }));
    expect(embedStep(s())?.index).toBe(2);
    applyEmbedCommand(s(), command({ ...API, type: 'prev' }));
    expect(embedStep(s())?.index).toBe(1);
    applyEmbedCommand(s(), command({ ...API, type: 'goto', event: 40 }));
    expect(embedStep(s())?.event).toBe(40);
    const total = selectSteps(s()).length;
    applyEmbedCommand(s(), command({ ...API, type: 'goto', index: 10_000 }));
    expect(embedStep(s())).toMatchObject({ index: total - 1, total, atEnd: true });
    const chapters = tellChapters(s().result!, 'en');
    applyEmbedCommand(s(), command({ ...API, type: 'chapter', chapter: 3 }));
    expect(embedStep(s())).toMatchObject({ chapter: 3, title: chapters[2]?.title, event: (chapters[2]?.start ?? 0) + 1 });
    applyEmbedCommand(s(), command({ ...API, type: 'reset' }));
    expect(embedStep(s())?.index).toBe(0);
    applyEmbedCommand(s(), command({ ...API, type: 'play' }));
    expect(s().playing).toBe(true);
    applyEmbedCommand(s(), command({ ...API, type: 'pause' }));
    expect(s().playing).toBe(false);
  });

  it('refuses a chapter the journey does not have, and the step event is plain data', () => {
    const store = seedStore();
    const err = applyEmbedCommand(store.getState(), command({ ...API, type: 'chapter', chapter: 99 }));
    expect(err).toMatchObject({ code: 'field', field: 'chapter' });
    const step = embedStep(store.getState());
    expect(JSON.parse(JSON.stringify(step))).toEqual(step);
    expect(typeof step?.text).toBe('string');
  });
});
