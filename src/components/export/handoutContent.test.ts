import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt, tellChapters, tellEvent } from '../../core';
import { SEED_SPEC } from '../../store/defaultSpec';
import { handoutContent } from './handoutContent';
import { withOfflineLab } from './offlinePage';

const result = runJourney(seedTopology(), SEED_SPEC);

describe('handoutContent', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`covers every event once, chapter by chapter, in ${lang}`, () => {
      const h = handoutContent(result, lang);
      const told = tellChapters(result, lang);
      expect(h.map((c) => c.title)).toEqual(told.map((c) => c.title));
      expect(h[0]?.start).toBe(0);
      expect(h[h.length - 1]?.end).toBe(result.events.length - 1);
      for (let k = 1; k < h.length; k++) expect(h[k]?.start).toBe((h[k - 1]?.end ?? 0) + 1);
      expect(h.flatMap((c) => c.lines)).toEqual(result.events.map((_, i) => tellEvent(result, i, lang, 'short')));
    });
  }

  it('lists the neighbour rows a chapter changed, in the state they reached at its end', () => {
    const h = handoutContent(result, 'en');
    const seen = new Set<string>();
    for (const c of h) {
      const end = stateAt(result, c.end);
      for (const t of c.tables.filter((x) => x.kind === 'neigh')) {
        for (const [ip, dev, mac, state] of t.rows) {
          const row = end.ns[t.ns]?.neigh.find((r) => r.ip === ip && r.iface === dev);
          expect(row?.state).toBe(state);
          expect(row?.mac ?? '').toBe(mac);
          seen.add(`${t.ns} ${ip}`);
        }
      }
    }
    // The cold ping resolves pod1's gateway first: its ARP table changes.
    expect([...seen].some((s) => s.startsWith('pod1 '))).toBe(true);
  });

  it('lists the routes each chapter’s lookups chose, as the route events name them', () => {
    const h = handoutContent(result, 'en');
    for (const c of h) {
      const chosen = result.events.slice(c.start, c.end + 1).flatMap((e) => (e.type === 'route' && e.route !== null ? [`${e.ns}|${e.route}`] : []));
      const listed = c.tables.filter((t) => t.kind === 'routes').flatMap((t) => t.rows.map((r) => `${t.ns}|${r[0] ?? ''}`));
      expect(new Set(listed)).toEqual(new Set(chosen));
    }
    expect(h.some((c) => c.tables.some((t) => t.kind === 'routes'))).toBe(true);
  });

  it('lists FDB rows learned in a chapter only in that chapter', () => {
    const h = handoutContent(result, 'en');
    const rows = h.flatMap((c) => c.tables.filter((t) => t.kind === 'fdb' || t.kind === 'segment').flatMap((t) => t.rows.map((r) => `${t.ns}/${t.bridge ?? ''} ${r[0] ?? ''} ${r[1] ?? ''}`)));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows).size).toBe(rows.length);
  });
});

describe('withOfflineLab', () => {
  const page = '<!doctype html><html data-pj-offline="1"><head><meta charset="UTF-8"><script type="module">/* app */</script></head><body></body></html>';

  it('writes the link after <meta charset> as a JSON string no script can end, replacing an earlier one', () => {
    const link = 'lab=a$&b</script><!--&step=3';
    const out = withOfflineLab(page, link);
    const m = /<head><meta charset="UTF-8"><script type="application\/json" id="pj-lab">([^<]*)<\/script><script type="module">/.exec(out);
    expect(m).not.toBeNull();
    expect(JSON.parse(m?.[1] ?? '""')).toBe(link);
    const again = withOfflineLab(out, 'step=9');
    expect(again.match(/id="pj-lab"/g)).toHaveLength(1);
    expect(again).toContain('"step=9"');
  });

  it('refuses a page that is no built offline player (an error page, the development server’s)', () => {
    expect(() => withOfflineLab('<html><head></head></html>', 'x')).toThrow('offline-missing');
    expect(() => withOfflineLab('<html data-pj-offline="1"><head></head></html>', 'x')).toThrow('offline-missing');
    expect(() => withOfflineLab('<html data-pj-offline="1"><head><script type="module" src="/src/player.tsx"></script></head></html>', 'x')).toThrow('offline-missing');
  });
});
