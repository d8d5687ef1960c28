import { problem } from '../i18n/problems';
import { readLabFile, type LabFileResult } from './labFile';
import { labLinkText } from './labLink';

// The text a link carries, for a lab that does not read (the pages keep it to show and download).
export { labLinkText } from './labLink';

/*
 * Reading a lab out of a link: apart from ./labLink.ts (writing links, on every page) because it
 * reads like a lab file, through the zod schema, which pages load only when a link carries a lab.
 */

/**
 * The lab a link parameter carries, read like a lab file (version, migration, validation), or why
 * not: `link-corrupt` when it does not decompress to text (cut short by a chat tool, mistyped), or
 * is longer than MAX_LAB_LINK_CHARS. Never throws.
 */
export function decodeLabLink(encoded: string): LabFileResult {
  const text = labLinkText(encoded);
  if (text === null) return { ok: false, problems: [problem('lab', 'link-corrupt', { chars: encoded.length })] };
  return readLabFile(text);
}
