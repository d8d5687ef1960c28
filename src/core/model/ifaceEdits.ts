import { problem, shown, type Problem } from '../i18n/problems';
import { broadcastOf, formatIp, isGroupMac, networkOf, parseCidr, parseIp, parseMac, ZERO_MAC } from '../net/ipv4';
import { macFor } from './labEdits';
import { LINUX } from './linux';
import { findIface, findNs, putNs, refuse, unlessBroken, type NsPlace } from './nsEdits';
import { routeLine } from './routeEdits';
import type { BridgeIface, IfaceSpec, MachineSpec, NamespaceSpec, PodSpec, Topology } from './topology';

/*
 * The inspector's edits of one interface: its addresses and its MAC, and a node's pod subnet (its
 * bridge's address), which re-addresses the node's pods as the CNI would. Pure; see nsEdits.ts for
 * what every edit shares.
 */

/** Addresses as a user types them in one field: separated by commas, semicolons or white space. */
export function addressesFromText(text: string): string[] {
  return text.split(/[\s,;]+/).filter((a) => a !== '');
}

/**
 * A route of `place`'s namespace that an edit of its addresses strands, in the edit's own words:
 * the gateway no longer lies on a subnet of its device, or the preferred source is no longer local.
 */
function strandedRoute(t: Topology, place: NsPlace, at: string): (p: Problem) => Problem | null {
  const routes = findNs(t, (place.ns as { name: string }).name).ns.routes ?? [];
  const prefix = `${place.path}.routes[`;
  return (p) => {
    if (!p.path.startsWith(prefix)) return null;
    const route = routes[Number(p.path.slice(prefix.length).split(']')[0])];
    if (!route) return null;
    const kernel = typeof p.params.kernel === 'string' ? p.params.kernel : undefined;
    if (p.code === 'gateway-unreachable' && route.via !== undefined) return problem(at, 'address-holds-gateway', { route: routeLine(route), via: route.via, dev: route.dev, kernel });
    if (p.code === 'prefsrc-not-local' && route.src !== undefined) return problem(at, 'address-holds-src', { route: routeLine(route), src: route.src, kernel });
    return null;
  };
}

/**
 * The lab with interface `iface` of namespace `ns` holding exactly `addresses` (IPv4 with prefix,
 * `10.10.10.1/24`; a bare address is a /32, as `ip addr add 10.10.10.1 dev eth0` makes it), in that
 * order; each brings its connected route, as the kernel adds one. What Linux accepts but is unwise
 * (an address on a bridge port, one outside the segment's subnet, a duplicate elsewhere) is left to
 * the checks.
 *
 * @throws TopologyEditError at `<iface>.addresses[k]`: `address-syntax` for text that is not an
 *   address, `duplicate-address` for one given twice ("Error: ipv4: Address already assigned.");
 *   at `<iface>.addresses`: `address-holds-gateway` or `address-holds-src` when a route of the
 *   namespace needs an address taken away (Linux would refuse that route: "Error: Nexthop has
 *   invalid gateway.", "Error: Invalid prefsrc address."); `peer-ns-missing`, `peer-iface-missing`.
 */
export function setAddresses(t: Topology, ns: string, iface: string, addresses: readonly string[]): Topology {
  const place = findIface(t, ns, iface);
  const seen = new Set<string>();
  const clean = addresses.map((raw, k) => {
    const a = raw.trim();
    const c = parseCidr(a) ?? (parseIp(a) === null ? null : parseCidr(`${a}/32`));
    if (!c) refuse(`${place.ifacePath}.addresses[${k}]`, 'address-syntax', { got: shown(raw) });
    const text = a.includes('/') ? a : `${a}/32`;
    const key = `${c.ip}/${c.prefix}`;
    if (seen.has(key)) refuse(`${place.ifacePath}.addresses[${k}]`, 'duplicate-address', { address: text, kernel: LINUX.addressAssigned });
    seen.add(key);
    return text;
  });
  const old = place.iface.addresses ?? [];
  if (clean.length === old.length && clean.every((a, k) => a === old[k])) return t;
  const { addresses: _drop, ...rest } = place.iface;
  const changed = (clean.length > 0 ? { ...rest, addresses: clean } : rest) as IfaceSpec;
  const next = putNs(t, place, { ...place.ns, interfaces: place.ns.interfaces.map((i) => (i === place.iface ? changed : i)) });
  return unlessBroken(t, next, strandedRoute(next, place, `${place.ifacePath}.addresses`));
}

/**
 * The lab with interface `iface` of namespace `ns` having MAC `mac` (any case; kept in lower case).
 * Another interface with the same MAC is a warning for the checks, not a refusal: Linux accepts it.
 *
 * @throws TopologyEditError at `<iface>.mac`: `mac-syntax` for text that is not six hex pairs,
 *   `mac-multicast` for a group address, `mac-zero` for 00:00:00:00:00:00 (is_valid_ether_addr()
 *   fails: "RTNETLINK answers: Cannot assign requested address"); `peer-ns-missing`,
 *   `peer-iface-missing`.
 */
