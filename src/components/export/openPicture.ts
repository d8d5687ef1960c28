import { readPictureLink } from '../../core/export/picture';
import { loadLabReader } from '../../store/labReader';
import { JourneyError, type Bilingual, type JourneySpec, type Problem, type Topology } from '../../core';
import type { PlayerStore } from '../../store/createPlayerStore';
import type { LinkRead } from '../../store/link';
import type { KeeperHost } from '../../store/shelf';
import { nameOfFile } from '../library/download';
import { completeSpec } from '../../store/specDraft';
import { defaultSpec } from '../../store/defaultSpec';

export type { LinkRead };


/** What dropping a file on the page did, for the note beside the drawing. */
export type DropResult =
  | { kind: 'opened'; name: string; n: number }
  /** A lab file (JSON) kept in My labs and opened, as My labs' Import does. */
  | { kind: 'imported'; name: string }
  | { kind: 'notPicture' | 'noLab'; name: string }
  | { kind: 'badLab'; name: string; why: Bilingual }
  /** A lab file that does not read: `readLabFile`'s problems. */
  | { kind: 'badFile'; name: string; problems: Problem[] };

/** A picture's lab, journey and event, ready to open; or why not (a {@link DropResult} to show). */
export type PictureRead =
  | { ok: true; topology: Topology; spec: JourneySpec; step?: number }
  | { ok: false; result: DropResult };

/**
 * Reads the lab, journey and event a picture saved by the app carries (its SVG metadata or PNG
 * `iTXt` chunk, read as a link's parameters), and tries the journey on it: a journey that cannot
 * run is refused here, before anything on screen changes. Never throws.
 */
export async function readPicture(store: PlayerStore, file: File, parse: (query: string) => LinkRead): Promise<PictureRead> {
  const name = file.name;
  const read = readPictureLink(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return { ok: false, result: { kind: read.reason === 'no-lab' ? 'noLab' : 'notPicture', name } };
  // The picture's link carries a lab: read through the lab file's schema (store/labReader.ts).
  await loadLabReader();
  const link = parse(read.link);
  if (link.brokenLab || !link.topology) return { ok: false, result: { kind: 'badLab', name, why: link.linkErrors[0] ?? { en: '', ru: '' } } };
  const topology = link.topology;
  const spec = link.spec ? completeSpec(topology, link.spec) : defaultSpec(topology);
  try {
    // The lab's datapath packs first (core/packs.ts): the store's gate would wait for them too, but
    // the journey is tried here, before anything on screen changes.
    const engine = store.getState().engine;
    const missing = engine.missingPacks?.(topology) ?? [];
    if (missing.length > 0) await engine.loadPacks?.(missing);
    engine.runJourney(topology, spec);
  } catch (e) {
    const why = e instanceof JourneyError ? e.text : { en: String(e), ru: String(e) };
    return { ok: false, result: { kind: 'badLab', name, why } };
  }
  return link.step !== undefined ? { ok: true, topology, spec, step: link.step } : { ok: true, topology, spec };
}

/** Whether a file is a lab file (JSON) rather than a picture: by its first non-blank character. */
export async function isLabFile(file: File): Promise<boolean> {
  const head = new TextDecoder().decode(await file.slice(0, 64).arrayBuffer()).trimStart();
  return head.startsWith('{');
}

/**
 * Opens a file dropped on the page: a picture saved by the app opens its lab, journey and event
 * like a lab from My labs (`openLab`: the undo history starts again); a lab file (JSON) is kept in
 * My labs and opened, as My labs' Import does (`keeper` null: nothing is kept, the file is refused
 * as not a picture). Anything else changes nothing and says why.
 */
export async function openPicture(store: PlayerStore, file: File, parse: (query: string) => LinkRead, keeper: KeeperHost | null = null): Promise<DropResult> {
  const name = file.name;
  if (keeper && (await isLabFile(file))) {
    const k = await keeper.load();
    const r = await k.importText(await file.text(), nameOfFile(name) || name);
    return r.ok ? { kind: 'imported', name } : { kind: 'badFile', name, problems: r.problems };
  }
  const read = await readPicture(store, file, parse);
  if (!read.ok) return read.result;
  store.getState().openLab(read.topology, { spec: read.spec });
  if (read.step !== undefined) store.getState().reveal(read.step - 1);
  return { kind: 'opened', name, n: store.getState().index + 1 };
}
