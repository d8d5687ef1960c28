import { readPictureLink } from '../../core/export/picture';
import { JourneyError, type Bilingual, type JourneySpec, type Topology } from '../../core';
import type { AppStore } from '../../store/createAppStore';
import { completeSpec } from '../../store/specDraft';
import { defaultSpec } from '../../store/defaultSpec';

/** What a link's parameters say (the app's `parseUrlParams`, handed in: components know no app). */
export interface LinkRead {
  topology?: Topology;
  spec?: JourneySpec;
  step?: number;
  linkErrors: Bilingual[];
  brokenLab?: unknown;
}

/** What dropping a file on the page did, for the note beside the drawing. */
export type DropResult =
  | { kind: 'opened'; name: string; n: number }
  | { kind: 'notPicture' | 'noLab'; name: string }
  | { kind: 'badLab'; name: string; why: Bilingual };

/**
 * Opens the lab, journey and event a picture saved by the app carries (its SVG metadata or PNG
 * `iTXt` chunk, read as a link's parameters): like a lab from My labs (`openLab`: the undo history
 * starts again), at the picture's event. A file that is no picture of ours, a lab that does not read
 * or a journey the lab cannot run changes nothing and says why.
 */
export async function openPicture(store: AppStore, file: File, parse: (query: string) => LinkRead): Promise<DropResult> {
  const name = file.name;
  const read = readPictureLink(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return { kind: read.reason === 'no-lab' ? 'noLab' : 'notPicture', name };
  const link = parse(read.link);
  if (link.brokenLab || !link.topology) return { kind: 'badLab', name, why: link.linkErrors[0] ?? { en: '', ru: '' } };
  const topology = link.topology;
  const spec = link.spec ? completeSpec(topology, link.spec) : defaultSpec(topology);
  const s = store.getState();
  try {
    // Tried before the lab is opened: a journey that cannot run leaves the lab on screen as it was.
    s.engine.runJourney(topology, spec);
  } catch (e) {
    const why = e instanceof JourneyError ? e.text : { en: String(e), ru: String(e) };
    return { kind: 'badLab', name, why };
  }
  s.openLab(topology, { spec });
  if (link.step !== undefined) store.getState().reveal(link.step - 1);
  return { kind: 'opened', name, n: store.getState().index + 1 };
}

