import { formatIp, networkOf, parseIp } from '../net/ipv4';
import { loadArgs } from './args';
import { goParse } from './goDecode';
import { checkFields } from './goFields';
import { isObject, type Json } from './goJson';
import { PLUGIN_TEXT as T } from './pluginText';
import type { CniRoute } from './types';
import { versionAtLeast } from './version';

/*
 * host-local's configuration (plugins/ipam/host-local/backend/allocator config.go LoadIPAMConfig,
 * range.go Range.Canonicalize, range_set.go RangeSet.Canonicalize), IPv4 only: the ranges to
 * allocate from, each with its defaults filled in (gateway = network + 1, rangeStart = network + 1,
 * rangeEnd = broadcast - 1), the routes to hand out, the store directory, addresses asked for.
 */

/** One range, canonical: addresses as 32-bit numbers, prefix length. */
export interface Range {
  net: number;
  prefix: number;
  start: number;
  end: number;
  gateway: number;
}

/** What host-local works with after LoadIPAMConfig. */
export interface IpamConfig {
  /** The network name: the store is `<dataDir>/<name>/`. */
  name: string;
  cniVersion: string;
  dataDir: string;
  resolvConf: string;
  ranges: Range[][];
  routes: CniRoute[];
  /** Addresses asked for (CNI_ARGS `IP=`, `args.cni.ips`, `runtimeConfig.ips`). */
  requested: number[];
}

/** host-local's default store (backend/disk defaultDataDir). */
export const DEFAULT_DATA_DIR = '/var/lib/cni/networks';

/** `a.b.c.d/n` of a range's subnet. */
export function subnetText(r: Range): string {
  return `${formatIp(r.net)}/${r.prefix}`;
}

/** Range.String and RangeSet.String: `start-end[,start-end…]`. */
export function rangeSetText(set: readonly Range[]): string {
  return set.map((r) => `${formatIp(r.start)}-${formatIp(r.end)}`).join(',');
}

/** Range.Contains: inside the subnet and between start and end. */
export function rangeContains(r: Range, ip: number): boolean {
  return networkOf(ip, r.prefix) === r.net && ip >= r.start && ip <= r.end;
}

/** The range of the set that holds `ip` (RangeSet.RangeFor), or undefined. */
export function rangeFor(set: readonly Range[], ip: number): Range | undefined {
  return set.find((r) => rangeContains(r, ip));
}

/** Parses a CIDR as Go's net.ParseCIDR (types.IPNet's UnmarshalJSON). @throws Error. */
function cidr(v: Json, field: string): { ip: number; prefix: number } {
  if (typeof v !== 'string') throw new Error(T.goValue(typeof v === 'number' ? 'number' : 'object', 'string'));
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(v);
  const ip = m ? parseIp(m[1] as string) : null;
  const prefix = m ? Number(m[2]) : NaN;
  if (ip === null || !(prefix >= 0 && prefix <= 32)) throw new Error(T.netCidr(v));
  void field;
  return { ip, prefix };
}

/** Parses an IPv4 address field (net.IP's UnmarshalText). @throws Error. */
function ipField(v: Json): number {
  const ip = typeof v === 'string' ? parseIp(v) : null;
  if (ip === null) throw new Error(T.netIp(typeof v === 'string' ? v : JSON.stringify(v)));
  return ip;
}

/**
 * The errors json.Unmarshal itself raises while reading `ipam`, in document order: a CIDR or an
 * address that does not parse (types.IPNet and net.IP unmarshal themselves). They come before
 * any range check and are not wrapped in "invalid range set".
 */
function unmarshalChecks(ipam: { [key: string]: Json }): void {
  const range = (r: { [key: string]: Json }): void => {
    for (const [key, v] of Object.entries(r)) {
      if (v === null) continue;
      if (key === 'subnet') cidr(v, key);
      else if (key === 'rangeStart' || key === 'rangeEnd' || key === 'gateway') ipField(v);
    }
  };
  for (const [key, v] of Object.entries(ipam)) {
    if (key === 'ranges' && Array.isArray(v)) for (const set of v) for (const r of Array.isArray(set) ? set : []) range(isObject(r) ? r : {});
    else if (key === 'routes' && Array.isArray(v)) {
      for (const r of v) {
        const o = isObject(r) ? r : {};
        if (o.dst !== undefined && o.dst !== null) cidr(o.dst, 'dst');
        if (o.gw !== undefined && o.gw !== null && o.gw !== '') ipField(o.gw);
      }
    } else if (['subnet', 'rangeStart', 'rangeEnd', 'gateway'].includes(key)) range({ [key]: v });
  }
}

/** Range.Canonicalize. @throws Error with its text. */
function canonicalRange(raw: { [key: string]: Json }): Range {
  const sub = cidr(raw.subnet ?? '', 'subnet');
  if (sub.prefix > 30) throw new Error(T.tooSmall(`${formatIp(sub.ip)}/${sub.prefix}`));
  const net = networkOf(sub.ip, sub.prefix);
  if (net !== sub.ip) throw new Error(T.hostBits(sub.prefix, formatIp(net)));
  const subnet = `${formatIp(net)}/${sub.prefix}`;
  const gateway = raw.gateway !== undefined && raw.gateway !== null ? ipField(raw.gateway) : net + 1;
  const last = net + 2 ** (32 - sub.prefix) - 2;
  const inNet = (ip: number): boolean => networkOf(ip, sub.prefix) === net;
  let start = net + 1;
  const endRaw = raw.rangeEnd !== undefined && raw.rangeEnd !== null ? ipField(raw.rangeEnd) : undefined;
  if (raw.rangeStart !== undefined && raw.rangeStart !== null) {
    start = ipField(raw.rangeStart);
    // Contains() while canonicalizing: the end, if given, already bounds the start.
    if (!inNet(start) || (endRaw !== undefined && start > endRaw)) throw new Error(T.startOutside(formatIp(start), subnet));
  }
  let end = last;
  if (endRaw !== undefined) {
    end = endRaw;
    if (!inNet(end) || end < start) throw new Error(T.endOutside(formatIp(end), subnet));
  }
  return { net, prefix: sub.prefix, start, end, gateway };
}

