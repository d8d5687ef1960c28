import type { StateCreator } from 'zustand/vanilla';
import { FIT_MAX } from '../../geometry/camera';
import { arrangementKey, fitArrangement, layoutTopology } from '../../geometry/layout';
import type { AppState } from '../appState';
import type { CanvasSlice } from '../canvasState';

/** The drawing's slice: pin, measured stage and its arrangement, default panels. */
export function createCanvasSlice(init: { panelsChosen: boolean }): StateCreator<AppState, [], [], CanvasSlice> {
  return (set, get) => ({
    pinnedNs: null,
    togglePin: (ns) => {
      if (get().pinnedNs === ns) set({ pinnedNs: null });
      else set({ pinnedNs: ns, sideTab: 'tables', panels: true, panelsAuto: false });
    },
    unpin: () => set({ pinnedNs: null }),
    stage: null,
    setStage: (w, h) => {
      const s = get();
      if (s.stage && s.stage.w === w && s.stage.h === h) return;
      const arrangement = fitArrangement(s.topology, w, h, FIT_MAX);
      if (arrangementKey(arrangement) === arrangementKey(s.layout.arrangement)) set({ stage: { w, h } });
      else set({ stage: { w, h }, layout: layoutTopology(s.topology, { arrangement }) });
    },
    panelsAuto: !init.panelsChosen,
    fitPanels: (show) => {
      const s = get();
      if (s.panelsAuto && s.panels !== show) set({ panels: show });
    },
  });
}
