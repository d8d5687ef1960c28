import { createContext, useContext } from 'react';
import type { Bilingual, LabFileResult, Problem, Topology } from '../core';
import type { Keeper } from './keeper';

/*
 * "My labs" and the autosave, as the store sees them: a port (LabShelf) that the app layer fills
 * with IndexedDB (src/app/labLibrary.ts) and tests with fake-indexeddb, so nothing below src/app
 * touches the browser's storage.
 */

/** One kept lab, as "My labs" lists it. `updated` is ms since the epoch (0 for an entry that is not even a record). */
export interface LabSummary {
  id: string;
  name: string;
  updated: number;
}

/** A lab read back from storage: the lab, or why it does not read, with its raw text to download. */
export type OpenedLab = LabFileResult & { raw: string };

/** The autosaved lab: read like a lab file, with the kept lab (id and name) it was saved as, if any. */
export type AutosavedLab = OpenedLab & { labId: string | null; name: string };

/**
 * Where labs are kept. Every method rejects only when the storage itself fails (IndexedDB refused in
 * a private window, a full disk): callers say so and keep the lab in memory.
 */
export interface LabShelf {
  /** The kept labs, most recently changed first (an unreadable entry listed under its key). */
  list(): Promise<LabSummary[]>;
  /** Keeps `topology` as a new lab named `name`; its id. */
  create(name: string, topology: Topology): Promise<string>;
  /** Saves `topology` into lab `id`; its stored name stays, `name` names it if the entry is gone. */
  save(id: string, topology: Topology, name: string): Promise<void>;
  /** Lab `id` read like a lab file; null when there is none. */
  open(id: string): Promise<OpenedLab | null>;
  rename(id: string, name: string): Promise<void>;
  /** A copy of lab `id` named `name`, its text as it is (even unreadable); its id, or null when there is nothing to copy. */
  duplicate(id: string, name: string): Promise<string | null>;
  remove(id: string): Promise<void>;
  /** Remembers the lab being worked on (and the kept lab it is), so a reload finds it. */
  autosave(topology: Topology, labId: string | null, name: string): Promise<void>;
  /** The autosaved lab; null when nothing was autosaved. */
  restore(): Promise<AutosavedLab | null>;
  /** Forgets the autosave (a corrupt one the user chose to delete). */
  clearAutosave(): Promise<void>;
}

/** Which kind of stored text a {@link ShelfTrouble} is about. */
export type TroubleKind = 'storage' | 'autosave' | 'link' | 'entry' | 'import';

/**
 * Something about kept labs the user must hear of: storage refused, or a stored or linked lab that
 * does not read (with its raw text, to download and repair, and the entry to delete).
 */
export interface ShelfTrouble {
  /** Unique within the app; a banner keys its rows by it. */
  key: string;
  kind: TroubleKind;
  /** What went wrong, in both languages: for a lab that does not read, the problems of `readLabFile`. */
  problems: Problem[];
  /** Extra words for kinds without problems (storage refused). */
  text?: Bilingual;
  /** The text as stored or linked, offered for download. */
  raw?: string;
  /** The name a download of `raw` gets, without extension. */
  name?: string;
  /** The kept lab it is about (kind `entry`), to delete. */
  entryId?: string;
}

/** What the page hosting an app offers for keeping labs; null (outside a provider): nothing is kept (embeds, tests). */
export interface KeeperHost {
  /** Loads (once) and returns the keeper: its code and the storage load on first use. */
  load(): Promise<Keeper>;
}

const KeeperContext = createContext<KeeperHost | null>(null);

/** Gives the app below it a place to keep labs. */
export const KeeperProvider = KeeperContext.Provider;

/** The keeper host of this app, or null when labs are not kept (no "My labs" button). */
export function useKeeperHost(): KeeperHost | null {
  return useContext(KeeperContext);
}
