import type { ArpHeader, EthHeader, Frame, IcmpHeader, IpipHeader, Ipv4Header, PacketKind, SendEvent, TcpHeader, UdpHeader, VxlanHeader, WireguardHeader } from '../events';
import type { Sim } from './engine';
import { tcpConnect } from './transport';

/*
 * Packets and frames inside the engine list every layer, undefined when absent, so each has one
 * object shape wherever it was made: property reads along the path stay monomorphic. Events never
 * see these objects whole; they are built from the layers that are present.
 */

/** An IPv4 packet inside the engine: header fields as text (as events show them) plus numeric addresses. */
export interface Packet {
  ipv4: Ipv4Header;
  /** Exactly one transport layer is set. */
  icmp: IcmpHeader | undefined;
  udp: UdpHeader | undefined;
  tcp: TcpHeader | undefined;
  kind: PacketKind;
  /** Source and destination as numbers, for lookups. */
  s: number;
  d: number;
  /** Packet id, kept across hops (see FrameEvent.pkt). */
  id: number;
  /** IP total length in bytes (header included) and the Don't Fragment bit. */
  len: number;
  df: boolean;
  /** A VXLAN datagram, an IP-in-IP packet or a WireGuard datagram: what it carries (sim/vxlan.ts, sim/ipip.ts, sim/wireguard.ts); undefined for any other packet. */
  encap: Encap | undefined;
}

/**
 * What a VXLAN datagram carries after its UDP header (the VXLAN header and the inner frame), or an
 * IP-in-IP packet after its outer IPv4 header (the `ipip` mark and the inner packet, as a raw frame),
 * once as events show it (`inner`, plain layers) and once as the engine runs it (`frame`, for
 * decapsulation). Exactly one of `vxlan` and `ipip` is set. Built once by the encapsulating device and
 * shared by every event of the packet; never changed.
 */
export type Encap = TunnelEncap | WgEncap;

/** A VXLAN datagram's or IP-in-IP packet's payload: see Encap. */
export interface TunnelEncap {
  vxlan: VxlanHeader | undefined;
  ipip: IpipHeader | undefined;
  inner: Frame;
  frame: WireFrame;
  wireguard?: undefined;
}

/**
 * A WireGuard datagram's payload (sim/wireguard.ts): the message's cleartext header, and for a data
 * message the frame it encrypts, which only the receiving device reads back (events never show it:
 * on the wire it is ciphertext). Handshake messages carry no frame.
 */
export interface WgEncap {
  wireguard: WireguardHeader;
  frame: WireFrame | undefined;
  vxlan?: undefined;
  ipip?: undefined;
  inner?: undefined;
}

/**
 * A frame inside the engine: the headers its events show, plus the IPv4 source and destination (or
 * the ARP sender's and target's protocol addresses) as numbers, so no hop parses the text back.
 * Events are built field by field from it (see emitFrame), so `s` and `d` never reach the log.
 * Frames are never changed once built (a hop that changes anything builds a new one), except for
 * their count of L2 crossings, which no event shows.
 */
export interface WireFrame {
  eth: EthHeader;
  /** ARP, or IPv4 with one transport layer. */
  arp: ArpHeader | undefined;
  ipv4: Ipv4Header | undefined;
  icmp: IcmpHeader | undefined;
  udp: UdpHeader | undefined;
  tcp: TcpHeader | undefined;
  s: number;
  d: number;
  /** What its events show to follow it: its colour class and the packet (or ARP message) id. */
  kind: PacketKind;
  pkt: number;
  /**
   * How many times this frame, or a flooded copy of it, has crossed a bridge or a segment's switch:
   * more crossings than the topology has switches means it went round an L2 loop (see link.ts).
   */
  l2: number;
  /** IPv4: the packet's total length and DF bit (0 and false for ARP). */
  len: number;
  df: boolean;
  /** A VXLAN datagram's payload (see Packet.encap). */
  encap: Encap | undefined;
}

/** An IPv4 packet in an Ethernet frame from `src` to `dst`. */
export function ipFrame(src: string, dst: string, p: Packet): WireFrame {
  return { eth: { src, dst, type: 'ipv4' }, arp: undefined, ipv4: p.ipv4, icmp: p.icmp, udp: p.udp, tcp: p.tcp, s: p.s, d: p.d, kind: p.kind, pkt: p.id, l2: 0, len: p.len, df: p.df, encap: p.encap };
}

