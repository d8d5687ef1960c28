import * as lzString from 'lz-string';
import type { Topology } from './topology';

/*
 * A whole lab inside a link: the lab file's JSON, compressed with lz-string into characters a URL
 * carries unescaped (compressToEncodedURIComponent). The seed lab takes about 1.7 KB; a link to an
 * edited lab opens anywhere with nothing stored on a server.
 */

// lz-string is CommonJS (module.exports = LZString): bundlers give named exports, Node's ESM loader
// only a default. Take whichever is there.
const lz = (lzString as typeof lzString & { default?: typeof lzString }).default ?? lzString;

/** The largest lab a link may carry, in characters of its encoded form (browsers keep URLs far longer; chat tools do not). */
export const MAX_LAB_LINK_CHARS = 64_000;

/** The lab encoded for a link parameter (`?lab=`). Compact JSON: no indentation. */
export function encodeLabLink(topology: Topology): string {
  return lz.compressToEncodedURIComponent(JSON.stringify(topology));
}

/**
 * The text a link parameter decompresses to (the lab file's JSON when the link is whole), or null
 * when it does not decompress (cut short, mistyped) or is longer than MAX_LAB_LINK_CHARS. Never throws.
 */
export function labLinkText(encoded: string): string | null {
  if (encoded.length > MAX_LAB_LINK_CHARS) return null;
  try {
    return lz.decompressFromEncodedURIComponent(encoded) || null;
  } catch {
    return null;
  }
}
