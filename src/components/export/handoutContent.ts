import { stateAt, tellChapters, tellEvent, type JourneyResult, type Lang, type NetState } from '../../core';
import { newRows, rowKey } from '../../store/selectors';

/*
 * What the printable handout says, as plain data: one block per chapter with its title, the
 * narrator's correction, each event in one line, and the tables that changed in it (neighbour/ARP
 * rows new or in another state, FDB rows learned, and the routes its lookups chose).
 */

/** One table that changed in a chapter: whose, which kind, and its rows as cells. */
export interface HandoutTable {
  kind: 'neigh' | 'fdb' | 'segment' | 'routes';
  /** The namespace (the segment's name for `segment`). */
  ns: string;
  /** The bridge of an `fdb` table. */
  bridge?: string;
  /** neigh: IP, device, MAC ('' when none), state; fdb and segment: MAC, port; routes: the route as `ip route` prints it. */
  rows: string[][];
}

/** One chapter of the handout. */
export interface HandoutChapter {
  n: number;
  title: string;
  correction?: string;
  /** First and last event of the chapter (0-based indexes into the log). */
  start: number;
  end: number;
  /** Each event of the chapter told in one line (the narrator's short level). */
  lines: string[];
  tables: HandoutTable[];
}

/** The tables that changed between `before` and `after`, and the routes chosen in events start..end. */
function changedTables(result: JourneyResult, before: NetState, after: NetState, start: number, end: number): HandoutTable[] {
  const out: HandoutTable[] = [];
  for (const [ns, tables] of Object.entries(after.ns)) {
    const fresh = newRows(before, after, ns);
    const neigh = tables.neigh.filter((r) => fresh.has(`neigh:${rowKey.neigh(r)}`));
    if (neigh.length > 0) out.push({ kind: 'neigh', ns, rows: neigh.map((r) => [r.ip, r.iface, r.mac ?? '', r.state]) });
    for (const [bridge, rows] of Object.entries(tables.fdb)) {
      const learned = rows.filter((r) => fresh.has(`fdb:${bridge}:${rowKey.fdb(r)}`));
      if (learned.length > 0) out.push({ kind: 'fdb', ns, bridge, rows: learned.map((r) => [r.mac, r.port]) });
    }
  }
  for (const [seg, rows] of Object.entries(after.segments)) {
    const old = new Set((before.segments[seg] ?? []).map(rowKey.fdb));
    const learned = rows.filter((r) => !old.has(rowKey.fdb(r)));
    if (learned.length > 0) out.push({ kind: 'segment', ns: seg, rows: learned.map((r) => [r.mac, r.port]) });
  }
  const used = new Map<string, Set<string>>();
  for (let i = start; i <= end; i++) {
    const e = result.events[i];
    if (e?.type !== 'route' || e.route === null) continue;
    const set = used.get(e.ns) ?? new Set<string>();
    set.add(e.route);
    used.set(e.ns, set);
  }
  for (const [ns, routes] of used) out.push({ kind: 'routes', ns, rows: [...routes].map((r) => [r]) });
  return out;
}

/**
 * The handout of a journey in `lang`: its chapters in order, each ending where the next begins (the
 * last at the log's end). A journey without chapters (nothing was sent) gives one block of every event.
 */
export function handoutContent(result: JourneyResult, lang: Lang): HandoutChapter[] {
  const told = tellChapters(result, lang, 'detailed');
  const last = result.events.length - 1;
  const blocks = told.length > 0 ? told : [{ n: 1, start: 0, title: '', kind: undefined, correction: undefined }];
  return blocks.map((c, k) => {
    const start = k === 0 ? 0 : c.start;
    const end = Math.max(start, (blocks[k + 1]?.start ?? last + 1) - 1);
    const lines: string[] = [];
    for (let i = start; i <= end && i <= last; i++) lines.push(tellEvent(result, i, lang, 'short'));
    const chapter: HandoutChapter = { n: c.n, title: c.title, start, end, lines, tables: changedTables(result, stateAt(result, start - 1), stateAt(result, end), start, end) };
    if (c.correction !== undefined) chapter.correction = c.correction;
    return chapter;
  });
}
