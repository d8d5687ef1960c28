import type { NeighRow, NsTables, RouteRow } from '../journey';
import type { IfaceSpec, IfaceSysctls, NamespaceSpec, NamespaceSysctls } from '../model/topology';
import { freezeSpec } from '../model/freeze';
import { broadcastRouteRows } from './broadcast';
import { formatIp, maskOf, networkOf, parseCidr, parseIp } from '../net/ipv4';

/*
 * The parsed, immutable form of one namespace spec. It is cached by the spec object's identity, so
 * after an edit (which, in the store, replaces only the objects it changes) re-simulating reuses the
 * work for every namespace the edit did not touch.
 */

/** Effective per-interface IPv4 settings after combining `all` and the interface, as Linux does. */
export interface EffectiveConf {
  forwarding: boolean;
  sendRedirects: boolean;
  acceptRedirects: boolean;
  sharedMedia: boolean;
  proxyArp: boolean;
  rpFilter: 0 | 1 | 2;
  /** neigh proxy_delay in ns. */
  proxyDelayNs: number;
}

/** A parsed interface. */
export interface CompiledIface {
  spec: IfaceSpec;
  name: string;
  mac: string;
  addrs: { ip: number; prefix: number }[];
  conf: EffectiveConf;
  mtu: number;
}

/** A parsed route, bound to its device by name. */
export interface CompiledRoute {
  net: number;
  prefix: number;
  /** The prefix's netmask, so a lookup is one AND and one compare. */
  mask: number;
  /** The gateway as written (`via`), or null. */
  via: number | null;
  /** The gateway as text, for events (formatted once here, not at every hop). */
  viaText: string | null;
  /**
   * The gateway packets are actually sent to: `via`, unless `via` is an address of the route's own
   * device. fib_check_nh_v4_gw() then finds it in the local table (RTN_LOCAL, scope host), and
   * rt_set_nexthop() only uses a gateway whose scope is link: the route acts as a link route, and
   * the next hop is the destination itself (the host ARPs for it on that device).
   */
  gw: number | null;
  gwText: string | null;
  /** `via` is an address of the route's own device, so it is not used as a gateway (see `gw`). */
  ownGateway: boolean;
  devName: string;
  src: number | null;
  metric: number;
  text: string;
  table: 'main' | 'local';
  proto: 'kernel' | 'static';
  /** No gateway is used: the destination is on the link (its next hop has scope host). */
  connected: boolean;
  /** How the route joined the table when the topology says `prepend` or `append` (else null). */
  op: 'prepend' | 'append' | 'replace' | null;
  /**
   * The routes of the same prefix and metric that come after this one in the table (as `ip route`
   * prints them): fib_table_lookup() takes the first, so this one hides them. Empty for most.
   */
  tied: readonly string[];
  /** Neither an own-address gateway, nor a prepend/append, nor tied: events need no extra facts. */
  plain: boolean;
}

/** A parsed namespace. */
export interface CompiledNs {
  ifaces: CompiledIface[];
  /** Position of each interface in `ifaces`, by name. */
  ifaceIndex: ReadonlyMap<string, number>;
  /**
   * For each bridge's position in `ifaces`, its ports' positions in the order Linux floods them:
   * br_add_if() adds each port at the head of the list, so the last one added comes first.
   */
  bridgePorts: ReadonlyMap<number, readonly number[]>;
  /** Main table, longest prefix first then lowest metric. */
  routes: CompiledRoute[];
  localRoutes: CompiledRoute[];
  localAddrs: number[];
  /** The same addresses as a set, shared by every run (never mutated). */
  localAddrSet: ReadonlySet<number>;
  permanent: { ip: number; mac: string; dev: string }[];
  /** Static VXLAN FDB entries in the order they were added: MAC (lower case), device, remote VTEP. */
  fdb: { mac: string; dev: string; dst: number; dstText: string }[];
  ipForward: boolean;
  defaultTtl: number;
  /** Whether the namespace has a WireGuard device (Cilium's cil_to_netdev then watches its NICs, sim/wireguard.ts). */
  hasWireguard: boolean;
  listeners: Set<string>;
  /** The namespace's tables before anything happens (shared; never mutate). */
  tables: NsTables;
}

/** Linux's default for each per-interface sysctl (ip-sysctl.rst), before `ip_forward` changes any. */
export const LINUX_DEFAULT: Readonly<Required<IfaceSysctls>> = {
  forwarding: false,
  send_redirects: true,
  accept_redirects: true,
  secure_redirects: true,
  shared_media: true,
  proxy_arp: false,
  rp_filter: 0,
  proxy_delay: 800,
};

