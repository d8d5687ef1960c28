import type { Frame, NeighState } from '../events';
import { BROADCAST_MAC, formatIp, isLoopback, isMartianSource, isMulticast, ZERO_MAC } from '../net/ipv4';
import { SEC, type Sim } from './engine';
import { icmpError } from './icmp';
import { routeFacts, validateSource } from './ip';
import { xmit } from './link';
import { pack } from './packs';
import { arpFrame, ipFrame, type Packet, type WireFrame } from './packet';
import { lookupRoute, neighTable, routeMatch, selectSource, type Iface, type Neigh, type Route } from './world';

/*
 * The IPv4 neighbour subsystem (net/ipv4/arp.c, net/core/neighbour.c) with Linux's default timers.
 * reachable_time is randomised by Linux between 15 and 45 s; the engine uses the 30 s base so runs
 * are deterministic.
 */
const REACHABLE_TIME = 30 * SEC;
const RETRANS_TIME = 1 * SEC;
const DELAY_PROBE_TIME = 5 * SEC;
const LOCKTIME = 1 * SEC;
const UCAST_PROBES = 3;
const MCAST_PROBES = 3;

const VALID: ReadonlySet<NeighState> = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT']);

/**
 * Sends `packet` out of `dev` to the next hop, resolving its MAC first if needed (neigh_output).
 * `nhText` is the next hop as text, which the caller has already shown in its route event.
 */
export function neighOutput(sim: Sim, dev: Iface, nexthop: number, nhText: string, packet: Packet): void {
  // An IPIP tunnel resolves nothing (IFF_NOARP, no header_ops): its xmit takes the next hop as the outer destination.
  if (dev.kind === 'ipip') return pack('ipip').xmit(sim, dev, nexthop, packet);
  const table = neighTable(dev.ns, dev.name);
  let n = table.get(nexthop);
  if (!n || n.state === 'FAILED') {
    const from = n?.state ?? null;
    n = n ?? { ip: nexthop, ipText: nhText, dev, state: 'INCOMPLETE', mac: null, updated: sim.t, confirmed: 0, used: sim.t, probes: 0, queue: [], timer: 0 };
    table.set(nexthop, n);
    n.state = 'INCOMPLETE';
    n.updated = sim.t;
    n.used = sim.t;
    n.probes = UCAST_PROBES;
    n.queue = [{ packet }];
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: nhText, action: 'update', from, to: 'INCOMPLETE', mac: null, queued: 1, cause: 'resolve', pkt: packet.id, seq: sim.seq, t: sim.now });
    armTimer(sim, n, RETRANS_TIME);
    solicit(sim, n);
    return;
  }
  n.used = sim.t;
  if (n.state === 'INCOMPLETE') {
    n.queue.push({ packet });
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: nhText, action: 'lookup', from: 'INCOMPLETE', to: 'INCOMPLETE', mac: null, queued: n.queue.length, cause: 'queue', pkt: packet.id, seq: sim.seq, t: sim.now });
    return;
  }
  const mac = n.mac;
  const state = n.state;
  if (state === 'STALE') {
    setState(n, 'DELAY', sim);
    armTimer(sim, n, DELAY_PROBE_TIME);
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: nhText, action: 'update', from: 'STALE', to: 'DELAY', mac, queued: 0, cause: 'stale-use', pkt: packet.id, seq: sim.seq, t: sim.now });
  } else {
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: nhText, action: 'lookup', from: state, to: state, mac, queued: 0, cause: 'hit', pkt: packet.id, seq: sim.seq, t: sim.now });
  }
  sendResolved(sim, dev, mac as string, packet);
}

/** Puts the Ethernet header on and transmits. */
function sendResolved(sim: Sim, dev: Iface, mac: string, packet: Packet): void {
  xmit(sim, dev, ipFrame(dev.mac, mac, packet));
}

function setState(n: Neigh, state: NeighState, sim: Sim): void {
  if (n.state !== state) n.updated = sim.t;
  n.state = state;
}

function armTimer(sim: Sim, n: Neigh, delay: number): void {
  const token = sim.nextToken();
  n.timer = token;
  sim.after(delay, { op: 'timer', n, token });
}

