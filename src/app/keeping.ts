import { createKeeper, type Keeper, type KeeperOptions } from '../store/keeper';
import type { AppStore } from '../store/createAppStore';
import type { LabShelf } from '../store/shelf';
import { labLibrary } from './labLibrary';
import type { StartedLab } from './lastLab';

/*
 * Keeping labs, loaded on first use (a chunk of its own: IndexedDB's wrapper and the keeper stay out
 * of the first page): the library in IndexedDB, the keeper over it, and the autosave read at start.
 */

export { labLibrary };

/** The keeper of `store`'s labs on `shelf` (IndexedDB unless a test gives another). */
export function startKeeper(store: AppStore, nameFor: KeeperOptions['nameFor'], shelf: LabShelf = labLibrary()): Keeper {
  return createKeeper(store, shelf, { nameFor });
}

/**
 * The autosaved lab, for the bare address: the lab and the kept lab it was saved as; a damaged one
 * is reported with its raw text (the seed lab opens instead); storage that refuses is said.
 */
export async function restoreLab(shelf: LabShelf = labLibrary()): Promise<StartedLab> {
  try {
    const saved = await shelf.restore();
    if (!saved) return { troubles: [] };
    if (!saved.ok) return { troubles: [{ key: 'autosave', kind: 'autosave', problems: saved.problems, raw: saved.raw, name: saved.name || 'autosave' }] };
    return saved.labId !== null ? { topology: saved.topology, entry: { id: saved.labId, name: saved.name }, troubles: [] } : { topology: saved.topology, troubles: [] };
  } catch {
    return { troubles: [{ key: 'storage', kind: 'storage', problems: [] }] };
  }
}
