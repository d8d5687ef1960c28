import type { Topology } from '../core';
import type { ShelfTrouble } from '../store/shelf';
import type { ShelfEntry } from '../store/slices/shelfSlice';

/*
 * Which lab the page opens with. A link that names a lab or a journey (?lab=, ?preset=, ?nodes=,
 * ?from=…: every address the player writes) opens exactly what it says, so a shared link or a reload
 * shows the same thing anywhere. The bare address (or one with view settings only, ?lang=ru) opens
 * the lab last worked on in this browser: the autosave. Its code and IndexedDB load only when a
 * small flag in localStorage says there is an autosave, so a first visit loads nothing more.
 */

/** Parameters that choose the lab or the journey; any of them makes the address a link to follow. */
const LINK_PARAMS = ['lab', 'preset', 'nodes', 'pods', 'from', 'to', 'proto', 'port', 'count', 'ttl', 'size', 'warm', 'step'];

const HINT_KEY = 'packet-journey.autosaved';

/** Longest wait for the autosave before the page opens without it (IndexedDB stuck), ms. */
export const RESTORE_WAIT_MS = 3000;

/** What the app opens with when the autosave was asked: the lab and the kept lab it is, or what went wrong. */
export interface StartedLab {
  topology?: Topology;
  entry?: ShelfEntry;
  troubles: ShelfTrouble[];
}

/** The address names no lab and no journey: it opens the lab last worked on. */
export function opensLastLab(search: string): boolean {
  const q = new URLSearchParams(search);
  return !LINK_PARAMS.some((p) => q.has(p));
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** An autosave was written in this browser (so the bare address loads it). */
export function hasAutosave(): boolean {
  return storage()?.getItem(HINT_KEY) === '1';
}

/** Notes that an autosave exists. */
export function noteAutosave(): void {
  try {
    storage()?.setItem(HINT_KEY, '1');
  } catch {
    // Without the flag the bare address opens the seed lab; My labs still holds the work.
  }
}
