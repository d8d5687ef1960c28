import type { RouteEvent } from '../events';
import { inPrefix, isLoopback } from '../net/ipv4';
import { neighOutput } from './arp';
import { MS, SEC, WIRE_DELAY_NS, type Sim } from './engine';
import { icmpError, takeToken } from './icmp';
import { LO, loopbackRx } from './loopback';
import { broadcastOutput } from './broadcast';
import { fragmentOut, pathMtu } from './fragment';
import { deliverLocal } from './transport';
import { kindOf, withTtl, type Packet, type WireFrame } from './packet';
import { localRoute, lookupRoute, routeMatch, type Iface, type Ns, type Route } from './world';

/*
 * IPv4 input, forwarding and output (net/ipv4/ip_input.c, route.c, ip_forward.c, ip_output.c).
 */

/** ip_rcv → ip_route_input: deliver locally, forward, or drop with the reason Linux has. */
export function ipRcv(sim: Sim, dev: Iface, frame: WireFrame, pkt: number): void {
  const ip = frame.ipv4;
  if (!ip) return;
  const p: Packet = { ipv4: ip, icmp: frame.icmp, udp: frame.udp, tcp: frame.tcp, kind: kindOf(frame.icmp, frame.tcp, 'request'), s: frame.s, d: frame.d, id: pkt, len: frame.len, df: frame.df, encap: frame.encap };
  const ns = dev.ns;

  if (isLoopback(p.d) || isLoopback(p.s)) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'martian', ipv4: ip, seq: sim.seq, t: sim.now });
    return;
  }
  if (ns.localAddrs.has(p.d)) {
    if (!sourceOk(sim, ns, dev, p)) return;
    const lr = localRoute(ns, p.d);
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'input', route: lr?.text ?? null, result: 'local', dev: dev.name, match: 'local', iif: dev.name, seq: sim.seq, t: sim.now });
    deliverLocal(sim, ns, p);
    return;
  }
  if (!dev.conf.forwarding) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'forwarding-disabled', ipv4: ip, seq: sim.seq, t: sim.now });
    return;
  }
  const route = lookupRoute(ns, p.d);
  if (!route) {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'input', route: null, result: 'unreachable', iif: dev.name, forwarding: true, seq: sim.seq, t: sim.now });
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'no-route', ipv4: ip, direction: 'input', seq: sim.seq, t: sim.now });
    // ip_error() has its own per-source limiter (burst 5, one per second) before icmp_send's.
    if (takeToken((ns.errorPeers ??= new Map()), p.s, sim.t, SEC, 5 * SEC)) icmpError(sim, ns, p, 3, 0);
    return;
  }
  if (!sourceOk(sim, ns, dev, p)) return;
  const nexthop = route.gw ?? p.d;
  const nhText = route.gwText ?? ip.dst;
  if (route.plain) {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'input', route: route.text, result: 'forward', nexthop: nhText, dev: route.dev.name,
      match: routeMatch(route), iif: dev.name, forwarding: true, seq: sim.seq, t: sim.now });
  } else {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'input', route: route.text, result: 'forward', nexthop: nhText, dev: route.dev.name,
      match: routeMatch(route), iif: dev.name, forwarding: true, ...routeFacts(route), seq: sim.seq, t: sim.now });
  }
  if (ip.ttl <= 1) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'ttl-exceeded', ipv4: ip, seq: sim.seq, t: sim.now });
    icmpError(sim, ns, p, 11, 0);
    return;
  }
  // ip_exceeds_mtu(): too big for the next hop's device with DF set. ICMP_FRAG_NEEDED carries that
  // MTU and quotes the packet as received (the TTL is decreased only after this check).
  const mtu = route.dev.mtu;
  if (p.len > mtu && p.df) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'frag-needed', ipv4: ip, mtu, len: p.len, seq: sim.seq, t: sim.now });
    icmpError(sim, ns, p, 3, 4, undefined, mtu);
    return;
  }
  const q = withTtl(p, ip.ttl - 1);
  sim.emit({ type: 'ttl', pkt: p.id, ns: ns.name, from: ip.ttl, to: ip.ttl - 1, seq: sim.seq, t: sim.now });
  if (shouldRedirect(ns, dev, route, p)) sendRedirect(sim, ns, q, nexthop);
  // Forwarding sizes by the device's MTU, never a learned path MTU (ip_forward_use_pmtu=0).
  if (q.len > mtu) fragmentOut(sim, ns, route.dev, q, mtu, false, false, false, (f) => neighOutput(sim, route.dev, nexthop, nhText, f));
  else neighOutput(sim, route.dev, nexthop, nhText, q);
}

