import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { Topology } from '../core';
import { readLabFile, writeLabFile } from '../core/model/labFile';
import type { AutosavedLab, LabShelf, LabSummary, OpenedLab } from '../store/shelf';

/*
 * "My labs": the labs a user keeps in this browser, and the autosave of the lab being edited, in
 * IndexedDB through idb-keyval (localStorage's few megabytes would not hold an imported cluster).
 * Each lab is stored as the text of a lab file, so a record that no longer reads (a future
 * version, a damaged entry) is reported with its raw text to download, never dropped and never a
 * blank page. Only the app layer touches the browser's storage.
 */

export type { LabSummary, OpenedLab } from '../store/shelf';

/** A stored record: the summary and the lab file's text (the autosave also names the kept lab it is). */
interface LabRecord extends LabSummary {
  text: string;
  labId?: string | null;
}

/** The key of the autosaved lab (the one being edited), beside the kept ones. */
const AUTOSAVE = 'autosave';
const LAB_PREFIX = 'lab:';

function isRecord(v: unknown): v is LabRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.name === 'string' && typeof r.updated === 'number' && typeof r.text === 'string';
}

/** The raw text of whatever is stored, for a download when it does not read as a lab. */
function rawOf(v: unknown): string {
  if (isRecord(v)) return v.text;
  try {
    return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}

/** What a stored value reads as: a lab, or the problems (a record that is not even one: the file's own checks say so). */
function open(v: unknown): OpenedLab | null {
  if (v === undefined) return null;
  const raw = rawOf(v);
  return { ...readLabFile(raw), raw };
}

/**
 * The library of one browser profile. `store` is for tests (fake-indexeddb) or a second library;
 * `now` gives the time written as `updated` (ms). Every method is async and rejects only when
 * IndexedDB itself fails (private mode in some browsers, a full disk): callers say so and keep the
 * lab in memory.
 */
export function labLibrary(store: UseStore = createStore('packet-journey', 'labs'), now: () => number = Date.now): LabShelf {
  const write = (r: LabRecord): Promise<void> => set(LAB_PREFIX + r.id, r, store);
  return {
    /** The kept labs, most recently changed first; unreadable entries are listed by their key so they can be opened, downloaded and deleted. */
    async list(): Promise<LabSummary[]> {
      const all = await entries(store);
      const out: LabSummary[] = [];
      for (const [key, v] of all) {
        if (typeof key !== 'string' || !key.startsWith(LAB_PREFIX)) continue;
        const id = key.slice(LAB_PREFIX.length);
        out.push(isRecord(v) ? { id, name: v.name, updated: v.updated } : { id, name: id, updated: 0 });
      }
      return out.sort((a, b) => b.updated - a.updated || a.name.localeCompare(b.name));
    },
    /** Keeps `topology` as a new lab named `name`; returns its id. */
    async create(name: string, topology: Topology): Promise<string> {
      const id = globalThis.crypto.randomUUID();
      await write({ id, name, updated: now(), text: writeLabFile(topology) });
      return id;
    },
    /** Saves `topology` into the kept lab `id` (its name stays; `name` names it again if the entry was deleted meanwhile). */
    async save(id: string, topology: Topology, name: string): Promise<void> {
      const old: unknown = await get(LAB_PREFIX + id, store);
      await write({ id, name: isRecord(old) ? old.name : name, updated: now(), text: writeLabFile(topology) });
    },
    /** The kept lab `id`, read like a lab file; null when there is none. */
    async open(id: string): Promise<OpenedLab | null> {
      return open(await get(LAB_PREFIX + id, store));
    },
    async rename(id: string, name: string): Promise<void> {
      const old: unknown = await get(LAB_PREFIX + id, store);
      if (isRecord(old)) await write({ ...old, name, updated: now() });
    },
    /** A copy of lab `id` named `name`, kept as a new lab (its text as it is, even unreadable); its id, or null when there is nothing to copy. */
    async duplicate(id: string, name: string): Promise<string | null> {
      const old: unknown = await get(LAB_PREFIX + id, store);
      if (old === undefined) return null;
      const copy = globalThis.crypto.randomUUID();
      await write({ id: copy, name, updated: now(), text: rawOf(old) });
      return copy;
    },
    async remove(id: string): Promise<void> {
      await del(LAB_PREFIX + id, store);
    },
    /** Remembers the lab being worked on and the kept lab it is (`labId`, `name`), so a reload finds it. */
    async autosave(topology: Topology, labId: string | null, name: string): Promise<void> {
      await set(AUTOSAVE, { id: AUTOSAVE, name, updated: now(), text: writeLabFile(topology), labId } satisfies LabRecord, store);
    },
    /** The autosaved lab, read like a lab file, with the kept lab it was saved as; null when nothing was autosaved. */
    async restore(): Promise<AutosavedLab | null> {
      const v: unknown = await get(AUTOSAVE, store);
      const opened = open(v);
      if (!opened) return null;
      const r = isRecord(v) ? v : null;
      return { ...opened, labId: typeof r?.labId === 'string' ? r.labId : null, name: r?.name ?? '' };
    },
    async clearAutosave(): Promise<void> {
      await del(AUTOSAVE, store);
    },
  };
}
