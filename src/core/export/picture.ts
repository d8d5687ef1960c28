import { isPng, readPngChunks, readPngText, utf8Text } from './png';

/*
 * A picture of a step that carries its lab: the player's link parameters (`lab=` with the whole lab
 * compressed by lz-string, as `?lab=` links carry it, then `from`, `to`, … `step`) are stored in the
 * SVG's `<metadata>` and in the PNG's `iTXt` chunk, so dropping the picture back on the app opens
 * the same lab, journey and step. Reading never throws: a picture without our data says so.
 */

/** The PNG text chunk's keyword. */
export const PICTURE_KEYWORD = 'packet-journey';
/** The XML namespace of the SVG metadata element (a URN: nothing to fetch). */
export const PICTURE_XMLNS = 'urn:x-packet-journey:picture:1';

/** What a dropped file holds: the link parameters (without `?`), or why there are none. */
export type PictureRead =
  | { ok: true; link: string }
  /** `not-picture`: neither an SVG nor a whole PNG; `no-lab`: a picture, but not one of ours (or its data was stripped). */
  | { ok: false; reason: 'not-picture' | 'no-lab' };

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name] ?? '';
  });
}

/**
 * The SVG `<metadata>` element holding `link` (link parameters without `?`): one `pj:link` element
 * in the {@link PICTURE_XMLNS} namespace, its text escaped for XML.
 */
export function svgMetadata(link: string): string {
  return `<metadata><pj:link xmlns:pj="${PICTURE_XMLNS}" version="1">${escapeXml(link)}</pj:link></metadata>`;
}

/**
 * The link an SVG's metadata holds (see {@link svgMetadata}), or null. An editor that re-saved the
 * file may have renamed the prefix: any `link` element declaring our namespace is read.
 */
export function readSvgLink(svg: string): string | null {
  const re = /<((?:[A-Za-z_][\w.-]*:)?link)\b([^>]*)>([^<]*)<\/\1\s*>/g;
  for (let m = re.exec(svg); m; m = re.exec(svg)) {
    if ((m[2] ?? '').includes(PICTURE_XMLNS)) return unescapeXml(m[3] ?? '').trim();
  }
  return null;
}

/** Reads the link a picture file carries (an SVG's metadata, a PNG's `iTXt` chunk). Never throws. */
export function readPictureLink(bytes: Uint8Array): PictureRead {
  if (isPng(bytes)) {
    if (!readPngChunks(bytes)) return { ok: false, reason: 'not-picture' };
    const link = readPngText(bytes, PICTURE_KEYWORD);
    return link ? { ok: true, link } : { ok: false, reason: 'no-lab' };
  }
  // An SVG is text; a byte-order mark and an XML declaration may come before the root element.
  const text = utf8Text(bytes.subarray(0, Math.min(bytes.length, 4 << 20)));
  if (!/<svg[\s>]/.test(text)) return { ok: false, reason: 'not-picture' };
  const link = readSvgLink(text);
  return link ? { ok: true, link } : { ok: false, reason: 'no-lab' };
}

/**
 * A picture's file name: `packet-journey-<from>-<to>-step-<n>.<ext>`, with characters file systems
 * refuse (and spaces) turned into `-`. `step` is 1-based, as the counter shows it.
 */
export function pictureFileName(from: string, to: string, step: number, ext: 'svg' | 'png' | 'html'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const safe = (s: string) => s.replace(/[/\\:*?"<>|\s\u0000-\u001f\u007f]+/g, '-');
  return `packet-journey-${safe(from)}-${safe(to)}-step-${step}.${ext}`;
}
