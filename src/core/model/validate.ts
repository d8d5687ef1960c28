import { parseCidr, parseIp, parseMac } from '../net/ipv4';
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
    else if (parseInt(mac.slice(0, 2), 16) & 1) errors.push(`${p}.mac: ${mac} is a multicast address; an interface needs a unicast MAC`);
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
      else if (c.prefix < 32 && c.ip % 2 ** (32 - c.prefix) !== 0) errors.push(`${p}.dst: ${r.dst} has host bits set (Linux: "Invalid prefix for given prefix length")`);
    }
    if (r.via !== undefined && (typeof r.via !== 'string' || parseIp(r.via) === null)) errors.push(`${p}.via: expected an IPv4 address, got ${JSON.stringify(r.via)}`);
    if (r.src !== undefined && (typeof r.src !== 'string' || parseIp(r.src) === null)) errors.push(`${p}.src: expected an IPv4 address, got ${JSON.stringify(r.src)}`);
    if (!ifaces.has(r.dev)) errors.push(`${p}.dev: no interface ${JSON.stringify(r.dev)} here`);
    else if (typeof r.via === 'string' && !r.onlink && !gatewayOnLink(list, r.dev, parseIp(r.via))) {
      errors.push(`${p}.via: ${r.via} is not on a subnet of ${r.dev} (Linux: "Nexthop has invalid gateway"); add an address in its subnet or set onlink`);
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
  const facts = { errors, ifaces };
  factsCache.set(freezeSpec(ns), facts);
  return facts;
}

/** Whether `gw` lies in a subnet of one of `dev`'s addresses (a connected route covers it). */
function gatewayOnLink(list: unknown[], dev: string, gw: number | null): boolean {
  if (gw === null) return false;
  const iface = list.find((i): i is Loose => isObject(i) && i.name === dev);
  const addrs: unknown[] = Array.isArray(iface?.addresses) ? iface.addresses : [];
  return addrs.some((a) => {
    const c = typeof a === 'string' ? parseCidr(a) : null;
    if (!c) return false;
    const size = 2 ** (32 - c.prefix);
    return Math.floor(c.ip / size) === Math.floor(gw / size);
  });
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

  const spaces = new Map<string, { facts: NsFacts; path: string }>();
  const addNs = (ns: Loose, path: string): void => {
    const name: unknown = ns.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/.test(name)) {
      errors.push(`${path}.name: expected 1-31 letters, digits, "_", "." or "-", starting with a letter or digit; got ${JSON.stringify(name)}`);
      return;
    }
    if (spaces.has(name)) return void errors.push(`${path}.name: "${name}" is already used by ${spaces.get(name)?.path}; pod and machine names must be unique`);
    if (!Array.isArray(ns.interfaces)) return void errors.push(`${path}.interfaces: expected an array`);
    const facts = nsFacts(ns);
    for (const e of facts.errors) errors.push(`${path}.${e}`);
    spaces.set(name, { facts, path });
  };
  input.machines.forEach((m: unknown, i: number) => {
    const path = `machines[${i}]`;
    if (!isObject(m)) return void errors.push(`${path}: expected an object`);
    if (!['node', 'router', 'host'].includes(m.role)) errors.push(`${path}.role: expected "node", "router" or "host", got ${JSON.stringify(m.role)}`);
    addNs(m, path);
    if (m.pods !== undefined && !Array.isArray(m.pods)) return void errors.push(`${path}.pods: expected an array`);
    (m.pods ?? []).forEach((p: unknown, j: number) => (isObject(p) ? addNs(p, `${path}.pods[${j}]`) : errors.push(`${path}.pods[${j}]: expected an object`)));
  });

  // Messages are built only when something is wrong: this loop runs for every interface.
  const macs = new Map<string, string>();
  for (const [nsName, { facts, path }] of spaces) {
    for (const [ifName, f] of facts.ifaces) {
      if (f.mac !== null) {
        const other = macs.get(f.mac);
        if (other === undefined) macs.set(f.mac, nsName);
        else errors.push(`${path}.interfaces[${f.index}].mac: ${f.mac} is already used in ${other}`);
      }
      if (f.segment !== undefined && !segments.has(f.segment)) errors.push(`${path}.interfaces[${f.index}].segment: no segment "${f.segment}"`);
      if (f.peer) {
        const p = (): string => `${path}.interfaces[${f.index}]`;
        const peerNs = spaces.get(f.peer.ns);
        const peer = peerNs?.facts.ifaces.get(f.peer.iface);
        if (!peerNs) errors.push(`${p()}.peer.ns: no pod or machine "${f.peer.ns}"`);
        else if (!peer) errors.push(`${p()}.peer.iface: no interface "${f.peer.iface}" in ${f.peer.ns}`);
        else if (peer.kind !== 'veth' || peer.peer?.ns !== nsName || peer.peer.iface !== ifName) errors.push(`${p()}.peer: ${f.peer.ns}/${f.peer.iface} must be a veth whose peer is ${nsName}/${ifName}`);
      }
    }
  }
  return errors;
}

/** The namespace type the checks above accept, re-exported for callers that build topologies. */
export type { NamespaceSpec, Topology };
