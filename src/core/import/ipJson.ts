import { parseCidr, parseIp, parseMac } from '../net/ipv4';
import { note, type ImportNote } from './notes';
import type { IpFdb, IpLink, IpNeigh, IpRoute, IpTable } from './types';

/*
 * iproute2's JSON (`ip -j addr`, `ip -j route`, `ip -j neigh`, `bridge -j fdb`; iproute2 6.1 as run
 * in a network namespace here): an array of objects whose keys tell the command apart.
 * - addr: `ifindex`, `ifname`, `link_type`, `address` (MAC), `mtu`, `master`, `link_index` (a
 *   veth's peer), `addr_info` [{ family: "inet", local, prefixlen }].
 * - route: `dst` ("default" or a prefix), `gateway`, `dev`, `protocol`, `scope`, `prefsrc`,
 *   `metric`, `flags` (["onlink"], ["linkdown"]), `type` for other than unicast.
 * - neigh: `dst`, `dev`, `lladdr`, `state` (["PERMANENT"], ["REACHABLE"], …).
 * - fdb: `mac`, `ifname`, `dst` (a VXLAN remote), `master`, `flags`, `state` ("permanent").
 */

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Which iproute2 command printed an array, by the keys of its first entry; null when none did. */
export function ipKind(v: unknown[]): IpTable['kind'] | null {
  const first = v[0];
  if (!isObj(first)) return null;
  if ('ifname' in first && ('addr_info' in first || 'ifindex' in first)) return 'addr';
  if ('mac' in first && 'ifname' in first) return 'fdb';
  if ('dst' in first && 'dev' in first && ('lladdr' in first || Array.isArray(first.state))) return 'neigh';
  if ('dst' in first && ('dev' in first || 'gateway' in first || 'type' in first)) return 'route';
  return null;
}

function link(o: Obj): IpLink {
  const infos = Array.isArray(o.addr_info) ? o.addr_info.filter(isObj) : [];
  const addresses = infos.flatMap((a) => {
    const local = str(a.local);
    const prefix = num(a.prefixlen);
    return a.family === 'inet' && local !== undefined && prefix !== undefined && parseCidr(`${local}/${prefix}`) ? [`${local}/${prefix}`] : [];
  });
  const mac = str(o.address);
  const mtu = num(o.mtu);
  const master = str(o.master);
  const linkIndex = num(o.link_index);
  return {
    ifname: str(o.ifname) ?? '',
    linkType: str(o.link_type) ?? '',
    ...(mac !== undefined && parseMac(mac) ? { mac: mac.toLowerCase() } : {}),
    ...(mtu !== undefined ? { mtu } : {}),
    ...(master !== undefined ? { master } : {}),
    ...(linkIndex !== undefined ? { linkIndex } : {}),
    addresses,
  };
}

/** A route's destination as a prefix: iproute2 prints a host route without its /32 (print_rt_dst: the length only when it is not the family's full one). */
function routeDst(dst: string | undefined): string {
  if (dst === undefined) return '';
  return dst !== 'default' && !dst.includes('/') && parseIp(dst) !== null ? `${dst}/32` : dst;
}

function route(o: Obj): IpRoute {
  const flags = Array.isArray(o.flags) ? o.flags : [];
  const out: IpRoute = { dst: routeDst(str(o.dst)), onlink: flags.includes('onlink') };
  for (const k of ['gateway', 'dev', 'protocol', 'scope', 'prefsrc', 'type'] as const) {
    const v = str(o[k]);
    if (v !== undefined) out[k] = v;
  }
  const metric = num(o.metric);
  if (metric !== undefined) out.metric = metric;
  return out;
}

function neigh(o: Obj): IpNeigh {
  const lladdr = str(o.lladdr);
  return {
    dst: str(o.dst) ?? '',
    dev: str(o.dev) ?? '',
    ...(lladdr !== undefined ? { lladdr: lladdr.toLowerCase() } : {}),
    state: Array.isArray(o.state) ? o.state.filter((s): s is string => typeof s === 'string') : [],
  };
}

function fdb(o: Obj): IpFdb {
  const out: IpFdb = { mac: (str(o.mac) ?? '').toLowerCase(), ifname: str(o.ifname) ?? '' };
  for (const k of ['dst', 'master', 'state'] as const) {
    const v = str(o[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Reads one iproute2 JSON array of a known kind. Entries missing what every entry of that
 * command has (a link's `ifname`, a route's `dst`, a neighbour's `dst` and `dev`, an FDB entry's
 * `mac` and `ifname`) or with a malformed address are remarks naming the entry; the rest is read.
 */
export function readIpJson(v: unknown[], kind: IpTable['kind'], source: string, line: number): { table: IpTable; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const at = (k: number, field: string) => ({ source, line, field: `[${k}].${field}` });
  const objs = v.map((o) => (isObj(o) ? o : {}));
  if (kind === 'addr') {
    const links = objs.map(link);
    links.forEach((l, k) => l.ifname === '' && notes.push(note('field-missing', {}, at(k, 'ifname'))));
    return { table: { kind, links: links.filter((l) => l.ifname !== '') }, notes };
  }
  if (kind === 'route') {
    const routes = objs.map(route);
    const ok = routes.filter((r, k) => {
      if (r.dst === '') notes.push(note('field-missing', {}, at(k, 'dst')));
      else if (r.dst !== 'default' && !parseCidr(r.dst.includes('/') ? r.dst : `${r.dst}/32`)) {
        if (!r.dst.includes(':')) notes.push(note('field-invalid', { got: r.dst, expected: 'IPv4 prefix' }, at(k, 'dst')));
        return false;
      } else if (r.gateway !== undefined && parseIp(r.gateway) === null) notes.push(note('field-invalid', { got: r.gateway, expected: 'IPv4' }, at(k, 'gateway')));
      else return true;
      return false;
    });
    return { table: { kind, routes: ok }, notes };
  }
  if (kind === 'neigh') {
    const entries = objs.map(neigh);
    const ok = entries.filter((e, k) => {
      if (e.dst === '' || e.dev === '') notes.push(note('field-missing', {}, at(k, e.dst === '' ? 'dst' : 'dev')));
      else return parseIp(e.dst) !== null; // IPv6 neighbours (ip -j neigh lists both) are not the lab's.
      return false;
    });
    return { table: { kind, entries: ok }, notes };
  }
  const entries = objs.map(fdb);
  const ok = entries.filter((e, k) => {
    if (e.mac === '' || e.ifname === '') notes.push(note('field-missing', {}, at(k, e.mac === '' ? 'mac' : 'ifname')));
    else if (!parseMac(e.mac)) notes.push(note('field-invalid', { got: e.mac, expected: 'MAC' }, at(k, 'mac')));
    else return true;
    return false;
  });
  return { table: { kind, entries: ok }, notes };
}
