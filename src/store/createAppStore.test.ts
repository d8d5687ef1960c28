import { afterEach, describe, expect, it, vi } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../core';
import { DRAFT_PAUSE_MS } from './appState';
import { createAppStore } from './createAppStore';
import { changedFields, chapterIndexAt, consultedBy, frameAtOrBefore, newRows, previousFrameOfPacket, selectEvent } from './selectors';
import { fakeEngine, fakeEvents } from './testing/fakeEngine';

function store() {
  const engine = fakeEngine();
  return { engine, store: createAppStore({ engine, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } }) };
}

describe('playback', () => {
  it('starts on the first event, paused', () => {
    const { store: s } = store();
    expect(s.getState().index).toBe(0);
    expect(s.getState().playing).toBe(false);
    expect(selectEvent(s.getState())?.type).toBe('send');
  });

  it('steps forward and back within the log', () => {
    const { store: s } = store();
    const n = fakeEvents().length;
    s.getState().prev();
    expect(s.getState().index).toBe(0);
    s.getState().next();
    s.getState().next();
    expect(s.getState().index).toBe(2);
    s.getState().last();
    expect(s.getState().index).toBe(n - 1);
    s.getState().next();
    expect(s.getState().index).toBe(n - 1);
    s.getState().first();
    expect(s.getState().index).toBe(0);
    s.getState().seek(999);
    expect(s.getState().index).toBe(n - 1);
  });

  it('stops playing at the last event and restarts from the top when played again', () => {
    const { store: s } = store();
    const n = fakeEvents().length;
    s.getState().seek(n - 2);
    s.getState().play();
    expect(s.getState().playing).toBe(true);
    s.getState().next();
    expect(s.getState().index).toBe(n - 1);
    expect(s.getState().playing).toBe(false);
    s.getState().play();
    expect(s.getState().index).toBe(0);
  });

  it('pauses when the user steps back', () => {
    const { store: s } = store();
    s.getState().seek(4);
    s.getState().play();
    s.getState().prev();
    expect(s.getState().playing).toBe(false);
    expect(s.getState().index).toBe(3);
  });

  it('keeps speed between 0.25× and 4×', () => {
    const { store: s } = store();
    s.getState().setSpeed(10);
    expect(s.getState().speed).toBe(4);
    s.getState().setSpeed(0.1);
    expect(s.getState().speed).toBe(0.25);
  });
});