/** neigh_timer_handler. */
export function onTimer(sim: Sim, n: Neigh): void {
  const now = sim.t;
  const before = n.state;
  const ns = n.dev.ns.name;
  const ip = n.ipText;
  if (n.state === 'REACHABLE') {
    if (now < n.confirmed + REACHABLE_TIME) return armTimer(sim, n, n.confirmed + REACHABLE_TIME - now);
    if (now < n.used + DELAY_PROBE_TIME) {
      setState(n, 'DELAY', sim);
      armTimer(sim, n, DELAY_PROBE_TIME);
    } else setState(n, 'STALE', sim);
  } else if (n.state === 'DELAY') {
    if (now < n.confirmed + DELAY_PROBE_TIME) {
      setState(n, 'REACHABLE', sim);
      armTimer(sim, n, n.confirmed + REACHABLE_TIME - now);
    } else {
      setState(n, 'PROBE', sim);
      n.probes = 0;
      armTimer(sim, n, RETRANS_TIME);
    }
  } else if (n.state === 'INCOMPLETE' || n.state === 'PROBE') {
    armTimer(sim, n, RETRANS_TIME);
  } else return;

  const max = UCAST_PROBES + (n.state === 'PROBE' ? 0 : MCAST_PROBES);
  if ((n.state === 'INCOMPLETE' || n.state === 'PROBE') && n.probes >= max) {
    const failedFrom = n.state;
    // Requests actually sent: __neigh_event_send() pre-seeds probes with ucast_probes when it enters
    // INCOMPLETE and arp_solicit() subtracts them again, so INCOMPLETE sends 3 broadcasts, not 6.
    const probes = failedFrom === 'INCOMPLETE' ? n.probes - UCAST_PROBES : n.probes;
    n.timer = 0;
    setState(n, 'FAILED', sim);
    const queued = n.queue;
    n.queue = [];
    sim.emit({ type: 'neigh', ns, iface: n.dev.name, ip, action: 'update', from: failedFrom, to: 'FAILED', mac: n.mac, queued: 0, cause: 'failed', probes, dropped: queued.length, seq: sim.seq, t: sim.now });
    for (const q of queued) {
      sim.emit({ type: 'drop', ns, iface: n.dev.name, reason: 'neigh-failed', ipv4: q.packet.ipv4, pkt: q.packet.id, nexthop: ip, seq: sim.seq, t: sim.now });
      icmpError(sim, n.dev.ns, q.packet, 3, 1);
    }
    return;
  }
  if (n.state !== before) {
    sim.emit({ type: 'neigh', ns, iface: n.dev.name, ip, action: 'update', from: before, to: n.state, mac: n.mac, queued: n.queue.length, cause: 'timer', seq: sim.seq, t: sim.now });
  }
  if (n.state === 'INCOMPLETE' || n.state === 'PROBE') solicit(sim, n);
}

/** arp_solicit: broadcast while INCOMPLETE, unicast to the cached MAC while PROBE. */
function solicit(sim: Sim, n: Neigh): void {
  const dev = n.dev;
  const first = n.queue[0]?.packet;
  // arp_announce=0: use the waiting packet's source if it is ours, else the device's best address.
  let spa: number | null = first && dev.ns.localAddrs.has(first.s) ? first.s : null;
  if (spa === null) {
    spa = selectSource({ src: null, via: null, dev }, n.ip);
  }
  const unicast = n.state === 'PROBE' && n.mac !== null;
  n.probes++;
  const frame = arpFrame(
    { src: dev.mac, dst: unicast ? (n.mac as string) : BROADCAST_MAC, type: 'arp' },
    { op: 'request', sha: dev.mac, spa: formatIp(spa ?? 0), tha: ZERO_MAC, tpa: n.ipText },
    spa ?? 0,
    n.ip,
    sim.nextPacket(),
  );
  xmit(sim, dev, frame);
}

/**
 * arp_process(): answer requests for our addresses (arp_ignore=0: for any address of the namespace,
 * whichever device it is on) and those we proxy for, learn senders, complete pending resolutions.
 * A request is first routed as if it were a packet from its sender (ip_route_input_noref(tip, sip)),
 * so the checks IP input runs on a source address decide whether it is answered at all.
 */
