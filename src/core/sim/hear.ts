import { BROADCAST_MAC, isLoopback, isMulticast, parseCidr } from '../net/ipv4';
import { effectiveConf } from './compile';
import type { Sim } from './engine';
import type { WireFrame } from './packet';
import type { PortRef } from './topologyIndex';

/*
 * Quiet hearing. A segment floods a broadcast (an ARP request) or a frame to a MAC it has not learned
 * to every other NIC: 5,000 of them on a Kubernetes-sized cluster's node network. Each NIC's
 * tcpdump sees the frame arrive, and each host decides what to do with it; nearly all do nothing
 * that lasts. arp_process() (net/ipv4/arp.c) creates a neighbour entry for the sender only when the
 * request asks for one of the host's own addresses (neigh_event_ns) or one it answers by proxy,
 * and otherwise only updates an entry that already exists (__neigh_lookup(..., create=0)); a frame
 * to someone else's MAC is PACKET_OTHERHOST and dropped before IP. So a NIC whose namespace has not
 * been built yet (its tables are the topology's, untouched this journey) and that has no tc
 * program, no bridge master, no proxy ARP, no permanent neighbour entry on it and none of the
 * target's addresses, logs the same two events whatever happens and keeps its tables: the engine
 * writes those events from the spec without building the namespace. Everyone else goes through
 * rx() as before.
 */

/** What a flood needs to know about one NIC without building its namespace, made once per `PortRef`. */
export interface HearFacts {
  /** `ns/iface`, as segment FDB events name a NIC. */
  path: string;
  /** The NIC's MAC, lower case, as compile.ts makes it. */
  mac: string;
  /** No tc ingress program and no bridge master: a frame it hears goes to its own host's stack. */
  plain: boolean;
  /** Also no proxy ARP with forwarding and no permanent neighbour entry on it: an ARP it hears is only read. */
  arpQuiet: boolean;
  /** Its namespace's addresses (arp_ignore=0 answers a request for any of them, on any device). */
  own: readonly number[];
}

/** The facts of one segment NIC, read from its namespace's (frozen) spec once. */
function hearerOf(ref: PortRef): HearFacts {
  const hit = ref.facts;
  if (hit) return hit;
  const spec = ref.entry.spec;
  // The first interface of that name, as compile.ts's ifaceIndex picks it.
  const i = spec.interfaces.find((x) => x.name === ref.iface);
  const own: number[] = [];
  for (const x of spec.interfaces) {
    for (const a of x.addresses ?? []) {
      const c = parseCidr(a);
      if (c) own.push(c.ip);
    }
  }
  const plain = i !== undefined && i.kind === 'ether' && i.master === undefined && i.bpf === undefined;
  const conf = i ? effectiveConf(spec.sysctls, i.sysctls) : null;
  const arpQuiet = plain && conf !== null && !(conf.forwarding && conf.proxyArp) && !(spec.neighbours ?? []).some((n) => n.dev === ref.iface);
  const h: HearFacts = { path: `${ref.ns}/${ref.iface}`, mac: i ? i.mac.toLowerCase() : '', plain, arpQuiet, own };
  ref.facts = h;
  return h;
}

/** `ns/iface` of a segment NIC, for the flood's FDB event. */
export function portPath(ref: PortRef): string {
  return hearerOf(ref).path;
}

/**
 * Whether `frame` reaching `ref` changes nothing there, and what its host then logs after the
 * frame's arrival: `other` a frame to another MAC (hostRx's PACKET_OTHERHOST drop), `arp` an ARP
 * broadcast only read (arpRcv's consume), or null when the NIC must really receive it (its
 * namespace is built, it is special, or the frame is one it may act on).
 */
function quietly(sim: Sim, ref: PortRef, frame: WireFrame): 'other' | 'arp' | null {
  if (sim.world.hearEvery || sim.world.builtNs(ref.ns)) return null;
  const h = hearerOf(ref);
  if (!h.plain) return null;
  const dst = frame.eth.dst;
  if (dst !== BROADCAST_MAC) return dst === h.mac ? null : 'other';
  const arp = frame.arp;
  if (!arp || !h.arpQuiet) return null;
  // Senders 0.0.0.0 (duplicate address probes) and martian targets take other ways in arpRcv.
  const tip = frame.d;
  if (frame.s === 0 || isMulticast(tip) || isLoopback(tip) || h.own.includes(tip)) return null;
  return 'arp';
}

/**
 * Delivers a flooded frame to `ref` quietly when that changes nothing there (see the top of this
 * file): logs the frame's arrival (through `logIn`, link.ts's tcpdump view) and what its host does,
 * exactly as rx() would, and returns true. Returns false, having done nothing, otherwise.
 */
export function hearQuietly(sim: Sim, ref: PortRef, frame: WireFrame, wire: number, logIn: (sim: Sim, ns: string, iface: string, wire: number, f: WireFrame) => void): boolean {
  const how = quietly(sim, ref, frame);
  if (how === null) return false;
  const ns = ref.ns;
  const iface = ref.iface;
  logIn(sim, ns, iface, wire, frame);
  if (how === 'other') {
    sim.emit({ type: 'drop', ns, iface, reason: 'not-for-us', pkt: frame.pkt, dstMac: frame.eth.dst, ifaceMac: hearerOf(ref).mac, seq: sim.seq, t: sim.now });
  } else {
    // arp_process() without an entry for the sender ends in consume_skb(): a normal end, not a drop.
    sim.emit({ type: 'consume', ns, iface, reason: frame.arp?.op === 'request' ? 'arp-other-target' : 'arp-unsolicited', pkt: frame.pkt, seq: sim.seq, t: sim.now });
  }
  return true;
}
