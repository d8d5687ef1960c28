import { parseCidr, parseIp, parseMac } from '../net/ipv4';
import type { IfaceSpec, NamespaceSpec, Topology } from './topology';

/**
 * Checks a topology (typically parsed from a user's file) and returns every problem found, each
 * naming where it is (`machines[0].pods[1].interfaces[0].mac: ...`). An empty list means valid.
 * It never throws, whatever `input` is.
 */
export function validateTopology(input: unknown): string[] {
  const errors: string[] = [];
  if (!isObject(input)) return ['topology: expected a JSON object'];
  const t = input as Partial<Topology>;
  if (t.version !== 1) errors.push(`version: expected 1, got ${JSON.stringify(t.version)}`);
  if (typeof t.name !== 'string' || t.name === '') errors.push('name: expected a non-empty string');
  if (!Array.isArray(t.segments)) errors.push('segments: expected an array');
  if (!Array.isArray(t.machines)) errors.push('machines: expected an array');
  if (errors.length > 0 && (!Array.isArray(t.segments) || !Array.isArray(t.machines))) return errors;

  const segments = new Set<string>();
  (t.segments ?? []).forEach((s, i) => {
    if (!isObject(s) || typeof s.id !== 'string' || s.id === '') errors.push(`segments[${i}].id: expected a non-empty string`);
    else if (segments.has(s.id)) errors.push(`segments[${i}].id: duplicate segment "${s.id}"`);
    else segments.add(s.id);
  });

  // Every namespace, with the path used in messages, so veth peers can be cross-checked after.
  const namespaces = new Map<string, { ns: NamespaceSpec; path: string }>();
  const addNs = (name: unknown, ns: unknown, path: string): void => {
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/.test(name)) {
      errors.push(`${path}.name: expected 1-31 letters, digits, "_", "." or "-", starting with a letter or digit; got ${JSON.stringify(name)}`);
      return;
    }
    if (namespaces.has(name)) {
      errors.push(`${path}.name: "${name}" is already used by ${namespaces.get(name)?.path}; pod and machine names must be unique`);
      return;
    }
    if (!isObject(ns) || !Array.isArray((ns as Partial<NamespaceSpec>).interfaces)) {
      errors.push(`${path}.interfaces: expected an array`);
      return;
    }
    namespaces.set(name, { ns: ns as NamespaceSpec, path });
  };
  (t.machines ?? []).forEach((m, i) => {
    const path = `machines[${i}]`;
    if (!isObject(m)) return void errors.push(`${path}: expected an object`);
    if (!['node', 'router', 'host'].includes(m.role as string)) errors.push(`${path}.role: expected "node", "router" or "host"`);
    addNs(m.name, m, path);
    if (m.pods !== undefined && !Array.isArray(m.pods)) errors.push(`${path}.pods: expected an array`);
    (Array.isArray(m.pods) ? m.pods : []).forEach((p: unknown, j: number) => {
      if (!isObject(p)) return void errors.push(`${path}.pods[${j}]: expected an object`);
      addNs(p.name, p, `${path}.pods[${j}]`);
    });
  });

  const macs = new Map<string, string>();
  for (const [nsName, { ns, path }] of namespaces) {
    const names = new Set<string>();
    const bridges = new Set(ns.interfaces.filter((i) => isObject(i) && i.kind === 'bridge').map((i) => i.name));
    ns.interfaces.forEach((iface: IfaceSpec, k) => {
      const p = `${path}.interfaces[${k}]`;
      if (!isObject(iface)) return void errors.push(`${p}: expected an object`);
      if (typeof iface.name !== 'string' || !/^[A-Za-z0-9_.-]{1,15}$/.test(iface.name)) errors.push(`${p}.name: expected 1-15 characters (Linux IFNAMSIZ), got ${JSON.stringify(iface.name)}`);
      else if (names.has(iface.name)) errors.push(`${p}.name: duplicate interface "${iface.name}" in ${nsName}`);
      else names.add(iface.name);
      const mac = typeof iface.mac === 'string' ? parseMac(iface.mac) : null;
      if (mac === null) errors.push(`${p}.mac: expected a MAC like 02:00:0a:0a:0a:01, got ${JSON.stringify(iface.mac)}`);
      else if (parseInt(mac.slice(0, 2), 16) & 1) errors.push(`${p}.mac: ${mac} is a multicast address; an interface needs a unicast MAC`);
      else if (macs.has(mac)) errors.push(`${p}.mac: ${mac} is already used by ${macs.get(mac)}`);
      else macs.set(mac, `${nsName}/${iface.name}`);
      (iface.addresses ?? []).forEach((a, n) => {
        const c = typeof a === 'string' ? parseCidr(a) : null;
        if (!c) errors.push(`${p}.addresses[${n}]: expected an IPv4 address with prefix like 10.10.10.1/24, got ${JSON.stringify(a)}`);
      });
      if (iface.master !== undefined && !bridges.has(iface.master)) errors.push(`${p}.master: no bridge "${iface.master}" in ${nsName}`);
      if (iface.master !== undefined && (iface.addresses ?? []).length > 0) errors.push(`${p}.addresses: a bridge port does not route; put the address on the bridge "${iface.master}" instead`);
      if (iface.mtu !== undefined && (!Number.isInteger(iface.mtu) || iface.mtu < 68 || iface.mtu > 65535)) errors.push(`${p}.mtu: expected an integer from 68 to 65535`);
      if (iface.kind === 'ether') {
        if (!segments.has(iface.segment)) errors.push(`${p}.segment: no segment "${iface.segment}"`);
      } else if (iface.kind === 'veth') {
        if (!isObject(iface.peer) || typeof iface.peer.ns !== 'string' || typeof iface.peer.iface !== 'string') {
          errors.push(`${p}.peer: expected { ns, iface }`);
        } else {
          const peerNs = namespaces.get(iface.peer.ns);
          const peer = peerNs?.ns.interfaces.find((x) => isObject(x) && x.name === iface.peer.iface);
          if (!peerNs) errors.push(`${p}.peer.ns: no namespace "${iface.peer.ns}"`);
          else if (!peer) errors.push(`${p}.peer.iface: no interface "${iface.peer.iface}" in ${iface.peer.ns}`);
          else if (peer.kind !== 'veth' || peer.peer.ns !== nsName || peer.peer.iface !== iface.name) errors.push(`${p}.peer: ${iface.peer.ns}/${iface.peer.iface} must be a veth whose peer is ${nsName}/${iface.name}`);
        }
      } else if (iface.kind !== 'bridge') {
        errors.push(`${p}.kind: expected "veth", "ether" or "bridge", got ${JSON.stringify((iface as { kind?: unknown }).kind)}`);
      }
    });
    (ns.routes ?? []).forEach((r, k) => {
      const p = `${path}.routes[${k}]`;
      if (!isObject(r)) return void errors.push(`${p}: expected an object`);
      if (r.dst !== 'default' && !(typeof r.dst === 'string' && parseCidr(r.dst))) errors.push(`${p}.dst: expected "default" or a prefix like 10.10.11.0/24, got ${JSON.stringify(r.dst)}`);
      else if (r.dst !== 'default') {
        const c = parseCidr(r.dst);
        if (c && (c.ip & ~(c.prefix === 0 ? 0 : (0xffffffff << (32 - c.prefix)))) !== 0) errors.push(`${p}.dst: ${r.dst} has host bits set (Linux says "Invalid prefix for given prefix length")`);
      }
      if (r.via !== undefined && parseIp(r.via) === null) errors.push(`${p}.via: expected an IPv4 address, got ${JSON.stringify(r.via)}`);
      if (r.src !== undefined && parseIp(r.src) === null) errors.push(`${p}.src: expected an IPv4 address, got ${JSON.stringify(r.src)}`);
      if (!names.has(r.dev)) errors.push(`${p}.dev: no interface "${r.dev}" in ${nsName}`);
    });
    (ns.neighbours ?? []).forEach((n, k) => {
      const p = `${path}.neighbours[${k}]`;
      if (parseIp(n.ip) === null) errors.push(`${p}.ip: expected an IPv4 address`);
      if (parseMac(n.mac) === null) errors.push(`${p}.mac: expected a MAC address`);
      if (!names.has(n.dev)) errors.push(`${p}.dev: no interface "${n.dev}" in ${nsName}`);
    });
    (ns.listeners ?? []).forEach((l, k) => {
      if (!['udp', 'tcp'].includes(l.proto) || !Number.isInteger(l.port) || l.port < 1 || l.port > 65535) errors.push(`${path}.listeners[${k}]: expected { proto: "udp"|"tcp", port: 1-65535 }`);
    });
    const ttl = ns.sysctls?.ip_default_ttl;
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1 || ttl > 255)) errors.push(`${path}.sysctls.ip_default_ttl: expected 1-255`);
  }
  return errors;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- user JSON is checked field by field below
function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
