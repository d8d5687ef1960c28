import { createStore, type StoreApi } from 'zustand/vanilla';
import type { JourneySpec, Topology } from '../core';
import type { AppState } from './appState';
import type { JourneyEngine } from './engine';
import { createJourneySlice } from './slices/journeySlice';
import { createPlaybackSlice } from './slices/playbackSlice';
import { createUiSlice } from './slices/uiSlice';
import type { Lang, Theme } from './types';

/** What one app instance starts from. */
export interface AppStoreInit {
  engine: JourneyEngine;
  topology: Topology;
  spec: JourneySpec;
  /** @default 'en' */
  lang?: Lang;
  /** @default 'light' */
  theme?: Theme;
}

/** A store for one mounted app. */
export type AppStore = StoreApi<AppState>;

/**
 * Create the store of one app instance. Never a module singleton: two embeds on one slide deck
 * each get their own.
 */
export function createAppStore(init: AppStoreInit): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createJourneySlice({ engine: init.engine, topology: init.topology, spec: init.spec })(...a),
    ...createPlaybackSlice(...a),
    ...createUiSlice({ lang: init.lang ?? 'en', theme: init.theme ?? 'light' })(...a),
  }));
}
