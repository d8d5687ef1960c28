import type { HopEvent } from '../events';
import type { IfacePlace, Place } from '../journey';
import { formatIp } from '../net/ipv4';
import type { World } from './world';

/**
 * The namespaces a journey's log mentions, with their devices, as plain data: what the narrator
 * needs to say "through veth-pod1, one end of a veth pair" without reading the engine's world.
 * Only namespaces the journey built are listed, so a 2,000-pod cluster costs a few dozen entries.
 */
export function placesOf(world: World, events: readonly HopEvent[]): Record<string, Place> {
  const names = new Set<string>();
  for (const e of events) names.add(e.ns);
  const out: Record<string, Place> = {};
  for (const ns of world.builtNamespaces()) {
    if (!names.has(ns.name)) continue;
    const ifaces: Record<string, IfacePlace> = {};
    for (const ci of ns.compiled.ifaces) {
      const i = ns.ifaces.get(ci.name);
      if (!i) continue;
      const place: IfacePlace = { kind: i.kind, mac: i.mac, addrs: i.addrs.map((a) => `${formatIp(a.ip)}/${a.prefix}`) };
      if (i.master) place.master = i.master.dev.name;
      if (i.peerRef) {
        place.peer = `${i.peerRef.ns}/${i.peerRef.iface}`;
        place.peerNs = i.peerRef.ns;
      }
      if (i.segment) place.segment = i.segment.id;
      ifaces[i.name] = place;
    }
    out[ns.name] = { machine: ns.machine, role: ns.role, pod: ns.isPod, ifaces };
  }
  return out;
}
