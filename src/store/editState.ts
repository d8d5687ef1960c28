import type { Bilingual, LabClipboard, Topology } from '../core';

/** Whether an edit enters the undo history: a new step, folded into the last one (a drag's moves), or not at all. */
export type EditHistory = 'push' | 'merge' | 'skip';

/** Play the journey, or edit the lab it runs on (the same canvas). */
export type AppMode = 'play' | 'edit';

/** What the undo history holds: the lab only. Playback, hover, selection, zoom and pins never enter it. */
export interface HistoryState {
  topology: Topology;
}

/**
 * The editor's slice. Every change of the lab goes through {@link EditSlice.edit}, the one action
 * gate: it says whether the change enters the history, and after it the layout is redrawn and the
 * journey re-simulated (keeping the chosen endpoints when they still exist).
 */
export interface EditSlice {
  mode: AppMode;
  /**
   * The lab as it was opened or loaded (a scenario, the seed): the picker names a scenario only
   * while the lab on screen is still its lab (see `selectLabEdited`).
   */
  baseTopology: Topology;
  /** Switch between playing and editing; editing pauses playback. */
  setMode: (mode: AppMode) => void;
  /**
   * The namespace (machine or pod) selected in edit mode, or null: the primary one, which the
   * inspector shows, and the last one clicked. Never in the history.
   */
  selected: string | null;
  /** Every selected namespace (with Shift or a box), `selected` among them; empty when it is null. */
  selection: readonly string[];
  /** Select `ns` alone (null: nothing). */
  select: (ns: string | null) => void;
  /** Shift+click: add `ns` to the selection, or take it out when it is in (the primary follows). */
  toggleSelect: (ns: string) => void;
  /** Select `names` (a box drawn round them), the first as primary; an empty list selects nothing. */
  selectMany: (names: readonly string[]) => void;
  /** What Ctrl+C copied (plain data, never in the history), or null. */
  clipboard: LabClipboard | null;
  setClipboard: (clip: LabClipboard | null) => void;
  /**
   * Change the lab: `recipe` turns the current topology into the next one (or returns it unchanged:
   * nothing happens). `history`: `push` (default) makes a new undo step, `merge` folds the change
   * into the last one (a drag: its first move pushes, the others merge), `skip` leaves history
   * alone. A refusal (`TopologyEditError`, any `JourneyError`) is kept in {@link editError} and
   * the lab is unchanged. True when the lab changed.
   */
  edit: (label: string, recipe: (t: Topology) => Topology, opts?: { history?: EditHistory }) => boolean;
  /** What the last edit refused, in both languages; cleared by the next edit. */
  editError: Bilingual | null;
  /** Say why an edit asked for cannot be done (nothing selected, no room left); null clears it. */
  refuse: (text: Bilingual | null) => void;
  /** Label of the last edit done, undone or redone (announced to screen readers). */
  lastEdit: { label: string; how: 'do' | 'undo' | 'redo' } | null;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}
