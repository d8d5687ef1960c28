import type { Frame, FrameEvent, HopEvent, IcmpHeader, Ipv4Header, SendEvent, WireguardHeader } from '../events';
import { parseIp } from '../net/ipv4';

/*
 * The bytes of the frames a journey shows, for a capture file: every header the engine models
 * (Ethernet, ARP, IPv4 with its flags and fragment offset, ICMP, UDP, TCP) with correct lengths and
 * checksums. What the engine does not model is filled in the same way each time, and said here:
 *  - the IPv4 identification is the packet's id in the journey (Linux picks it per flow);
 *  - ping's identifier is PING_ID and its 56 data bytes (or `size`) are 16 zero bytes where ping puts
 *    its timestamp, then 0x10, 0x11, … as iputils' ping fills them (ping.c: fill());
 *  - UDP data is what the kernel lab's `echo x` sends ("x\n"), repeated to the size; to port 53
 *    with room for one, a DNS query of that size (see dnsQuery). The default 2-byte datagram to
 *    port 53 is not DNS, and Wireshark says so ("Malformed Packet: DNS"), as on the real capture;
 *  - a WireGuard message shows its cleartext header and, after it, opaque bytes (wireguardBytes);
 *  - TCP uses Linux's SYN options (MSS, SACK permitted, timestamps, window scale)
 *    with fixed initial sequence numbers and timestamps.
 * An ICMP error quotes the erring packet's bytes as they were when it erred (its TTL then), up to
 * icmp_send()'s 576 bytes, so Wireshark decodes the quote as well.
 */

/** ping's ICMP identifier in exported captures (the kernel's ping socket picks one per socket). */
export const PING_ID = 0x7061;
const ETH_HEADER = 14;
const IP_HEADER = 20;

/** What the journey knows about one packet: its headers as sent, its whole length and DF bit. */
interface PacketFacts {
  send: SendEvent | null;
  first: FrameEvent | null;
  /** Whole datagram length in bytes (IPv4 header included), before any fragmentation. */
  len: number;
  df: boolean;
  /** Its transport bytes once built: every frame of the packet (each hop, each fragment) slices the same ones. */
  payload?: Uint8Array;
}

/** Every packet of a journey by id, with what its frames and send event say about it. */
export function packetFacts(events: readonly HopEvent[]): Map<number, PacketFacts> {
  const out = new Map<number, PacketFacts>();
  const of = (pkt: number): PacketFacts => {
    let f = out.get(pkt);
    if (!f) out.set(pkt, (f = { send: null, first: null, len: 0, df: false }));
    return f;
  };
  for (const e of events) {
    if (e.type === 'send') of(e.pkt).send = e;
    // A VXLAN datagram, IP-in-IP packet or WireGuard datagram shares its inner packet's id: its own
    // bytes are built around the inner frame's (VXLAN, IP-in-IP) or stand for them (WireGuard's ciphertext).
    if (e.type !== 'frame' || !e.ipv4 || e.vxlan || e.ipip || e.wireguard) continue;
    const f = of(e.pkt);
    if (!f.first) f.first = e;
    // A fragment ends at its offset plus its data: the whole datagram is as long as the furthest end.
    const end = (e.ipv4.fragOffset ?? 0) + (e.len ?? IP_HEADER);
    f.len = Math.max(f.len, end);
    if (e.ipv4.fragOffset === undefined) f.df = e.df ?? false;
  }
  return out;
}

/** RFC 1071 one's-complement sum of `b` (from `start` to `end`), folded, as the 16-bit checksum. */
export function inetChecksum(b: Uint8Array, start = 0, end = b.length, seed = 0): number {
  let sum = seed;
  for (let i = start; i + 1 < end; i += 2) sum += ((b[i] as number) << 8) | (b[i + 1] as number);
  if ((end - start) % 2 === 1) sum += (b[end - 1] as number) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 8) & 255;
  b[at + 1] = v & 255;
}

function put32(b: Uint8Array, at: number, v: number): void {
  put16(b, at, (v >>> 16) & 0xffff);
  put16(b, at + 2, v & 0xffff);
}

function putIp(b: Uint8Array, at: number, ip: string): void {
  put32(b, at, parseIp(ip) ?? 0);
}

