import type { IcmpHeader } from '../events';
import { formatIp } from '../net/ipv4';
import { MS, SEC, type Sim } from './engine';
import { ipOutput } from './ip';
import { emitSend, isIcmpError, type Packet } from './packet';
import { lookupRoute, selectSource, type Ns } from './world';

/*
 * icmp_send(): ICMP errors, with Linux's rules on when not to send one and its per-peer rate limit.
 * Destination unreachable, source quench, time exceeded and parameter problem are in the default
 * icmp_ratemask; each peer gets a token bucket of 1 s per message and a burst of 6 (XRLIM_BURST_FACTOR).
 */
const RATE_LIMITED = new Set([3, 4, 11, 12]);
const ICMP_RATELIMIT = 1000 * MS;
const XRLIM_BURST = 6 * ICMP_RATELIMIT;

/** Sends an ICMP error about `orig` from `ns` back to its source. Returns whether one was sent. */
export function icmpError(sim: Sim, ns: Ns, orig: Packet, type: number, code: number, gateway?: number, mtu?: number): boolean {
  // RFC 1122 3.2.2: never answer an ICMP error with another one (loops would never end).
  if (isIcmpError(orig)) return false;
  const toSelf = ns.localAddrs.has(orig.s);
  if (RATE_LIMITED.has(type) && !toSelf && !takeToken((ns.icmpPeers ??= new Map()), orig.s, sim.t, ICMP_RATELIMIT, XRLIM_BURST)) {
    sim.emit({ type: 'drop', ns: ns.name, reason: 'icmp-rate-limited', ipv4: orig.ipv4, pkt: orig.id, icmp: { type, code }, seq: sim.seq, t: sim.now });
    return false;
  }
  // Errors about packets addressed to us come from that address; otherwise routing picks the source.
  let src: number | null = ns.localAddrs.has(orig.d) ? orig.d : null;
  if (src === null) {
    const back = lookupRoute(ns, orig.s);
    src = toSelf ? orig.s : back ? selectSource(back, orig.s) : null;
  }
  if (src === null) return false;
  const icmp: IcmpHeader = { type, code, quote: { ipv4: orig.ipv4 } };
  const ports = orig.udp ?? orig.tcp;
  if (ports && icmp.quote) {
    icmp.quote.sport = ports.sport;
    icmp.quote.dport = ports.dport;
  }
  if (gateway !== undefined) icmp.gateway = formatIp(gateway);
  if (mtu !== undefined) icmp.mtu = mtu;
  const err: Packet = {
    ipv4: { src: formatIp(src), dst: orig.ipv4.src, ttl: ns.defaultTtl, proto: 'icmp' },
    icmp,
    udp: undefined,
    tcp: undefined,
    kind: 'icmp-error',
    s: src,
    d: orig.s,
    id: sim.nextPacket(),
    // icmp_send() quotes as much of the packet as fits in 576 bytes; its socket never sets DF.
    len: 28 + Math.min(orig.len, 576 - 28),
    df: false,
    encap: undefined,
  };
  emitSend(sim, ns.name, err, 'icmp-error', orig.id, toSelf);
  ipOutput(sim, ns, err);
  return true;
}

/** A token bucket per peer: `cost` ns per message, at most `burst` ns saved; a new peer starts full. */
export function takeToken(peers: Map<number, { tokens: number; last: number }>, peer: number, now: number, cost: number, burst: number): boolean {
  let b = peers.get(peer);
  if (!b) {
    // inet_getpeer() backdates rate_last by 60 s so the first message finds a full bucket.
    b = { tokens: 0, last: now - 60 * SEC };
    peers.set(peer, b);
  }
  b.tokens = Math.min(burst, b.tokens + (now - b.last));
  b.last = now;
  if (b.tokens < cost) return false;
  b.tokens -= cost;
  return true;
}
