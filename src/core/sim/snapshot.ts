import type { NetState, NsTables } from '../journey';
import { formatIp } from '../net/ipv4';
import { lazyRecord } from '../lazyRecord';
import { pmtuRow } from '../state';
import { compileNs } from './compile';
import { PMTU_EXPIRES_S } from './fragment';
import { lookupRoute } from './world';
import type { Ns, World } from './world';

/**
 * The tables of every namespace and segment as they are now: what the UI shows before step one.
 * The namespaces built so far are read now; the others (all but a few in a large lab) are a
 * `lazyRecord` over their compiled (cached, never mutated) initial tables, read when someone
 * looks, so nothing is built or compiled just to be shown.
 */
export function snapshot(world: World): NetState {
  const now = new Map<string, NsTables>();
  for (const ns of world.builtNamespaces()) now.set(ns.name, tablesOf(ns));
  const specs = world.index.specs;
  const names = function* (): Iterable<string> {
    for (const [name] of specs.entries()) yield name;
  };
  const read = (name: string): NsTables | undefined => {
    const entry = specs.get(name);
    return entry ? (now.get(name) ?? compileNs(entry.spec).tables) : undefined;
  };
  const state: NetState = { ns: lazyRecord(names, read), segments: {} };
  for (const seg of world.segments.values()) {
    state.segments[seg.id] = [...seg.fdb].map(([mac, port]) => ({ mac, port: `${port.ns.name}/${port.name}`, local: false }));
  }
  return state;
}

/** Current tables of a namespace that has been built (its caches may hold learned entries). */
function tablesOf(ns: Ns): NsTables {
  const base = ns.compiled.tables;
  const neigh: NsTables['neigh'] = [];
  for (const [dev, table] of ns.neigh) {
    for (const n of table.values()) neigh.push({ ip: n.ipText, iface: dev, mac: n.mac, state: n.state });
  }
  const fdb: NsTables['fdb'] = {};
  for (const [bridge, rows] of Object.entries(base.fdb)) {
    const br = ns.ifaces.get(bridge)?.bridge;
    fdb[bridge] = [...rows, ...(br ? [...br.fdb].map(([mac, port]) => ({ mac, port: port.name, local: false })) : [])];
  }
  // Path MTUs learned so far (a warm journey's first run can leave some).
  const routes = ns.pmtu ? [...base.routes, ...[...ns.pmtu].map(([dst, p]) => pmtuRow(formatIp(dst), lookupRoute(ns, dst)?.gwText ?? null, lookupRoute(ns, dst)?.dev.name ?? '', p.mtu, PMTU_EXPIRES_S))] : base.routes;
  return { routes, neigh, fdb };
}