function overlaps(a: Range, b: Range): boolean {
  return rangeContains(a, b.start) || rangeContains(a, b.end) || rangeContains(b, a.start) || rangeContains(b, a.end);
}

/** RangeSet.Canonicalize. @throws Error with its text. */
function canonicalSet(raw: Json): Range[] {
  const list = Array.isArray(raw) ? raw : [];
  if (list.length === 0) throw new Error(T.emptyRangeSet);
  const set = list.map((r) => canonicalRange(isObject(r) ? r : {}));
  for (let i = 0; i < set.length; i++) {
    for (let j = i + 1; j < set.length; j++) {
      const [a, b] = [set[i] as Range, set[j] as Range];
      if (overlaps(a, b)) throw new Error(T.rangesOverlap(rangeSetText([a]), rangeSetText([b])));
    }
  }
  return set;
}

/**
 * LoadIPAMConfig: the `ipam` section of stdin with CNI_ARGS.
 * @throws Error with host-local's text (the plugin answers it with code 999).
 */
export function loadIpamConfig(stdin: string, envArgs: string): IpamConfig {
  const parsed = goParse(stdin);
  if (!parsed.ok) throw new Error(parsed.error);
  const n = isObject(parsed.value) ? parsed.value : {};
  checkFields(n, 'Net', { name: 'string', cniVersion: 'string' });
  const ipam = n.ipam;
  if (!isObject(ipam)) throw new Error(T.ipamMissing);
  checkFields(ipam, 'IPAMConfig', { type: 'string', dataDir: 'string', resolvConf: 'string' }, ['ipam']);
  unmarshalChecks(ipam);
  const requested: number[] = [];
  const args = loadArgs(envArgs, ['IP']);
  if (args.IP !== undefined && args.IP !== '') {
    const ip = parseIp(args.IP.split('/')[0] ?? '');
    if (ip === null) throw new Error(T.argsValue(`IP=${args.IP}`, T.ipText(args.IP)));
    requested.push(ip);
  }
  const fromList = (v: Json | undefined): void => {
    if (!Array.isArray(v)) return;
    for (const x of v) {
      const ip = typeof x === 'string' ? parseIp(x.split('/')[0] ?? '') : null;
      if (ip === null) throw new Error(T.ipText(String(x)));
      requested.push(ip);
    }
  };
  const cniArgs = isObject(n.args) && isObject(n.args.cni) ? n.args.cni : {};
  fromList(cniArgs.ips);
  const runtime = isObject(n.runtimeConfig) ? n.runtimeConfig : {};
  fromList(runtime.ips);
  const rawSets: Json[] = Array.isArray(ipam.ranges) ? [...ipam.ranges] : [];
  // The old single-range form (`subnet` at the top of ipam) becomes the first range set.
  if (typeof ipam.subnet === 'string' && ipam.subnet !== '') rawSets.unshift([{ subnet: ipam.subnet, rangeStart: ipam.rangeStart ?? null, rangeEnd: ipam.rangeEnd ?? null, gateway: ipam.gateway ?? null }]);
  if (Array.isArray(runtime.ipRanges) && runtime.ipRanges.length > 0) rawSets.unshift(...runtime.ipRanges);
  if (rawSets.length === 0) throw new Error(T.noRanges);
  const ranges = rawSets.map((s, i) => {
    try {
      return canonicalSet(s);
    } catch (e) {
      throw new Error(T.rangeSet(i, (e as Error).message), { cause: e });
    }
  });
  const cniVersion = typeof n.cniVersion === 'string' ? n.cniVersion : '';
  if (ranges.length > 1 && !versionAtLeast(cniVersion || '0.1.0', '0.3.0')) throw new Error(T.onePerFamily(cniVersion));
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      if ((ranges[i] as Range[]).some((a) => (ranges[j] as Range[]).some((b) => overlaps(a, b)))) throw new Error(T.setsOverlap(i, j));
    }
  }
  const routes: CniRoute[] = (Array.isArray(ipam.routes) ? ipam.routes : []).map((r) => {
    const o = isObject(r) ? r : {};
    const dst = cidr(o.dst ?? '', 'dst');
    const route: CniRoute = { dst: `${formatIp(dst.ip)}/${dst.prefix}` };
    if (o.gw !== undefined && o.gw !== null && o.gw !== '') route.gw = formatIp(ipField(o.gw));
    return route;
  });
  return {
    name: typeof n.name === 'string' ? n.name : '',
    cniVersion,
    dataDir: typeof ipam.dataDir === 'string' && ipam.dataDir !== '' ? ipam.dataDir : DEFAULT_DATA_DIR,
    resolvConf: typeof ipam.resolvConf === 'string' ? ipam.resolvConf : '',
    ranges,
    routes,
    requested,
  };
}
