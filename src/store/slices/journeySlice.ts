import type { StateCreator } from 'zustand/vanilla';
import { JourneyError, PacksMissingError, specProblemTexts, type Bilingual, type JourneyResult, type JourneySpec, type NetState, type Topology } from '../../core';
import { FIT_MAX } from '../../geometry/camera';
import { fitArrangement, layoutTopology } from '../../geometry/layout';
import { DRAFT_PAUSE_MS, type AppState, type JourneySlice } from '../appState';
import type { JourneyEngine } from '../engine';
import { findScenario } from '../presets';
import { completeSpec, draftFromSpec, fieldsOf, parseDraft, sameJourney, type DraftField, type SpecDraft } from '../specDraft';

/** What the journey slice is built from. */
export interface JourneyInit {
  engine: JourneyEngine;
  topology: Topology;
  spec: JourneySpec;
  /** The scenario `topology` comes from, if any. @default null */
  preset?: string | null;
}

/**
 * A journey run: its result, or the engine's refusal in both languages, or neither while the lab's
 * datapath packs load (the store's gate runs it again when they are here: `afterPacks`).
 */
export type RunOutcome = { result: JourneyResult; engineError: null } | { result: null; engineError: Bilingual } | { result: null; engineError: null };

/** Run a journey; a refusal becomes a bilingual message (an internal error is logged, never shown raw). */
export function run(engine: JourneyEngine, topology: Topology, spec: JourneySpec): RunOutcome {
  try {
    return { result: engine.runJourney(topology, spec), engineError: null };
  } catch (e) {
    // Packs still loading: nothing to show yet, and nothing wrong (createAppStore's gate waits for them).
    if (e instanceof PacksMissingError) return { result: null, engineError: null };
    // A JourneyError says what is wrong in both languages. Anything else is a bug: its message is
    // for developers (the console), never shown to the user, who gets a plain bilingual sentence.
    if (!(e instanceof JourneyError)) console.error('Packet Journey: internal error while simulating', spec, e);
    const text: Bilingual = e instanceof JourneyError ? e.text : specProblemTexts({ code: 'internal' });
    return { result: null, engineError: { en: `The simulator rejected this journey: ${text.en}`, ru: `Симулятор отклонил этот путь: ${text.ru}` } };
  }
}

/**
 * Everything that follows from opening another lab (a scenario's, a kept one): it becomes the base
 * lab, drawn for the measured canvas, with `spec` run (`out`) and shown at its first event, a fresh
 * form, nothing pinned or selected. A journey that cannot run leaves no result and no red field
 * (nobody typed it). The caller clears the undo history and says which scenario it is (`preset`).
 */
export function openedLab(s: AppState, topology: Topology, spec: JourneySpec, out: { result: JourneyResult | null; engineError: Bilingual | null }): Partial<AppState> {
  // The new lab is arranged for the drawing's measured size at once, as setStage would.
  const layout = s.stage ? layoutTopology(topology, { arrangement: fitArrangement(topology, s.stage.w, s.stage.h, FIT_MAX) }) : layoutTopology(topology);
  return {
    topology,
    baseTopology: topology,
    layout,
    preset: null,
    draft: draftFromSpec(topology, spec),
    touched: [],
    pending: false,
    errors: [],
    engineError: out.engineError,
    result: out.result,
    index: 0,
    playing: false,
    pinnedNs: null,
    selected: null,
    canUndo: false,
    canRedo: false,
    runs: s.runs + 1,
  };
}

/** The journey slice: the lab, the form, and the last good result. */
export function createJourneySlice(init: JourneyInit): StateCreator<AppState, [], [], JourneySlice> {
  return (set, get, api) => {
    const first = run(init.engine, init.topology, init.spec);
    // Tables are recomputed from the log on demand; a small cache per journey makes scrubbing cheap.
    let cacheFor: JourneyResult | null = null;
    let cache = new Map<number, NetState>();
    // Typing applies after a pause: one timer per app (each store has its own).
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const touch = (fields: readonly DraftField[]): readonly DraftField[] => {
      const now = get().touched;
      return fields.every((f) => now.includes(f)) ? now : [...new Set([...now, ...fields])];
    };
    /** Check the draft and run it; a bad or unchanged draft keeps the journey (and the playhead) shown. */
    const apply = (draft: SpecDraft, touched: readonly DraftField[]) => {
      stop();
      const { topology, engine, result } = get();
      const parsed = parseDraft(topology, draft);
      if (!parsed.spec) {
        // Only fields the user has touched are red; the journey shown stays the one before the edit.
        set({ draft, touched, pending: false, errors: parsed.errors.filter((e) => touched.includes(e.field)), engineError: null });
        return;
      }
      if (result && sameJourney(parsed.spec, result.spec)) {
        set({ draft, touched, pending: false, errors: [], engineError: null });
        return;
      }
      const out = run(engine, topology, parsed.spec);
      const runs = get().runs + 1;
      if (!out.result) {
        set({ draft, touched, pending: false, errors: [], engineError: out.engineError, runs });
        return;
      }
      set({ draft, touched, pending: false, errors: [], engineError: null, result: out.result, index: 0, playing: false, runs });
    };
    return {
      engine: init.engine,
      topology: init.topology,
      layout: layoutTopology(init.topology),
      draft: draftFromSpec(init.topology, init.spec),
      errors: [],
      engineError: first.engineError,
      result: first.result,
      touched: [],
      pending: false,
      runs: 1,
      preset: init.preset ?? null,
      packsPending: false,
      afterPacks: () => {
        stop();
        const s = get();
        const parsed = parseDraft(s.topology, s.draft);
        if (!parsed.spec) {
          set({ packsPending: false });
          return;
        }
        const out = run(s.engine, s.topology, parsed.spec);
        set({ packsPending: false, result: out.result, engineError: out.engineError, errors: [], pending: false, index: 0, playing: false, runs: s.runs + 1 });
      },
      loadScenario: (id) => {
        const scenario = findScenario(id);
        if (!scenario) return false;
        const topology = scenario.topology();
        const spec = completeSpec(topology, scenario.journey);
        const s = get();
        const out = run(s.engine, topology, spec);
        // A lab whose packs are loading opens now and plays when they are here (afterPacks).
        if (!out.result && out.engineError !== null) return false;
        stop();
        // Another lab: the undo history of the one before does not apply to it.
        (api as { temporal?: { getState: () => { clear: () => void } } }).temporal?.getState().clear();
        set({ ...openedLab(s, topology, spec, out), preset: id });
        return true;
      },
      setDraft: (patch) => apply({ ...get().draft, ...patch }, touch(fieldsOf(patch))),
      typeDraft: (patch) => {
        stop();
        set({ draft: { ...get().draft, ...patch }, touched: touch(fieldsOf(patch)), pending: true });
        timer = setTimeout(() => {
          timer = null;
          get().commitDraft();
        }, DRAFT_PAUSE_MS);
      },
      commitDraft: () => {
        if (get().pending) apply(get().draft, get().touched);
      },
      touchField: (field) => {
        const touched = touch([field]);
        // Leaving a field applies pending typing, and shows an error the field had while untouched.
        if (get().pending || !get().touched.includes(field)) apply(get().draft, touched);
      },
      stateAt: (index) => {
        const { result, engine } = get();
        if (!result) return null;
        if (cacheFor !== result) {
          cacheFor = result;
          cache = new Map();
        }
        const hit = cache.get(index);
        if (hit) return hit;
        const s = engine.stateAt(result, index);
        cache.set(index, s);
        return s;
      },
    };
  };
}
