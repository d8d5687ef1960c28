import type { HopEvent } from './events';
import type { FdbRow, JourneyResult, NetState, NsTables, RouteRow } from './journey';
import { overlayRecord } from './lazyRecord';

/**
 * A learned path MTU as `ip route show cache` lists it (`expires` counts down from `expiresS`; the
 * table shows the value it was learned with).
 */
export function pmtuRow(dst: string, via: string | null, dev: string, mtu: number, expiresS: number): RouteRow {
  const text = `${dst}${via ? ` via ${via}` : ''} dev ${dev} cache expires ${expiresS}sec mtu ${mtu}`;
  const row: RouteRow = { text, dst: `${dst}/32`, dev, proto: 'kernel', table: 'cache' };
  if (via) row.via = via;
  return row;
}

/**
 * The tables of every namespace after event `index` (−1: before the first). A pure fold of the
 * initial snapshot and the log's neighbour and FDB changes, so seeking anywhere is cheap and exact.
 * Namespaces untouched by the fold share their objects with `result.initial`.
 */
export function stateAt(result: Pick<JourneyResult, 'initial' | 'events'>, index: number): NetState {
  // Only the namespaces the fold changes are copied; the others are read through to the snapshot.
  const changed = new Map<string, NsTables>();
  const state: NetState = { ns: overlayRecord(result.initial.ns, changed), segments: { ...result.initial.segments } };
  const copied = new Set<string>();
  const own = (ns: string): NsTables | undefined => {
    const t = state.ns[ns];
    if (!t || copied.has(ns)) return t;
    const c: NsTables = { routes: t.routes, neigh: t.neigh.map((r) => ({ ...r })), fdb: Object.fromEntries(Object.entries(t.fdb).map(([k, v]) => [k, v.map((r) => ({ ...r }))])) };
    changed.set(ns, c);
    copied.add(ns);
    return c;
  };
  const last = Math.min(index, result.events.length - 1);
  for (let i = 0; i <= last; i++) apply(state, result.events[i] as HopEvent, own, copied);
  return state;
}

function apply(state: NetState, e: HopEvent, own: (ns: string) => NsTables | undefined, copied: Set<string>): void {
  if (e.type === 'neigh' && e.action === 'update') {
    const t = own(e.ns);
    if (!t) return;
    const row = t.neigh.find((r) => r.ip === e.ip && r.iface === e.iface);
    if (row) {
      row.state = e.to;
      row.mac = e.mac;
    } else t.neigh.push({ ip: e.ip, iface: e.iface, mac: e.mac, state: e.to });
  } else if (e.type === 'pmtu') {
    const t = own(e.ns);
    if (!t) return;
    const row = pmtuRow(e.dst, e.via, e.dev, e.mtu, e.expiresS);
    t.routes = [...t.routes.filter((r) => !(r.table === 'cache' && r.dst === row.dst)), row];
  } else if (e.type === 'fdb' && e.action === 'learn') {
    let rows: FdbRow[] | undefined;
    if (e.scope === 'bridge') {
      const t = own(e.ns);
      if (!t) return;
      rows = t.fdb[e.bridge] ?? (t.fdb[e.bridge] = []);
    } else {
      const key = `segment:${e.bridge}`;
      if (!copied.has(key)) {
        state.segments[e.bridge] = (state.segments[e.bridge] ?? []).map((r) => ({ ...r }));
        copied.add(key);
      }
      rows = state.segments[e.bridge] ?? (state.segments[e.bridge] = []);
    }
    const port = e.ports[0] ?? '';
    const row = rows.find((r) => r.mac === e.mac);
    if (row) row.port = port;
    else rows.push({ mac: e.mac, port, local: false });
  }
}
