import type { FrameEvent, HopEvent, SendEvent } from '../events';
import type { JourneyResult } from '../journey';

/*
 * What a journey did to its first packet, in numbers a compare view puts side by side: the same
 * packet under two datapath modes (routed by a router, Flannel host-gw, Flannel VXLAN, …) differs
 * in its hops, the devices it crosses, the bytes it carries on the wire and its TTL on arrival.
 * Pure: read from the event log, nothing re-simulated.
 */

/** A device the packet crossed: namespace and interface, in the order it was first seen there. */
export interface Crossing {
  ns: string;
  iface: string;
}

/** The figures of one journey's first packet. */
export interface JourneyFigures {
  /** Routers that forwarded it: TTL decrements, by the kernel (`ttl` events) or by Cilium's eBPF (a `bpf` local delivery). */
  hops: number;
  /** TTL when it was delivered; null when it never was. */
  ttlAtReceiver: number | null;
  /** TTL it left with. */
  ttlSent: number;
  /** Devices it crossed, each once, in order (tcpdump would see it on each). */
  devices: Crossing[];
  /** Frames that carried it (both ends of every wire, as tcpdump -p sees them). */
  frames: number;
  /** Bytes of its first frame (Ethernet header 14 + IPv4 total length). */
  bytesAtSource: number;
  /** Bytes of its largest frame on any wire (an encapsulating frame counts whole). */
  bytesOnWire: number;
  /** bytesOnWire − bytesAtSource: what the datapath added (50 for VXLAN, 20 for IP-in-IP). */
  overheadBytes: number;
  /** The encapsulations it went through: VXLAN's network identifier and UDP port, IP-in-IP (protocol 4, nothing to tell apart), WireGuard's port, once each. */
  encapsulations: ({ kind: 'vxlan'; vni: number; port: number } | { kind: 'ipip' } | { kind: 'wireguard'; port: number })[];
  /**
   * WireGuard's share of the overhead (sim/wireguard.ts): the bytes it added around what it encrypted
   * (outer IPv4 20 + UDP 8 + header 16 + tag 16 = 60, plus `padding` to a multiple of 16); null without it.
   */
  wireguard: { added: number; padding: number } | null;
  /** Neighbour lookups that had to ask by ARP (INCOMPLETE started), for any packet of the journey. */
  arpResolutions: number;
  /** Virtual time from its sending to its delivery, in ns; null when never delivered. */
  deliveredAfterNs: number | null;
  /** How it ended: delivered, or the first drop's reason. */
  outcome: { delivered: true } | { delivered: false; reason: string | null };
}

/** Bytes of a frame on the wire: Ethernet header (14, none on a device without a link layer: `raw`, a WireGuard device or tunl0) and the IPv4 total length, or ARP's 28. */
export function frameBytes(f: FrameEvent): number {
  return (f.raw ? 0 : 14) + (f.len ?? (f.arp ? 28 : 0));
}

function carries(f: FrameEvent, pkt: number): boolean {
  return f.pkt === pkt;
}

/**
 * The figures of `result`'s first packet: the first one a program sent (`send` with cause `app`).
 *
 * @returns null when no program sent anything (a journey refused before it began)
 */
export function journeyFigures(result: JourneyResult): JourneyFigures | null {
  const events: readonly HopEvent[] = result.events;
  const send = events.find((e): e is SendEvent => e.type === 'send' && e.cause === 'app');
  if (!send) return null;
  const pkt = send.pkt;
  const frames = events.filter((e): e is FrameEvent => e.type === 'frame' && carries(e, pkt));
  const devices: Crossing[] = [];
  const seen = new Set<string>();
  for (const f of frames) {
    const key = `${f.ns}/${f.iface}`;
    if (seen.has(key)) continue;
    seen.add(key);
    devices.push({ ns: f.ns, iface: f.iface });
  }
  const encapsulations: JourneyFigures['encapsulations'] = [];
  for (const f of frames) {
    const port = f.udp?.dport ?? 0;
    if (f.wireguard && !encapsulations.some((x) => x.kind === 'wireguard' && x.port === port)) encapsulations.push({ kind: 'wireguard', port });
    if (f.ipip && !encapsulations.some((x) => x.kind === 'ipip')) encapsulations.push({ kind: 'ipip' });
    const vni = f.vxlan?.vni;
    if (vni === undefined) continue;
    if (!encapsulations.some((x) => x.kind === 'vxlan' && x.vni === vni && x.port === port)) encapsulations.push({ kind: 'vxlan', vni, port });
  }
  const enc = events.find((e) => e.type === 'wireguard' && e.action === 'encrypt' && e.pkt === pkt);
  const wireguard = enc?.type === 'wireguard' ? { added: (enc.outerLen ?? 0) - (enc.innerLen ?? 0), padding: (enc.padded ?? 0) - (enc.innerLen ?? 0) } : null;
  const deliver = events.find((e) => e.type === 'deliver' && e.pkt === pkt);
  const drop = events.find((e) => e.type === 'drop' && 'pkt' in e && e.pkt === pkt);
  const bytesAtSource = frames[0] ? frameBytes(frames[0]) : 0;
  const bytesOnWire = frames.reduce((m, f) => Math.max(m, frameBytes(f)), 0);
  return {
    hops: events.filter((e) => (e.type === 'ttl' || (e.type === 'bpf' && e.ttl !== undefined)) && e.pkt === pkt).length,
    ttlAtReceiver: deliver && deliver.type === 'deliver' ? deliver.ipv4.ttl : null,
    ttlSent: send.ipv4.ttl,
    devices,
    frames: frames.length,
    bytesAtSource,
    bytesOnWire,
    overheadBytes: bytesOnWire - bytesAtSource,
    encapsulations,
    wireguard,
    arpResolutions: events.filter((e) => e.type === 'neigh' && e.cause === 'resolve').length,
    deliveredAfterNs: deliver ? deliver.t - send.t : null,
    outcome: deliver ? { delivered: true } : { delivered: false, reason: drop && drop.type === 'drop' ? drop.reason : null },
  };
}
