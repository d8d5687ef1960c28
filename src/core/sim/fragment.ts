import type { Ipv4Header } from '../events';
import { formatIp } from '../net/ipv4';
import type { Sim } from './engine';
import type { Packet } from './packet';
import type { Iface, Ns, Route } from './world';

/*
 * IPv4 fragmentation, reassembly and learned path MTUs (net/ipv4/ip_output.c, ip_fragment.c,
 * route.c). What the kernel (6.18) showed in the lab (`mtu-fragment-*`, `mtu-pmtu-learned`):
 * - A packet longer than the MTU it leaves by, without DF, leaves as fragments in order: each
 *   fragment's data is the largest multiple of 8 bytes that fits (1480 at MTU 1500, 1376 at 1400),
 *   only the first carries the ICMP/UDP/TCP header, the last has MF clear.
 * - A host fragments what it sends itself when its socket allows it: ping's default
 *   (IP_PMTUDISC_WANT) sends a packet that fits with DF and one that does not as fragments without
 *   DF; `-M do` refuses to send it (EMSGSIZE), `-M dont` never sets DF. Echo replies come from the
 *   kernel's ICMP socket, which never sets DF (icmp_sk_init: IP_PMTUDISC_DONT).
 * - Routers forward fragments as they are (they fragment further only what is still too big) and
 *   never reassemble; the destination reassembles in ip_local_deliver (ip_defrag).
 * - An ICMP "fragmentation needed" about a packet the host sent makes it remember the smaller MTU
 *   for that destination (a route exception, 600 s): its next packets there are fragmented to it.
 */

/** Bytes of an IPv4 header without options. */
export const IP_HEADER_LEN = 20;

/** Life of a learned path MTU (ip_rt_mtu_expires), in seconds. */
export const PMTU_EXPIRES_S = 600;

/** The smallest path MTU the kernel learns (ip_rt_min_pmtu, 552 bytes): smaller values are raised to it. */
export const MIN_PMTU = 552;

/**
 * The fragments of `p` for `mtu` (bytes), in the order they leave: each carries at most
 * `mtu - 20` bytes of data, a multiple of 8 except in the last (ip_do_fragment). A fragment of a
 * fragment keeps its place in the original packet: offsets add up, and the last piece keeps the
 * original's MF bit. Fragments have no DF and share `p`'s id. Returns `[p]` when it fits.
 */
export function fragmentPacket(p: Packet, mtu: number): Packet[] {
  if (p.len <= mtu) return [p];
  const step = Math.floor((mtu - IP_HEADER_LEN) / 8) * 8;
  const data = p.len - IP_HEADER_LEN;
  const base = p.ipv4.fragOffset ?? 0;
  const lastMf = p.ipv4.mf ?? false;
  const out: Packet[] = [];
  for (let off = 0; off < data; off += step) {
    const size = Math.min(step, data - off);
    const last = off + size >= data;
    const ipv4: Ipv4Header = { src: p.ipv4.src, dst: p.ipv4.dst, ttl: p.ipv4.ttl, proto: p.ipv4.proto, fragOffset: base + off, mf: last ? lastMf : true };
    const first = off === 0;
    out.push({
      ipv4, icmp: first ? p.icmp : undefined, udp: first ? p.udp : undefined, tcp: first ? p.tcp : undefined,
      kind: p.kind, s: p.s, d: p.d, id: p.id, len: IP_HEADER_LEN + size, df: false, encap: first ? p.encap : undefined,
    });
  }
  return out;
}

/** Whether `p` is a fragment (a non-zero offset or MF set). */
export function isFragment(p: Packet): boolean {
  return p.ipv4.fragOffset !== undefined;
}

/**
 * The MTU a packet this host sends to `dst` by `route` is sized for: the path MTU it learned for
 * `dst` when that is smaller and not expired, else the device's (ip_dst_mtu_maybe_forward with a
 * route exception). `pmtu` says which.
 */
export function pathMtu(sim: Sim, ns: Ns, route: Route, dst: number): { mtu: number; pmtu: boolean } {
  const learned = ns.pmtu?.get(dst);
  if (learned && learned.expires > sim.t && learned.mtu < route.dev.mtu) return { mtu: learned.mtu, pmtu: true };
  return { mtu: route.dev.mtu, pmtu: false };
}