export function setMac(t: Topology, ns: string, iface: string, mac: string): Topology {
  const place = findIface(t, ns, iface);
  const at = `${place.ifacePath}.mac`;
  const parsed = parseMac(mac.trim());
  if (parsed === null) refuse(at, 'mac-syntax', { got: shown(mac) });
  if (isGroupMac(parsed)) refuse(at, 'mac-multicast', { mac: parsed, kernel: LINUX.badMac });
  if (parsed === ZERO_MAC) refuse(at, 'mac-zero', { kernel: LINUX.badMac });
  if (parsed === place.iface.mac) return t;
  return putNs(t, place, { ...place.ns, interfaces: place.ns.interfaces.map((i) => (i === place.iface ? { ...i, mac: parsed } : i)) });
}

/** A node's pod subnet: its bridge, the bridge's address (the pods' gateway) and the pods on it. */
export interface PodSubnet {
  bridge: string;
  /** The bridge's first IPv4 address with prefix, `10.10.10.254/24`. */
  address: string;
  /** Its network, `10.10.10.0/24`. */
  subnet: string;
  /** The pods whose host-side veth is a port of the bridge, in the machine's order. */
  pods: string[];
}

function podBridge(m: MachineSpec): { bridge: BridgeIface; index: number } | null {
  const index = m.interfaces.findIndex((i) => i.kind === 'bridge' && parseCidr(i.addresses?.[0] ?? '') !== null);
  const bridge = m.interfaces[index];
  return bridge?.kind === 'bridge' ? { bridge, index } : null;
}

/** The host end of pod `pod`'s veth on `bridge`, and the pod's interface it pairs with. */
function podLink(m: MachineSpec, bridge: string, pod: PodSpec): { host: IfaceSpec; inner: IfaceSpec } | null {
  const host = m.interfaces.find((i) => i.kind === 'veth' && i.master === bridge && i.peer.ns === pod.name);
  const inner = host?.kind === 'veth' ? pod.interfaces.find((i) => i.name === host.peer.iface) : undefined;
  return host && inner ? { host, inner } : null;
}

/**
 * Machine `machine`'s pod subnet: the first bridge with an IPv4 address (as addPod picks it), or
 * null when it has none (a router, a host) or is not a machine.
 */
export function podSubnetOf(t: Topology, machine: string): PodSubnet | null {
  const m = t.machines.find((x) => x.name === machine);
  const found = m ? podBridge(m) : null;
  const c = parseCidr(found?.bridge.addresses?.[0] ?? '');
  if (!m || !found || !c) return null;
  return {
    bridge: found.bridge.name,
    address: found.bridge.addresses?.[0] ?? '',
    subnet: `${formatIp(networkOf(c.ip, c.prefix))}/${c.prefix}`,
    pods: (m.pods ?? []).filter((p) => podLink(m, found.bridge.name, p)).map((p) => p.name),
  };
}

/** A MAC that follows the seed's convention for `ip` (`02:00:<ip>`, a host-side veth `02:01:<ip>`) follows the new address. */
function followMac(mac: string, oldIp: number, newIp: number, kind: 0 | 1): string {
  const conv = (ip: number) => (kind === 0 ? macFor(ip) : macFor(ip).replace(/^02:00/, '02:01'));
  return mac === conv(oldIp) ? conv(newIp) : mac;
}

/**
 * The lab with node `machine`'s pod subnet moved: its bridge (the first with an IPv4 address)
 * takes `address` (`10.10.20.254/24`; a network such as `10.10.20.0/24` keeps the gateway's place
 * in it, .254 staying .254, or the last host address when that place falls outside).
 *
 * What happens to the pods, as if the node were drained and its pods created again by the CNI:
 * a pod on the bridge whose address still lies in the new subnet (and is not the new gateway)
 * keeps it, with the new prefix; every other one takes the next free address of the new subnet in
 * pod order, as host-local hands them out on a fresh range. Each pod's routes via the old gateway
 * go via the new one, a route whose preferred source was the pod's old address takes the new one,
 * and MACs that embed the address (the seed's `02:00:<ip>`) follow it. Routes on other machines to
 * the old subnet are left as they are: the checks then say which machines no longer reach the
 * pods, and offer the routes.
 *
 * @throws TopologyEditError: `unknown-machine` (no such machine), `pod-no-bridge` (no bridge with an
 *   address), `address-syntax` at the bridge's address, `pod-subnet-full` when the pods do not fit
 *   (host-local: "no IP addresses available in range set"), or an error the new addresses cause.
 */