function putMac(b: Uint8Array, at: number, mac: string): void {
  mac.split(':').forEach((h, k) => (b[at + k] = parseInt(h, 16)));
}

const PROTO = { icmp: 1, tcp: 6, udp: 17, ipip: 4 } as const;

/** The 20-byte IPv4 header (RFC 791) with its checksum, into `b` at `at`. */
function ipHeader(b: Uint8Array, at: number, ip: Ipv4Header, len: number, id: number, df: boolean): void {
  b[at] = 0x45;
  put16(b, at + 2, len);
  put16(b, at + 4, id & 0xffff);
  put16(b, at + 6, (df ? 0x4000 : 0) | (ip.mf ? 0x2000 : 0) | ((ip.fragOffset ?? 0) >>> 3));
  b[at + 8] = ip.ttl;
  b[at + 9] = PROTO[ip.proto];
  putIp(b, at + 12, ip.src);
  putIp(b, at + 16, ip.dst);
  put16(b, at + 10, inetChecksum(b, at, at + IP_HEADER));
}

/** The pseudo-header sum TCP and UDP checksums start from (RFC 768, RFC 9293). */
function pseudoSum(ip: Ipv4Header, length: number): number {
  const s = parseIp(ip.src) ?? 0;
  const d = parseIp(ip.dst) ?? 0;
  return (s >>> 16) + (s & 0xffff) + (d >>> 16) + (d & 0xffff) + PROTO[ip.proto] + length;
}

/**
 * A DNS query (RFC 1035) filling `b` from `at` exactly: a datagram to port 53 means DNS to every
 * reader, so the data is one, for a name of `xxx…` labels as long as the datagram's size needs (a
 * payload under 18 bytes is left as it is: no query is that short).
 */
function dnsQuery(b: Uint8Array, at: number): void {
  const room = b.length - at;
  if (room < 18) return;
  put16(b, at, PING_ID);
  put16(b, at + 2, 0x0100);
  put16(b, at + 4, 1);
  // Name bytes before its final zero: labels of at most 63 letters, each after its length byte.
  let left = room - 12 - 4 - 1;
  let i = at + 12;
  while (left > 0) {
    let n = Math.min(63, left - 1);
    if (left - (n + 1) === 1) n -= 1;
    b[i++] = n;
    for (let k = 0; k < n; k++) b[i++] = 0x78;
    left -= n + 1;
  }
  b[i++] = 0;
  put16(b, i, 1);
  put16(b, i + 2, 1);
}

/** Linux's SYN options: MSS 1460, SACK permitted, timestamps, NOP, window scale 7 (20 bytes). */
function synOptions(b: Uint8Array, at: number, tsVal: number, tsEcr: number): void {
  b.set([2, 4, 0x05, 0xb4, 4, 2, 8, 10], at);
  put32(b, at + 8, tsVal);
  put32(b, at + 12, tsEcr);
  b.set([1, 3, 3, 7], at + 16);
}

/** Fixed initial sequence numbers: the client's from its port, the server's from its own. */
const isn = (port: number): number => (0x10000000 + port * 0x1000) >>> 0;

