import type { Bilingual, JourneyResult, Level, NetState, PacketKind, Topology } from '../core';
import type { TopologyLayout } from '../geometry/layoutTypes';
import type { CanvasSlice } from './canvasState';
import type { EditSlice } from './editState';
import type { CniSlice } from './slices/cniSlice';
import type { ShelfSlice } from './slices/shelfSlice';
import type { JourneyEngine } from './engine';
import type { DraftField, FieldError, SpecDraft } from './specDraft';
import type { Lang, Theme } from './types';

/** The lab and the journey being shown. Lists re-simulate at once, typing after a pause (see `typeDraft`). */
export interface JourneySlice {
  engine: JourneyEngine;
  topology: Topology;
  /** Drawing of the topology, computed once per topology. */
  layout: TopologyLayout;
  /** The form as typed. */
  draft: SpecDraft;
  /** What is wrong with the draft; empty when it ran. */
  errors: FieldError[];
  /** The engine's own complaint about a draft that looked valid. */
  engineError: Bilingual | null;
  /** The last journey that ran; kept on screen while the draft is wrong. */
  result: JourneyResult | null;
  /** Change some fields of the form and re-run the journey at once if they are valid (lists, checkboxes). */
  setDraft: (patch: Partial<SpecDraft>) => void;
  /**
   * Fields the user has edited or left: only their errors are shown, so a field nobody has
   * touched yet (an empty IP address just offered) is never red.
   */
  touched: readonly DraftField[];
  /** The draft holds typing not yet applied (it applies on Enter, on leaving the field, or after a pause). */
  pending: boolean;
  /**
   * Typing in a text field: the draft changes at once, the journey only after {@link DRAFT_PAUSE_MS}
   * without typing (or on {@link commitDraft}), so "1000" runs no journey for "1", "10" and "100".
   */
  typeDraft: (patch: Partial<SpecDraft>) => void;
  /** Apply typing now (Enter). */
  commitDraft: () => void;
  /** The user left a field: it now shows its errors, and pending typing applies. */
  touchField: (field: DraftField) => void;
  /** How many times this app ran the engine (tests check that typing does not run a journey per key). */
  runs: number;
  /** Tables after event `index`, cached per journey. */
  stateAt: (index: number) => NetState | null;
  /**
   * Id of the reference scenario (`SCENARIOS` in `src/core`) whose lab is shown, or null for the lab
   * the app opened with (the seed lab, a generated cluster, a topology given by the page). Links
   * name it (`?preset=`), so a reload rebuilds the same lab.
   */
  preset: string | null;
  /**
   * Show a reference scenario: its lab and its journey, at the first event, with a fresh form and
   * nothing pinned. False (and nothing changes) for an unknown id or a journey the engine refuses.
   */
  loadScenario: (id: string) => boolean;
  /**
   * The lab shown needs datapath packs that are still loading (core/packs.ts): no journey yet, no
   * error; the store's one gate (`createAppStore`) runs the draft again once they are here.
   */
  packsPending: boolean;
  /** The gate's call once the packs are here: the draft run on the lab shown, from its first event. */
  afterPacks: () => void;
}

/** Pause in typing after which the typed journey is applied. */
export const DRAFT_PAUSE_MS = 600;

/** Playback speeds offered, as multiples of the normal pace. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** The playhead. Never part of any undo history: stepping is free and repeatable. */
export interface PlaybackSlice {
  /** Index of the current event in `result.events`. */
  index: number;
  playing: boolean;
  /** Multiple of the normal pace, 0.25–4. */
  speed: number;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  next: () => void;
  prev: () => void;
  first: () => void;
  last: () => void;
  seek: (index: number) => void;
  setSpeed: (speed: number) => void;
}

/** Event-log filter keys: the packet kinds, plus the kernel's decisions (route, neigh, FDB, TTL). */
export type LogFilterKey = PacketKind | 'decision';

/** Panels on the side that share one place. */
export type SideTab = 'tables' | 'log';

/** View preferences. */
export interface UiSlice {
  lang: Lang;
  /**
   * The language asked for while its narrator loads (null when none is pending): the address and
   * the saved preference carry it at once, so a reload right after the click keeps the choice.
   */
  langWanted: Lang | null;
  theme: Theme;
  logFilter: Record<LogFilterKey, boolean>;
  sideTab: SideTab;
  /** The camera follows the packet: each step zooms to the machines it happens on. */
  follow: boolean;
  /** The packet and side panels are shown; hidden, the drawing takes the width (projector mode). */
  panels: boolean;
  /** Problems with how the app was opened (a link's bad parameters), shown until dismissed. */
  notices: Bilingual[];
  /** How much the narrator says: one line (projector) or the reasons too. Not undoable: a view setting. */
  level: Level;
  setLevel: (level: Level) => void;
  setLang: (lang: Lang) => void;
  setTheme: (theme: Theme) => void;
  toggleLogFilter: (key: LogFilterKey) => void;
  setSideTab: (tab: SideTab) => void;
  setFollow: (follow: boolean) => void;
  setPanels: (panels: boolean) => void;
  dismissNotices: () => void;
}

/**
 * What a step is and what the log shows: folded floods (see `floods.ts`) and the log's future rows.
 * `unfolded` names the floods opened on one journey; another journey starts with all folded.
 */
export interface StepsSlice {
  unfolded: { result: JourneyResult | null; at: readonly number[] };
  /** Fold or unfold the flood whose `fdb` event is at `at`. */
  toggleFold: (at: number) => void;
  /** Go to event `index` exactly: a link names one event, so the flood that hides it opens. */
  reveal: (index: number) => void;
  /** The log lists only the events up to the playhead (for "predict the next hop"). */
  hideFuture: boolean;
  setHideFuture: (hide: boolean) => void;
}

/** Everything one mounted app holds. */
export type AppState = JourneySlice & PlaybackSlice & UiSlice & CanvasSlice & StepsSlice & EditSlice & ShelfSlice & CniSlice;