export function setPodSubnet(t: Topology, machine: string, address: string): Topology {
  const index = t.machines.findIndex((m) => m.name === machine);
  const m = t.machines[index];
  if (!m) return refuse('machines', 'unknown-machine', { name: machine });
  const found = podBridge(m);
  const old = parseCidr(found?.bridge.addresses?.[0] ?? '');
  if (!found || !old) return refuse(`machines[${index}].interfaces`, 'pod-no-bridge', { machine, bridge: '' });
  const at = `machines[${index}].interfaces[${found.index}].addresses[0]`;
  const c = parseCidr(address.trim());
  if (!c) return refuse(at, 'address-syntax', { got: shown(address) });
  const net = networkOf(c.ip, c.prefix);
  const bcast = broadcastOf(net, c.prefix);
  let gw = c.ip;
  if (c.ip === net && c.prefix <= 30) {
    const place = old.ip - networkOf(old.ip, old.prefix);
    gw = place > 0 && net + place < bcast ? net + place : bcast - 1;
  }
  if (gw === old.ip && c.prefix === old.prefix) return t;
  const oldNet = networkOf(old.ip, old.prefix);
  const bridgeName = found.bridge.name;
  const bridge: IfaceSpec = { ...found.bridge, mac: followMac(found.bridge.mac, old.ip, gw, 0), addresses: [`${formatIp(gw)}/${c.prefix}`, ...(found.bridge.addresses ?? []).slice(1)] };
  // The pods on the bridge, each with its address in the old subnet.
  const moving: { pod: PodSpec; host: IfaceSpec; inner: IfaceSpec; k: number; ip: number; keep: boolean }[] = [];
  for (const pod of m.pods ?? []) {
    const link = podLink(m, bridgeName, pod);
    const k = link?.inner.addresses?.findIndex((a) => {
      const p = parseCidr(a);
      return p !== null && networkOf(p.ip, old.prefix) === oldNet;
    }) ?? -1;
    const ip = parseCidr(link?.inner.addresses?.[k] ?? '')?.ip;
    if (link && ip !== undefined) moving.push({ pod, ...link, k, ip, keep: false });
  }
  // Every other address of the machine and its pods is taken; a pod whose address still fits keeps it.
  const used = new Set<number>([gw]);
  const skip = new Set<string>([...moving.map((mv) => `${mv.pod.name}/${mv.inner.name}/${mv.k}`), `${machine}/${bridgeName}/0`]);
  for (const ns of [m, ...(m.pods ?? [])]) {
    for (const i of ns.interfaces) (i.addresses ?? []).forEach((a, k) => skip.has(`${ns.name}/${i.name}/${k}`) || used.add(parseCidr(a)?.ip ?? -1));
  }
  for (const mv of moving) {
    mv.keep = networkOf(mv.ip, c.prefix) === net && mv.ip !== net && mv.ip !== bcast && !used.has(mv.ip);
    if (mv.keep) used.add(mv.ip);
  }
  const range = `${formatIp(net + 1)}-${formatIp(bcast - 1)}`;
  let cursor = net + 1;
  const pods = new Map<PodSpec, PodSpec>();
  const hosts = new Map<IfaceSpec, IfaceSpec>();
  for (const mv of moving) {
    let ip = mv.ip;
    if (!mv.keep) {
      while (cursor < bcast && used.has(cursor)) cursor++;
      if (cursor >= bcast) return refuse(at, 'pod-subnet-full', { bridge: bridgeName, range });
      ip = cursor;
      used.add(ip);
    }
    const from = formatIp(mv.ip);
    const to = formatIp(ip);
    const addresses = (mv.inner.addresses ?? []).map((a, j) => (j === mv.k ? `${to}/${c.prefix}` : a));
    const inner: IfaceSpec = { ...mv.inner, mac: followMac(mv.inner.mac, mv.ip, ip, 0), addresses };
    const routes = mv.pod.routes?.map((r) => {
      const via = r.via === formatIp(old.ip) ? formatIp(gw) : r.via;
      const src = r.src === from ? to : r.src;
      return via === r.via && src === r.src ? r : { ...r, ...(via === undefined ? {} : { via }), ...(src === undefined ? {} : { src }) };
    });
    pods.set(mv.pod, { ...mv.pod, interfaces: mv.pod.interfaces.map((i) => (i === mv.inner ? inner : i)), ...(routes ? { routes } : {}) });
    hosts.set(mv.host, { ...mv.host, mac: followMac(mv.host.mac, mv.ip, ip, 1) });
  }
  const next: MachineSpec = {
    ...m,
    interfaces: m.interfaces.map((i) => (i === found.bridge ? bridge : (hosts.get(i) ?? i))),
    ...(m.pods ? { pods: m.pods.map((p) => pods.get(p) ?? p) } : {}),
  };
  const place: NsPlace = { machine: index, pod: null, ns: m, path: `machines[${index}]` };
  const after = putNs(t, place, next as NamespaceSpec);
  return unlessBroken(t, after, strandedRoute(after, place, at));
}
