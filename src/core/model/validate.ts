import { problem, shown, under, type Problem } from '../i18n/problems';
import { inPrefix, isGroupMac, networkOf, parseCidr, parseIp, parseMac } from '../net/ipv4';
import { freezeSpec } from './freeze';
import type { NamespaceSpec, Topology } from './topology';

/*
 * Topology validation for user input (files, the editor). Every problem is reported as data with
 * where it is (`machines[0].pods[1].interfaces[0].mac`), a code and its values; the sentence comes
 * from the reader's language catalogue (`formatProblem` in ../i18n/problems.ts). Checks that only
 * concern one namespace are cached by the namespace object's identity, so re-validating after an
 * edit only re-checks what changed; the cross-namespace checks (names, MACs, veth peers, segments)
 * are map lookups.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- user JSON is checked field by field
type Loose = Record<string, any>;

function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What the cross-namespace checks need to know about one namespace. */
interface NsFacts {
  /** Problems inside the namespace, with paths relative to it. */
  errors: Problem[];
  ifaces: Map<string, { kind: string; peer?: { ns: string; iface: string }; segment?: string; mac: string | null; index: number }>;
}

const factsCache = new WeakMap<object, NsFacts>();

function nsFacts(ns: Loose): NsFacts {
  const hit = factsCache.get(ns);
  if (hit) return hit;
  const errors: Problem[] = [];
  const ifaces: NsFacts['ifaces'] = new Map();
  const list: unknown[] = Array.isArray(ns.interfaces) ? ns.interfaces : [];
  const bridges = new Set(list.filter((i): i is Loose => isObject(i) && i.kind === 'bridge').map((i) => i.name));
  list.forEach((iface, k) => {
    const p = `interfaces[${k}]`;
    if (!isObject(iface)) return void errors.push(problem(p, 'not-object', {}));
    const nameOk = typeof iface.name === 'string' && /^[A-Za-z0-9_.-]{1,15}$/.test(iface.name);
    if (!nameOk) errors.push(problem(`${p}.name`, 'iface-name', { got: shown(iface.name) }));
    else if (ifaces.has(iface.name)) errors.push(problem(`${p}.name`, 'duplicate-iface', { name: iface.name }));
    const mac = typeof iface.mac === 'string' ? parseMac(iface.mac) : null;
    if (mac === null) errors.push(problem(`${p}.mac`, 'mac-syntax', { got: shown(iface.mac) }));
    else if (isGroupMac(mac)) errors.push(problem(`${p}.mac`, 'mac-multicast', { mac }));
    if (iface.addresses !== undefined && !Array.isArray(iface.addresses)) errors.push(problem(`${p}.addresses`, 'not-array', {}));
    (Array.isArray(iface.addresses) ? iface.addresses : []).forEach((a: unknown, n: number) => {
      if (!(typeof a === 'string' && parseCidr(a))) errors.push(problem(`${p}.addresses[${n}]`, 'address-syntax', { got: shown(a) }));
    });
    if (iface.master !== undefined && !bridges.has(iface.master)) errors.push(problem(`${p}.master`, 'unknown-master', { master: String(iface.master) }));
    if (iface.master !== undefined && Array.isArray(iface.addresses) && iface.addresses.length > 0) errors.push(problem(`${p}.addresses`, 'port-address', { bridge: String(iface.master) }));
    if (iface.mtu !== undefined && (!Number.isInteger(iface.mtu) || iface.mtu < 68 || iface.mtu > 65535)) errors.push(problem(`${p}.mtu`, 'mtu-range', { min: 68, max: 65535 }));
    if (iface.kind === 'veth') {
      if (!isObject(iface.peer) || typeof iface.peer.ns !== 'string' || typeof iface.peer.iface !== 'string') errors.push(problem(`${p}.peer`, 'veth-peer', {}));
    } else if (iface.kind === 'ether') {
      if (typeof iface.segment !== 'string') errors.push(problem(`${p}.segment`, 'ether-segment', {}));
    } else if (iface.kind !== 'bridge') {
      errors.push(problem(`${p}.kind`, 'iface-kind', { got: shown(iface.kind) }));
    }
    if (nameOk && !ifaces.has(iface.name)) {
      const fact: NsFacts['ifaces'] extends Map<string, infer F> ? F : never = { kind: String(iface.kind), mac, index: k };
      if (iface.kind === 'veth' && isObject(iface.peer)) fact.peer = iface.peer as { ns: string; iface: string };
      if (iface.kind === 'ether' && typeof iface.segment === 'string') fact.segment = iface.segment;
      ifaces.set(iface.name, fact);
    }
  });
  if (ns.routes !== undefined && !Array.isArray(ns.routes)) errors.push(problem('routes', 'not-array', {}));
  (Array.isArray(ns.routes) ? ns.routes : []).forEach((r: unknown, k: number) => {
    const p = `routes[${k}]`;
    if (!isObject(r)) return void errors.push(problem(p, 'not-object', {}));
    if (r.dst !== 'default') {
      const c = typeof r.dst === 'string' ? parseCidr(r.dst) : null;
      if (!c) errors.push(problem(`${p}.dst`, 'route-dst', { got: shown(r.dst) }));
      else if (networkOf(c.ip, c.prefix) !== c.ip) errors.push(problem(`${p}.dst`, 'route-host-bits', { dst: String(r.dst) }));
    }
    if (r.via !== undefined && (typeof r.via !== 'string' || parseIp(r.via) === null)) errors.push(problem(`${p}.via`, 'ip-syntax', { got: shown(r.via) }));
    if (r.src !== undefined && (typeof r.src !== 'string' || parseIp(r.src) === null)) errors.push(problem(`${p}.src`, 'ip-syntax', { got: shown(r.src) }));
    if (!ifaces.has(r.dev)) errors.push(problem(`${p}.dev`, 'no-such-dev', { dev: shown(r.dev) }));
    else if (typeof r.via === 'string' && !r.onlink && !gatewayOnLink(list, ns.routes, r.dev, parseIp(r.via))) {
      errors.push(problem(`${p}.via`, 'gateway-unreachable', { via: r.via, dev: String(r.dev) }));
    }
  });
  (Array.isArray(ns.neighbours) ? ns.neighbours : []).forEach((n: Loose, k: number) => {
    const p = `neighbours[${k}]`;
    if (typeof n?.ip !== 'string' || parseIp(n.ip) === null) errors.push(problem(`${p}.ip`, 'neigh-ip', {}));
    if (typeof n?.mac !== 'string' || parseMac(n.mac) === null) errors.push(problem(`${p}.mac`, 'neigh-mac', {}));
    if (!ifaces.has(n?.dev)) errors.push(problem(`${p}.dev`, 'no-such-dev', { dev: shown(n?.dev) }));
  });
  (Array.isArray(ns.listeners) ? ns.listeners : []).forEach((l: Loose, k: number) => {
    if (!['udp', 'tcp'].includes(l?.proto) || !Number.isInteger(l?.port) || l.port < 1 || l.port > 65535) errors.push(problem(`listeners[${k}]`, 'listener', {}));
  });
  const ttl = isObject(ns.sysctls) ? ns.sysctls.ip_default_ttl : undefined;
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1 || ttl > 255)) errors.push(problem('sysctls.ip_default_ttl', 'ttl-range', { min: 1, max: 255 }));
  list.forEach((iface, k) => {
    const d: unknown = isObject(iface) && isObject(iface.sysctls) ? iface.sysctls.proxy_delay : undefined;
    if (d !== undefined && (!Number.isInteger(d) || (d as number) < 0 || (d as number) > 60000)) errors.push(problem(`interfaces[${k}].sysctls.proxy_delay`, 'proxy-delay-range', { min: 0, max: 60000 }));
  });
  const facts = { errors, ifaces };
  factsCache.set(freezeSpec(ns), facts);
  return facts;
}

