import type { HopEvent } from '../events';
import type { IfacePlace, Place } from '../journey';
import type { NamespaceSpec } from '../model/topology';
import { formatIp, parseCidr, ZERO_MAC } from '../net/ipv4';
import { LO } from './loopback';
import { lazyRecord } from '../lazyRecord';
import type { NsEntry, World } from './world';

/** The loopback device every namespace has. */
const LO_PLACE: IfacePlace = Object.freeze({ kind: 'loopback' as const, mac: ZERO_MAC, addrs: Object.freeze([]) as unknown as string[] });

/**
 * The namespaces a journey's log mentions, with their devices, as plain data: what the narrator
 * needs to say "through veth-pod1, one end of a veth pair" without reading the engine's world.
 * Only namespaces the journey reached are listed (built, or hearing a flood quietly, hear.ts), in
 * the order it reached them. A `lazyRecord`: a flood on a 5,000-node segment mentions every node,
 * and the narrator reads a few, so each place is made when read and the list when enumerated.
 */
export function placesOf(world: World, events: readonly HopEvent[]): Record<string, Place> {
  let names: Set<string> | undefined;
  const mentioned = (): Set<string> => {
    if (names) return names;
    // Runs of events share a namespace: compare with the last one before touching the set.
    names = new Set<string>();
    let last = '';
    for (const e of events) {
      if (e.ns === last) continue;
      last = e.ns;
      names.add(last);
    }
    return names;
  };
  const keys = function* (): Iterable<string> {
    const seen = mentioned();
    for (const name of world.reachedEntries().keys()) if (seen.has(name)) yield name;
  };
  const read = (name: string): Place | undefined => {
    const entry = mentioned().has(name) ? world.reachedEntries().get(name) : undefined;
    return entry ? placeOf(entry) : undefined;
  };
  return lazyRecord(keys, read);
}

const placeCache = new WeakMap<NamespaceSpec, Place>();

/** A namespace's place, shared by every journey while its spec and machine stay (frozen: never changed). */
function placeOf(entry: NsEntry): Place {
  const hit = placeCache.get(entry.spec);
  if (hit && hit.machine === entry.machine && hit.role === entry.role && hit.pod === entry.isPod) return hit;
  const place: Place = Object.freeze({ machine: entry.machine, role: entry.role, pod: entry.isPod, ifaces: ifacePlaces(entry.spec) });
  placeCache.set(entry.spec, place);
  return place;
}

const cache = new WeakMap<NamespaceSpec, Record<string, IfacePlace>>();

/**
 * A namespace's devices as places. Everything in them comes from the (immutable) spec, so they are
 * made once per compiled namespace and shared by every journey's result, read-only so that a
 * stray edit throws instead of changing other results. Each device is made when first read
 * (`lazyRecord`): an ARP broadcast touches every node of a 5,000-node segment, and the narrator
 * reads one NIC of each.
 */
function ifacePlaces(spec: NamespaceSpec): Record<string, IfacePlace> {
  const hit = cache.get(spec);
  if (hit) return hit;
  const names = (): string[] => [...spec.interfaces.map((s) => s.name), LO];
  const read = (name: string): IfacePlace | undefined => {
    // Every namespace has lo; the topology never lists it (validation refuses the name).
    if (name === LO) return LO_PLACE;
    // The first interface of that name, its MAC and addresses as compile.ts parses them.
    const s = spec.interfaces.find((x) => x.name === name);
    if (!s) return undefined;
    const addrs: string[] = [];
    for (const a of s.addresses ?? []) {
      const c = parseCidr(a);
      if (c) addrs.push(`${formatIp(c.ip)}/${c.prefix}`);
    }
    const place: IfacePlace = { kind: s.kind, mac: s.mac.toLowerCase(), addrs: Object.freeze(addrs) as string[] };
    if (s.master !== undefined) place.master = s.master;
    if (s.vport !== undefined) place.vport = s.vport;
    if (s.kind === 'veth') {
      place.peer = `${s.peer.ns}/${s.peer.iface}`;
      place.peerNs = s.peer.ns;
    }
    // Validation guarantees the segment exists (unknown-segment).
    if (s.kind === 'ether') place.segment = s.segment;
    return Object.freeze(place);
  };
  const ifaces = lazyRecord(names, read);
  cache.set(spec, ifaces);
  return ifaces;
}
