import { stringsOf } from '../components/i18n/langStrings';
import { useEffect, useState } from 'react';
import type { Problem } from '../core';
import { labTitle } from '../components/library/labName';
import type { AppState } from '../store/appState';
import type { AppStore } from '../store/createAppStore';
import type { Keeper } from '../store/keeper';
import type { KeeperHost, LabShelf, ShelfTrouble } from '../store/shelf';
import { noteAutosave, type StartedLab } from './lastLab';

/** How an app keeps its labs (only the page's main app does). */
export interface LabsOptions {
  /** What the start read from the autosave (the bare address). */
  start?: StartedLab;
  /** Where labs are kept; IndexedDB (`labLibrary`) unless a test gives another. */
  shelf?: LabShelf;
}

/** A keeper host whose keeper loads on first use and stops with the app (and starts again after a StrictMode remount). */
function keeperHost(store: AppStore, shelf: LabShelf | undefined): KeeperHost & { stop(): void; loaded(): Keeper | null } {
  let loading: Promise<Keeper> | null = null;
  let keeper: Keeper | null = null;
  let generation = 0;
  return {
    load() {
      if (!loading) {
        const mine = generation;
        loading = import('./keeping').then((m) => {
          // Kept as "Seed lab (edited)": never the same name as the read-only preset beside it.
          const k = m.startKeeper(store, (s) => stringsOf(s.lang).library.edited(labTitle(s)), shelf);
          if (mine !== generation) k.stop();
          else keeper = k;
          return k;
        });
      }
      return loading;
    },
    stop() {
      generation++;
      keeper?.stop();
      keeper = null;
      loading = null;
    },
    loaded: () => keeper,
  };
}

/** Puts what the start found (the restored lab's kept entry, troubles with the autosave or the link) into a new app's store. */
export function initShelf(store: AppStore, start: StartedLab | undefined, brokenLab: { raw: string; problems: Problem[] } | undefined): void {
  const troubles: ShelfTrouble[] = [...(start?.troubles ?? [])];
  if (brokenLab) troubles.push({ key: 'link', kind: 'link', problems: brokenLab.problems, raw: brokenLab.raw, name: 'link-lab' });
  const s = store.getState();
  if (start?.entry && start.topology) s.setShelf({ entry: start.entry, entryBase: s.baseTopology });
  if (troubles.length > 0) s.setShelf({ troubles });
}

/** Labs are needed once someone edits or opens edit mode: the keeper then loads and saves from there on. */
function needsKeeper(s: AppState): boolean {
  return s.mode === 'edit' || s.topology !== s.baseTopology;
}

/**
 * Keeps the app's labs when `labs` is given: a keeper host for "My labs", the keeper loaded on the
 * first edit, a last save when the page is hidden or left (pagehide: a reload, a closed tab), and
 * the flag that lets the next bare address open the autosave. Null without `labs`.
 */
export function useLabKeeping(store: AppStore, labs: LabsOptions | undefined): KeeperHost | null {
  const [host] = useState(() => (labs ? keeperHost(store, labs.shelf) : null));
  useEffect(() => {
    if (!host) return;
    if (needsKeeper(store.getState())) void host.load();
    const unsubscribe = store.subscribe((s, prev) => {
      if (needsKeeper(s)) void host.load();
      if (s.shelf.savedAt !== prev.shelf.savedAt && s.shelf.status === 'saved') noteAutosave();
    });
    const flush = () => void host.loaded()?.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      host.stop();
    };
  }, [host, store]);
  return host;
}
