/**
 * What a page's first load is made of (`npm run bench -- sizes`): each script's bytes shared out
 * among the source modules its source map names, then scaled to the script's gzip size, so the
 * modules and packages that weigh most are listed in gzip KiB. An estimate: gzip does not compress
 * every module alike, but the shares add up to the measured figure. Code the map names no source
 * for (the bundler's glue, `export{…}` lines) is counted under `(bundler)`.
 */

/** A source map's fields this reads (version 3). */
export interface SourceMapV3 {
  sources: (string | null)[];
  mappings: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT: Record<string, number> = Object.fromEntries([...B64].map((c, i) => [c, i]));

/**
 * The numbers of one Base64 VLQ segment (source-map spec, "mappings"): 5 bits a digit, the 6th a
 * continuation bit, the lowest bit of each number its sign.
 * @throws Error on a character outside Base64 or a segment that ends in the middle of a number.
 */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  let pending = false;
  for (const c of segment) {
    const d = DIGIT[c];
    if (d === undefined) throw new Error(`source map: “${c}” is not a Base64 digit in “${segment}”`);
    value += (d & 31) * 2 ** shift;
    pending = (d & 32) !== 0;
    if (pending) {
      shift += 5;
      continue;
    }
    out.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  if (pending) throw new Error(`source map: the segment “${segment}” ends inside a number`);
  return out;
}

/** Name of the bucket for generated code no source is mapped to. */
export const UNMAPPED = '(bundler)';

/**
 * Characters of `code` per source of `map`: each mapping segment owns the columns up to the next
 * segment on its line (the last one, to the line's end); columns before a line's first segment and
 * segments without a source go to {@link UNMAPPED}.
 */
export function bytesBySource(code: string, map: SourceMapV3): Map<string, number> {
  const lines = code.split('\n');
  const out = new Map<string, number>();
  const add = (k: string, n: number) => {
    if (n > 0) out.set(k, (out.get(k) ?? 0) + n);
  };
  const mapped = map.mappings.split(';');
  let source = 0;
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l] ?? '';
    const segs = (mapped[l] ?? '').split(',').filter((s) => s !== '');
    let col = 0;
    let prev: { col: number; src: string } | null = null;
    for (const seg of segs) {
      const f = decodeVlq(seg);
      col += f[0] ?? 0;
      if (prev) add(prev.src, col - prev.col);
      else add(UNMAPPED, col);
      if (f.length >= 4) source += f[1] ?? 0;
      prev = { col, src: f.length >= 4 ? (map.sources[source] ?? UNMAPPED) : UNMAPPED };
    }
    if (prev) add(prev.src, text.length - prev.col);
    else add(UNMAPPED, text.length);
  }
  return out;
}

/** A source's name as the report shows it: `src/…` for ours, the package's name for a dependency. */
export function owner(source: string, byPackage: boolean): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return byPackage ? (parts[0]?.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? source)) : parts.join('/');
  }
  const src = source.lastIndexOf('src/');
  return src >= 0 ? source.slice(src) : source;
}

/** One script of a load: its code, its map (null: none) and its measured gzip size. */
export interface LoadedScript {
  code: string;
  map: SourceMapV3 | null;
  gzipBytes: number;
}

/**
 * Gzip bytes per module (or per package with `byPackage`, our folders by their first two levels)
 * over every script of one load, largest first.
 */
export function breakdown(scripts: readonly LoadedScript[], byPackage = false): [string, number][] {
  const total = new Map<string, number>();
  for (const s of scripts) {
    const raw = s.map ? bytesBySource(s.code, s.map) : new Map([[UNMAPPED, s.code.length]]);
    const sum = [...raw.values()].reduce((a, b) => a + b, 0);
    if (sum === 0) continue;
    for (const [src, n] of raw) {
      let k = src === UNMAPPED ? UNMAPPED : owner(src, byPackage);
      if (byPackage && k.startsWith('src/')) k = k.split('/').slice(0, 3).join('/');
      total.set(k, (total.get(k) ?? 0) + (n / sum) * s.gzipBytes);
    }
  }
  return [...total].sort((a, b) => b[1] - a[1]);
}
