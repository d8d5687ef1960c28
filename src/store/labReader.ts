import type { LabFileResult } from '../core';

/*
 * Reading a lab a link carries (`?lab=`, a `load` command's `lab`, a picture's link) goes through
 * the lab file's reader and its zod schema (core/model/labLinkRead.ts), some 10 KiB of gzip
 * JavaScript no page needs for its own labs. Pages load it before they read an address that
 * carries a lab, as they do the scenarios' catalogue (presets.ts); tests register it at once.
 */

type Reader = (encoded: string) => LabFileResult;
/** A link parameter's text (the lab file's JSON, decompressed), or null when it does not decompress. */
type TextOf = (encoded: string) => string | null;
let reader: Reader | null = null;
let textOf: TextOf | null = null;

/** Makes the reader, and what gives a link's text, available at once (tests, the offline page). */
export function registerLabReader(read: Reader, text: TextOf): void {
  reader = read;
  textOf = text;
}

/** Loads the reader (once); resolves when {@link readLabLink} can read. */
export async function loadLabReader(): Promise<void> {
  if (reader === null) {
    const m = await import('../core/model/labLinkRead');
    registerLabReader(m.decodeLabLink, m.labLinkText);
  }
}

/** Loads the reader when the link parameters in `search` carry a lab (`?lab=`); resolves at once otherwise. */
export function loadLabReaderFor(search: string): Promise<void> {
  return new URLSearchParams(search).has('lab') ? loadLabReader() : Promise.resolve();
}

/** Whether {@link readLabLink} can read now. */
export function hasLabReader(): boolean {
  return reader !== null;
}

/**
 * The lab a link parameter carries, read like a lab file (see `decodeLabLink`), or why not. Call it
 * only once {@link loadLabReader} resolved: before, it throws, as reading a lab unchecked would
 * hand the engine whatever the link holds.
 */
export function readLabLink(encoded: string): LabFileResult {
  if (reader === null) throw new Error('readLabLink: the lab reader is not loaded (await loadLabReader() first)');
  return reader(encoded);
}

/**
 * The text a link parameter carries (the lab file's JSON), or null when it does not decompress:
 * what the pages show and offer to download of a lab that does not read. Once {@link loadLabReader}
 * resolved, as {@link readLabLink}.
 */
export function labLinkTextOf(encoded: string): string | null {
  if (textOf === null) throw new Error('labLinkTextOf: the lab reader is not loaded (await loadLabReader() first)');
  return textOf(encoded);
}
