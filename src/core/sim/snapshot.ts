import type { FdbRow, NetState, NsTables, RouteRow } from '../journey';
import { formatIp } from '../net/ipv4';
import type { Route, World } from './world';

function routeRow(r: Route): RouteRow {
  const row: RouteRow = { text: r.text, dst: r.prefix === 0 ? 'default' : `${formatIp(r.net)}/${r.prefix}`, dev: r.dev.name, proto: r.proto, table: r.table };
  if (r.via !== null) row.via = formatIp(r.via);
  return row;
}

/** The tables of every namespace and segment as they are now: what the UI shows before step one. */
export function snapshot(world: World): NetState {
  const state: NetState = { ns: {}, segments: {} };
  for (const ns of world.ns.values()) {
    const tables: NsTables = { routes: [...ns.routes.map(routeRow), ...ns.localRoutes.map(routeRow)], neigh: [], fdb: {} };
    for (const [dev, table] of ns.neigh) {
      for (const n of table.values()) tables.neigh.push({ ip: formatIp(n.ip), iface: dev, mac: n.mac, state: n.state });
    }
    for (const iface of ns.ifaces.values()) {
      const br = iface.bridge;
      if (!br) continue;
      const rows: FdbRow[] = [{ mac: br.dev.mac, port: br.dev.name, local: true }];
      for (const p of br.ports) rows.push({ mac: p.mac, port: p.name, local: true });
      for (const [mac, port] of br.fdb) rows.push({ mac, port: port.name, local: false });
      tables.fdb[iface.name] = rows;
    }
    state.ns[ns.name] = tables;
  }
  for (const seg of world.segments.values()) {
    state.segments[seg.id] = [...seg.fdb].map(([mac, port]) => ({ mac, port: `${port.ns.name}/${port.name}`, local: false }));
  }
  return state;
}
