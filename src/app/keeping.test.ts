import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { set } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, runJourney, seedTopology, stateAt, type Topology } from '../core';
import { writeLabFile } from '../core/model/labFile';
import { addNode, addPod } from '../core/editing';
import { createAppStore, type AppStore } from '../store/createAppStore';
import { createKeeper, uniqueName, type Keeper } from '../store/keeper';
import type { LabShelf } from '../store/shelf';
import { selectOpenEntry } from '../store/slices/shelfSlice';
import { labTitle } from '../components/library/labName';
import { restoreLab } from './keeping';
import { labLibrary } from './labLibrary';

let n = 0;
const keepers: Keeper[] = [];
afterEach(() => keepers.splice(0).forEach((k) => k.stop()));

/** A library in a database of its own. */
function library() {
  const store = createStore(`pj-keeper-${++n}`, 'labs');
  return { store, shelf: labLibrary(store) };
}

/** An app's store on the real engine, with the seed lab (or `topology`) and pod1 → pod3. */
function app(topology: Topology = seedTopology(), preset: string | null = null): AppStore {
  return createAppStore({ engine: { runJourney, stateAt }, topology, spec: { from: 'pod1', to: 'pod3' }, preset });
}

/** A keeper that saves only when asked (`flush`): no test waits for a timer. */
function keep(s: AppStore, shelf: LabShelf): Keeper {
  const k = createKeeper(s, shelf, { nameFor: labTitle, delayMs: 3_600_000 });
  keepers.push(k);
  return k;
}

const grow = (s: AppStore) => s.getState().edit('addNode', (t) => addNode(t)?.topology ?? t);