/**
 * Whether `gw` is reachable directly through `dev`, as fib_check_nh() demands: covered by one of
 * `dev`'s connected subnets, or by a device route (no `via`) through `dev`, like Calico's
 * `169.254.1.1 dev eth0 scope link` in front of `default via 169.254.1.1`.
 */
function gatewayOnLink(list: unknown[], routes: unknown, dev: string, gw: number | null): boolean {
  if (gw === null) return false;
  const covers = (cidr: unknown): boolean => {
    const c = typeof cidr === 'string' ? parseCidr(cidr) : null;
    return c !== null && inPrefix(gw, c.ip, c.prefix);
  };
  const iface = list.find((i): i is Loose => isObject(i) && i.name === dev);
  const addrs: unknown[] = Array.isArray(iface?.addresses) ? iface.addresses : [];
  if (addrs.some(covers)) return true;
  const table: unknown[] = Array.isArray(routes) ? routes : [];
  return table.some((r) => isObject(r) && r.dev === dev && r.via === undefined && (r.dst === 'default' || covers(r.dst)));
}

/** What the topology-wide checks need from one machine (with its pods), cached by identity. */
interface MachineFacts {
  /** Problems inside the machine, with paths relative to `machines[i]`. */
  errors: Problem[];
  /** Namespace names (the machine's, then its pods'), with their relative paths. */
  names: { name: string; path: string; facts: NsFacts | null }[];
  /** Every interface MAC in the machine with its relative path. */
  macs: { mac: string; where: string; path: string }[];
  /** Segment ids the machine's NICs plug into. */
  segments: { id: string; path: string }[];
  /** veths whose peer is in another machine: checked once all machines are known. */
  external: { from: string; ifName: string; peer: { ns: string; iface: string }; path: string }[];
}

