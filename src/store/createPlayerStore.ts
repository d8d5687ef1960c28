import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { AppStoreInit } from './createAppStore';
import type { EditSlice } from './editState';
import { gatePacks } from './packsGate';
import { playerSlices } from './playerSlices';
import type { CniSlice } from './slices/cniSlice';

/*
 * The store of a player that never edits: the embed (embed.html) and <packet-journey>. They have
 * no Edit button, no undo and no CNI story, so their first load carries neither the editor's slice
 * (edit gate, afterTopology) nor zundo's history nor the CNI slice: these are stand-ins holding
 * what the drawing reads of them (playing, nothing selected, no story) and refusing to change it.
 * One store per mounted player, as with `createAppStore`.
 */

/** A store of one mounted app: the app's (`AppStore`, with its undo history) or a player's. */
export type PlayerStore = StoreApi<AppState>;

/** The editor's state as a player shows it: playing, nothing selected, nothing to undo. */
function viewOnlyEdit(init: AppStoreInit): StateCreator<AppState, [], [], EditSlice> {
  return () => ({
    mode: 'play',
    baseTopology: init.topology,
    // A player has no editor: it stays in play (nothing calls these; they keep the state the drawing reads).
    setMode: () => undefined,
    selected: null,
    selection: [],
    select: () => undefined,
    toggleSelect: () => undefined,
    selectMany: () => undefined,
    clipboard: null,
    setClipboard: () => undefined,
    edit: () => false,
    editError: null,
    refuse: () => undefined,
    lastEdit: null,
    undo: () => undefined,
    redo: () => undefined,
    canUndo: false,
    canRedo: false,
  });
}

/** No CNI story in a player: its `?preset=cni-…` is not opened (as before this store existed). */
const noCniStory: StateCreator<AppState, [], [], CniSlice> = () => ({
  cni: null,
  cniOffer: null,
  openCniStory: () => Promise.resolve(false),
  playCniStory: () => undefined,
  offerCniStory: () => undefined,
  watchCniOffer: () => Promise.resolve(),
  closeCniStory: () => undefined,
  cniNext: () => undefined,
  cniPrev: () => undefined,
  cniFirst: () => undefined,
  cniLast: () => undefined,
  cniSeek: () => undefined,
  cniToggle: () => undefined,
  cniPause: () => undefined,
});

/**
 * Create the store of one player that never edits (see above): the same state as `createAppStore`'s,
 * with the editor's and the CNI story's slices inert and no undo history; the datapath packs' gate as
 * the app's (`gatePacks`).
 */
export function createPlayerStore(init: AppStoreInit): PlayerStore {
  const store = createStore<AppState>()((...a) => ({ ...playerSlices(init)(...a), ...viewOnlyEdit(init)(...a), ...noCniStory(...a) }));
  // A lab whose datapath packs are not loaded waits for them, as in the app's store.
  gatePacks(store);
  return store;
}
