import type { StateCreator } from 'zustand/vanilla';
import { JourneyError, specProblemTexts, type Bilingual, type JourneyResult, type JourneySpec, type NetState, type Topology } from '../../core';
import { layoutTopology } from '../../geometry/layout';
import type { AppState, JourneySlice } from '../appState';
import type { JourneyEngine } from '../engine';
import { draftFromSpec, parseDraft } from '../specDraft';

/** What the journey slice is built from. */
export interface JourneyInit {
  engine: JourneyEngine;
  topology: Topology;
  spec: JourneySpec;
}

type RunOutcome = { result: JourneyResult; engineError: null } | { result: null; engineError: Bilingual };

function run(engine: JourneyEngine, topology: Topology, spec: JourneySpec): RunOutcome {
  try {
    return { result: engine.runJourney(topology, spec), engineError: null };
  } catch (e) {
    // A JourneyError says what is wrong in both languages. Anything else is a bug: its message is
    // for developers (the console), never shown to the user, who gets a plain bilingual sentence.
    if (!(e instanceof JourneyError)) console.error('Packet Journey: internal error while simulating', spec, e);
    const text: Bilingual = e instanceof JourneyError ? e.text : specProblemTexts({ code: 'internal' });
    return { result: null, engineError: { en: `The simulator rejected this journey: ${text.en}`, ru: `Симулятор отклонил этот путь: ${text.ru}` } };
  }
}

/** The journey slice: the lab, the form, and the last good result. */
export function createJourneySlice(init: JourneyInit): StateCreator<AppState, [], [], JourneySlice> {
  return (set, get) => {
    const first = run(init.engine, init.topology, init.spec);
    // Tables are recomputed from the log on demand; a small cache per journey makes scrubbing cheap.
    let cacheFor: JourneyResult | null = null;
    let cache = new Map<number, NetState>();
    return {
      engine: init.engine,
      topology: init.topology,
      layout: layoutTopology(init.topology),
      draft: draftFromSpec(init.topology, init.spec),
      errors: [],
      engineError: first.engineError,
      result: first.result,
      setDraft: (patch) => {
        const { topology, engine } = get();
        const draft = { ...get().draft, ...patch };
        const parsed = parseDraft(topology, draft);
        if (!parsed.spec) {
          set({ draft, errors: parsed.errors, engineError: null });
          return;
        }
        const out = run(engine, topology, parsed.spec);
        if (!out.result) {
          set({ draft, errors: [], engineError: out.engineError });
          return;
        }
        set({ draft, errors: [], engineError: null, result: out.result, index: 0, playing: false });
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
