import { readLabFile } from '../core/model/labFile';
import type { JourneySpec, Problem, Topology } from '../core';
import type { AppState } from './appState';
import type { AppStore } from './createAppStore';
import type { LabShelf, LabSummary, OpenedLab } from './shelf';
import { selectOpenEntry, type ShelfEntry } from './slices/shelfSlice';

/*
 * The keeper: never lose work. It watches one app's store and keeps the lab being edited in a
 * LabShelf (IndexedDB in the browser): the first edit of a lab that is no kept lab yet (the seed, a
 * scenario, a link's) keeps it in "My labs" under a name of its own, every later edit saves into that
 * entry, and each save also becomes the autosave a bare address reopens. Saves wait until the edits
 * pause (a drag is hundreds of changes), and run one at a time, the last state always last. Storage
 * that refuses (a private window) is said once; the lab stays in memory and the app works on.
 */

/** Options of {@link createKeeper}. */
export interface KeeperOptions {
  /** Pause after the last change before it is saved, ms. @default 500 */
  delayMs?: number;
  /** The name a lab gets in "My labs" when its first edit keeps it (the scenario's title, "Seed lab"…). */
  nameFor: (s: AppState) => string;
  /** The clock written as "saved at" (ms). @default Date.now */
  now?: () => number;
}

/** A lab file that was imported, or why not (the file's problems, naming the field). */
export type ImportOutcome = { ok: true; id: string | null; migratedFrom?: number } | { ok: false; problems: Problem[] };

/** A kept lab that was opened, or why not: its problems and raw text (null: the entry is gone, or storage failed). */
export type EntryOutcome = { ok: true } | { ok: false; problems: Problem[]; raw: string } | null;

/** What the "My labs" dialog asks of the keeper; every lab-changing call saves the open lab first. */
export interface Keeper {
  /** Settles once the keeper has looked whether the open lab is the autosaved kept lab (a reload). */
  ready: Promise<void>;
  /** Saves a change still waiting (on pagehide, before another lab opens). */
  flush(): Promise<void>;
  /** Stops watching the store (the app unmounts); a change still waiting is saved. */
  stop(): void;
  /** The kept labs, most recently changed first ([] when storage fails, which is then said). */
  list(): Promise<LabSummary[]>;
  /** Opens kept lab `id`. */
  open(id: string): Promise<EntryOutcome>;
  /**
   * Keeps `topology` as a new lab named `name` (made unique) and opens it with journey `spec` or its
   * default one ("New lab", a copy of a preset); its id, or null when storage failed (it opens anyway).
   */
  create(name: string, topology: Topology, spec?: JourneySpec): Promise<string | null>;
  rename(id: string, name: string): Promise<boolean>;
  /** Keeps a copy of lab `id` named `name` (made unique); the copy, or null. */
  duplicate(id: string, name: string): Promise<ShelfEntry | null>;
  remove(id: string): Promise<boolean>;
  /** Reads a lab file's text; a readable one is kept as a new lab named `name` and opened, a bad one changes nothing. */
  importText(text: string, name: string): Promise<ImportOutcome>;
  /** The stored text of lab `id` (to export or to download a damaged one); null when there is none. */
  text(id: string): Promise<string | null>;
  /** Deletes the autosave (a damaged one the user chose to drop). */
  clearAutosave(): Promise<boolean>;
}

