import { generateCluster, type JourneySpec, type Topology } from '../core';
import type { Lang, Theme } from '../store/types';

/** What a link (or a slide's iframe src) can ask the player to show. */
export interface UrlParams {
  topology?: Topology;
  spec?: JourneySpec;
  lang?: Lang;
  theme?: Theme;
  /** 1-based step to open at. */
  step?: number;
}

function int(v: string | null, lo: number, hi: number): number | undefined {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= lo && n <= hi ? n : undefined;
}

/**
 * Read `?from=pod1&to=pod3&proto=udp&port=53&count=2&ttl=5&warm=1&lang=ru&theme=dark&step=12&nodes=6&pods=2`.
 * Unknown or malformed values are ignored (the form then shows the default), so an old link still opens.
 * `nodes`/`pods` swap the seed lab for a generated cluster of that size.
 */
export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const out: UrlParams = {};
  const nodes = int(q.get('nodes'), 1, 20);
  if (nodes !== undefined) out.topology = generateCluster({ nodes, podsPerNode: int(q.get('pods'), 1, 6) ?? 2 });
  const from = q.get('from');
  const to = q.get('to');
  if (from && to) {
    const proto = q.get('proto');
    const port = int(q.get('port'), 1, 65535);
    const count = int(q.get('count'), 1, 10);
    const ttl = int(q.get('ttl'), 1, 255);
    out.spec = {
      from,
      to,
      ...(proto === 'icmp' || proto === 'udp' || proto === 'tcp' ? { proto } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(ttl !== undefined ? { ttl } : {}),
      warm: q.get('warm') === '1',
    };
  }
  const lang = q.get('lang');
  if (lang === 'en' || lang === 'ru') out.lang = lang;
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') out.theme = theme;
  const step = int(q.get('step'), 1, 100000);
  if (step !== undefined) out.step = step;
  return out;
}