/**
 * fib_validate_source() on a packet's (or ARP request's) source `src` received on `dev`: `ok`,
 * `local-source` when `src` is one of this namespace's own addresses (IP_LOCAL_SOURCE: with
 * rp_filter off by the quick check of local addresses, else because the reverse lookup finds a
 * local route; accept_local is off), or `rp-filter` (IP_RPFILTER): strict mode needs the route back
 * to `src` to leave through `dev`; loose mode only needs some route back, and a device without any
 * address of its own gets the strict answer (__fib_validate_source's `no_addr`).
 */
export function validateSource(ns: Ns, dev: Iface, src: number): 'ok' | 'local-source' | 'rp-filter' {
  if (ns.localAddrs.has(src)) return 'local-source';
  const mode = dev.conf.rpFilter;
  if (mode === 0) return 'ok';
  const back = lookupRoute(ns, src);
  if (back === null) return 'rp-filter';
  if (back.dev === dev) return 'ok';
  return mode === 2 && dev.addrs.length > 0 ? 'ok' : 'rp-filter';
}

/** Checks a received packet's source (fib_validate_source); drops it with the reason when it fails. */
function sourceOk(sim: Sim, ns: Ns, dev: Iface, p: Packet): boolean {
  const v = validateSource(ns, dev, p.s);
  if (v === 'ok') return true;
  if (v === 'rp-filter') sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'rp-filter', ipv4: p.ipv4, rpFilter: dev.conf.rpFilter === 1 ? 1 : 2, seq: sim.seq, t: sim.now });
  else sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'local-source', ipv4: p.ipv4, seq: sim.seq, t: sim.now });
  return false;
}

/**
 * __mkroute_input(): a redirect is due only when the packet leaves by the interface it came in on,
 * send_redirects is on there, the source is directly connected on that interface (fib_validate_source
 * returned 1), and the medium is shared or the gateway is on the source's subnet.
 */
function shouldRedirect(ns: Ns, dev: Iface, route: Route, p: Packet): boolean {
  if (route.dev !== dev || !dev.conf.sendRedirects) return false;
  const back = lookupRoute(ns, p.s);
  const sourceOnLink = back !== null && back.dev === dev && back.connected;
  if (!sourceOnLink) return false;
  if (dev.conf.sharedMedia) return true;
  const gw = route.gw ?? p.d;
  return dev.addrs.some((a) => inPrefix(p.s, a.ip, a.prefix) && inPrefix(gw, a.ip, a.prefix));
}

/** ip_rt_send_redirect(): back-off per source, 20 ms << n, at most 9 before going silent. */
function sendRedirect(sim: Sim, ns: Ns, p: Packet, gateway: number): void {
  const load = 20 * MS;
  const silence = load << 10;
  const peers = (ns.redirectPeers ??= new Map());
  let peer = peers.get(p.s);
  if (!peer) {
    peer = { n: 0, last: 0 };
    peers.set(p.s, peer);
  }
  if (sim.t > peer.last + silence) peer.n = 0;
  if (peer.n >= 9) {
    peer.last = sim.t;
    return;
  }
  if (peer.n === 0 || sim.t > peer.last + load * 2 ** peer.n) {
    if (icmpError(sim, ns, p, 5, 1, gateway)) {
      peer.last = sim.t;
      peer.n++;
    }
  }
}

/**
 * The facts a route event adds when the chosen route is not plain: a gateway that is the device's
 * own address, how it joined the table, the routes of equal prefix and metric it hides. Rare, so a
 * spread of this object is affordable where it is used.
 */