/** Combines `conf/all` and `conf/<if>` the way each sysctl is documented in ip-sysctl.rst. */
export function effectiveConf(sysctls: NamespaceSysctls | undefined, own: IfaceSysctls | undefined): EffectiveConf {
  const ipForward = sysctls?.ip_forward ?? false;
  // Writing ip_forward=1 sets forwarding on every interface and accept_redirects=0 in `all`.
  const allConf = { ...LINUX_DEFAULT, ...(ipForward ? { forwarding: true, accept_redirects: false } : {}), ...sysctls?.all };
  const ifConf = { ...LINUX_DEFAULT, ...(ipForward ? { forwarding: true } : {}), ...own };
  const forwarding = ifConf.forwarding;
  return {
    forwarding,
    sendRedirects: allConf.send_redirects || ifConf.send_redirects,
    acceptRedirects: forwarding ? allConf.accept_redirects && ifConf.accept_redirects : allConf.accept_redirects || ifConf.accept_redirects,
    sharedMedia: allConf.shared_media || ifConf.shared_media,
    proxyArp: allConf.proxy_arp || ifConf.proxy_arp,
    rpFilter: Math.max(allConf.rp_filter, ifConf.rp_filter) as 0 | 1 | 2,
    // A neighbour parameter, not a conf/all one: only the interface's own value counts.
    proxyDelayNs: (own?.proxy_delay ?? LINUX_DEFAULT.proxy_delay) * 1_000_000,
  };
}

const cache = new WeakMap<NamespaceSpec, CompiledNs>();

