import type { HopEvent } from '../events';
import type { IfacePlace, Place } from '../journey';
import { formatIp, ZERO_MAC } from '../net/ipv4';
import type { CompiledNs } from './compile';
import { LO } from './loopback';
import { lazyRecord } from '../lazyRecord';
import type { Ns, World } from './world';

/** The loopback device every namespace has. */
const LO_PLACE: IfacePlace = Object.freeze({ kind: 'loopback' as const, mac: ZERO_MAC, addrs: Object.freeze([]) as unknown as string[] });

/**
 * The namespaces a journey's log mentions, with their devices, as plain data: what the narrator
 * needs to say "through veth-pod1, one end of a veth pair" without reading the engine's world.
 * Only namespaces the journey built are listed, so a 2,000-pod cluster costs a few dozen entries.
 */
export function placesOf(world: World, events: readonly HopEvent[]): Record<string, Place> {
  // Runs of events share a namespace: compare with the last one before touching the set.
  const names = new Set<string>();
  let last = '';
  for (const e of events) {
    if (e.ns === last) continue;
    last = e.ns;
    names.add(last);
  }
  const out: Record<string, Place> = {};
  for (const ns of world.builtNamespaces()) {
    if (names.has(ns.name)) out[ns.name] = placeOf(ns);
  }
  return out;
}

const placeCache = new WeakMap<CompiledNs, Place>();

/** A namespace's place, shared by every journey while its spec and machine stay (frozen: never changed). */
function placeOf(ns: Ns): Place {
  const hit = placeCache.get(ns.compiled);
  if (hit && hit.machine === ns.machine && hit.role === ns.role && hit.pod === ns.isPod) return hit;
  const place: Place = Object.freeze({ machine: ns.machine, role: ns.role, pod: ns.isPod, ifaces: ifacePlaces(ns.compiled) });
  placeCache.set(ns.compiled, place);
  return place;
}

const cache = new WeakMap<CompiledNs, Record<string, IfacePlace>>();

/**
 * A namespace's devices as places. Everything in them comes from the (immutable) spec, so they are
 * made once per compiled namespace and shared by every journey's result, read-only so that a
 * stray edit throws instead of changing other results. Each device is made when first read
 * (`lazyRecord`): an ARP broadcast touches every node of a 5,000-node segment, and the narrator
 * reads one NIC of each.
 */
function ifacePlaces(c: CompiledNs): Record<string, IfacePlace> {
  const hit = cache.get(c);
  if (hit) return hit;
  const names = (): string[] => [...c.ifaces.map((ci) => ci.name), LO];
  const read = (name: string): IfacePlace | undefined => {
    // Every namespace has lo; the topology never lists it (validation refuses the name).
    if (name === LO) return LO_PLACE;
    const i = c.ifaceIndex.get(name);
    const ci = i === undefined ? undefined : c.ifaces[i];
    if (!ci) return undefined;
    const s = ci.spec;
    const place: IfacePlace = { kind: s.kind, mac: ci.mac, addrs: Object.freeze(ci.addrs.map((a) => `${formatIp(a.ip)}/${a.prefix}`)) as string[] };
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
  cache.set(c, ifaces);
  return ifaces;
}
