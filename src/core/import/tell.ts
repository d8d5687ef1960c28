import { importNotesEn } from '../i18n/en/importNotes';
import { importNotesRu } from '../i18n/ru/importNotes';
import type { Lang } from '../i18n/lang';
import { noteKind, type ImportNote, type ImportNoteCode, type ImportNoteParams, type NoteKind } from './notes';

/*
 * The import's remarks told in the reader's language. The catalogue loads with the import (it is
 * not part of the core's language catalogue, which the first page carries).
 */

/** One language's sentences of the import. */
export interface ImportCatalog {
  notes: { readonly [C in ImportNoteCode]: (params: ImportNoteParams[C]) => string };
  /** Where a remark points: the source, line and field, joined. */
  where: (at: { source: string; line: number; field: string }) => string;
  /** The headings of the four kinds of remark. */
  kinds: Record<NoteKind, string>;
  /** The lab's description. */
  description: (c: { nodes: number; pods: number; mode: string }) => string;
  /** The datapath modes by key. */
  modes: Record<string, string>;
}

const CATALOGS: Record<Lang, ImportCatalog> = { en: importNotesEn, ru: importNotesRu };

/** The import's catalogue of `lang`. */
export function importCatalog(lang: Lang): ImportCatalog {
  return CATALOGS[lang];
}

/** A remark's sentence, without its place. */
export function tellNote(n: ImportNote, lang: Lang): string {
  const f = CATALOGS[lang].notes[n.code] as (p: ImportNoteParams[typeof n.code]) => string;
  return f(n.params);
}

/** Where a remark points (`pasted text, line 12, items[2].status.podIP`), or '' for the whole cluster. */
export function tellWhere(n: ImportNote, lang: Lang): string {
  if (n.source === undefined) return '';
  return CATALOGS[lang].where({ source: n.source, line: n.line ?? 0, field: n.field ?? '' });
}

/** The summary: the remarks grouped by kind (errors first), each with its place and sentence. */
export function tellSummary(notes: readonly ImportNote[], lang: Lang): { kind: NoteKind; title: string; lines: { where: string; text: string }[] }[] {
  const order: NoteKind[] = ['error', 'recognised', 'assumed', 'skipped'];
  return order.flatMap((kind) => {
    const mine = notes.filter((n) => noteKind(n.code) === kind);
    if (mine.length === 0) return [];
    return [{ kind, title: CATALOGS[lang].kinds[kind], lines: mine.map((n) => ({ where: tellWhere(n, lang), text: tellNote(n, lang) })) }];
  });
}
