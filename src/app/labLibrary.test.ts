import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { formatProblem, generateCluster, seedTopology } from '../core';
import { addPod } from '../core/editing';
import { labLibrary } from './labLibrary';

let n = 0;
/** A library in a database of its own, with a clock that ticks one second per call. */
function fresh() {
  const store = createStore(`pj-test-${++n}`, 'labs');
  let t = 1_000;
  return { store, lib: labLibrary(store, () => (t += 1000)) };
}

describe('My labs', () => {
  it('keeps, lists, renames, duplicates and deletes labs, most recently changed first', async () => {
    const { lib } = fresh();
    const a = await lib.create('Lesson 1', seedTopology());
    const grown = addPod(seedTopology(), 'node1').topology;
    const b = await lib.create('Lesson 2', grown);
    expect((await lib.list()).map((l) => l.name)).toEqual(['Lesson 2', 'Lesson 1']);
    await lib.rename(a, 'Lesson 1: ARP');
    expect((await lib.list())[0]).toMatchObject({ id: a, name: 'Lesson 1: ARP' });
    const c = await lib.duplicate(b, 'Lesson 2 (copy)');
    const opened = c === null ? null : await lib.open(c);
    expect(opened?.ok && opened.topology).toEqual(grown);
    await lib.remove(a);
    expect((await lib.list()).map((l) => l.name)).toEqual(['Lesson 2 (copy)', 'Lesson 2']);
    expect(await lib.open(a)).toBeNull();
    expect(await lib.duplicate(a, 'nothing')).toBeNull();
  });

  it('autosaves the lab being edited and restores it, a 2,000-pod cluster included', async () => {
    const { lib } = fresh();
    expect(await lib.restore()).toBeNull();
    const big = generateCluster({ nodes: 100, podsPerNode: 20 });
    await lib.autosave(big, null, 'Cluster');
    const back = await lib.restore();
    expect(back?.ok && back.topology).toEqual(big);
    expect(back).toMatchObject({ labId: null, name: 'Cluster' });
    const id = await lib.create('big', big);
    await lib.save(id, seedTopology(), 'unused');
    expect((await lib.list()).map((l) => l.name)).toEqual(['big']);
    await lib.autosave(seedTopology(), id, 'big');
    expect(await lib.restore()).toMatchObject({ ok: true, labId: id, name: 'big' });
    // Saved into an entry deleted meanwhile (another tab): it is kept again under the name given.
    await lib.remove(id);
    await lib.save(id, seedTopology(), 'big again');
    expect((await lib.list()).map((l) => l.name)).toEqual(['big again']);
    await lib.clearAutosave();
    expect(await lib.restore()).toBeNull();
  });

  it('reports a damaged or future entry with its raw text to download, never drops it', async () => {
    const { store, lib } = fresh();
    await set('autosave', { id: 'autosave', name: 'x', updated: 1, text: '{"version": 1, "name": "x", "machi' }, store);
    const broken = await lib.restore();
    expect(broken?.ok).toBe(false);
    expect(broken?.raw).toBe('{"version": 1, "name": "x", "machi');
    if (broken && !broken.ok) expect(formatProblem(broken.problems[0]!, 'ru')).toMatch(/не является корректным JSON/);
    await set('lab:odd', 42, store);
    await set('lab:future', { id: 'future', name: 'From 2030', updated: 5, text: JSON.stringify({ ...seedTopology(), version: 9 }) }, store);
    expect((await lib.list()).map((l) => [l.id, l.name])).toEqual([['future', 'From 2030'], ['odd', 'odd']]);
    const future = await lib.open('future');
    if (future && !future.ok) expect(formatProblem(future.problems[0]!, 'en')).toContain('format version 9, made by a newer Packet Journey');
    else expect.unreachable('a future version must not open');
    const odd = await lib.open('odd');
    expect(odd?.ok).toBe(false);
    expect(odd?.raw).toBe('42');
  });
});