describe('journey form', () => {
  it('re-simulates at once on a valid change and rewinds the playhead', () => {
    const { store: s, engine } = store();
    s.getState().seek(5);
    s.getState().setDraft({ ttl: '2', proto: 'udp', port: '9999', clearCaches: false });
    expect(engine.runs.at(-1)).toEqual({ from: 'pod1', to: 'pod3', proto: 'udp', port: 9999, count: 1, ttl: 2, warm: true });
    expect(s.getState().index).toBe(0);
    expect(s.getState().errors).toEqual([]);
  });

  it('names the bad field in both languages and keeps the last good journey', () => {
    const { store: s, engine } = store();
    const before = s.getState().result;
    s.getState().setDraft({ toKind: 'ip', toIp: '10.10.300.1' });
    const { errors, result, draft } = s.getState();
    expect(result).toBe(before);
    expect(engine.runs).toHaveLength(1);
    expect(draft.toIp).toBe('10.10.300.1');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('to');
    expect(errors[0]?.message.en).toContain('“10.10.300.1” is not a valid IPv4 address');
    expect(errors[0]?.message.ru).toContain('не IPv4-адрес');
  });

  it('reports every bad number field', () => {
    const { store: s } = store();
    s.getState().setDraft({ ttl: '0', count: 'x', proto: 'tcp', port: '70000' });
    expect(s.getState().errors.map((e) => e.field).sort()).toEqual(['count', 'port', 'ttl']);
  });

  it('shows the engine’s own error and keeps the last good journey', () => {
    const { store: s } = store();
    const before = s.getState().result;
    s.getState().setDraft({ toKind: 'ip', toIp: '10.99.99.99' });
    expect(s.getState().engineError?.en).toContain('refused by the fake on purpose');
    // A JourneyError's own Russian text, never the English one inside a Russian sentence.
    expect(s.getState().engineError?.ru).toBe('Симулятор отклонил этот путь: фейк отказал нарочно');
    expect(s.getState().result).toBe(before);
    s.getState().setDraft({ toKind: 'ns', to: 'pod4' });
    expect(s.getState().engineError).toBeNull();
  });

  it('never shows an internal error’s text: a bug gets a plain sentence in both languages', () => {
    const engine = fakeEngine();
    const broken = { ...engine, runJourney: () => { throw new TypeError('e.run is not a function'); } };
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = createAppStore({ engine: broken, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
    const err = s.getState().engineError;
    expect(err?.en).toContain('This is a bug in Packet Journey, not a mistake in your lab');
    expect(err?.ru).toContain('Это ошибка в Packet Journey');
    expect(JSON.stringify(err)).not.toContain('not a function');
  });
});

describe('typing in the form', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs no journey per key: "1000" typed quickly runs none, and the journey before the edit stays', () => {
    vi.useFakeTimers();
    const { store: s, engine } = store();
    const before = s.getState().result;
    s.getState().seek(4);
    for (const v of ['1', '10', '100', '1000']) {
      s.getState().typeDraft({ count: v });
      vi.advanceTimersByTime(DRAFT_PAUSE_MS / 4);
    }
    expect(s.getState().draft.count).toBe('1000');
    expect(s.getState().pending).toBe(true);
    expect(s.getState().errors).toEqual([]);
    vi.advanceTimersByTime(DRAFT_PAUSE_MS);
    expect(engine.runs).toHaveLength(1);
    expect(s.getState().runs).toBe(1);
    expect(s.getState().result).toBe(before);
    expect(s.getState().index).toBe(4);
    expect(s.getState().errors.map((e) => [e.field, e.message.en])).toEqual([['count', 'Packets “1000” must be a whole number from 1 to 10.']]);
  });

  it('applies typing after a pause, on Enter or on leaving the field, once', () => {
    vi.useFakeTimers();
    const { store: s, engine } = store();
    s.getState().typeDraft({ ttl: '5' });
    expect(engine.runs).toHaveLength(1);
    vi.advanceTimersByTime(DRAFT_PAUSE_MS);
    expect(engine.runs.at(-1)?.ttl).toBe(5);
    s.getState().typeDraft({ ttl: '7' });
    s.getState().commitDraft();
    expect(engine.runs.at(-1)?.ttl).toBe(7);
    vi.advanceTimersByTime(DRAFT_PAUSE_MS * 2);
    s.getState().touchField('ttl');
    expect(engine.runs).toHaveLength(3);
    s.getState().typeDraft({ count: '2' });
    s.getState().touchField('count');
    expect(engine.runs.at(-1)?.count).toBe(2);
    expect(s.getState().runs).toBe(4);
  });

  it('keeps the playhead when the typing comes back to the journey shown', () => {
    const { store: s, engine } = store();
    s.getState().seek(6);
    s.getState().typeDraft({ ttl: '6' });
    s.getState().typeDraft({ ttl: '64' });
    s.getState().commitDraft();
    expect(engine.runs).toHaveLength(1);
    expect(s.getState().index).toBe(6);
  });

  it('shows no error on a field nobody has touched, until it is left', () => {
    const { store: s, engine } = store();
    s.getState().setDraft({ toKind: 'ip' });
    expect(s.getState().errors).toEqual([]);
    expect(engine.runs).toHaveLength(1);
    s.getState().touchField('to');
    expect(s.getState().errors.map((e) => e.message.en)).toEqual(['To: the IP address is empty; type one, e.g. 10.10.11.1.']);
    s.getState().typeDraft({ toIp: '10.10.11.1' });
    s.getState().commitDraft();
    expect(s.getState().errors).toEqual([]);
    expect(engine.runs.at(-1)?.to).toBe('10.10.11.1');
  });
});

