import type { StateCreator } from 'zustand/vanilla';
import type { AppState, StepsSlice } from '../appState';
import { displaySteps, floodFolds, snapIndex } from '../floods';
import { selectUnfolded } from '../selectors';

/** The steps slice: which floods are open, and whether the log hides what comes next. */
export function createStepsSlice(init: { hideFuture: boolean }): StateCreator<AppState, [], [], StepsSlice> {
  return (set, get) => ({
    unfolded: { result: null, at: [] },
    hideFuture: init.hideFuture,
    setHideFuture: (hideFuture) => set({ hideFuture }),
    toggleFold: (at) =>
      set((s) => {
        const open = s.unfolded.result === s.result ? s.unfolded.at : [];
        const next = open.includes(at) ? open.filter((x) => x !== at) : [...open, at];
        // Folding again while inside the flood puts the playhead back on the fold's step.
        const events = s.result?.events ?? [];
        return { unfolded: { result: s.result, at: next }, index: snapIndex(displaySteps(events, next), s.index) };
      }),
    reveal: (index) => {
      const s = get();
      const events = s.result?.events ?? [];
      const i = Math.max(0, Math.min(events.length - 1, Math.round(index)));
      const open = selectUnfolded(s);
      const hiding = floodFolds(events).find((f) => !open.includes(f.at) && f.members.includes(i));
      if (hiding) set({ unfolded: { result: s.result, at: [...open, hiding.at] } });
      get().seek(i);
    },
  });
}
