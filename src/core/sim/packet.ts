import type { Frame, IcmpHeader, Ipv4Header, PacketKind, TcpHeader, UdpHeader } from '../events';

/** An IPv4 packet inside the engine: header fields as text (as events show them) plus numeric addresses. */
export interface Packet {
  ipv4: Ipv4Header;
  icmp?: IcmpHeader;
  udp?: UdpHeader;
  tcp?: TcpHeader;
  kind: PacketKind;
  /** Source and destination as numbers, for lookups. */
  s: number;
  d: number;
  /** Packet id, kept across hops (see FrameEvent.pkt). */
  id: number;
}

/**
 * A frame inside the engine: the headers its events show, plus the IPv4 source and destination (or
 * the ARP sender's and target's protocol addresses) as numbers, so no hop parses the text back.
 * Events are built field by field from it (see emitFrame), so `s` and `d` never reach the log.
 */
export interface WireFrame extends Frame {
  s: number;
  d: number;
}

/** The transport layers of a packet, to spread into events. */
export function l4Of(p: Packet): Pick<Frame, 'icmp' | 'udp' | 'tcp'> {
  const out: Pick<Frame, 'icmp' | 'udp' | 'tcp'> = {};
  if (p.icmp) out.icmp = p.icmp;
  if (p.udp) out.udp = p.udp;
  if (p.tcp) out.tcp = p.tcp;
  return out;
}

/** A copy of the packet with another TTL (forwarding never mutates what earlier events show). */
export function withTtl(p: Packet, ttl: number): Packet {
  return { ...p, ipv4: { ...p.ipv4, ttl } };
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
