import type { StoreApi } from 'zustand/vanilla';
import type { Bilingual, Topology } from '../core';
import type { AppState } from './appState';

/** Said when a pack's chunk did not arrive (the network lost it): opening the lab again tries again. */
function packsFailed(kinds: readonly string[]): Bilingual {
  const packs = kinds.filter((k) => k !== 'validation');
  const names = packs.join(', ');
  // The validator alone (a lab from a link, a file or storage) is not a datapath: said as what it does.
  if (packs.length === 0) {
    return {
      en: 'The simulator could not load the code that checks this lab before it runs: check the connection and open the lab again.',
      ru: 'Симулятору не удалось загрузить код, который проверяет стенд перед запуском: проверьте соединение и откройте стенд снова.',
    };
  }
  return {
    en: `The simulator could not load the code of this lab's datapath (${names}): check the connection and open the lab again.`,
    ru: `Симулятору не удалось загрузить код для режима сети этого стенда (${names}): проверьте соединение и откройте стенд снова.`,
  };
}

/**
 * The one gate of the datapath packs (core/packs.ts): whenever the lab shown needs packs that are
 * not loaded (the first lab of a store, a scenario, an import, a paste, a datapath switch, an
 * undo, a message's `load`, a dropped picture, a compare column, a handout), the store says so
 * (`packsPending`, no journey, no error), loads them and runs the draft again (`afterPacks`).
 * Every way a lab enters the store goes through `topology`, so watching it is enough; the runs
 * before the packs arrive are refused quietly (`run`, PacksMissingError), never run without them.
 * Every store has it: the app's (`createAppStore`) and a player's (`createPlayerStore`).
 */
export function gatePacks(store: StoreApi<AppState>): void {
  let waiting: Topology | null = null;
  const check = () => {
    const { engine, topology, packsPending } = store.getState();
    const missing = engine.missingPacks?.(topology) ?? [];
    if (missing.length === 0 || !engine.loadPacks) {
      if (packsPending) store.setState({ packsPending: false });
      return;
    }
    if (waiting === topology) return;
    waiting = topology;
    store.setState({ packsPending: true });
    engine.loadPacks(missing).then(
      () => {
        if (waiting === topology) waiting = null;
        if (store.getState().topology === topology) store.getState().afterPacks();
      },
      () => {
        if (waiting === topology) waiting = null;
        if (store.getState().topology === topology) store.setState({ packsPending: false, engineError: packsFailed(missing) });
      },
    );
  };
  store.subscribe((s, prev) => {
    if (s.topology !== prev.topology) check();
  });
  check();
}