/** ARP message `pkt` in an Ethernet frame; `spa` and `tpa` are the addresses `arp` shows as text. */
export function arpFrame(eth: EthHeader, arp: ArpHeader, spa: number, tpa: number, pkt: number): WireFrame {
  return { eth, arp, ipv4: undefined, icmp: undefined, udp: undefined, tcp: undefined, s: spa, d: tpa, kind: 'arp', pkt, l2: 0, len: 0, df: false, encap: undefined };
}

/**
 * Logs the creation of packet `p` in namespace `ns`: by a program (`about` absent) or by the kernel
 * about packet `about`; `toSelf` marks an ICMP error to the namespace's own address. One literal per
 * transport layer, not a spread of the layers: once journeys of every protocol have run, such a
 * spread sees objects of several shapes and takes V8's slow path.
 */
export function emitSend(sim: Sim, ns: string, p: Packet, cause: SendEvent['cause'], about?: number, toSelf?: boolean): void {
  const { id: pkt, ipv4, icmp, udp, tcp, kind } = p;
  let e: SendEvent;
  if (icmp && !udp && !tcp) {
    if (about === undefined) e = { type: 'send', pkt, ns, ipv4, icmp, kind, cause, seq: sim.seq, t: sim.now };
    else if (toSelf) e = { type: 'send', pkt, ns, ipv4, icmp, kind, cause, about, toSelf, seq: sim.seq, t: sim.now };
    else e = { type: 'send', pkt, ns, ipv4, icmp, kind, cause, about, seq: sim.seq, t: sim.now };
  } else if (udp && !icmp && !tcp && !toSelf) {
    e = about === undefined ? { type: 'send', pkt, ns, ipv4, udp, kind, cause, seq: sim.seq, t: sim.now } : { type: 'send', pkt, ns, ipv4, udp, kind, cause, about, seq: sim.seq, t: sim.now };
  } else if (tcp && !icmp && !udp && !toSelf) {
    e = about === undefined ? { type: 'send', pkt, ns, ipv4, tcp, kind, cause, seq: sim.seq, t: sim.now } : { type: 'send', pkt, ns, ipv4, tcp, kind, cause, about, seq: sim.seq, t: sim.now };
  } else {
    // Any other combination (none today), in the same field order.
    const l4: Pick<Frame, 'icmp' | 'udp' | 'tcp'> = {};
    if (icmp) l4.icmp = icmp;
    if (udp) l4.udp = udp;
    if (tcp) l4.tcp = tcp;
    const tail: Pick<SendEvent, 'about' | 'toSelf'> = {};
    if (about !== undefined) tail.about = about;
    if (toSelf) tail.toSelf = toSelf;
    e = { type: 'send', pkt, ns, ipv4, ...l4, kind, cause, ...tail, seq: sim.seq, t: sim.now };
  }
  sim.emit(e);
  // A program's SYN is connect()'s: its retransmission timer starts as it is handed to IP.
  if (tcp && cause === 'app') {
    const src = sim.world.ns(ns);
    if (src) tcpConnect(sim, src, p);
  }
}

/** A copy of the packet with another TTL (forwarding never mutates what earlier events show). */
export function withTtl(p: Packet, ttl: number): Packet {
  const ip = p.ipv4;
  // A fragment stays one: routers forward fragments as they are.
  const ipv4: Ipv4Header = ip.fragOffset === undefined ? { src: ip.src, dst: ip.dst, ttl, proto: ip.proto } : { src: ip.src, dst: ip.dst, ttl, proto: ip.proto, fragOffset: ip.fragOffset, mf: ip.mf ?? false };
  return { ipv4, icmp: p.icmp, udp: p.udp, tcp: p.tcp, kind: p.kind, s: p.s, d: p.d, id: p.id, len: p.len, df: p.df, encap: p.encap };
}

/** ICMP types that are errors: Linux never answers an error with another error (RFC 1122 3.2.2). */
export function isIcmpError(p: Packet): boolean {
  const t = p.icmp?.type;
  return t === 3 || t === 4 || t === 5 || t === 11 || t === 12;
}

/** Classifies a packet for colouring: errors, replies (echo reply, SYN-ACK, RST) or requests. */
export function kindOf(icmp: IcmpHeader | undefined, tcp: TcpHeader | undefined, fallback: PacketKind): PacketKind {
  if (icmp) {
    if (icmp.type === 0) return 'reply';
    if (icmp.type === 8) return 'request';
    return 'icmp-error';
  }
  if (tcp) return tcp.flags === 'S' ? 'request' : 'reply';
  return fallback;
}
