import type { StateCreator } from 'zustand/vanilla';
import type { AppState, PlaybackSlice } from '../appState';
import { snapIndex, stepPosition } from '../floods';
import { selectSteps } from '../selectors';

/** Clamp a playhead position to the journey's events, and onto a step (never inside a folded flood). */
function clampIndex(s: AppState, i: number): number {
  const n = s.result?.events.length ?? 0;
  return snapIndex(selectSteps(s), Math.max(0, Math.min(n - 1, Math.round(i))));
}

/** The event `by` steps away from the playhead (a folded flood is one step). */
function stepBy(s: AppState, by: number): number {
  const steps = selectSteps(s);
  const k = Math.max(0, Math.min(steps.length - 1, stepPosition(steps, s.index) + by));
  return steps[k]?.index ?? 0;
}

/** The playback slice: a playhead over the event log, moved by the controls and the timer. */
export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  index: 0,
  playing: false,
  speed: 1,
  play: () => {
    const s = get();
    const steps = selectSteps(s);
    if (steps.length === 0) return;
    // Play from the end starts over, like any media player.
    set({ playing: true, index: s.index >= (steps[steps.length - 1]?.index ?? 0) ? 0 : s.index });
  },
  pause: () => set({ playing: false }),
  toggle: () => (get().playing ? get().pause() : get().play()),
  next: () => {
    const s = get();
    const i = stepBy(s, 1);
    const steps = selectSteps(s);
    set({ index: i, playing: s.playing && i !== steps[steps.length - 1]?.index });
  },
  prev: () => set((s) => ({ index: stepBy(s, -1), playing: false })),
  first: () => set((s) => ({ index: clampIndex(s, 0), playing: false })),
  last: () => set((s) => ({ index: clampIndex(s, Number.MAX_SAFE_INTEGER), playing: false })),
  seek: (i) => set((s) => ({ index: clampIndex(s, i) })),
  setSpeed: (speed) => set({ speed: Math.max(0.25, Math.min(4, speed)) }),
});

/** Time one step stays on screen while playing, at 1×. */
export const STEP_MS = 1400;

/** Time one step stays on screen at a given speed. */
export function stepMs(speed: number): number {
  return STEP_MS / speed;
}
