import { utf8Bytes } from '../net/utf8';
import { concatBytes } from './bytes';

/*
 * PNG text chunks, read and written by hand (RFC 2083 / PNG spec 3rd ed., section 11.3.3): an image
 * carries its lab as an `iTXt` chunk, so a picture dropped back on the app opens the same step.
 * A chunk is length (4 bytes, big-endian), type (4 ASCII letters), data, and a CRC-32 of type+data.
 */

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | null = null;

/**
 * CRC-32 as PNG, zlib and Ethernet compute it (ISO 3309, reflected polynomial 0xEDB88320, initial
 * and final XOR 0xFFFFFFFF), of `bytes`; an unsigned 32-bit number. `crc32("123456789")` is 0xCBF43926.
 */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One chunk of a PNG file: its four-letter type and its data (without length and CRC). */
export interface PngChunk {
  type: string;
  data: Uint8Array;
}

/** Whether `bytes` start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, k) => bytes[k] === b);
}

/**
 * The chunks of a PNG file, in order, or null when it is no PNG: no signature, a chunk running
 * past the end, a CRC that does not match, or no IEND at the end. Never throws.
 */
export function readPngChunks(bytes: Uint8Array): PngChunk[] | null {
  if (!isPng(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: PngChunk[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const len = view.getUint32(at);
    if (at + 12 + len > bytes.length) return null;
    const typeAndData = bytes.subarray(at + 4, at + 8 + len);
    if (crc32(typeAndData) !== view.getUint32(at + 8 + len)) return null;
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    out.push({ type, data: bytes.slice(at + 8, at + 8 + len) });
    at += 12 + len;
    if (type === 'IEND') return at === bytes.length ? out : null;
  }
  return null;
}

/** One chunk as bytes: length, type, data and CRC-32. `type` is four ASCII letters. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  if (!/^[A-Za-z]{4}$/.test(type)) throw new RangeError(`PNG chunk type must be four ASCII letters, got "${type}"`);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let k = 0; k < 4; k++) out[4 + k] = type.charCodeAt(k);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Whether `keyword` may name a text chunk: 1-79 printable Latin-1 characters, no leading, trailing or double spaces. */
function validKeyword(keyword: string): boolean {
  return /^[\x21-\x7e\xa1-\xff](?:[\x21-\x7e\xa1-\xff]| (?! ))*$/.test(keyword) && keyword.length <= 79 && !keyword.endsWith(' ');
}

/**
 * An uncompressed international text chunk's data (`iTXt`): keyword, NUL, compression flag 0,
 * method 0, empty language tag and translated keyword (each NUL-terminated), then `text` in UTF-8.
 * Throws a RangeError for a keyword PNG does not allow.
 */
export function iTxtData(keyword: string, text: string): Uint8Array {
  if (!validKeyword(keyword)) throw new RangeError(`PNG text keyword must be 1-79 Latin-1 characters, got "${keyword}"`);
  const head = [...keyword].map((c) => c.charCodeAt(0));
  return Uint8Array.from([...head, 0, 0, 0, 0, 0, ...utf8Bytes(text)]);
}

/** UTF-8 bytes as text; a byte that starts no valid sequence becomes U+FFFD (as TextDecoder does). */
export function utf8Text(bytes: Uint8Array): string {
  let out = '';
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k] ?? 0;
    // How many continuation bytes follow the lead byte (-1: not a lead byte).
    const more = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    let c = more === 0 ? b : b & (0x3f >> more);
    let ok = more >= 0;
    for (let j = 1; ok && j <= more; j++) {
      const n = bytes[k + j];
      if (n === undefined || (n & 0xc0) !== 0x80) ok = false;
      else c = (c << 6) | (n & 0x3f);
    }
    if (c > 0x10ffff) ok = false;
    if (!ok) {
      out += '\ufffd';
      k++;
    } else {
      out += String.fromCodePoint(c);
      k += more + 1;
    }
  }
  return out;
}

/**
 * The text of the first uncompressed `iTXt` chunk named `keyword`, or null when the file is no PNG
 * (see {@link readPngChunks}) or has no such chunk. Compressed ones (flag 1) are not read: we never write them.
 */
export function readPngText(png: Uint8Array, keyword: string): string | null {
  const chunks = readPngChunks(png);
  if (!chunks) return null;
  for (const c of chunks) {
    if (c.type !== 'iTXt') continue;
    const nul = c.data.indexOf(0);
    if (nul < 0 || String.fromCharCode(...c.data.subarray(0, nul)) !== keyword) continue;
    if (c.data[nul + 1] !== 0) continue;
    // Skip the compression method, then the language tag and the translated keyword (NUL-terminated).
    const lang = c.data.indexOf(0, nul + 3);
    const translated = lang < 0 ? -1 : c.data.indexOf(0, lang + 1);
    if (translated < 0) continue;
    return utf8Text(c.data.subarray(translated + 1));
  }
  return null;
}

/**
 * `png` with an `iTXt` chunk `keyword` holding `text`, placed right before IEND; an earlier chunk
 * of ours with that keyword is replaced. Throws a RangeError when `png` is no valid PNG file.
 */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const chunks = readPngChunks(png);
  if (!chunks) throw new RangeError('not a valid PNG file');
  const kw = [...keyword].map((c) => c.charCodeAt(0));
  const ours = (c: PngChunk) => c.type === 'iTXt' && c.data[kw.length] === 0 && kw.every((b, k) => c.data[k] === b);
  const kept = chunks.filter((c) => !ours(c) && c.type !== 'IEND');
  return concatBytes([Uint8Array.from(PNG_SIGNATURE), ...kept.map((c) => pngChunk(c.type, c.data)), pngChunk('iTXt', iTxtData(keyword, text)), pngChunk('IEND', new Uint8Array(0))]);
}