describe('the keeper: never lose work', () => {
  it('keeps a lab on its first edit under its name, saves later edits into it, and autosaves it', async () => {
    const { shelf } = library();
    const s = app();
    const k = keep(s, shelf);
    expect(s.getState().shelf.status).toBe('idle');
    grow(s);
    expect(s.getState().shelf.status).toBe('saving');
    await k.flush();
    expect(await shelf.list()).toMatchObject([{ name: 'Seed lab' }]);
    const entry = selectOpenEntry(s.getState());
    expect(entry?.name).toBe('Seed lab');
    expect(s.getState().shelf).toMatchObject({ status: 'saved' });
    s.getState().edit('addPod', (t) => addPod(t, 'node3').topology);
    await k.flush();
    expect(await shelf.list()).toHaveLength(1);
    const stored = await shelf.open(entry?.id ?? '');
    expect(stored?.ok && stored.topology).toEqual(s.getState().topology);
    expect(await shelf.restore()).toMatchObject({ ok: true, labId: entry?.id, name: 'Seed lab' });
  });

  it('names a scenario’s lab after the scenario, in the app’s language, and never twice the same', async () => {
    const { shelf } = library();
    await shelf.create('TCP-подключение к слушающему порту pod3: SYN, SYN-ACK, ACK', seedTopology());
    const s = app();
    s.getState().setLang('ru');
    s.getState().loadScenario('tcp-handshake-listener');
    const k = keep(s, shelf);
    grow(s);
    await k.flush();
    const title = (await shelf.list()).find((l) => l.id === selectOpenEntry(s.getState())?.id)?.name;
    expect(title).toBe('TCP-подключение к слушающему порту pod3: SYN, SYN-ACK, ACK (2)');
    // A scenario of the seed lab differs by its journey only: its lab is the seed lab.
    s.getState().loadScenario('ttl-1');
    grow(s);
    await k.flush();
    expect((await shelf.list()).map((l) => l.name)).toContain('Учебный стенд');
    expect(uniqueName('a', ['a', 'a (2)'])).toBe('a (3)');
    expect(uniqueName('b', ['a'])).toBe('b');
  });

  it('saves the last edits of a lab before a scenario replaces it, into that lab’s entry', async () => {
    const { shelf } = library();
    const s = app();
    const k = keep(s, shelf);
    grow(s);
    await k.flush();
    const id = selectOpenEntry(s.getState())?.id;
    s.getState().edit('addPod', (t) => addPod(t, 'node3').topology);
    const edited = s.getState().topology;
    // The picker opens a scenario before the pause is over: the pending save goes to the old entry.
    s.getState().loadScenario('tcp-handshake-listener');
    await k.flush();
    expect(selectOpenEntry(s.getState())).toBeNull();
    const stored = await shelf.open(id ?? '');
    expect(stored?.ok && stored.topology).toEqual(edited);
    expect(await shelf.list()).toHaveLength(1);
    // Its first edit keeps the scenario's lab as a second entry.
    grow(s);
    await k.flush();
    expect((await shelf.list()).map((l) => l.name)).toContain('TCP connect to a listening port on pod3: SYN, SYN-ACK, ACK');
  });

  it('a reload whose link carries the autosaved lab goes on saving into the same entry', async () => {
    const { shelf } = library();
    const first = app();
    const k1 = keep(first, shelf);
    grow(first);
    await k1.flush();
    const id = selectOpenEntry(first.getState())?.id;
    k1.stop();
    // The page reloads with ?lab= holding the same lab (a copy of it, read from the link).
    const again = app(JSON.parse(JSON.stringify(first.getState().topology)) as Topology);
    const k2 = keep(again, shelf);
    await k2.ready;
    expect(selectOpenEntry(again.getState())?.id).toBe(id);
    again.getState().edit('addPod', (t) => addPod(t, 'node3').topology);
    await k2.flush();
    expect(await shelf.list()).toHaveLength(1);
  });

  it('opens, renames, duplicates and deletes kept labs; opening clears the undo history', async () => {
    const { shelf } = library();
    const grown = addNode(seedTopology())?.topology ?? seedTopology();
    const id = await shelf.create('Lesson 1', grown);
    const s = app();
    const k = keep(s, shelf);
    grow(s);
    expect(s.getState().canUndo).toBe(true);
    expect(await k.open(id)).toEqual({ ok: true });
    expect(s.getState()).toMatchObject({ topology: grown, baseTopology: grown, canUndo: false, preset: null, index: 0 });
    expect(s.temporal.getState().pastStates).toHaveLength(0);
    expect(selectOpenEntry(s.getState())).toEqual({ id, name: 'Lesson 1' });
    // The edit made before opening was kept, not lost.
    expect((await k.list()).map((l) => l.name).sort()).toEqual(['Lesson 1', 'Seed lab']);
    expect(await k.rename(id, 'Lesson 1: ARP')).toBe(true);
    expect(selectOpenEntry(s.getState())?.name).toBe('Lesson 1: ARP');
    const copy = await k.duplicate(id, 'Lesson 1: ARP (copy)');
    expect(copy?.name).toBe('Lesson 1: ARP (copy)');
    expect(await k.text(copy?.id ?? '')).toBe(writeLabFile(grown));
    expect(await k.remove(id)).toBe(true);
    expect(selectOpenEntry(s.getState())).toBeNull();
    expect((await k.list()).map((l) => l.name).sort()).toEqual(['Lesson 1: ARP (copy)', 'Seed lab']);
    expect(await k.open('gone')).toBeNull();
  });

  it('imports a good file as a new lab and opens it; a bad or future one changes nothing and says why', async () => {
    const { shelf } = library();
    const s = app();
    const k = keep(s, shelf);
    const before = s.getState().topology;
    const bad = JSON.parse(writeLabFile(seedTopology())) as { machines: { interfaces: { mac: string }[] }[] };
    (bad.machines[1]?.interfaces[0] ?? { mac: '' }).mac = 'zz:00';
    const refused = await k.importText(JSON.stringify(bad), 'broken');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(formatProblem(refused.problems[0]!, 'en')).toBe('machines[1].interfaces[0].mac: expected a MAC like 02:00:0a:0a:0a:01, got "zz:00"');
      expect(formatProblem(refused.problems[0]!, 'ru')).toContain('ожидается MAC-адрес');
    }
    const future = await k.importText(JSON.stringify({ ...seedTopology(), version: 3 }), 'future');
    expect(!future.ok && formatProblem(future.problems[0]!, 'en')).toContain('format version 3, made by a newer Packet Journey');
    expect(s.getState().topology).toBe(before);
    expect(await shelf.list()).toEqual([]);

    const grown = addNode(seedTopology())?.topology ?? seedTopology();
    const ok = await k.importText(writeLabFile(grown), 'Lesson 2');
    expect(ok).toMatchObject({ ok: true });
    expect(s.getState().topology).toEqual(grown);
    expect(selectOpenEntry(s.getState())?.name).toBe('Lesson 2');
    // Export, then import: the same lab.
    const again = await k.importText(writeLabFile(s.getState().topology), 'Lesson 2');
    expect(again.ok).toBe(true);
    expect(s.getState().topology).toEqual(grown);
    expect(selectOpenEntry(s.getState())?.name).toBe('Lesson 2 (2)');
  });

  it('a damaged entry opens nothing and hands back its raw text', async () => {
    const { store, shelf } = library();
    await set('lab:bad', { id: 'bad', name: 'Bad', updated: 1, text: '{"version": 1, "machines": [' }, store);
    const s = app();
    const k = keep(s, shelf);
    const before = s.getState().topology;
    const r = await k.open('bad');
    expect(r).toMatchObject({ ok: false, raw: '{"version": 1, "machines": [' });
    expect(s.getState().topology).toBe(before);
    expect(await k.text('bad')).toBe('{"version": 1, "machines": [');
  });

  it('storage that refuses is said once; the lab stays in memory and edits go on', async () => {
    const refuse = () => Promise.reject(new DOMException('The user denied permission to access the database.', 'InvalidStateError'));
    const shelf: LabShelf = { list: refuse, create: refuse, save: refuse, open: refuse, rename: refuse, duplicate: refuse, remove: refuse, autosave: refuse, restore: refuse, clearAutosave: refuse };
    const s = app();
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const k = keep(s, shelf);
      grow(s);
      await k.flush();
      grow(s);
      await k.flush();
      expect(s.getState().shelf.status).toBe('failed');
      expect(s.getState().shelf.troubles.map((t) => t.kind)).toEqual(['storage']);
      expect(s.getState().topology.machines).toHaveLength(5);
      expect(await k.list()).toEqual([]);
      // Created while storage refuses: the lab opens all the same, only not kept.
      expect(await k.create('New lab', { version: 1, name: 'New lab', machines: [], segments: [] })).toBeNull();
      expect(s.getState().topology.machines).toHaveLength(0);
      expect(await restoreLab(shelf)).toEqual({ troubles: [{ key: 'storage', kind: 'storage', problems: [] }] });
    } finally {
      console.warn = warn;
    }
  });

  it('restores the autosave for the bare address, and reports a damaged one with its raw text', async () => {
    const { store, shelf } = library();
    expect(await restoreLab(shelf)).toEqual({ troubles: [] });
    const grown = addNode(seedTopology())?.topology ?? seedTopology();
    await shelf.autosave(grown, 'lab-1', 'Lesson 1');
    expect(await restoreLab(shelf)).toEqual({ topology: grown, entry: { id: 'lab-1', name: 'Lesson 1' }, troubles: [] });
    await set('autosave', { id: 'autosave', name: 'Lesson 1', updated: 1, text: '{"version": 9}', labId: 'lab-1' }, store);
    const r = await restoreLab(shelf);
    expect(r.topology).toBeUndefined();
    expect(r.troubles[0]).toMatchObject({ kind: 'autosave', raw: '{"version": 9}', name: 'Lesson 1' });
    expect(formatProblem(r.troubles[0]!.problems[0]!, 'en')).toContain('format version 9');
  });
});
