import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import type { Bilingual, JourneySpec, Level, Topology } from '../core';
import type { AppState } from './appState';
import type { JourneyEngine } from './engine';
import type { HistoryState } from './editState';
import { createCanvasSlice } from './slices/canvasSlice';
import { createCniSlice } from './slices/cniSlice';
import { createEditSlice } from './slices/editSlice';
import { createJourneySlice } from './slices/journeySlice';
import { createPlaybackSlice } from './slices/playbackSlice';
import { createShelfSlice } from './slices/shelfSlice';
import { createStepsSlice } from './slices/stepsSlice';
import { createUiSlice } from './slices/uiSlice';
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
 * Create the store of one app instance. Never a module singleton: two embeds on one slide deck
 * each get their own.
 */
export function createAppStore(init: AppStoreInit): AppStore {
  const slices: StateCreator<AppState> = (...a) => ({
    ...createJourneySlice({ engine: init.engine, topology: init.topology, spec: init.spec, preset: init.preset ?? null })(...a),
    ...createPlaybackSlice(...a),
    ...createUiSlice({
      lang: init.lang ?? 'en',
      theme: init.theme ?? 'light',
      // A big cluster drawn whole is unreadable: show where the packet is instead.
      follow: init.follow ?? init.topology.machines.length > 4,
      panels: init.panels ?? true,
      notices: init.notices ?? [],
      level: init.level ?? 'detailed',
    })(...a),
    ...createCanvasSlice({ panelsChosen: init.panels !== undefined })(...a),
    ...createStepsSlice({ hideFuture: init.hideFuture ?? false })(...a),
    ...createEditSlice({ topology: init.topology })(...a),
    ...createShelfSlice()(...a),
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

/** Said when a pack's chunk did not arrive (the network lost it): opening the lab again tries again. */
function packsFailed(kinds: readonly string[]): Bilingual {
  const names = kinds.join(', ');
  return {
    en: `The simulator could not load the code of this lab's datapath (${names}): check the connection and open the lab again.`,
    ru: `Симулятору не удалось загрузить код для режима сети этого стенда (${names}): проверьте соединение и откройте стенд снова.`,
  };
}

/**
 * The one gate of the datapath packs (core/packs.ts): whenever the lab shown needs packs that are
 * not loaded (the first lab of a store, a scenario, an import, a paste, a datapath switch, an
 * undo, a message's `load`, a dropped picture, a compare column, a handout), the store says so
 * (`packsPending`, no journey, no error), loads them and runs the draft again (`afterPacks`).
 * Every way a lab enters the store goes through `topology`, so watching it is enough; the runs
 * before the packs arrive are refused quietly (`run`, PacksMissingError), never run without them.
 */
function gatePacks(store: AppStore): void {
  let waiting: Topology | null = null;
  const check = () => {
    const { engine, topology, packsPending } = store.getState();
    const missing = engine.missingPacks?.(topology) ?? [];
    if (missing.length === 0 || !engine.loadPacks) {
      if (packsPending) store.setState({ packsPending: false });
      return;
    }
    if (waiting === topology) return;
    waiting = topology;
    store.setState({ packsPending: true });
    engine.loadPacks(missing).then(
      () => {
        if (waiting === topology) waiting = null;
        if (store.getState().topology === topology) store.getState().afterPacks();
      },
      () => {
        if (waiting === topology) waiting = null;
        if (store.getState().topology === topology) store.setState({ packsPending: false, engineError: packsFailed(missing) });
      },
    );
  };
  store.subscribe((s, prev) => {
    if (s.topology !== prev.topology) check();
  });
  check();
}
