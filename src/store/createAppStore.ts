import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bilingual, JourneySpec, Level, Topology } from '../core';
import type { AppState } from './appState';
import type { JourneyEngine } from './engine';
import { createCanvasSlice } from './slices/canvasSlice';
import { createJourneySlice } from './slices/journeySlice';
import { createPlaybackSlice } from './slices/playbackSlice';
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

/** A store for one mounted app. */
export type AppStore = StoreApi<AppState>;

/**
 * Create the store of one app instance. Never a module singleton: two embeds on one slide deck
 * each get their own.
 */
export function createAppStore(init: AppStoreInit): AppStore {
  return createStore<AppState>()((...a) => ({
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
  }));
}
