import { inPrefix, isGroupMac, networkOf, parseCidr, parseIp, parseMac } from '../net/ipv4';
import { freezeSpec } from './freeze';
import type { NamespaceSpec, Topology } from './topology';

/*
 * Topology validation for user input (files, the editor). Every problem is reported with where it
 * is (`machines[0].pods[1].interfaces[0].mac: ...`). Checks that only concern one namespace are
 * cached by the namespace object's identity, so re-validating after an edit only re-checks what
 * changed; the cross-namespace checks (names, MACs, veth peers, segments) are map lookups.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- user JSON is checked field by field
type Loose = Record<string, any>;

function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What the cross-namespace checks need to know about one namespace. */
interface NsFacts {
  /** Problems inside the namespace, with paths relative to it. */
  errors: string[];
  ifaces: Map<string, { kind: string; peer?: { ns: string; iface: string }; segment?: string; mac: string | null; index: number }>;
}

const factsCache = new WeakMap<object, NsFacts>();

function nsFacts(ns: Loose): NsFacts {
  const hit = factsCache.get(ns);
  if (hit) return hit;
  const errors: string[] = [];
  const ifaces: NsFacts['ifaces'] = new Map();
  const list: unknown[] = Array.isArray(ns.interfaces) ? ns.interfaces : [];
  const bridges = new Set(list.filter((i): i is Loose => isObject(i) && i.kind === 'bridge').map((i) => i.name));
  list.forEach((iface, k) => {
    const p = `interfaces[${k}]`;
    if (!isObject(iface)) return void errors.push(`${p}: expected an object`);
    const nameOk = typeof iface.name === 'string' && /^[A-Za-z0-9_.-]{1,15}$/.test(iface.name);
    if (!nameOk) errors.push(`${p}.name: expected 1-15 letters, digits, "_", "." or "-" (Linux IFNAMSIZ), got ${JSON.stringify(iface.name)}`);
    else if (ifaces.has(iface.name)) errors.push(`${p}.name: duplicate interface "${iface.name}"`);
    const mac = typeof iface.mac === 'string' ? parseMac(iface.mac) : null;
    if (mac === null) errors.push(`${p}.mac: expected a MAC like 02:00:0a:0a:0a:01, got ${JSON.stringify(iface.mac)}`);
    else if (isGroupMac(mac)) errors.push(`${p}.mac: ${mac} is a multicast address; an interface needs a unicast MAC`);
    if (iface.addresses !== undefined && !Array.isArray(iface.addresses)) errors.push(`${p}.addresses: expected an array`);
    (Array.isArray(iface.addresses) ? iface.addresses : []).forEach((a: unknown, n: number) => {
      if (!(typeof a === 'string' && parseCidr(a))) errors.push(`${p}.addresses[${n}]: expected an IPv4 address with prefix like 10.10.10.1/24, got ${JSON.stringify(a)}`);
    });
    if (iface.master !== undefined && !bridges.has(iface.master)) errors.push(`${p}.master: no bridge "${iface.master}" in this namespace`);
    if (iface.master !== undefined && Array.isArray(iface.addresses) && iface.addresses.length > 0) errors.push(`${p}.addresses: a bridge port does not route; put the address on the bridge "${iface.master}" instead`);
    if (iface.mtu !== undefined && (!Number.isInteger(iface.mtu) || iface.mtu < 68 || iface.mtu > 65535)) errors.push(`${p}.mtu: expected a whole number from 68 to 65535`);
    if (iface.kind === 'veth') {
      if (!isObject(iface.peer) || typeof iface.peer.ns !== 'string' || typeof iface.peer.iface !== 'string') errors.push(`${p}.peer: expected { ns, iface }`);
    } else if (iface.kind === 'ether') {
      if (typeof iface.segment !== 'string') errors.push(`${p}.segment: expected a segment id`);
    } else if (iface.kind !== 'bridge') {
      errors.push(`${p}.kind: expected "veth", "ether" or "bridge", got ${JSON.stringify(iface.kind)}`);
    }
    if (nameOk && !ifaces.has(iface.name)) {
      const fact: NsFacts['ifaces'] extends Map<string, infer F> ? F : never = { kind: String(iface.kind), mac, index: k };
      if (iface.kind === 'veth' && isObject(iface.peer)) fact.peer = iface.peer as { ns: string; iface: string };
      if (iface.kind === 'ether' && typeof iface.segment === 'string') fact.segment = iface.segment;
      ifaces.set(iface.name, fact);
    }
  });
  if (ns.routes !== undefined && !Array.isArray(ns.routes)) errors.push('routes: expected an array');
  (Array.isArray(ns.routes) ? ns.routes : []).forEach((r: unknown, k: number) => {
    const p = `routes[${k}]`;
    if (!isObject(r)) return void errors.push(`${p}: expected an object`);
    if (r.dst !== 'default') {
      const c = typeof r.dst === 'string' ? parseCidr(r.dst) : null;
      if (!c) errors.push(`${p}.dst: expected "default" or a prefix like 10.10.11.0/24, got ${JSON.stringify(r.dst)}`);
      else if (networkOf(c.ip, c.prefix) !== c.ip) errors.push(`${p}.dst: ${r.dst} has host bits set (Linux: "Invalid prefix for given prefix length")`);
    }
    if (r.via !== undefined && (typeof r.via !== 'string' || parseIp(r.via) === null)) errors.push(`${p}.via: expected an IPv4 address, got ${JSON.stringify(r.via)}`);
    if (r.src !== undefined && (typeof r.src !== 'string' || parseIp(r.src) === null)) errors.push(`${p}.src: expected an IPv4 address, got ${JSON.stringify(r.src)}`);
    if (!ifaces.has(r.dev)) errors.push(`${p}.dev: no interface ${JSON.stringify(r.dev)} here`);
    else if (typeof r.via === 'string' && !r.onlink && !gatewayOnLink(list, ns.routes, r.dev, parseIp(r.via))) {
      errors.push(`${p}.via: ${r.via} is not reachable directly through ${r.dev} (Linux: "Nexthop has invalid gateway"); add an address or a device route that covers it, or set onlink`);
    }
  });
  (Array.isArray(ns.neighbours) ? ns.neighbours : []).forEach((n: Loose, k: number) => {
    const p = `neighbours[${k}]`;
    if (typeof n?.ip !== 'string' || parseIp(n.ip) === null) errors.push(`${p}.ip: expected an IPv4 address`);
    if (typeof n?.mac !== 'string' || parseMac(n.mac) === null) errors.push(`${p}.mac: expected a MAC address`);
    if (!ifaces.has(n?.dev)) errors.push(`${p}.dev: no interface ${JSON.stringify(n?.dev)} here`);
  });
  (Array.isArray(ns.listeners) ? ns.listeners : []).forEach((l: Loose, k: number) => {
    if (!['udp', 'tcp'].includes(l?.proto) || !Number.isInteger(l?.port) || l.port < 1 || l.port > 65535) errors.push(`listeners[${k}]: expected { proto: "udp" | "tcp", port: 1-65535 }`);
  });
  const ttl = isObject(ns.sysctls) ? ns.sysctls.ip_default_ttl : undefined;
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1 || ttl > 255)) errors.push('sysctls.ip_default_ttl: expected 1-255');
  list.forEach((iface, k) => {
    const d: unknown = isObject(iface) && isObject(iface.sysctls) ? iface.sysctls.proxy_delay : undefined;
    if (d !== undefined && (!Number.isInteger(d) || (d as number) < 0 || (d as number) > 60000)) errors.push(`interfaces[${k}].sysctls.proxy_delay: expected milliseconds from 0 to 60000`);
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
  errors: string[];
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
  if (!['node', 'router', 'host'].includes(m.role)) out.errors.push(`role: expected "node", "router" or "host", got ${JSON.stringify(m.role)}`);
  const local = new Map<string, NsFacts>();
  const addNs = (ns: Loose, path: string): void => {
    const name: unknown = ns.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/.test(name)) {
      out.errors.push(`${path}name: expected 1-31 letters, digits, "_", "." or "-", starting with a letter or digit; got ${JSON.stringify(name)}`);
      return;
    }
    if (!Array.isArray(ns.interfaces)) {
      out.errors.push(`${path}interfaces: expected an array`);
      out.names.push({ name, path, facts: null });
      return;
    }
    const facts = nsFacts(ns);
    for (const e of facts.errors) out.errors.push(`${path}${e}`);
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
  if (m.pods !== undefined && !Array.isArray(m.pods)) out.errors.push('pods: expected an array');
  (Array.isArray(m.pods) ? m.pods : []).forEach((p: unknown, j: number) => (isObject(p) ? addNs(p, `pods[${j}].`) : out.errors.push(`pods[${j}]: expected an object`)));
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

function checkPeer(v: MachineFacts['external'][number], peerFacts: NsFacts, errors: string[]): void {
  const peer = peerFacts.ifaces.get(v.peer.iface);
  if (!peer) errors.push(`${v.path}.peer.iface: no interface "${v.peer.iface}" in ${v.peer.ns}`);
  else if (peer.kind !== 'veth' || peer.peer?.ns !== v.from || peer.peer.iface !== v.ifName) errors.push(`${v.path}.peer: ${v.peer.ns}/${v.peer.iface} must be a veth whose peer is ${v.from}/${v.ifName}`);
}

/**
 * Checks a topology (typically parsed from a user's file) and returns every problem found, each
 * naming where it is. An empty list means valid. It never throws, whatever `input` is.
 */
export function validateTopology(input: unknown): string[] {
  if (!isObject(input)) return ['topology: expected a JSON object'];
  const errors: string[] = [];
  if (input.version !== 1) errors.push(`version: expected 1, got ${JSON.stringify(input.version)}`);
  if (typeof input.name !== 'string' || input.name === '') errors.push('name: expected a non-empty string');
  if (!Array.isArray(input.segments)) errors.push('segments: expected an array');
  if (!Array.isArray(input.machines)) errors.push('machines: expected an array');
  if (!Array.isArray(input.segments) || !Array.isArray(input.machines)) return errors;

  const segments = new Set<string>();
  input.segments.forEach((s: unknown, i: number) => {
    if (!isObject(s) || typeof s.id !== 'string' || s.id === '') errors.push(`segments[${i}].id: expected a non-empty string`);
    else if (segments.has(s.id)) errors.push(`segments[${i}].id: duplicate segment "${s.id}"`);
    else segments.add(s.id);
  });

  // Messages are built only when something is wrong: these loops run for every namespace and NIC.
  const names = new Map<string, { at: string; path: string }>();
  const macs = new Map<string, string>();
  const external: { v: MachineFacts['external'][number]; at: string }[] = [];
  const nsFactsByName = new Map<string, NsFacts>();
  input.machines.forEach((m: unknown, i: number) => {
    const at = `machines[${i}]`;
    if (!isObject(m)) return void errors.push(`${at}: expected an object`);
    const f = machineFacts(m);
    for (const e of f.errors) errors.push(`${at}.${e}`);
    for (const n of f.names) {
      const other = names.get(n.name);
      if (other !== undefined) {
        const where = `${other.at}${other.path ? `.${other.path.slice(0, -1)}` : ''}`;
        errors.push(`${at}.${n.path}name: "${n.name}" is already used by ${where}; pod and machine names must be unique`);
      } else {
        names.set(n.name, { at, path: n.path });
        if (n.facts && f.external.length + external.length > 0) nsFactsByName.set(n.name, n.facts);
      }
    }
    for (const x of f.macs) {
      const other = macs.get(x.mac);
      if (other === undefined) macs.set(x.mac, x.where);
      else errors.push(`${at}.${x.path}.mac: ${x.mac} is already used in ${other}`);
    }
    for (const s of f.segments) if (!segments.has(s.id)) errors.push(`${at}.${s.path}: no segment "${s.id}"`);
    for (const v of f.external) external.push({ v, at });
  });
  if (external.length > 0) {
    // Rare: veths between machines. Collect every namespace's facts to check them.
    for (const m of input.machines) if (isObject(m)) for (const n of machineFacts(m).names) if (n.facts && !nsFactsByName.has(n.name)) nsFactsByName.set(n.name, n.facts);
    for (const { v, at } of external) {
      const peerFacts = nsFactsByName.get(v.peer.ns);
      if (!peerFacts) errors.push(`${at}.${v.path}.peer.ns: no pod or machine "${v.peer.ns}"`);
      else checkPeer({ ...v, path: `${at}.${v.path}` }, peerFacts, errors);
    }
  }
  return errors;
}

/** The namespace type the checks above accept, re-exported for callers that build topologies. */
export type { NamespaceSpec, Topology };