/** The transport bytes (header and data) of the whole datagram `f`, whose IPv4 payload is `size` bytes. */
function transportBytes(f: PacketFacts, facts: Map<number, PacketFacts>, size: number): Uint8Array {
  const send = f.send;
  const first = f.first;
  const ip = send?.ipv4 ?? first?.ipv4;
  const b = new Uint8Array(Math.max(0, size));
  const icmp = send?.icmp ?? first?.icmp;
  const udp = send?.udp ?? first?.udp;
  const tcp = send?.tcp ?? first?.tcp;
  if (!ip) return b;
  if (icmp) {
    icmpBytes(b, icmp, send, facts);
    put16(b, 2, inetChecksum(b));
  } else if (udp) {
    // What the lab's program sends: `echo x > /dev/udp/…` (x and a newline), repeated to the size.
    for (let i = 8; i < b.length; i++) b[i] = (i - 8) % 2 === 0 ? 0x78 : 0x0a;
    if (udp.dport === 53) dnsQuery(b, 8);
    put16(b, 0, udp.sport);
    put16(b, 2, udp.dport);
    put16(b, 4, size);
    put16(b, 6, inetChecksum(b, 0, size, pseudoSum(ip, size)) || 0xffff);
  } else if (tcp) {
    const syn = tcp.flags.startsWith('S');
    const ack = tcp.flags.includes('.');
    const rst = tcp.flags.startsWith('R');
    const server = tcp.flags === 'S.' || rst;
    put16(b, 0, tcp.sport);
    put16(b, 2, tcp.dport);
    // A RST answering a SYN has sequence 0 and acknowledges the SYN (tcp_v4_send_reset()).
    put32(b, 4, rst ? 0 : server ? isn(tcp.sport) : (isn(tcp.sport) + (syn ? 0 : 1)) >>> 0);
    put32(b, 8, ack ? (isn(tcp.dport) + 1) >>> 0 : 0);
    b[12] = (size >>> 2) << 4;
    b[13] = (syn ? 0x02 : 0) | (ack ? 0x10 : 0) | (rst ? 0x04 : 0);
    put16(b, 14, syn ? (server ? 65160 : 64240) : rst ? 0 : 502);
    if (syn && size >= 40) synOptions(b, 20, 1000, server ? 1000 : 0);
    else if (size >= 32) b.set([1, 1, 8, 10, 0, 0, 3, 0xe8, 0, 0, 3, 0xe8], 20);
    put16(b, 16, inetChecksum(b, 0, size, pseudoSum(ip, size)));
  }
  return b;
}

/** An ICMP message into `b` (checksum left 0): echo with ping's data, or an error quoting the packet it is about. */
function icmpBytes(b: Uint8Array, icmp: IcmpHeader, send: SendEvent | null, facts: Map<number, PacketFacts>): void {
  b[0] = icmp.type;
  b[1] = icmp.code;
  if (icmp.type === 0 || icmp.type === 8) {
    put16(b, 4, PING_ID);
    put16(b, 6, icmp.seq ?? 0);
    for (let i = 8 + 16; i < b.length; i++) b[i] = (i - 8) & 255;
    return;
  }
  if (icmp.type === 5 && icmp.gateway) putIp(b, 4, icmp.gateway);
  if (icmp.type === 3 && icmp.code === 4) put16(b, 6, icmp.mtu ?? 0);
  const about = send?.about !== undefined ? facts.get(send.about) : undefined;
  if (!icmp.quote || !about) return;
  // The erring packet as it was when it erred: its header as quoted (TTL then), its own bytes after.
  // One that never reached a wire (ARP failed for it) is as long as the quote, all of it quoted.
  const whole = datagramBytes(about.len > 0 ? about : { ...about, len: b.length - 8 }, facts, icmp.quote.ipv4);
  b.set(whole.subarray(0, b.length - 8), 8);
}

/** The whole datagram of packet `f` (header and payload, unfragmented), its header from `ip`. */
function datagramBytes(f: PacketFacts, facts: Map<number, PacketFacts>, ip: Ipv4Header): Uint8Array {
  const b = new Uint8Array(f.len);
  const pkt = f.send?.pkt ?? f.first?.pkt ?? 0;
  ipHeader(b, 0, { ...ip, fragOffset: 0, mf: false }, f.len, pkt, f.df);
  b.set(transportBytes(f, facts, f.len - IP_HEADER), IP_HEADER);
  return b;
}

/**
 * The bytes of frame `e` as tcpdump would capture them: Ethernet (no FCS, no padding: veths and
 * bridges carry short frames as they are), then ARP (28 bytes) or the IPv4 packet, a fragment
 * carrying its own slice of the datagram. `facts` is {@link packetFacts} of the journey.
 */
