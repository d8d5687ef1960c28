/*
 * The offline page: `player.html`, built beside the app as one self-contained file (every script
 * and style inlined by vite-plugin-singlefile, see vite.offline.ts), with the lab, journey and step
 * written into it as `<script type="application/json" id="pj-lab">`, which its player reads at start.
 */

/** Where the built app keeps the offline page's template, relative to the app's page. */
export const OFFLINE_TEMPLATE = 'player.html';

/** The id of the element the offline player reads its link from. */
export const OFFLINE_LAB_ID = 'pj-lab';

/** A JSON string literal safe inside a `<script>` element (no `</script>`, no `<!--`). */
function scriptJson(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * `template` (the built player page) with `link` (link parameters without `?`) in its `pj-lab`
 * element, placed right after `<meta charset>`; an earlier one is replaced. Throws an Error `offline-missing`
 * when the text is no player page (a development server's, an error page).
 */
export function withOfflineLab(template: string, link: string): string {
  // A development server's page still loads its modules from /src: it would not play from disk.
  // (A regular expression, not the text itself: the built page holds this very code.)
  if (!template.includes('data-pj-offline') || /<script[^>]*\ssrc="\/src\//.test(template)) throw new Error('offline-missing');
  const tag = `<script type="application/json" id="${OFFLINE_LAB_ID}">${scriptJson(link)}</script>`;
  const clean = template.replace(new RegExp(`<script type="application/json" id="${OFFLINE_LAB_ID}">[^<]*</script>`), '');
  // Right after <meta charset>: it must stay within the file's first 1024 bytes (a page opened from
  // disk has no Content-Type header), and the first one is the real one (inlined scripts come
  // after it). Sliced, not String.replace: the link's lz-string text may hold `$`.
  const meta = /<meta charset="?utf-8"?\s*\/?>/i.exec(clean);
  if (!meta) throw new Error('offline-missing');
  const at = meta.index + meta[0].length;
  return `${clean.slice(0, at)}${tag}${clean.slice(at)}`;
}

/** The offline page for `link`: the template fetched from beside the app, the link written in. */
export async function offlinePage(link: string): Promise<string> {
  const res = await fetch(OFFLINE_TEMPLATE, { cache: 'no-cache' });
  if (!res.ok) throw new Error('offline-missing');
  return withOfflineLab(await res.text(), link);
}