/**
 * Sends `p` out of `dev` as one packet or, when it is longer than `mtu` and has no DF, as fragments
 * (ip_finish_output → ip_fragment), logging the cut. `output` sends one packet. `syscall`: a
 * program's send, in process context: each fragment's transmission runs the softirq to the end
 * before the loop sends the next (the kernel shows a first fragment crossing every hop, ARP
 * included, before the second leaves: `mtu-fragment-local`). In softirq (forwarding, an echo
 * reply) the fragments leave back to back.
 */
export function fragmentOut(sim: Sim, ns: Ns, dev: Iface, p: Packet, mtu: number, local: boolean, pmtu: boolean, syscall: boolean, output: (q: Packet) => void): void {
  if (p.len <= mtu || p.df) {
    output(p);
    return;
  }
  const pieces = fragmentPacket(p, mtu);
  sim.emit({ type: 'fragment', pkt: p.id, ns: ns.name, dev: dev.name, ipv4: p.ipv4, len: p.len, mtu, count: pieces.length, local, pmtu, seq: sim.seq, t: sim.now });
  if (!syscall) {
    for (const q of pieces) output(q);
    return;
  }
  let k = 0;
  const next = (): void => {
    const q = pieces[k++];
    if (!q) return;
    output(q);
    sim.whenQuiet(next);
  };
  next();
}

/** Reassembly queues of one namespace, by packet (ipq: source, destination, protocol, IP id). */
export type DefragQueues = Map<string, Packet[]>;

/**
 * ip_defrag(): holds fragment `p` until every fragment of its packet is there, then returns the
 * rebuilt packet (the first fragment's headers, the whole length); returns null while pieces are
 * missing. Logs each step. A whole packet is returned as it is.
 */
export function defrag(sim: Sim, ns: Ns, p: Packet, iface: string | undefined): Packet | null {
  if (!isFragment(p)) return p;
  const key = `${p.s}|${p.d}|${p.ipv4.proto}|${p.id}`;
  const queues = (ns.defrag ??= new Map());
  const held = queues.get(key) ?? [];
  held.push(p);
  queues.set(key, held);
  const whole = complete(held);
  const base = { type: 'defrag' as const, pkt: p.id, ns: ns.name, ...(iface === undefined ? {} : { iface }), ipv4: p.ipv4, held: held.length };
  if (!whole) {
    sim.emit({ ...base, done: false, seq: sim.seq, t: sim.now });
    return null;
  }
  queues.delete(key);
  sim.emit({ ...base, done: true, len: whole.len, seq: sim.seq, t: sim.now });
  return whole;
}

/** The rebuilt packet when the held fragments cover it from offset 0 to a last fragment, else null. */
function complete(held: readonly Packet[]): Packet | null {
  const sorted = [...held].sort((a, b) => (a.ipv4.fragOffset ?? 0) - (b.ipv4.fragOffset ?? 0));
  let end = 0;
  for (const f of sorted) {
    const off = f.ipv4.fragOffset ?? 0;
    if (off > end) return null;
    end = Math.max(end, off + f.len - IP_HEADER_LEN);
  }
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last || (first.ipv4.fragOffset ?? 0) !== 0 || last.ipv4.mf === true) return null;
  const { fragOffset: _o, mf: _m, ...ipv4 } = first.ipv4;
  return { ...first, ipv4, len: IP_HEADER_LEN + end, df: false };
}

/**
 * icmp_err → ipv4_update_pmtu for a "fragmentation needed" about a packet to `dst` this host sent
 * by `route`: remembers `mtu` (raised to MIN_PMTU) for PMTU_EXPIRES_S when it is smaller than what
 * the host uses now (__ip_rt_update_pmtu only ever lowers it), and logs it.
 */
export function learnPmtu(sim: Sim, ns: Ns, route: Route, dst: number, mtu: number, pkt: number): void {
  const now = pathMtu(sim, ns, route, dst).mtu;
  const value = Math.max(mtu, MIN_PMTU);
  if (value >= now) return;
  (ns.pmtu ??= new Map()).set(dst, { mtu: value, expires: sim.t + PMTU_EXPIRES_S * 1e9 });
  sim.emit({ type: 'pmtu', pkt, ns: ns.name, dst: formatIp(dst), dev: route.dev.name, via: route.gwText, mtu: value, from: now, expiresS: PMTU_EXPIRES_S, seq: sim.seq, t: sim.now });
}