export function frameBytes(e: FrameEvent, facts: Map<number, PacketFacts>): Uint8Array {
  if (e.arp) {
    const b = new Uint8Array(ETH_HEADER + 28);
    putMac(b, 0, e.eth.dst);
    putMac(b, 6, e.eth.src);
    put16(b, 12, 0x0806);
    put16(b, 14, 1);
    put16(b, 16, 0x0800);
    b[18] = 6;
    b[19] = 4;
    put16(b, 20, e.arp.op === 'request' ? 1 : 2);
    putMac(b, 22, e.arp.sha);
    putIp(b, 28, e.arp.spa);
    putMac(b, 32, e.arp.tha);
    putIp(b, 38, e.arp.tpa);
    return b;
  }
  if (e.vxlan && e.inner && e.udp && e.ipv4) return vxlanBytes(e, e.ipv4, e.udp.sport, e.udp.dport, e.vxlan.vni, e.inner, facts);
  if (e.wireguard && e.udp && e.ipv4) return wireguardBytes(e, e.ipv4, e.udp.sport, e.udp.dport, e.wireguard);
  if (e.ipip && e.inner && e.ipv4) return ipipBytes(e, e.ipv4, e.inner, facts);
  const ip = e.ipv4;
  const f = facts.get(e.pkt);
  const len = e.len ?? f?.len ?? IP_HEADER;
  const b = new Uint8Array(ETH_HEADER + len);
  putMac(b, 0, e.eth.dst);
  putMac(b, 6, e.eth.src);
  put16(b, 12, 0x0800);
  if (!ip || !f) return b;
  ipHeader(b, ETH_HEADER, ip, len, e.pkt, e.df ?? false);
  const payload = (f.payload ??= transportBytes(f, facts, f.len - IP_HEADER));
  const from = ip.fragOffset ?? 0;
  b.set(payload.subarray(from, from + len - IP_HEADER), ETH_HEADER + IP_HEADER);
  return b;
}

/**
 * An IP-in-IP packet as it leaves the underlay: Ethernet, the outer IPv4 header (protocol 4, DF as
 * the event says) and the inner IPv4 packet's own bytes, nothing between them (RFC 2003). The outer
 * IP id is the packet's id with the top bit set.
 */
function ipipBytes(e: FrameEvent, ip: Ipv4Header, inner: Frame, facts: Map<number, PacketFacts>): Uint8Array {
  const innerLen = (e.len ?? IP_HEADER * 2) - IP_HEADER;
  const { ipip: _p, inner: _i, ...outer } = e;
  const innerFrame: FrameEvent = { ...outer, ...inner, len: innerLen, df: e.df ?? false };
  const innerPacket = frameBytes(innerFrame, facts).subarray(ETH_HEADER);
  const b = new Uint8Array(ETH_HEADER + IP_HEADER + innerPacket.length);
  putMac(b, 0, e.eth.dst);
  putMac(b, 6, e.eth.src);
  put16(b, 12, 0x0800);
  ipHeader(b, ETH_HEADER, ip, IP_HEADER + innerPacket.length, e.pkt | 0x8000, e.df ?? false);
  b.set(innerPacket, ETH_HEADER + IP_HEADER);
  return b;
}

/** Bytes VXLAN puts between the outer IPv4 header and the inner frame: UDP 8, VXLAN 8. */
const UDP_VXLAN = 16;

/**
 * A VXLAN datagram as it leaves the underlay: Ethernet, the outer IPv4 header (no DF, as Linux sends
 * it), UDP with its checksum (Linux computes one for IPv4 VXLAN by default), the VXLAN header (flags
 * 0x08: the VNI is valid; RFC 7348) and the inner frame's own bytes, its length taken from the outer
 * packet's (50 bytes more). The outer IP id is the packet's id with the top bit set.
 */
function vxlanBytes(e: FrameEvent, ip: Ipv4Header, sport: number, dport: number, vni: number, inner: Frame, facts: Map<number, PacketFacts>): Uint8Array {
  const len = e.len ?? IP_HEADER + UDP_VXLAN + ETH_HEADER;
  const innerLen = len - IP_HEADER - UDP_VXLAN - ETH_HEADER;
  const whole = inner.ipv4?.fragOffset === undefined;
  const { vxlan: _v, inner: _i, udp: _u, ...outer } = e;
  const innerFrame: FrameEvent = { ...outer, ...inner, len: innerLen, df: whole ? (facts.get(e.pkt)?.df ?? false) : false };
  const innerBytes = frameBytes(innerFrame, facts);
  const b = new Uint8Array(ETH_HEADER + IP_HEADER + UDP_VXLAN + innerBytes.length);
  putMac(b, 0, e.eth.dst);
  putMac(b, 6, e.eth.src);
  put16(b, 12, 0x0800);
  ipHeader(b, ETH_HEADER, ip, IP_HEADER + UDP_VXLAN + innerBytes.length, e.pkt | 0x8000, false);
  const u = ETH_HEADER + IP_HEADER;
  const udpLen = UDP_VXLAN + innerBytes.length;
  put16(b, u, sport);
  put16(b, u + 2, dport);
  put16(b, u + 4, udpLen);
  b[u + 8] = 0x08;
  put32(b, u + 12, (vni << 8) >>> 0);
  b.set(innerBytes, u + UDP_VXLAN);
  put16(b, u + 6, inetChecksum(b, u, u + udpLen, pseudoSum(ip, udpLen)) || 0xffff);
  return b;
}

