import { problem, shown, type Problem } from '../i18n/problems';
import { networkOf, parseCidr, parseIp } from '../net/ipv4';
import { LINUX } from './linux';
import { findNs, putNs, refuse, unlessBroken, type NsPlace } from './nsEdits';
import type { NamespaceSpec, RouteSpec, Topology } from './topology';

/*
 * The inspector's route table: a namespace's static routes as rows to add, change and delete.
 * A row is typed as text (`RouteInput`) and read the way `ip route add` reads its arguments; the
 * table that results is checked as Linux builds it (validate.ts: the device exists, the gateway
 * is on a link of it, no route of the same prefix and metric is there already), so a refusal
 * quotes what Linux answers. Pure; see nsEdits.ts for what every edit shares.
 */

/** One row of the route table as the user types it. Empty `via`: a device route; empty `metric`: 0. */
export interface RouteInput {
  /** `default`, a prefix (`10.10.11.0/24`), or an address (a /32, as `ip route add 10.0.0.5 …` takes it). */
  dst: string;
  via: string;
  /** An interface of the namespace. */
  dev: string;
  metric: string;
}

/** A route as it would be added: `default via 172.16.100.254 dev eth0 metric 10`. */
export function routeLine(r: RouteSpec): string {
  const parts = [r.dst];
  if (r.via !== undefined) parts.push('via', r.via);
  parts.push('dev', r.dev);
  if (r.src !== undefined) parts.push('src', r.src);
  if (r.metric !== undefined && r.metric !== 0) parts.push('metric', String(r.metric));
  if (r.onlink === true) parts.push('onlink');
  return parts.join(' ');
}

/** A route as the table's row shows it. */
export function routeInput(r: RouteSpec): RouteInput {
  return { dst: r.dst, via: r.via ?? '', dev: r.dev, metric: r.metric === undefined ? '' : String(r.metric) };
}

/**
 * The route a row describes, keeping what the row does not show (`onlink`, `src`, `op`) from
 * `base`, the route it edits. `at` is the row's path for refusals (`machines[0].routes[1]`).
 *
 * @throws TopologyEditError at `<at>.dst`: `route-dst` (neither `default` nor a prefix),
 *   `route-host-bits` ("Error: Invalid prefix for given prefix length."); at `<at>.via`:
 *   `ip-syntax`; at `<at>.metric`: `int-range` for anything but a whole number from 0 to 4294967295
 *   (iproute2: `Error: argument "…" is wrong: "metric" value is invalid`).
 */
export function routeFromInput(input: RouteInput, base: RouteSpec | undefined, at: string): RouteSpec {
  let dst = input.dst.trim();
  if (dst !== 'default') {
    if (parseIp(dst) !== null) dst = `${dst}/32`;
    const c = parseCidr(dst);
    if (!c) refuse(`${at}.dst`, 'route-dst', { got: shown(input.dst) });
    if (networkOf(c.ip, c.prefix) !== c.ip) refuse(`${at}.dst`, 'route-host-bits', { dst, kernel: LINUX.invalidPrefix });
  }
  const via = input.via.trim();
  if (via !== '' && parseIp(via) === null) refuse(`${at}.via`, 'ip-syntax', { got: shown(input.via) });
  const metricText = input.metric.trim();
  let metric = 0;
  if (metricText !== '') {
    metric = /^\d{1,10}$/.test(metricText) ? Number(metricText) : -1;
    if (metric < 0 || metric > 4294967295) refuse(`${at}.metric`, 'int-range', { min: 0, max: 4294967295, got: shown(input.metric), kernel: LINUX.badMetric(metricText) });
  }
  const { via: _via, metric: _metric, dst: _dst, dev: _dev, ...kept } = base ?? { dst, dev: input.dev };
  return { dst, ...(via === '' ? {} : { via }), dev: input.dev.trim(), ...kept, ...(metric === 0 ? {} : { metric }) };
}

/** A route another route's gateway needs (a device route covering it), in the edit's own words. */
function holdsGateway(place: NsPlace, routes: readonly RouteSpec[], edited: number): (p: Problem) => Problem | null {
  const prefix = `${place.path}.routes[`;
  return (p) => {
    if (p.code !== 'gateway-unreachable' || !p.path.startsWith(prefix)) return null;
    const j = Number(p.path.slice(prefix.length).split(']')[0]);
    const route = routes[j];
    if (j === edited || !route?.via) return null;
    const kernel = typeof p.params.kernel === 'string' ? p.params.kernel : undefined;
    return problem(`${place.path}.routes[${edited}]`, 'route-holds-gateway', { route: routeLine(route), via: route.via, kernel });
  };
}