const machineCache = new WeakMap<object, MachineFacts>();

function machineFacts(m: Loose): MachineFacts {
  const hit = machineCache.get(m);
  if (hit) return hit;
  const out: MachineFacts = { errors: [], names: [], macs: [], segments: [], external: [] };
  if (!['node', 'router', 'host'].includes(m.role)) out.errors.push(problem('role', 'role', { got: shown(m.role) }));
  const local = new Map<string, NsFacts>();
  const addNs = (ns: Loose, path: string): void => {
    const name: unknown = ns.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/.test(name)) {
      out.errors.push(problem(`${path}name`, 'ns-name', { got: shown(name) }));
      return;
    }
    if (!Array.isArray(ns.interfaces)) {
      out.errors.push(problem(`${path}interfaces`, 'not-array', {}));
      out.names.push({ name, path, facts: null });
      return;
    }
    const facts = nsFacts(ns);
    for (const e of facts.errors) out.errors.push(under(path, e));
    out.names.push({ name, path, facts });
    if (!local.has(name)) local.set(name, facts);
    for (const [ifName, f] of facts.ifaces) {
      const ip = `${path}interfaces[${f.index}]`;
      if (f.mac !== null) out.macs.push({ mac: f.mac, where: name, path: ip });
      if (f.segment !== undefined) out.segments.push({ id: f.segment, path: `${ip}.segment` });
      if (f.peer) out.external.push({ from: name, ifName, peer: f.peer, path: ip });
    }
  };
  addNs(m, '');
  if (m.pods !== undefined && !Array.isArray(m.pods)) out.errors.push(problem('pods', 'not-array', {}));
  (Array.isArray(m.pods) ? m.pods : []).forEach((p: unknown, j: number) => (isObject(p) ? addNs(p, `pods[${j}].`) : out.errors.push(problem(`pods[${j}]`, 'not-object', {}))));
  // A pod's veth usually pairs with its own machine's root namespace: settle those here, once.
  out.external = out.external.filter((v) => {
    const peerFacts = local.get(v.peer.ns);
    if (!peerFacts) return true;
    checkPeer(v, peerFacts, out.errors);
    return false;
  });
  machineCache.set(m, out);
  return out;
}

function checkPeer(v: MachineFacts['external'][number], peerFacts: NsFacts, errors: Problem[]): void {
  const peer = peerFacts.ifaces.get(v.peer.iface);
  if (!peer) errors.push(problem(`${v.path}.peer.iface`, 'peer-iface-missing', { ns: String(v.peer.ns), iface: String(v.peer.iface) }));
  else if (peer.kind !== 'veth' || peer.peer?.ns !== v.from || peer.peer.iface !== v.ifName) errors.push(problem(`${v.path}.peer`, 'peer-mismatch', { ns: String(v.peer.ns), iface: String(v.peer.iface), from: v.from, fromIface: v.ifName }));
}

