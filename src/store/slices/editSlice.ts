import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { TemporalState } from 'zundo';
import { JourneyError, renamedNamespaces, samePositionsAside, type Topology } from '../../core';
import { FIT_MAX } from '../../geometry/camera';
import { fitArrangement, layoutTopology } from '../../geometry/layout';
import type { AppState } from '../appState';
import type { EditSlice, HistoryState } from '../editState';
import { keepEndpoints, namespaceNames, parseDraft } from '../specDraft';
import { run } from './journeySlice';

/** The store as the temporal middleware leaves it: with its history store beside it. */
type WithHistory = StoreApi<AppState> & { temporal: StoreApi<TemporalState<HistoryState>> };

/**
 * Everything that follows from a new lab: its drawing (arranged for the measured canvas), and,
 * unless only positions changed, the journey run again with the endpoints kept where they exist.
 * A renamed machine or pod (the inspector, or its undo) keeps its selection, pin and place in the
 * journey under the new name; selection and pin are dropped when their namespace is gone.
 */
export function afterTopology(s: AppState, topology: Topology): Partial<AppState> {
  const layout = s.stage ? layoutTopology(topology, { arrangement: fitArrangement(topology, s.stage.w, s.stage.h, FIT_MAX) }) : layoutTopology(topology);
  // A move (a drag's, at every frame) renames and removes nothing, and changes nothing the engine
  // reads: selection, pin and the journey on screen all hold.
  if (samePositionsAside(s.topology, topology)) return { topology, layout };
  const names = namespaceNames(topology);
  const exists = (ns: string | null) => ns !== null && (names.pods.includes(ns) || names.machines.includes(ns));
  const renamed = renamedNamespaces(s.topology, topology);
  const follow = <N extends string | null>(ns: N): N => (ns === null ? ns : ((renamed.get(ns) ?? ns) as N));
  const selected = follow(s.selected);
  const pinnedNs = follow(s.pinnedNs);
  const kept = s.selection.map(follow).filter(exists);
  // The same array while nothing selected was renamed or went: the canvas's boxes compare it.
  const selection = kept.length === s.selection.length && kept.every((ns, k) => ns === s.selection[k]) ? s.selection : kept;
  const base: Partial<AppState> = {
    topology,
    layout,
    selected: exists(selected) ? selected : (selection[0] ?? null),
    selection,
    pinnedNs: exists(pinnedNs) ? pinnedNs : null,
  };
  const followed = renamed.size > 0 ? { ...s.draft, from: follow(s.draft.from), to: follow(s.draft.to) } : s.draft;
  const draft = keepEndpoints(topology, followed);
  const parsed = parseDraft(topology, draft);
  const runs = s.runs + 1;
  // The lab is no longer the scenario's: a link must not name it.
  const common = { ...base, draft, preset: null, index: 0, playing: false, pending: false };
  if (!parsed.spec) return { ...common, result: null, errors: parsed.errors, engineError: null };
  const out = run(s.engine, topology, parsed.spec);
  return { ...common, result: out.result, engineError: out.engineError, errors: [], runs };
}

/** Has the lab been edited away from the one opened (moves aside)? Then it is no scenario's lab any more. */
export function selectLabEdited(s: AppState): boolean {
  return !samePositionsAside(s.baseTopology, s.topology);
}

/** The editor's slice: mode, selection, the action gate and undo/redo over the lab (zundo). */
export const createEditSlice = (init: { topology: Topology }): StateCreator<AppState, [], [], EditSlice> => (set, get, api) => {
  const history = () => (api as WithHistory).temporal.getState();
  const counts = () => ({ canUndo: history().pastStates.length > 0, canRedo: history().futureStates.length > 0 });
  const travel = (how: 'undo' | 'redo') => {
    const h = history();
    if ((how === 'undo' ? h.pastStates : h.futureStates).length === 0) return;
    const before = get();
    // zundo puts the lab back (its own set, never recorded); what follows from it is derived here.
    if (how === 'undo') h.undo();
    else h.redo();
    const topology = get().topology;
    set({ ...afterTopology(before, topology), ...counts(), editError: null, lastEdit: { label: '', how } });
  };
  return {
    mode: 'play',
    baseTopology: init.topology,
    setMode: (mode) => set(mode === 'edit' ? { mode, playing: false, cni: null } : { mode, selected: null, selection: [], cniOffer: null }),
    selected: null,
    selection: [],
    select: (selected) => set({ selected, selection: selected === null ? [] : [selected] }),
    toggleSelect: (ns) => {
      const { selection } = get();
      if (selection.includes(ns)) {
        const rest = selection.filter((x) => x !== ns);
        set({ selection: rest, selected: rest.at(-1) ?? null });
      } else set({ selection: [...selection, ns], selected: ns });
    },
    selectMany: (names) => set({ selection: [...names], selected: names[0] ?? null }),
    clipboard: null,
    setClipboard: (clipboard) => set({ clipboard }),
    editError: null,
    refuse: (editError) => set({ editError }),
    lastEdit: null,
    canUndo: false,
    canRedo: false,
    edit: (label, recipe, opts = {}) => {
      const s = get();
      let next: Topology;
      try {
        next = recipe(s.topology);
      } catch (e) {
        if (!(e instanceof JourneyError)) throw e;
        set({ editError: e.text });
        return false;
      }
      if (next === s.topology) return false;
      const how = opts.history ?? 'push';
      const h = history();
      // The history records only while this gate says so: every other set (playback, hover,
      // selection, zoom) runs with tracking paused, so it can never become an undo step.
      if (how === 'push') h.resume();
      try {
        set({ ...afterTopology(s, next), editError: null, lastEdit: { label, how: 'do' } });
      } finally {
        h.pause();
      }
      set(counts());
      return true;
    },
    undo: () => travel('undo'),
    redo: () => travel('redo'),
  };
};