export function routeFacts(route: Route): Pick<RouteEvent, 'ownGateway' | 'op' | 'tied'> {
  const f: Pick<RouteEvent, 'ownGateway' | 'op' | 'tied'> = {};
  if (route.ownGateway && route.viaText !== null) f.ownGateway = route.viaText;
  if (route.op !== null) f.op = route.op;
  if (route.tied.length > 0) f.tied = route.tied;
  return f;
}

/**
 * How a socket sets DF (IP_MTU_DISCOVER, ip(7)): `want`, `do`, `dont` as `ping -M`; `keep` leaves
 * the packet's DF as it was built (TCP's segments, the kernel's own ICMP messages).
 */
export type PmtuDisc = 'want' | 'do' | 'dont' | 'keep';

/**
 * The packet as its socket sends it from `ns` for a path of `mtu` bytes, or null when sendmsg()
 * refuses it (the `emsgsize` drop is logged here): `do` refuses a packet longer than the path
 * (EMSGSIZE, ip_append_data); `want` sets DF on one that fits and fragments one that does not
 * (__ip_make_skb, ip_dont_fragment); `dont` never sets DF.
 */
export function socketSend(sim: Sim, ns: Ns, p: Packet, mtu: number, disc: PmtuDisc): Packet | null {
  if (disc === 'keep') return p;
  if (disc === 'do' && p.len > mtu) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'emsgsize', ipv4: p.ipv4, direction: 'output', len: p.len, mtu, seq: sim.seq, t: sim.now });
    return null;
  }
  const df = disc === 'do' || (disc === 'want' && p.len <= mtu);
  return df === p.df ? p : { ...p, df };
}

/**
 * Output of a locally created packet: route it, then resolve the next hop. A packet to one of the
 * namespace's own addresses (or to 127.0.0.0/8) is routed to lo and comes back in on it. `disc`:
 * how the sending socket sets DF (the journey's packets follow the spec; the kernel's keep theirs);
 * a packet longer than the path MTU without DF leaves as fragments.
 */
export function ipOutput(sim: Sim, ns: Ns, p: Packet, disc: PmtuDisc = 'keep'): void {
  const ip = p.ipv4;
  const loopback = isLoopback(p.d);
  if (ns.localAddrs.has(p.d) || loopback) {
    const text = loopback ? 'local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1' : (localRoute(ns, p.d)?.text ?? null);
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'output', route: text, result: 'local', dev: LO, match: loopback ? 'loopback' : 'local', seq: sim.seq, t: sim.now });
    sim.after(WIRE_DELAY_NS, { op: 'call', fn: () => loopbackRx(sim, ns, p) });
    return;
  }
  if (broadcastOutput(sim, ns, p, disc)) return;
  const route = lookupRoute(ns, p.d);
  if (!route) {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'output', route: null, result: 'unreachable', seq: sim.seq, t: sim.now });
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'no-route', ipv4: ip, direction: 'output', seq: sim.seq, t: sim.now });
    return;
  }
  const nexthop = route.gw ?? p.d;
  const nhText = route.gwText ?? ip.dst;
  if (route.plain) {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'output', route: route.text, result: 'send', nexthop: nhText, dev: route.dev.name, match: routeMatch(route), seq: sim.seq, t: sim.now });
  } else {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'output', route: route.text, result: 'send', nexthop: nhText, dev: route.dev.name, match: routeMatch(route),
      ...routeFacts(route), seq: sim.seq, t: sim.now });
  }
  const path = pathMtu(sim, ns, route, p.d);
  const q = socketSend(sim, ns, p, path.mtu, disc);
  if (!q) return;
  // The check fragmentOut makes again, here to build no closure for a packet that fits.
  if (q.len > path.mtu) fragmentOut(sim, ns, route.dev, q, path.mtu, true, path.pmtu, disc !== 'keep', (f) => neighOutput(sim, route.dev, nexthop, nhText, f));
  else neighOutput(sim, route.dev, nexthop, nhText, q);
}
