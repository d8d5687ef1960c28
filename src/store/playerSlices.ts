import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState';
import type { AppStoreInit } from './createAppStore';
import type { EditSlice } from './editState';
import type { CniSlice } from './slices/cniSlice';
import { createCanvasSlice } from './slices/canvasSlice';
import { createJourneySlice } from './slices/journeySlice';
import { createPlaybackSlice } from './slices/playbackSlice';
import { createShelfSlice } from './slices/shelfSlice';
import { createStepsSlice } from './slices/stepsSlice';
import { createUiSlice } from './slices/uiSlice';

/** The state of every store but the editor's and the CNI story's slices. */
export type PlayerSlices = Omit<AppState, keyof EditSlice | keyof CniSlice>;

/**
 * The slices every app's store has, the app's page and the players for other pages alike: the
 * journey, playback, interface, canvas, steps and the shelf (`openLab`, which the embed's `load`
 * command uses). `createAppStore` adds the editor (with zundo's history) and the CNI stories;
 * `createPlayerStore` their inert stand-ins.
 */
export function playerSlices(init: AppStoreInit): StateCreator<AppState, [], [], PlayerSlices> {
  return (...a) => ({
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
    ...createShelfSlice()(...a),
  });
}