export function arpRcv(sim: Sim, dev: Iface, frame: WireFrame, unicastToUs: boolean, pkt: number): void {
  const arp = frame.arp;
  if (!arp) return;
  const ns = dev.ns;
  const sip = frame.s;
  const tip = frame.d;
  // No ARP for a multicast or loopback target (route_localnet off): freed at once, nothing learned.
  if (isMulticast(tip) || isLoopback(tip)) {
    sim.emit({ type: 'drop', pkt, ns: ns.name, iface: dev.name, reason: 'arp-martian', spa: arp.spa, tpa: arp.tpa, martian: 'target', seq: sim.seq, t: sim.now });
    return;
  }
  // Read without creating: a node hearing a broadcast that is not for it keeps no table (5,000 nodes on a segment).
  const existing = ns.neigh.get(dev.name);
  const table = (): Map<number, Neigh> => existing ?? neighTable(ns, dev.name);
  // A duplicate address probe (sender 0.0.0.0): answered when it asks for one of our addresses, never learned.
  if (sip === 0) {
    if (arp.op === 'request' && ns.localAddrs.has(tip)) xmit(sim, dev, arpReply(dev, arp, sip, tip, sim.nextPacket()));
    return;
  }
  if (arp.op === 'request') {
    const own = ns.localAddrs.has(tip);
    // arp_fwd_proxy(): an address this namespace would route out of another device, proxy_arp on.
    const route = !own && dev.conf.forwarding && dev.conf.proxyArp ? lookupRoute(ns, tip) : null;
    if (route === null && !own && dev.conf.forwarding && dev.conf.proxyArp) {
      // arp_process(): proxy_arp is on here, but ip_route_input_noref() finds no route for the
      // target, so arp_fwd_proxy() is never asked and nobody answers (a Calico node without a
      // default route, asked for 169.254.1.1). The lookup is a fact the narrator tells.
      sim.emit({ type: 'route', pkt, ns: ns.name, dst: arp.tpa, direction: 'input', route: null, result: 'unreachable', iif: dev.name, forwarding: true, seq: sim.seq, t: sim.now });
    }
    if (own || (route !== null && route.dev !== dev)) {
      const verdict = isMartianSource(sip) ? 'martian' : validateSource(ns, dev, sip);
      if (verdict === 'ok') {
        if (route === null) {
          // neigh_event_ns(): a request for one of our addresses teaches us the asker (STALE), so our
          // reply, and the asker's next packets to us, need no ARP of their own.
          updateFromArp(sim, dev, table(), sip, arp.sha, 'STALE', true, true);
          xmit(sim, dev, arpReply(dev, arp, sip, tip, sim.nextPacket()));
        } else proxyReply(sim, dev, table(), arp, sip, tip, route, unicastToUs, pkt);
        return;
      }
      // Unanswered: the reason the route lookup gave. An entry we already have for the sender is
      // still refreshed below, as for any request (arp_process() goes on to its table update).
      const name = ns.name;
      if (verdict === 'rp-filter') {
        sim.emit({ type: 'drop', pkt, ns: name, iface: dev.name, reason: 'arp-rp-filter', spa: arp.spa, tpa: arp.tpa, rpFilter: dev.conf.rpFilter === 1 ? 1 : 2, seq: sim.seq, t: sim.now });
      } else if (verdict === 'local-source') {
        sim.emit({ type: 'drop', pkt, ns: name, iface: dev.name, reason: 'arp-local-source', spa: arp.spa, tpa: arp.tpa, seq: sim.seq, t: sim.now });
      } else {
        sim.emit({ type: 'drop', pkt, ns: name, iface: dev.name, reason: 'arp-martian', spa: arp.spa, tpa: arp.tpa, martian: 'sender', seq: sim.seq, t: sim.now });
      }
      const known = existing?.get(sip);
      if (known) updateFromArp(sim, dev, table(), sip, arp.sha, 'STALE', sim.t > known.updated + LOCKTIME, false);
      return;
    }
  }
  const n = existing?.get(sip);
  if (!n) {
    // arp_process() ends in consume_skb(): a normal end, not a drop.
    sim.emit({ type: 'consume', ns: ns.name, iface: dev.name, reason: arp.op === 'request' ? 'arp-other-target' : 'arp-unsolicited', pkt, seq: sim.seq, t: sim.now });
    return;
  }
  const state: NeighState = arp.op === 'reply' && unicastToUs ? 'REACHABLE' : 'STALE';
  const override = sim.t > n.updated + LOCKTIME;
  updateFromArp(sim, dev, table(), sip, arp.sha, state, override, false);
}

