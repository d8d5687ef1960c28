/**
 * Decoding captured Ethernet frames into the project's `Frame` shape, field for field as the engine
 * emits them. Deliberately left out: the IPv4 id and the ICMP echo identifier (random per run).
 */
import type { Frame, IcmpHeader, IpProto, Ipv4Header } from '../../src/core/events';

/** A decoded frame, or why it is not one the project models (another ethertype, IPv6, ...). */
export type Decoded = { frame: Frame } | { ignored: string };

const ETH_ARP = 0x0806;
const ETH_IPV4 = 0x0800;
const PROTOS: Record<number, IpProto> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };
/** ICMP types whose body quotes the offending packet: unreachable, redirect, time exceeded. */
const ICMP_ERRORS = new Set([3, 5, 11]);

function mac(b: Uint8Array, off: number): string {
  return Array.from(b.subarray(off, off + 6), (x) => x.toString(16).padStart(2, '0')).join(':');
}

function ip(b: Uint8Array, off: number): string {
  return Array.from(b.subarray(off, off + 4)).join('.');
}

function u16(b: Uint8Array, off: number): number {
  return ((b[off] ?? 0) << 8) | (b[off + 1] ?? 0);
}

/**
 * TCP flags as tcpdump prints them: letters in tcpdump's table order (F S R P . U E W), so SYN is
 * `S`, SYN+ACK `S.`, RST+ACK `R.`, PSH+ACK `P.`, FIN+ACK `F.`; no flag at all is `none`.
 */
export function tcpFlags(byte: number): string {
  const table: [number, string][] = [
    [0x01, 'F'],
    [0x02, 'S'],
    [0x04, 'R'],
    [0x08, 'P'],
    [0x10, '.'],
    [0x20, 'U'],
    [0x40, 'E'],
    [0x80, 'W'],
  ];
  const s = table.filter(([bit]) => byte & bit).map(([, c]) => c).join('');
  return s === '' ? 'none' : s;
}

/** IPv4 header at `off`, or why it cannot be modelled. Returns the payload offset too. */
function ipv4At(b: Uint8Array, off: number): { hdr: Ipv4Header; payload: number } | string {
  if (b.length < off + 20) return 'truncated IPv4 header';
  const vihl = b[off] ?? 0;
  if (vihl >> 4 !== 4) return `IP version ${vihl >> 4}`;
  const proto = PROTOS[b[off + 9] ?? 0];
  if (!proto) return `IPv4 protocol ${b[off + 9]}`;
  const hdr: Ipv4Header = { src: ip(b, off + 12), dst: ip(b, off + 16), ttl: b[off + 8] ?? 0, proto };
  // A fragment (MF set or a non-zero offset) says so; a whole packet shows neither field.
  const frag = u16(b, off + 6);
  if ((frag & 0x3fff) !== 0) {
    hdr.fragOffset = (frag & 0x1fff) * 8;
    hdr.mf = (frag & 0x2000) !== 0;
  }
  return { hdr, payload: off + (vihl & 0x0f) * 4 };
}

function icmpAt(b: Uint8Array, off: number): IcmpHeader | string {
  if (b.length < off + 8) return 'truncated ICMP header';
  const type = b[off] ?? 0;
  const icmp: IcmpHeader = { type, code: b[off + 1] ?? 0 };
  if (type === 0 || type === 8) icmp.seq = u16(b, off + 6);
  if (type === 5) icmp.gateway = ip(b, off + 4);
  if (type === 3 && icmp.code === 4) icmp.mtu = u16(b, off + 6);
  if (ICMP_ERRORS.has(type)) {
    const inner = ipv4At(b, off + 8);
    if (typeof inner === 'string') return `ICMP ${type} quoting ${inner}`;
    const quote: NonNullable<IcmpHeader['quote']> = { ipv4: inner.hdr };
    // The quote holds at least 8 bytes past the inner header: enough for UDP/TCP ports.
    if ((inner.hdr.proto === 'udp' || inner.hdr.proto === 'tcp') && b.length >= inner.payload + 4) {
      quote.sport = u16(b, inner.payload);
      quote.dport = u16(b, inner.payload + 2);
    }
    icmp.quote = quote;
  }
  return icmp;
}

/** UDP ports the lab's VXLAN devices use: Linux's default and IANA's. */
const VXLAN_PORTS = new Set([8472, 4789]);

/**
 * The VXLAN header (RFC 7348: flags with the I bit 0x08, 24 reserved bits, the 24-bit VNI, 8
 * reserved bits) and the inner Ethernet frame after it, when a datagram to a VXLAN port carries them.
 */
function vxlanAt(b: Uint8Array, off: number, dport: number): { vni: number; inner: Frame } | null {
  if (!VXLAN_PORTS.has(dport) || b.length < off + 8 + 14 || ((b[off] ?? 0) & 0x08) === 0) return null;
  const vni = ((b[off + 4] ?? 0) << 16) | ((b[off + 5] ?? 0) << 8) | (b[off + 6] ?? 0);
  const inner = decodeEthernet(b.subarray(off + 8));
  return 'frame' in inner ? { vni, inner: inner.frame } : null;
}

/** Decodes one Ethernet frame (link type 1); a VXLAN datagram with the frame it carries (`vxlan`, `inner`). */
export function decodeEthernet(b: Uint8Array): Decoded {
  if (b.length < 14) return { ignored: 'truncated Ethernet header' };
  const ethertype = u16(b, 12);
  const eth = { src: mac(b, 6), dst: mac(b, 0) };
  if (ethertype === ETH_ARP) {
    if (b.length < 14 + 28) return { ignored: 'truncated ARP' };
    if (u16(b, 14) !== 1 || u16(b, 16) !== ETH_IPV4) return { ignored: 'ARP not Ethernet/IPv4' };
    const op = u16(b, 20);
    if (op !== 1 && op !== 2) return { ignored: `ARP op ${op}` };
    return {
      frame: {
        eth: { ...eth, type: 'arp' },
        arp: { op: op === 1 ? 'request' : 'reply', sha: mac(b, 22), spa: ip(b, 28), tha: mac(b, 32), tpa: ip(b, 38) },
      },
    };
  }
  if (ethertype !== ETH_IPV4) return { ignored: `ethertype 0x${ethertype.toString(16).padStart(4, '0')}` };
  const v4 = ipv4At(b, 14);
  if (typeof v4 === 'string') return { ignored: v4 };
  const frame: Frame = { eth: { ...eth, type: 'ipv4' }, ipv4: v4.hdr };
  const p = v4.payload;
  // A later fragment carries the middle of the payload: no transport header to decode.
  if (v4.hdr.fragOffset) return { frame };
  if (v4.hdr.proto === 'icmp') {
    const icmp = icmpAt(b, p);
    if (typeof icmp === 'string') return { ignored: icmp };
    frame.icmp = icmp;
  } else {
    if (b.length < p + 4) return { ignored: `truncated ${v4.hdr.proto} header` };
    const ports = { sport: u16(b, p), dport: u16(b, p + 2) };
    if (v4.hdr.proto === 'udp') {
      frame.udp = ports;
      const vx = vxlanAt(b, p + 8, ports.dport);
      if (vx) {
        frame.vxlan = { vni: vx.vni };
        frame.inner = vx.inner;
      }
    } else {
      if (b.length < p + 14) return { ignored: 'truncated TCP header' };
      frame.tcp = { ...ports, flags: tcpFlags(b[p + 13] ?? 0) };
    }
  }
  return { frame };
}