/**
 * Checks a topology (typically parsed from a user's file) and returns every problem found, in a
 * stable order, each as data naming where it is (`Problem.path`) and what kind it is
 * (`Problem.code`); `formatProblem(p, lang)` or `problemsText(problems, lang)` from
 * ../i18n/problems.ts turn them into sentences. An empty list means valid. It never throws,
 * whatever `input` is. Results are cached per namespace and per machine object, which it freezes.
 */
export function validateTopology(input: unknown): Problem[] {
  if (!isObject(input)) return [problem('topology', 'topology-not-object', {})];
  const errors: Problem[] = [];
  if (input.version !== 1) errors.push(problem('version', 'version', { got: shown(input.version) }));
  if (typeof input.name !== 'string' || input.name === '') errors.push(problem('name', 'non-empty-string', {}));
  if (!Array.isArray(input.segments)) errors.push(problem('segments', 'not-array', {}));
  if (!Array.isArray(input.machines)) errors.push(problem('machines', 'not-array', {}));
  if (!Array.isArray(input.segments) || !Array.isArray(input.machines)) return errors;

  const segments = new Set<string>();
  input.segments.forEach((s: unknown, i: number) => {
    if (!isObject(s) || typeof s.id !== 'string' || s.id === '') errors.push(problem(`segments[${i}].id`, 'non-empty-string', {}));
    else if (segments.has(s.id)) errors.push(problem(`segments[${i}].id`, 'duplicate-segment', { id: s.id }));
    else segments.add(s.id);
  });

  // Messages are built only when something is wrong: these loops run for every namespace and NIC.
  const names = new Map<string, { at: string; path: string }>();
  const macs = new Map<string, string>();
  const external: { v: MachineFacts['external'][number]; at: string }[] = [];
  const nsFactsByName = new Map<string, NsFacts>();
  input.machines.forEach((m: unknown, i: number) => {
    const at = `machines[${i}]`;
    if (!isObject(m)) return void errors.push(problem(at, 'not-object', {}));
    const f = machineFacts(m);
    for (const e of f.errors) errors.push(under(`${at}.`, e));
    for (const n of f.names) {
      const other = names.get(n.name);
      if (other !== undefined) {
        const where = `${other.at}${other.path ? `.${other.path.slice(0, -1)}` : ''}`;
        errors.push(problem(`${at}.${n.path}name`, 'duplicate-name', { name: n.name, where }));
      } else {
        names.set(n.name, { at, path: n.path });
        if (n.facts && f.external.length + external.length > 0) nsFactsByName.set(n.name, n.facts);
      }
    }
    for (const x of f.macs) {
      const other = macs.get(x.mac);
      if (other === undefined) macs.set(x.mac, x.where);
      else errors.push(problem(`${at}.${x.path}.mac`, 'duplicate-mac', { mac: x.mac, ns: other }));
    }
    for (const s of f.segments) if (!segments.has(s.id)) errors.push(problem(`${at}.${s.path}`, 'unknown-segment', { id: s.id }));
    for (const v of f.external) external.push({ v, at });
  });
  if (external.length > 0) {
    // Rare: veths between machines. Collect every namespace's facts to check them.
    for (const m of input.machines) if (isObject(m)) for (const n of machineFacts(m).names) if (n.facts && !nsFactsByName.has(n.name)) nsFactsByName.set(n.name, n.facts);
    for (const { v, at } of external) {
      const peerFacts = nsFactsByName.get(v.peer.ns);
      if (!peerFacts) errors.push(problem(`${at}.${v.path}.peer.ns`, 'peer-ns-missing', { ns: String(v.peer.ns) }));
      else checkPeer({ ...v, path: `${at}.${v.path}` }, peerFacts, errors);
    }
  }
  return errors;
}

/** The namespace type the checks above accept, re-exported for callers that build topologies. */
export type { NamespaceSpec, Topology };