/** arp_fwd_proxy() said yes: learn the asker, then answer with our own MAC, at once or after proxy_delay. */
function proxyReply(sim: Sim, dev: Iface, table: Map<number, Neigh>, arp: NonNullable<Frame['arp']>, sip: number, tip: number, route: Route, unicastToUs: boolean, pkt: number): void {
  const ns = dev.ns;
  updateFromArp(sim, dev, table, sip, arp.sha, 'STALE', true, true);
  // A request addressed to our MAC is answered at once; a broadcast waits up to proxy_delay.
  const delay = unicastToUs ? 0 : Math.floor(dev.conf.proxyDelayNs / 2);
  if (route.plain) {
    sim.emit({ type: 'route', pkt, ns: ns.name, dst: arp.tpa, direction: 'input', route: route.text, result: 'proxy-arp', nexthop: arp.tpa, dev: route.dev.name,
      match: routeMatch(route), iif: dev.name, forwarding: true, proxyMac: dev.mac, proxyDelayNs: delay, seq: sim.seq, t: sim.now });
  } else {
    sim.emit({ type: 'route', pkt, ns: ns.name, dst: arp.tpa, direction: 'input', route: route.text, result: 'proxy-arp', nexthop: arp.tpa, dev: route.dev.name,
      match: routeMatch(route), iif: dev.name, forwarding: true, proxyMac: dev.mac, proxyDelayNs: delay, ...routeFacts(route), seq: sim.seq, t: sim.now });
  }
  // The reply's ARP message id is taken when it is sent.
  if (delay === 0) xmit(sim, dev, arpReply(dev, arp, sip, tip, sim.nextPacket()));
  else sim.after(delay, { op: 'call', fn: () => xmit(sim, dev, arpReply(dev, arp, sip, tip, sim.nextPacket())) });
}

/** The reply to `req` from `dev`: "the target is at my MAC". */
function arpReply(dev: Iface, req: NonNullable<Frame['arp']>, sip: number, tip: number, pkt: number): WireFrame {
  return arpFrame({ src: dev.mac, dst: req.sha, type: 'arp' }, { op: 'reply', sha: dev.mac, spa: req.tpa, tha: req.sha, tpa: req.spa }, tip, sip, pkt);
}

/** neigh_update() for an ARP-learned address; flushes the queue when the entry becomes valid. */
function updateFromArp(sim: Sim, dev: Iface, table: Map<number, Neigh>, ip: number, mac: string, wanted: NeighState, override: boolean, create: boolean): void {
  let n = table.get(ip);
  if (!n) {
    if (!create) return;
    const ipText = formatIp(ip);
    n = { ip, ipText, dev, state: 'FAILED', mac: null, updated: sim.t, confirmed: 0, used: 0, probes: 0, queue: [], timer: 0 };
    table.set(ip, n);
    n.state = 'STALE';
    n.mac = mac;
    sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: ipText, action: 'update', from: null, to: 'STALE', mac, queued: 0, cause: 'learn-asker', seq: sim.seq, t: sim.now });
    return;
  }
  const old = n.state;
  if (old === 'PERMANENT') return;
  const wasValid = VALID.has(old);
  let next = wanted;
  if (wasValid) {
    if (mac !== n.mac && !override) return;
    if (mac === n.mac && next === 'STALE') next = old;
  }
  if (next === 'REACHABLE') n.confirmed = sim.t;
  const macChanged = n.mac !== mac;
  if (next === old && !macChanged) return;
  n.mac = mac;
  n.updated = sim.t;
  n.state = next;
  if (next === 'REACHABLE') armTimer(sim, n, REACHABLE_TIME);
  else if (next === 'STALE') n.timer = 0;
  const queued = wasValid ? [] : n.queue;
  if (!wasValid) n.queue = [];
  sim.emit({ type: 'neigh', ns: dev.ns.name, iface: dev.name, ip: n.ipText, action: 'update', from: old, to: next, mac, queued: 0,
    cause: next === 'REACHABLE' ? 'reply' : 'update', released: queued.length, seq: sim.seq, t: sim.now });
  for (const q of queued) sendResolved(sim, dev, mac, q.packet);
}