/** `base`, or `base (2)`, `base (3)`… : the first name no kept lab has. */
export function uniqueName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} (${n})`)) return `${base} (${n})`;
}

/** The same lab, compared as the text it is stored as. */
function sameLab(a: Topology, b: Topology): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A stored lab as the keeper reports it. */
function outcome(opened: OpenedLab): EntryOutcome {
  return opened.ok ? { ok: true } : { ok: false, problems: opened.problems, raw: opened.raw };
}

/**
 * Starts keeping the labs of the app `store` in `shelf`: watches for edits at once, and looks in the
 * background whether the lab the app opened with is the one last autosaved (a reload), to go on
 * saving into the same kept lab.
 */
export function createKeeper(store: AppStore, shelf: LabShelf, opts: KeeperOptions): Keeper {
  const delay = opts.delayMs ?? 500;
  const now = opts.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The app's state at the last change not yet saved: its lab, base lab and name. */
  let pending: AppState | null = null;
  let saving: Promise<void> | null = null;
  const shelfState = () => store.getState().shelf;
  const setShelf = (patch: Parameters<AppState['setShelf']>[0]) => store.getState().setShelf(patch);
  const bump = () => setShelf({ revision: shelfState().revision + 1 });

  /** Storage refused: said once (a banner), the status shows it, the lab stays in memory. */
  const failed = (e: unknown) => {
    console.warn('Packet Journey: the browser refused to keep labs', e);
    setShelf({ status: 'failed' });
    if (!shelfState().troubles.some((t) => t.kind === 'storage')) store.getState().addTrouble({ key: 'storage', kind: 'storage', problems: [] });
  };
  /** Runs a storage call; its value, or `fallback` once the failure was said. */
  const guard = async <T,>(p: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await p();
    } catch (e) {
      failed(e);
      return fallback;
    }
  };

  /** `base` made unique among the kept labs' names (rejects when storage fails). */
  const freeName = async (base: string) => uniqueName(base, (await shelf.list()).map((l) => l.name));

  /** Saves the state `s` was in: into its kept lab, or a new one on its first edit; then the autosave. */
  const saveNow = async (s: AppState) => {
    const current = shelfState();
    let entry: ShelfEntry | null = current.entry !== null && current.entryBase === s.baseTopology ? current.entry : null;
    // Edited and undone back to the lab as opened before the pause: nothing of the user's to keep yet.
    if (!entry && s.topology === s.baseTopology) {
      setShelf({ status: current.status === 'saving' ? 'idle' : current.status });
      return;
    }
    setShelf({ status: 'saving' });
    try {
      if (entry) {
        await shelf.save(entry.id, s.topology, entry.name);
      } else {
        const name = await freeName(named.base === s.baseTopology ? named.name : opts.nameFor(s));
        entry = { id: await shelf.create(name, s.topology), name };
        // Later edits of this lab go into the same entry (unless another lab opened meanwhile).
        const later = store.getState();
        if (later.baseTopology === s.baseTopology && selectOpenEntry(later) === null) setShelf({ entry, entryBase: s.baseTopology });
      }
      await shelf.autosave(s.topology, entry.id, entry.name);
      setShelf({ status: 'saved', savedAt: now(), revision: shelfState().revision + 1 });
    } catch (e) {
      failed(e);
    }
  };

  const flush = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    while (saving) await saving;
    const s = pending;
    if (!s) return;
    pending = null;
    saving = saveNow(s);
    try {
      await saving;
    } finally {
      saving = null;
    }
  };

  // The name a lab will be kept under is taken when it opens: its first edit makes it no scenario's any more.
  let named = { base: store.getState().baseTopology, name: opts.nameFor(store.getState()) };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.topology === prev.topology) return;
    if (s.baseTopology !== prev.baseTopology) {
      named = { base: s.baseTopology, name: opts.nameFor(s) };
      // Another lab opened (a scenario, a kept lab): the last edits of the one before are saved now.
      if (pending) void flush();
      return;
    }
    pending = s;
    const status = shelfState().status;
    if (status !== 'failed' && status !== 'saving') setShelf({ status: 'saving' });
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  });
  // A lab edited before the keeper started (its code loads on first use) is saved too.
  const first = store.getState();
  if (first.topology !== first.baseTopology) {
    pending = first;
    timer = setTimeout(() => void flush(), delay);
  }

  /** A reload: the lab the link opened is the one autosaved, so it goes on saving into the same entry. */
  const attach = async () => {
    const s0 = store.getState();
    if (selectOpenEntry(s0)) return;
    const saved = await guard(() => shelf.restore(), null);
    if (!saved?.ok || saved.labId === null) return;
    const labs = await guard(() => shelf.list(), []);
    const kept = labs.find((l) => l.id === saved.labId);
    const s = store.getState();
    if (!kept || s.baseTopology !== s0.baseTopology || selectOpenEntry(s) || !sameLab(saved.topology, s.baseTopology)) return;
    setShelf({ entry: { id: kept.id, name: kept.name }, entryBase: s.baseTopology });
  };
  const ready = attach();

  /** Opens a lab read from storage as kept lab `entry`, and remembers it as the lab last worked on. */
  const openKept = async (topology: Topology, entry: ShelfEntry, spec?: JourneySpec) => {
    store.getState().openLab(topology, spec ? { entry, spec } : { entry });
    const ok = await guard(async () => {
      await shelf.autosave(topology, entry.id, entry.name);
      return true;
    }, false);
    if (ok) setShelf({ status: 'saved', savedAt: now(), revision: shelfState().revision + 1 });
    else bump();
  };

  return {
    ready,
    flush,
    stop: () => {
      unsubscribe();
      // An edit still waiting is saved, not dropped.
      if (pending) void flush();
    },
    list: () => guard(() => shelf.list(), []),
    open: async (id) => {
      await flush();
      const opened = await guard(() => shelf.open(id), null);
      if (!opened) return null;
      if (!opened.ok) return outcome(opened);
      const name = (await guard(() => shelf.list(), [])).find((l) => l.id === id)?.name ?? opened.topology.name;
      await openKept(opened.topology, { id, name });
      return { ok: true };
    },
    create: async (base, topology, spec) => {
      await flush();
      const made = await guard(async () => {
        const name = await freeName(base);
        return { id: await shelf.create(name, topology), name };
      }, null);
      if (made === null) {
        store.getState().openLab(topology, spec ? { spec } : {});
        return null;
      }
      await openKept(topology, made, spec);
      return made.id;
    },
    rename: async (id, name) => {
      const ok = await guard(async () => {
        await shelf.rename(id, name);
        return true;
      }, false);
      const entry = shelfState().entry;
      if (ok && entry?.id === id) setShelf({ entry: { id, name } });
      bump();
      return ok;
    },
    duplicate: async (id, name) => {
      await flush();
      const copy = await guard(async () => {
        const unique = await freeName(name);
        const made = await shelf.duplicate(id, unique);
        return made === null ? null : { id: made, name: unique };
      }, null);
      bump();
      return copy;
    },
    remove: async (id) => {
      const ok = await guard(async () => {
        await shelf.remove(id);
        return true;
      }, false);
      // The open lab stays open; its next edit keeps it again, under a new entry.
      if (ok && shelfState().entry?.id === id) setShelf({ entry: null, entryBase: null });
      bump();
      return ok;
    },
    importText: async (text, name) => {
      const read = readLabFile(text);
      if (!read.ok) return read;
      await flush();
      const made = await guard(async () => {
        const unique = await freeName(name);
        return { id: await shelf.create(unique, read.topology), name: unique };
      }, null);
      if (made === null) store.getState().openLab(read.topology);
      else await openKept(read.topology, made);
      const id = made?.id ?? null;
      return read.migratedFrom !== undefined ? { ok: true, id, migratedFrom: read.migratedFrom } : { ok: true, id };
    },
    text: async (id) => {
      const opened = await guard(() => shelf.open(id), null);
      return opened ? opened.raw : null;
    },
    clearAutosave: () =>
      guard(async () => {
        await shelf.clearAutosave();
        return true;
      }, false),
  };
}
