import { problem, under, type Problem } from '../i18n/problems';
import { formatIp, isLoopback, networkOf, parseCidr, parseIp, parseMac } from '../net/ipv4';
import { freezeSpec } from './freeze';
import { LINUX } from './linux';
import { vxlanProblems } from './validateVxlan';
import { isNsName } from './names';
import { shapeProblems, type ShapeChecks } from './shapes';

/*
 * The per-namespace and per-machine layer of validation (see validate.ts): what one namespace or
 * one machine says about itself, cached by the object's identity (and the object frozen), with the
 * facts the cross-machine checks and the warnings read.
 */

export type Loose = Record<string, unknown>;

export function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function listOf(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A user-given string as a problem shows it: cut past 64 characters. */
export function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 63)}…` : s;
}

/** What the cross-namespace checks and the warnings need to know about one interface. */
export interface IfaceFact {
  kind: 'veth' | 'ether' | 'bridge' | 'vxlan' | null;
  /** Its index in `interfaces`. */
  index: number;
  /** Its MAC, lower case, when it parses. */
  mac: string | null;
  /** A veth's other end, when given (and not itself). */
  peer?: { ns: string; iface: string };
  /** An ether NIC's segment id. */
  segment?: string;
  /** The bridge it is a port of, when that is a bridge Linux accepts it into. */
  master?: string;
  /** Whether it has an IPv4 address: frames are sent to its MAC only then (or a bridge takes them as its own). */
  addressed?: boolean;
}

/** One namespace's problems, with paths relative to it, and its interfaces. */
export interface NsFacts {
  errors: Problem[];
  warnings: Problem[];
  /** Interfaces Linux would create, by name (the first of a name; never `lo`). */
  ifaces: Map<string, IfaceFact>;
}

/** Prefixes, to ask whether any of them covers an address: one set of networks per length. */
class PrefixSet {
  private readonly byLength = new Map<number, Set<number>>();

  add(ip: number, prefix: number): void {
    let nets = this.byLength.get(prefix);
    if (!nets) this.byLength.set(prefix, (nets = new Set()));
    nets.add(networkOf(ip, prefix));
  }

  covers(ip: number): boolean {
    for (const [prefix, nets] of this.byLength) if (nets.has(networkOf(ip, prefix))) return true;
    return false;
  }
}

/** What routing knows about one device: its own addresses, and the link-scope routes through it. */
interface DevRouting {
  own: Set<number>;
  link: PrefixSet;
}

function nsFacts(ns: Loose, kind: keyof ShapeChecks): NsFacts {
  const errors = shapeProblems(kind, ns);
  const warnings: Problem[] = [];
  const ifaces = new Map<string, IfaceFact>();
  const nsName = typeof ns.name === 'string' ? ns.name : undefined;
  const interfaces = listOf(ns.interfaces);

  // Devices, in order: a name already taken (or `lo`) is refused, and Linux keeps the first.
  interfaces.forEach((iface, k) => {
    if (!isObject(iface) || typeof iface.name !== 'string') return;
    const name = iface.name;
    if (name === 'lo') return void errors.push(problem(`interfaces[${k}].name`, 'iface-lo', { kernel: LINUX.fileExists }));
    if (ifaces.has(name)) return void errors.push(problem(`interfaces[${k}].name`, 'duplicate-iface', { name: clip(name), kernel: LINUX.fileExists }));
    const kind = iface.kind === 'veth' || iface.kind === 'ether' || iface.kind === 'bridge' || iface.kind === 'vxlan' ? iface.kind : null;
    const fact: IfaceFact = { kind, index: k, mac: typeof iface.mac === 'string' ? parseMac(iface.mac) : null };
    const peer = iface.peer;
    if (kind === 'veth' && isObject(peer) && typeof peer.ns === 'string' && typeof peer.iface === 'string') {
      if (peer.ns === nsName && peer.iface === name) errors.push(problem(`interfaces[${k}].peer`, 'veth-self-peer', { kernel: LINUX.fileExists }));
      else fact.peer = { ns: peer.ns, iface: peer.iface };
    }
    if (kind === 'ether' && typeof iface.segment === 'string') fact.segment = iface.segment;
    ifaces.set(name, fact);
  });

  // Masters, then addresses (and with them the connected routes), as `ip link set`/`ip addr add` do.
  const routing = new Map<string, DevRouting>();
  const local = new Set<number>();
  /** Routes by prefix and metric, as `ip route` prints them, in table order. */
  const table = new Map<string, string[]>();
  interfaces.forEach((iface, k) => {
    if (!isObject(iface) || typeof iface.name !== 'string') return;
    const name = iface.name;
    const fact = ifaces.get(name);
    if (fact?.index !== k) return;
    const p = `interfaces[${k}]`;
    if (typeof iface.master === 'string') {
      const master = clip(iface.master);
      const bridge = ifaces.get(iface.master);
      if (!bridge) errors.push(problem(`${p}.master`, 'unknown-master', { master, kernel: LINUX.noMaster(master) }));
      else if (bridge.kind !== 'bridge') {
        if (bridge.kind !== null) errors.push(problem(`${p}.master`, 'master-not-bridge', { master, kernel: LINUX.notSupported }));
      } else if (fact.kind === 'bridge') errors.push(problem(`${p}.master`, 'bridge-port-bridge', { master, kernel: LINUX.bridgeInBridge }));
      else if (fact.kind !== null) fact.master = iface.master;
    }
    const dev: DevRouting = { own: new Set(), link: new PrefixSet() };
    routing.set(name, dev);
    const seen = new Set<string>();
    listOf(iface.addresses).forEach((a, n) => {
      const c = typeof a === 'string' ? parseCidr(a) : null;
      if (!c) return;
      const key = `${c.ip}/${c.prefix}`;
      if (seen.has(key)) return void errors.push(problem(`${p}.addresses[${n}]`, 'duplicate-address', { address: a as string, kernel: LINUX.addressAssigned }));
      seen.add(key);
      dev.own.add(c.ip);
      local.add(c.ip);
      // fib_add_ifaddr(): a prefix route unless the prefix is 0.0.0.0/8 or the address is a /32.
      const net = networkOf(c.ip, c.prefix);
      if (c.prefix === 32 || net >>> 24 === 0) return;
      dev.link.add(net, c.prefix);
      const route = `${net}/${c.prefix}/0`;
      const same = table.get(route) ?? [];
      same.push(`${formatIp(net)}/${c.prefix} dev ${name} proto kernel scope link src ${formatIp(c.ip)}`);
      table.set(route, same);
    });
    if (seen.size > 0) fact.addressed = true;
    if (fact.master !== undefined && seen.size > 0) warnings.push(problem(`${p}.addresses`, 'port-address', { bridge: clip(fact.master) }));
  });

  // Static routes, in order, each checked as fib_table_insert() would: device, gateway, source, duplicate.
  listOf(ns.routes).forEach((r, k) => {
    if (!isObject(r) || typeof r.dev !== 'string') return;
    const p = `routes[${k}]`;
    const dst = r.dst === 'default' ? { ip: 0, prefix: 0 } : typeof r.dst === 'string' ? parseCidr(r.dst) : null;
    const via = typeof r.via === 'string' ? parseIp(r.via) : r.via === undefined ? undefined : null;
    const src = typeof r.src === 'string' ? parseIp(r.src) : r.src === undefined ? undefined : null;
    const metric = r.metric === undefined ? 0 : r.metric;
    const wellFormed = dst !== null && networkOf(dst.ip, dst.prefix) === dst.ip && via !== null && src !== null;
    if (!wellFormed || typeof metric !== 'number' || !Number.isInteger(metric) || metric < 0 || metric > 4294967295) return;
    if (r.onlink !== undefined && typeof r.onlink !== 'boolean') return;
    if (r.op !== undefined && r.op !== 'add' && r.op !== 'prepend' && r.op !== 'append' && r.op !== 'replace') return;
    const dev = routing.get(r.dev);
    if (!dev) return void errors.push(problem(`${p}.dev`, 'no-such-dev', { dev: clip(r.dev), kernel: r.dev === 'lo' ? undefined : LINUX.noDevice(clip(r.dev)) }));
    if (via !== undefined && r.onlink !== true && !dev.own.has(via) && !dev.link.covers(via)) {
      return void errors.push(problem(`${p}.via`, 'gateway-unreachable', { via: r.via as string, dev: r.dev, kernel: LINUX.invalidGateway }));
    }
    // fib_check_nh_v4_gw(): an onlink gateway must be a unicast address, not one of our own.
    if (via !== undefined && r.onlink === true && local.has(via)) return void errors.push(problem(`${p}.via`, 'onlink-local-gateway', { via: r.via as string, kernel: LINUX.invalidGateway }));
    if (src !== undefined && !local.has(src) && !isLoopback(src)) return void errors.push(problem(`${p}.src`, 'prefsrc-not-local', { src: r.src as string, kernel: LINUX.invalidPrefsrc }));
    const key = `${dst.ip}/${dst.prefix}/${metric}`;
    const text = routeText(r.dst as string, r.via as string | undefined, r.dev, r.onlink === true, r.src as string | undefined, metric);
    const same = table.get(key) ?? [];
    // `add` (NLM_F_EXCL) refuses any route of this prefix and metric; prepend/append only an identical one.
    // `replace` never refuses: it takes the first one's place, or joins the table.
    const other = r.op === undefined || r.op === 'add' ? same[0] : r.op === 'replace' ? undefined : same.find((t) => t === text);
    if (other !== undefined) return void errors.push(problem(p, 'route-exists', { dst: r.dst as string, metric, other, kernel: LINUX.fileExists }));
    if (r.op === 'replace' && same.length > 0) same[0] = text;
    else if (r.op === 'prepend') same.unshift(text);
    else same.push(text);
    table.set(key, same);
    if (via === undefined) dev.link.add(dst.ip, dst.prefix);
  });

  // Static neighbours: the device must exist, and one entry per address and device.
  const neighbours = new Set<string>();
  listOf(ns.neighbours).forEach((n, k) => {
    if (!isObject(n) || typeof n.dev !== 'string') return;
    if (!ifaces.has(n.dev)) return void errors.push(problem(`neighbours[${k}].dev`, 'no-such-dev', { dev: clip(n.dev), kernel: n.dev === 'lo' ? undefined : LINUX.noDevice(clip(n.dev)) }));
    const ip = typeof n.ip === 'string' ? parseIp(n.ip) : null;
    if (ip === null || typeof n.mac !== 'string' || parseMac(n.mac) === null || n.state !== 'PERMANENT') return;
    const key = `${ip}@${n.dev}`;
    if (neighbours.has(key)) errors.push(problem(`neighbours[${k}]`, 'duplicate-neighbour', { ip: n.ip as string, dev: n.dev, kernel: LINUX.fileExists }));
    neighbours.add(key);
  });

  // VXLAN devices' underlay and FDB entries (./validateVxlan.ts).
  const kinds = new Map<string, IfaceFact['kind']>();
  for (const [name, f] of ifaces) kinds.set(name, f.kind);
  for (const e of vxlanProblems(ns, kinds)) errors.push(e);
  return { errors, warnings, ifaces };
}

/** A route as `ip route` prints it. */
function routeText(dst: string, via: string | undefined, dev: string, onlink: boolean, src: string | undefined, metric: number): string {
  const parts = [dst];
  if (via !== undefined) parts.push('via', via);
  parts.push('dev', dev);
  if (via === undefined) parts.push('scope', 'link');
  if (src !== undefined) parts.push('src', src);
  if (metric !== 0) parts.push('metric', String(metric));
  if (onlink) parts.push('onlink');
  return parts.join(' ');
}

/** What the topology-wide checks need from one machine (with its pods), cached by identity. */
export interface MachineFacts {
  /** Problems inside the machine, with paths relative to `machines[i]`. */
  errors: Problem[];
  warnings: Problem[];
  /** Namespaces with a valid name (the machine's, then its pods'), with their relative paths (`''`, `pods[0].`). */
  names: { name: string; path: string; facts: NsFacts }[];
  /** Segment ids the machine's NICs plug into. */
  segments: { id: string; path: string }[];
  /** veths whose peer is in another machine: checked once all machines are known. */
  external: { from: string; ifName: string; peer: { ns: string; iface: string }; path: string }[];
}

const machineCache = new WeakMap<object, MachineFacts>();
const podCache = new WeakMap<object, NsFacts>();

function podFacts(pod: Loose): NsFacts {
  const hit = podCache.get(pod);
  if (hit) return hit;
  const facts = nsFacts(pod, 'pod');
  podCache.set(freezeSpec(pod), facts);
  return facts;
}

export function machineFacts(m: Loose): MachineFacts {
  const hit = machineCache.get(m);
  if (hit) return hit;
  const out: MachineFacts = { errors: [], warnings: [], names: [], segments: [], external: [] };
  const local = new Map<string, NsFacts>();
  const addNs = (ns: Loose, path: string, facts: NsFacts): void => {
    for (const e of facts.errors) out.errors.push(under(path, e));
    for (const w of facts.warnings) out.warnings.push(under(path, w));
    const name = ns.name;
    if (typeof name !== 'string' || !isNsName(name)) return;
    out.names.push({ name, path, facts });
    if (!local.has(name)) local.set(name, facts);
    for (const [ifName, f] of facts.ifaces) {
      const at = `${path}interfaces[${f.index}]`;
      if (f.segment !== undefined) out.segments.push({ id: f.segment, path: `${at}.segment` });
      if (f.peer) out.external.push({ from: name, ifName, peer: f.peer, path: at });
    }
  };
  addNs(m, '', nsFacts(m, 'machine'));
  listOf(m.pods).forEach((p, j) => (isObject(p) ? addNs(p, `pods[${j}].`, podFacts(p)) : out.errors.push(problem(`pods[${j}]`, 'not-object', {}))));
  // A pod's veth usually pairs with its own machine's root namespace: settle those here, once.
  out.external = out.external.filter((v) => {
    const peerFacts = local.get(v.peer.ns);
    if (!peerFacts) return true;
    checkPeer(v, peerFacts, out.errors);
    return false;
  });
  machineCache.set(freezeSpec(m), out);
  return out;
}

export function checkPeer(v: MachineFacts['external'][number], peerFacts: NsFacts, errors: Problem[]): void {
  const peer = peerFacts.ifaces.get(v.peer.iface);
  if (!peer) errors.push(problem(`${v.path}.peer.iface`, 'peer-iface-missing', { ns: clip(v.peer.ns), iface: clip(v.peer.iface) }));
  else if (peer.kind !== 'veth' || peer.peer?.ns !== v.from || peer.peer.iface !== v.ifName) {
    errors.push(problem(`${v.path}.peer`, 'peer-mismatch', { ns: clip(v.peer.ns), iface: clip(v.peer.iface), from: v.from, fromIface: clip(v.ifName) }));
  }
}