/**
 * The lab with namespace `ns` holding exactly `routes`, added in that order after the addresses'
 * connected routes, as the kernel lab builds them. `edited` is the row the change is about: a
 * later route that loses the device route its gateway needed is refused in those words.
 *
 * @throws TopologyEditError with what Linux refuses (`no-such-dev`, `gateway-unreachable`,
 *   `onlink-local-gateway`, `prefsrc-not-local`, `route-exists`, each with Linux's answer),
 *   `route-holds-gateway`, or `peer-ns-missing` for an unknown namespace.
 */
export function setRoutes(t: Topology, ns: string, routes: readonly RouteSpec[], edited = routes.length - 1): Topology {
  const place = findNs(t, ns);
  const next = putNs(t, place, { ...place.ns, routes: [...routes] } as NamespaceSpec);
  return unlessBroken(t, next, holdsGateway(place, routes, edited));
}

/** The lab with a route added at the end of `ns`'s table (`ip route add`). Throws as {@link routeFromInput} and {@link setRoutes} do. */
export function addRoute(t: Topology, ns: string, input: RouteInput): Topology {
  const place = findNs(t, ns);
  const routes = place.ns.routes ?? [];
  const route = routeFromInput(input, undefined, `${place.path}.routes[${routes.length}]`);
  return setRoutes(t, ns, [...routes, route]);
}

/**
 * The lab with row `index` of `ns`'s table replaced by what `input` says (its other fields kept).
 * A row that ends up as it was changes nothing. Throws as {@link routeFromInput} and
 * {@link setRoutes} do; `missing` at the row's path when there is no such row.
 */
export function updateRoute(t: Topology, ns: string, index: number, input: RouteInput): Topology {
  const place = findNs(t, ns);
  const routes = place.ns.routes ?? [];
  const at = `${place.path}.routes[${index}]`;
  const old = routes[index];
  if (!old) return refuse(at, 'missing', {});
  const typed = routeFromInput(input, old, at);
  // A new gateway typed alone takes the interface it is on-link through, as `ip route add … via G`
  // without `dev` does (fib_check_nh_v4_gw() looks the gateway up): so a row can move to another
  // link in one edit, where checking the new gateway against the old device would refuse it.
  const dev = typed.via !== old.via && typed.dev === old.dev && typed.via !== undefined && !typed.onlink ? devFor(place.ns, typed.via, typed.dev) : typed.dev;
  const route = dev === typed.dev ? typed : { ...typed, dev };
  if (routeLine(route) === routeLine(old) && route.op === old.op) return t;
  return setRoutes(t, ns, routes.map((r, k) => (k === index ? route : r)), index);
}

/** `dev` when gateway `via` is on-link through it; else the one other interface it is on-link through; else `dev`. */
function devFor(ns: NamespaceSpec, via: string, dev: string): string {
  const gw = parseIp(via);
  if (gw === null) return dev;
  const through = ns.interfaces.filter((i) => (i.addresses ?? []).some((a) => {
    const c = parseCidr(a);
    return c !== null && networkOf(c.ip, c.prefix) === networkOf(gw, c.prefix);
  }));
  if (through.some((i) => i.name === dev)) return dev;
  return through.length === 1 ? (through[0]?.name ?? dev) : dev;
}

/**
 * The lab without row `index` of `ns`'s table (`ip route del`).
 *
 * @throws TopologyEditError: `route-holds-gateway` when a later route reaches its gateway through
 *   this one (a device route), `missing` when there is no such row.
 */
export function deleteRoute(t: Topology, ns: string, index: number): Topology {
  const place = findNs(t, ns);
  const routes = place.ns.routes ?? [];
  if (!routes[index]) return refuse(`${place.path}.routes[${index}]`, 'missing', {});
  const rest = routes.filter((_, k) => k !== index);
  const next = putNs(t, place, { ...place.ns, routes: rest } as NamespaceSpec);
  // Routes after the deleted one moved up a row: the explanation reads them where they are now.
  const explain = holdsGateway(place, rest, -1);
  return unlessBroken(t, next, (p) => {
    const q = explain(p);
    return q ? { ...q, path: `${place.path}.routes[${index}]` } : null;
  });
}
