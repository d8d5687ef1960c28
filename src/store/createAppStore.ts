import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import type { Bilingual, JourneySpec, Level, Topology } from '../core';
import type { AppState } from './appState';
import type { JourneyEngine } from './engine';
import type { HistoryState } from './editState';
import { gatePacks } from './packsGate';
import { playerSlices } from './playerSlices';
import { createCniSlice } from './slices/cniSlice';
import { createEditSlice } from './slices/editSlice';
import type { Lang, Theme } from './types';

/** What one app instance starts from. */
export interface AppStoreInit {
  engine: JourneyEngine;
  topology: Topology;
  spec: JourneySpec;
  /** The reference scenario `topology` comes from (a link's `?preset=`). @default null */
  preset?: string | null;
  /** @default 'en' */
  lang?: Lang;
  /** @default 'light' */
  theme?: Theme;
  /** Camera follows the packet. @default true for labs of more than 4 machines */
  follow?: boolean;
  /** Show the packet and side panels. @default true (a small screen then starts with them closed) */
  panels?: boolean;
  /** Problems with how the app was opened, to show until dismissed. @default [] */
  notices?: Bilingual[];
  /** How much the narrator says. @default 'detailed' */
  level?: Level;
  /** The event log lists only the events up to the playhead. @default false */
  hideFuture?: boolean;
}

/** A store for one mounted app, with its undo history (zundo's temporal store) beside it. */
export type AppStore = StoreApi<AppState> & { temporal: StoreApi<TemporalState<HistoryState>> };

/** Most undo steps kept: a lesson's worth of edits, without holding every lab ever drawn. */
export const HISTORY_LIMIT = 200;

/**
 * Create the store of one app instance with the editor and its undo history. Never a module
 * singleton: two compare columns, or a handout's pictures, each get their own. The players for
 * other pages, which never edit, use `createPlayerStore` (no zundo, no editor in their first load).
 */
export function createAppStore(init: AppStoreInit): AppStore {
  const slices: StateCreator<AppState> = (...a) => ({
    ...playerSlices(init)(...a),
    ...createEditSlice({ topology: init.topology })(...a),
    ...createCniSlice(...a),
  });
  // The history holds the lab only, and records only inside the edit gate (see `EditSlice.edit`),
  // which resumes it for one set; the equality test is a second guard: a set that leaves the lab
  // object as it was is never a step.
  const store = createStore<AppState>()(
    temporal(slices, {
      partialize: (s): HistoryState => ({ topology: s.topology }),
      equality: (a, b) => a.topology === b.topology,
      limit: HISTORY_LIMIT,
    }),
  ) as unknown as AppStore;
  store.temporal.getState().pause();
  gatePacks(store);
  return store;
}