describe('selectors', () => {
  it('finds the chapter of an event', () => {
    const { store: s } = store();
    expect(s.getState().result).not.toBeNull();
    const chapters = [{ start: 0 }, { start: 2 }, { start: 7 }];
    expect(chapterIndexAt(chapters, 0)).toBe(0);
    expect(chapterIndexAt(chapters, 3)).toBe(1);
    expect(chapterIndexAt(chapters, 12)).toBe(2);
  });

  it('highlights the MAC rewrite and TTL at the router hop', () => {
    const events = fakeEvents();
    const cur = frameAtOrBefore(events, 10);
    expect(cur?.index).toBe(10);
    const prev = cur && previousFrameOfPacket(events, cur.index, cur.frame);
    expect(prev?.seq).toBe(8);
    expect(cur && [...changedFields(cur.frame, prev ?? null)].sort()).toEqual(['eth.dst', 'eth.src', 'ipv4.ttl']);
  });

  it('names the consulted entry and the rows new at this step', () => {
    const { store: s } = store();
    const ev = fakeEvents()[2] ?? null;
    expect(consultedBy(ev)).toEqual({ neigh: { ip: '10.10.10.254', iface: 'eth0' } });
    expect(consultedBy(fakeEvents()[1] ?? null)).toEqual({ route: 'default via 10.10.10.254 dev eth0' });
    const fresh = newRows(s.getState().stateAt(1), s.getState().stateAt(2), 'pod1');
    expect([...fresh]).toEqual(['neigh:10.10.10.254|eth0']);
  });
});

describe('scenarios', () => {
  it('load a scenario’s lab and journey at the first event, with a fresh form and nothing pinned', () => {
    const { store: s } = store();
    s.getState().seek(3);
    s.getState().togglePin('router');
    const before = s.getState().runs;
    expect(s.getState().loadScenario('tcp-handshake-listener')).toBe(true);
    const st = s.getState();
    expect(st.preset).toBe('tcp-handshake-listener');
    expect(st.topology.name).toBe('seed-listeners');
    expect(st.layout.namespaces.pod3?.listeners).toEqual(['tcp/80', 'udp/53']);
    expect(st.layout.namespaces.pod1?.listeners).toEqual([]);
    expect(st.draft).toMatchObject({ from: 'pod1', to: 'pod3', proto: 'tcp', port: '80', ttl: '64', size: '', clearCaches: true });
    expect([st.index, st.pinnedNs, st.runs]).toEqual([0, null, before + 1]);
    expect(st.result?.spec).toMatchObject({ proto: 'tcp', port: 80, ttl: 64 });
  });

  it('refuse an unknown scenario and change nothing', () => {
    const { store: s } = store();
    const topology = s.getState().topology;
    expect(s.getState().loadScenario('no-such-scenario')).toBe(false);
    expect(s.getState().topology).toBe(topology);
    expect(s.getState().preset).toBeNull();
  });

  it('keep a scenario’s interval and size when another field changes', () => {
    const s = createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
    s.getState().loadScenario('delay-probe-after-5s');
    s.getState().setDraft({ clearCaches: false });
    expect(s.getState().result?.spec).toMatchObject({ count: 3, intervalMs: 2000, warm: true });
    s.getState().loadScenario('mtu-frag-needed-node');
    expect(s.getState().draft.size).toBe('1400');
    s.getState().setDraft({ proto: 'udp' });
    expect(s.getState().result?.spec).toMatchObject({ proto: 'udp', size: 1400 });
  });

  it('run "ping -M dont" and "ping -M do" as their titles say, and keep it when another field changes (teacher review 2)', () => {
    const s = createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: { from: 'pod1', to: 'pod3' } });
    s.getState().loadScenario('mtu-fragment-router-dont');
    expect(s.getState().result?.spec.pmtudisc).toBe('dont');
    // Without DF the router fragments the request: no "fragmentation needed" comes back.
    const drops = (s.getState().result?.events ?? []).filter((e) => e.type === 'drop').map((e) => e.reason);
    expect(drops).not.toContain('frag-needed');
    expect((s.getState().result?.events ?? []).some((e) => e.type === 'fragment' && e.ns === 'router')).toBe(true);
    s.getState().setDraft({ ttl: '30' });
    expect(s.getState().result?.spec).toMatchObject({ ttl: 30, pmtudisc: 'dont' });
    // The DF twin on the same lab is another journey, not "unchanged".
    s.getState().loadScenario('mtu-frag-needed-router');
    expect(s.getState().result?.spec.pmtudisc ?? 'want').toBe('want');
  });
});