/**
 * Bytes standing for what WireGuard encrypted: the same for the same message (a hash of the packet
 * id, counter and position), never the plaintext, which no capture shows without the keys.
 */
function opaque(b: Uint8Array, from: number, to: number, seed: number): void {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = from; i < to; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12) ^ i) >>> 0;
    b[i] = h & 255;
  }
}

function put32le(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 255;
  b[at + 1] = (v >>> 8) & 255;
  b[at + 2] = (v >>> 16) & 255;
  b[at + 3] = (v >>> 24) & 255;
}

/**
 * A WireGuard datagram (drivers/net/wireguard/messages.h, little-endian fields): Ethernet, the outer
 * IPv4 header (no DF), UDP with its checksum (udp_tunnel_xmit_skb computes one), then the message:
 * a handshake initiation (type 1, sender index, then 140 bytes of ephemeral key, encrypted static
 * key and timestamp, mac1, and mac2 all zero without a cookie), a response (type 2, sender and
 * receiver indices, 80 bytes of key material and macs) or transport data (type 4, receiver index,
 * 64-bit counter, then ciphertext and the 16-byte tag). What follows the header is opaque bytes, as
 * on the wire: the plaintext is never written. A fragment carries its slice of the datagram.
 */
function wireguardBytes(e: FrameEvent, ip: Ipv4Header, sport: number, dport: number, w: WireguardHeader): Uint8Array {
  const udpLen = 8 + w.len;
  const whole = new Uint8Array(udpLen);
  put16(whole, 0, sport);
  put16(whole, 2, dport);
  put16(whole, 4, udpLen);
  const m = 8;
  const seed = (e.pkt * 0x01000193) ^ (w.counter ?? 0) ^ (w.sender ?? 0);
  if (w.type === 'initiation') {
    put32le(whole, m, 1);
    put32le(whole, m + 4, w.sender ?? 0);
    // Ephemeral key, encrypted static key and timestamp, mac1: opaque; mac2 (the last 16 bytes) zero.
    opaque(whole, m + 8, m + w.len - 16, seed);
  } else if (w.type === 'response') {
    put32le(whole, m, 2);
    put32le(whole, m + 4, w.sender ?? 0);
    put32le(whole, m + 8, w.receiver ?? 0);
    opaque(whole, m + 12, m + w.len - 16, seed);
  } else {
    put32le(whole, m, 4);
    put32le(whole, m + 4, w.receiver ?? 0);
    const counter = w.counter ?? 0;
    put32le(whole, m + 8, counter >>> 0);
    put32le(whole, m + 12, Math.floor(counter / 2 ** 32) >>> 0);
    opaque(whole, m + 16, m + w.len, seed);
  }
  const datagram = IP_HEADER + udpLen;
  put16(whole, 6, inetChecksum(whole, 0, udpLen, pseudoSum(ip, udpLen)) || 0xffff);
  const len = e.len ?? datagram;
  const from = ip.fragOffset ?? 0;
  const b = new Uint8Array(ETH_HEADER + len);
  putMac(b, 0, e.eth.dst);
  putMac(b, 6, e.eth.src);
  put16(b, 12, 0x0800);
  ipHeader(b, ETH_HEADER, ip, len, e.pkt | 0x4000, false);
  b.set(whole.subarray(from, from + len - IP_HEADER), ETH_HEADER + IP_HEADER);
  return b;
}
