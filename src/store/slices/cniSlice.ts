import type { StateCreator } from 'zustand/vanilla';
import type { CniStory } from '../../core/model/cniStory';
import type { PodCniAdd } from '../../core/model/podNetwork';
import type { Topology } from '../../core/model/topology';
import { isCniStoryId } from '../../core/presets/cniStoryIds';
import { layoutTopology } from '../../geometry/layout';
import type { TopologyLayout } from '../../geometry/layoutTypes';
import type { AppState } from '../appState';

/*
 * The player's second kind of story: a CNI operation (ADD, DEL, CHECK) stepped through like a
 * journey. The slice keeps the story (plain data from the core), a playhead over its events and
 * the drawing of each step (the lab before, folded with the events so far: cniFold.ts), computed
 * once when the story opens. Nothing here is a lab edit: the lab, the journey and the undo
 * history stay as they were, and closing the story shows them again. The CNI core loads only
 * when a story opens (a dynamic import), never with the first page.
 */

/** A CNI story on screen. */
export interface CniPlay {
  story: CniStory;
  /** Index of the current event in `story.events`. */
  index: number;
  playing: boolean;
  /** The drawing at each event (`layouts[i]` for `story.frames[i]`; one object per distinct frame). */
  layouts: TopologyLayout[];
}

/** The pod the editor just added, with the ADD that wired it (the offer "Watch how the CNI plugin wired it"). */
export interface CniOffer {
  before: Topology;
  machine: string;
  pod: string;
  add: PodCniAdd;
}

/** The CNI story slice; never part of the undo history. */
export interface CniSlice {
  cni: CniPlay | null;
  cniOffer: CniOffer | null;
  /** Open CNI scenario `id` (`?preset=`, the scenario picker); false for an id that is not one. */
  openCniStory: (id: string) => Promise<boolean>;
  /** Show `story` at its first event. */
  playCniStory: (story: CniStory) => void;
  /** Offer (or withdraw, with null) the story of the pod just added. */
  offerCniStory: (offer: CniOffer | null) => void;
  /** Play the offered ADD (leaving edit mode). */
  watchCniOffer: () => Promise<void>;
  closeCniStory: () => void;
  cniNext: () => void;
  cniPrev: () => void;
  cniFirst: () => void;
  cniLast: () => void;
  cniSeek: (index: number) => void;
  cniToggle: () => void;
  cniPause: () => void;
}

/** The drawing of every frame, reusing one layout per distinct frame object. */
function layoutsOf(story: CniStory, s: AppState): TopologyLayout[] {
  const made = new Map<Topology, TopologyLayout>();
  const of = (t: Topology): TopologyLayout => {
    let l = made.get(t);
    if (!l) {
      l = layoutTopology(t, { arrangement: s.layout.arrangement });
      made.set(t, l);
    }
    return l;
  };
  return story.frames.map(of);
}

/** The CNI story slice: the story, its playhead, and the editor's offer. */
export const createCniSlice: StateCreator<AppState, [], [], CniSlice> = (set, get) => {
  const move = (f: (p: CniPlay) => number, playing?: boolean) => {
    const p = get().cni;
    if (!p) return;
    const last = p.story.events.length - 1;
    const index = Math.max(0, Math.min(last, f(p)));
    const keep = playing ?? p.playing;
    set({ cni: { ...p, index, playing: keep && index < last } });
  };
  return {
    cni: null,
    cniOffer: null,
    openCniStory: async (id) => {
      if (!isCniStoryId(id)) return false;
      const { buildCniStory } = await import('../../core/presets/cniStories');
      get().playCniStory(buildCniStory(id));
      return true;
    },
    playCniStory: (story) => {
      const s = get();
      if (s.mode === 'edit') s.setMode('play');
      set({ cni: { story, index: 0, playing: false, layouts: layoutsOf(story, get()) }, cniOffer: null, playing: false });
    },
    offerCniStory: (offer) => set({ cniOffer: offer }),
    watchCniOffer: async () => {
      const o = get().cniOffer;
      if (!o) return;
      const { storyOfPodAdd } = await import('../../core/model/cniStory');
      get().playCniStory(storyOfPodAdd(o.before, o.machine, o.pod, o.add));
    },
    closeCniStory: () => set({ cni: null }),
    cniNext: () => move((p) => p.index + 1),
    cniPrev: () => move((p) => p.index - 1, false),
    cniFirst: () => move(() => 0, false),
    cniLast: () => move((p) => p.story.events.length - 1, false),
    cniSeek: (i) => move(() => Math.round(i)),
    cniPause: () => move((p) => p.index, false),
    cniToggle: () => {
      const p = get().cni;
      if (!p) return;
      // Play from the end starts over, like any media player.
      if (p.playing) set({ cni: { ...p, playing: false } });
      else set({ cni: { ...p, playing: true, index: p.index >= p.story.events.length - 1 ? 0 : p.index } });
    },
  };
};

// The drawing reads where the story's event happens from its own module (the players load no CNI slice).
export { cniFocusOf } from '../cniFocus';