/** Compiles a (valid) namespace spec, or returns the cached result for this very object. */
export function compileNs(spec: NamespaceSpec): CompiledNs {
  const hit = cache.get(spec);
  if (hit) return hit;
  const ifaces: CompiledIface[] = spec.interfaces.map((is) => ({
    spec: is,
    name: is.name,
    mac: is.mac.toLowerCase(),
    addrs: (is.addresses ?? []).map((a) => parseCidr(a)).filter((c): c is { ip: number; prefix: number } => c !== null),
    conf: effectiveConf(spec.sysctls, is.sysctls),
    mtu: is.mtu ?? 1500,
  }));
  const routes: CompiledRoute[] = [];
  const localRoutes: CompiledRoute[] = [];
  const localAddrs: number[] = [];
  for (const i of ifaces) {
    for (const a of i.addrs) {
      localAddrs.push(a.ip);
      const net = networkOf(a.ip, a.prefix);
      // fib_add_ifaddr(): a prefix route, unless the address is a /32 or inside 0.0.0.0/8.
      if (a.prefix < 32 && net >>> 24 !== 0) {
        routes.push(linkRoute(net, a.prefix, i.name, a.ip, 'main', `${formatIp(net)}/${a.prefix} dev ${i.name} proto kernel scope link src ${formatIp(a.ip)}`));
      }
      localRoutes.push(linkRoute(a.ip, 32, i.name, a.ip, 'local', `local ${formatIp(a.ip)} dev ${i.name} table local proto kernel scope host src ${formatIp(a.ip)}`));
    }
  }
  for (const r of spec.routes ?? []) {
    const c = r.dst === 'default' ? { ip: 0, prefix: 0 } : parseCidr(r.dst);
    if (!c) continue;
    const via = r.via !== undefined ? parseIp(r.via) : null;
    const src = r.src !== undefined ? parseIp(r.src) : null;
    // As `ip route` prints it (iproute2 print_route): a host route without its /32, and `scope link`
    // for a route with no gateway (the scope `ip route add` gives it, RT_SCOPE_LINK).
    const dst = r.dst === 'default' ? 'default' : c.prefix === 32 ? formatIp(c.ip) : `${formatIp(networkOf(c.ip, c.prefix))}/${c.prefix}`;
    const text = [dst, via !== null ? `via ${formatIp(via)}` : null, `dev ${r.dev}`, via === null ? 'scope link' : null, r.onlink ? 'onlink' : null, src !== null ? `src ${formatIp(src)}` : null, r.metric ? `metric ${r.metric}` : null]
      .filter(Boolean)
      .join(' ');
    const ownGateway = via !== null && ifaces.some((i) => i.name === r.dev && i.addrs.some((a) => a.ip === via));
    const gw = ownGateway ? null : via;
    const op = r.op === 'prepend' || r.op === 'append' || r.op === 'replace' ? r.op : null;
    const route: CompiledRoute = {
      net: networkOf(c.ip, c.prefix), prefix: c.prefix, mask: maskOf(c.prefix), via, viaText: via !== null ? formatIp(via) : null, gw, gwText: gw !== null ? formatIp(gw) : null, ownGateway,
      devName: r.dev, src, metric: r.metric ?? 0, text, table: 'main', proto: 'static', connected: gw === null, op, tied: [], plain: true,
    };
    // fib_table_insert(): `prepend` goes before the routes of the same prefix and metric, `append`
    // (and a plain `add`, which validation refuses when one exists) after them.
    // `replace` takes the first one's place (a connected route included), or is appended.
    const first = op === 'prepend' || op === 'replace' ? routes.findIndex((x) => x.net === route.net && x.prefix === route.prefix && x.metric === route.metric) : -1;
    if (first >= 0) routes.splice(first, op === 'replace' ? 1 : 0, route);
    else routes.push(route);
  }
  // Longest prefix first, then lowest metric; the sort is stable, so routes of equal prefix and
  // metric keep their table order: the first match of a scan is fib_table_lookup()'s choice.
  routes.sort((a, b) => b.prefix - a.prefix || a.metric - b.metric);
  // Routes of one prefix and metric, in table order: each hides the ones after it.
  const groups = new Map<string, CompiledRoute[]>();
  for (const r of routes) {
    const key = `${r.net}/${r.prefix}/${r.metric}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  for (const g of groups.values()) {
    g.forEach((r, k) => {
      if (k + 1 < g.length) r.tied = g.slice(k + 1).map((x) => x.text);
    });
  }
  for (const r of routes) r.plain = !r.ownGateway && r.op === null && r.tied.length === 0;
  const permanent = (spec.neighbours ?? []).flatMap((n) => {
    const ip = parseIp(n.ip);
    return ip === null ? [] : [{ ip, mac: n.mac.toLowerCase(), dev: n.dev }];
  });
  const fdb = (spec.fdb ?? []).flatMap((f) => {
    const dst = parseIp(f.dst);
    return dst === null ? [] : [{ mac: f.mac.toLowerCase(), dev: f.dev, dst, dstText: formatIp(dst) }];
  });
  const ifaceIndex = new Map<string, number>();
  ifaces.forEach((i, k) => {
    if (!ifaceIndex.has(i.name)) ifaceIndex.set(i.name, k);
  });
  const bridgePorts = new Map<number, number[]>();
  ifaces.forEach((i, k) => {
    if (i.spec.kind === 'bridge') bridgePorts.set(k, []);
  });
  ifaces.forEach((p, k) => {
    const master = p.spec.master === undefined ? undefined : ifaceIndex.get(p.spec.master);
    if (master !== undefined) bridgePorts.get(master)?.unshift(k);
  });
  const compiled: CompiledNs = {
    ifaces,
    ifaceIndex,
    bridgePorts,
    routes,
    localRoutes,
    localAddrs,
    localAddrSet: new Set(localAddrs),
    permanent,
    fdb,
    ipForward: spec.sysctls?.ip_forward ?? false,
    defaultTtl: spec.sysctls?.ip_default_ttl ?? 64,
    hasWireguard: spec.interfaces.some((i) => i.kind === 'wireguard'),
    listeners: new Set((spec.listeners ?? []).map((l) => `${l.proto}/${l.port}`)),
    tables: initialTables(ifaces, routes, localRoutes, permanent),
  };
  cache.set(freezeSpec(spec), compiled);
  return compiled;
}

/** A route without a gateway: an address's connected route, or its local-table entry. */
function linkRoute(net: number, prefix: number, dev: string, src: number, table: 'main' | 'local', text: string): CompiledRoute {
  return {
    net, prefix, mask: maskOf(prefix), via: null, viaText: null, gw: null, gwText: null, ownGateway: false, devName: dev, src, metric: 0, text, table,
    proto: 'kernel', connected: true, op: null, tied: [], plain: true,
  };
}

/** A route as a table row. */
export function routeRow(r: CompiledRoute): RouteRow {
  const row: RouteRow = { text: r.text, dst: r.prefix === 0 ? 'default' : `${formatIp(r.net)}/${r.prefix}`, dev: r.devName, proto: r.proto, table: r.table };
  if (r.via !== null) row.via = formatIp(r.via);
  return row;
}

function initialTables(ifaces: CompiledIface[], routes: CompiledRoute[], localRoutes: CompiledRoute[], permanent: CompiledNs['permanent']): NsTables {
  const neigh: NeighRow[] = permanent.map((p) => ({ ip: formatIp(p.ip), iface: p.dev, mac: p.mac, state: 'PERMANENT' }));
  const fdb: NsTables['fdb'] = {};
  for (const i of ifaces) {
    if (i.spec.kind !== 'bridge') continue;
    const rows = [{ mac: i.mac, port: i.name, local: true }];
    for (const p of ifaces) if (p.spec.master === i.name) rows.push({ mac: p.mac, port: p.name, local: true });
    fdb[i.name] = rows;
  }
  // Table local is a trie: `ip route show table local` lists its local and broadcast routes by address.
  const local = [...localRoutes.map(routeRow), ...broadcastRouteRows(ifaces)];
  const key = (row: RouteRow): number => parseIp(row.dst.split('/')[0] ?? '') ?? 0;
  local.sort((a, b) => key(a) - key(b));
  // Table main as `ip route` dumps it: the trie's key order (default first), a longer prefix before a
  // shorter one of the same key (fib_insert_alias() orders a leaf's aliases by suffix length), and
  // routes of one prefix in the order the FIB keeps them (the sort is stable).
  const main = [...routes].sort((a, b) => (a.net >>> 0) - (b.net >>> 0) || b.prefix - a.prefix).map(routeRow);
  return { routes: [...main, ...local], neigh, fdb };
}
