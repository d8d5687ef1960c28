import type { StateCreator } from 'zustand/vanilla';
import type { JourneySpec, Topology } from '../../core';
import type { AppState } from '../appState';
import { defaultSpec } from '../defaultSpec';
import type { ShelfTrouble } from '../shelf';
import { completeSpec } from '../specDraft';
import { openedLab, run } from './journeySlice';

/** A kept lab ("My labs") by id and name. */
export interface ShelfEntry {
  id: string;
  name: string;
}

/** How the last save of the open lab went. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** What the app knows about keeping its labs (filled by the keeper, `store/keeper.ts`). */
export interface ShelfState {
  /**
   * The kept lab the open lab is saved into, or null. It holds only while `entryBase` is still the
   * base lab: opening another lab (a scenario from the picker) lets it go without the keeper.
   */
  entry: ShelfEntry | null;
  entryBase: Topology | null;
  status: SaveStatus;
  /** When the open lab was last saved (ms since the epoch). */
  savedAt: number | null;
  /** Grows whenever the list of kept labs changes, so a list on screen reads it again. */
  revision: number;
  /** What the user must hear of: storage refused, a stored or linked lab that does not read. */
  troubles: ShelfTrouble[];
}

/** The shelf slice: what is kept where, and opening a lab that is no scenario. */
export interface ShelfSlice {
  shelf: ShelfState;
  setShelf: (patch: Partial<ShelfState>) => void;
  /** Adds a trouble (one with the same key replaces it). */
  addTrouble: (trouble: ShelfTrouble) => void;
  dismissTrouble: (key: string) => void;
  /**
   * Opens `topology` as a lab of its own (kept, imported, new): like a scenario, it becomes the base
   * lab, the undo history is cleared and the journey starts at its first event; the journey is
   * `spec` (completed) or the lab's default one. It opens even when no journey can run (an empty lab,
   * to build in the editor). `entry` is the kept lab it is saved into, if any.
   */
  openLab: (topology: Topology, opts?: { spec?: JourneySpec; entry?: ShelfEntry | null }) => void;
}

/** The kept lab the open lab is saved into, or null (see {@link ShelfState.entry}). */
export function selectOpenEntry(s: AppState): ShelfEntry | null {
  return s.shelf.entry !== null && s.shelf.entryBase === s.baseTopology ? s.shelf.entry : null;
}

/** The shelf slice; nothing is kept until a keeper runs. */
export const createShelfSlice = (init: { troubles?: ShelfTrouble[] } = {}): StateCreator<AppState, [], [], ShelfSlice> => (set, get, api) => ({
  shelf: { entry: null, entryBase: null, status: 'idle', savedAt: null, revision: 0, troubles: init.troubles ?? [] },
  setShelf: (patch) => set({ shelf: { ...get().shelf, ...patch } }),
  addTrouble: (trouble) => {
    const troubles = get().shelf.troubles.filter((t) => t.key !== trouble.key);
    set({ shelf: { ...get().shelf, troubles: [...troubles, trouble] } });
  },
  dismissTrouble: (key) => set({ shelf: { ...get().shelf, troubles: get().shelf.troubles.filter((t) => t.key !== key) } }),
  openLab: (topology, opts = {}) => {
    const s = get();
    const spec = opts.spec ? completeSpec(topology, opts.spec) : defaultSpec(topology);
    const out = run(s.engine, topology, spec);
    // Another lab: the undo history of the one before does not apply to it.
    (api as { temporal?: { getState: () => { clear: () => void } } }).temporal?.getState().clear();
    const entry = opts.entry ?? null;
    // A lab without the pods a journey needs (a new, empty one) opens quietly: nothing to play yet.
    const quiet = !opts.spec && !topology.machines.some((m) => (m.pods ?? []).length > 0);
    const opened = openedLab(s, topology, spec, quiet ? { result: out.result, engineError: null } : out);
    // Nothing to send from yet: the form names no pod of another lab; the editor's first machines fill it.
    if (quiet && opened.draft) opened.draft = { ...opened.draft, from: '', toKind: 'ns', to: '', toIp: '' };
    set({ ...opened, shelf: { ...s.shelf, entry, entryBase: entry ? topology : null } });
  },
});
