import type { DropEvent, Frame, HopEvent, NeighEvent, RouteEvent, SendEvent } from '../events';
import type { JourneyResult } from '../journey';
import { isGroupMac } from '../net/ipv4';
import type { FibFacts, Headers, Msg } from './messages';
import { isDeviceRoute } from './chapters';
import { packTeller } from './packTellers';
import { BROADCAST_FN, DROP_FN } from './dropFns';

/*
 * Chooses what to say about one event (a Msg) and which kernel function did it. Pure and
 * language-free: the catalogue of each language tells the Msg.
 */

/** Headers carried by an event, when it carries a packet. */
function headersOf(e: HopEvent): Headers | null {
  if (e.type === 'frame') return e;
  if ((e.type === 'send' || e.type === 'deliver' || e.type === 'drop') && e.ipv4) {
    const h: Headers = { ipv4: e.ipv4 };
    if ('icmp' in e && e.icmp && e.type !== 'drop') h.icmp = e.icmp;
    if ('udp' in e && e.udp) h.udp = e.udp;
    if ('tcp' in e && e.tcp) h.tcp = e.tcp;
    return h;
  }
  return null;
}

/** The last headers seen for packet `pkt` before event `before` (what an ICMP error reports on). */
function packetBefore(events: readonly HopEvent[], pkt: number, before: number): Headers | null {
  for (let i = before - 1; i >= 0; i--) {
    const e = events[i] as HopEvent;
    // Drops carry only the IP header; frames, sends and deliveries carry the transport layer too.
    if ('pkt' in e && e.pkt === pkt && e.type !== 'drop') {
      const h = headersOf(e);
      if (h?.ipv4) return h;
    }
  }
  return null;
}

/**
 * The host that received the ARP requests `e` gave up on and left them unanswered because of their
 * sender or target address (an `arp-*` drop of one of those requests), if there is one.
 */
function ignoredBy(events: readonly HopEvent[], e: NeighEvent, index: number): Extract<Msg, { k: 'neigh-failed' }>['ignoredBy'] {
  const asked = new Set<number>();
  for (let i = 0; i < index; i++) {
    const x = events[i] as HopEvent;
    if (x.type === 'frame' && x.dir === 'out' && x.ns === e.ns && x.iface === e.iface && x.arp?.op === 'request' && x.arp.tpa === e.ip) asked.add(x.pkt);
    else if (x.type === 'drop' && x.pkt !== undefined && asked.has(x.pkt) && x.reason.startsWith('arp-')) return { ns: x.ns, reason: x.reason, rpFilter: x.rpFilter ?? null };
  }
  return null;
}

/** What the kernel's FIB rules added to a route decision. */
function fibFacts(e: RouteEvent): FibFacts {
  return { ownGw: e.ownGateway ?? null, op: e.op ?? null, tied: e.tied ?? [], onlink: e.route !== null && / onlink( |$)/.test(e.route) ? (e.nexthop ?? null) : null };
}

function neighMsg(result: JourneyResult, e: NeighEvent, index: number): Msg {
  const { events } = result;
  switch (e.cause) {
    case 'resolve': {
      // arp_solicit(): the request says "tell <spa>"; Linux uses the waiting packet's source only if
      // it is one of this host's addresses (arp_announce=0), else the device's own address.
      let spa: string | null = null;
      for (let i = index + 1; i < events.length; i++) {
        const x = events[i] as HopEvent;
        if (x.type === 'frame' && x.ns === e.ns && x.iface === e.iface && x.dir === 'out' && x.arp?.op === 'request' && x.arp.tpa === e.ip) {
          spa = x.arp.spa;
          break;
        }
      }
      // After a VXLAN device wrapped it, the packet waiting here is the outer datagram: its source is the VTEP's.
      let wrapped: string | null = null;
      for (let i = index - 1; i >= 0 && e.pkt !== undefined; i--) {
        const x = events[i] as HopEvent;
        if (x.type === 'vxlan' && x.action === 'encap' && x.pkt === e.pkt && x.ns === e.ns) {
          wrapped = x.local;
          break;
        }
      }
      const pktSrc = wrapped ?? (e.pkt !== undefined ? (packetBefore(events, e.pkt, index)?.ipv4?.src ?? null) : null);
      return { k: 'neigh-resolve', ns: e.ns, ip: e.ip, iface: e.iface, wasFailed: e.from === 'FAILED', spa, pktSrc };
    }
    case 'queue':
      return { k: 'neigh-queue', ip: e.ip, queued: e.queued };
    case 'stale-use':
      return { k: 'neigh-stale-use', ip: e.ip, mac: e.mac ?? '' };
    case 'hit':
      return { k: 'neigh-hit', ip: e.ip, mac: e.mac ?? '', state: e.to };
    case 'failed':
      return { k: 'neigh-failed', ip: e.ip, probes: e.probes ?? 0, dropped: e.dropped ?? 0, ignoredBy: ignoredBy(events, e, index) };
    case 'reply':
      return { k: 'neigh-reply', ip: e.ip, mac: e.mac ?? '', released: e.released ?? 0 };
    case 'learn-asker':
      return { k: 'neigh-learn-asker', ns: e.ns, ip: e.ip, mac: e.mac ?? '' };
    case 'update':
      return { k: 'neigh-update', ip: e.ip, mac: e.mac ?? '', state: e.to, released: e.released ?? 0 };
    default:
      // A warm journey's timers started in the hidden warm-up run (SETTLE_MS before the log).
      return { k: 'neigh-timer', ip: e.ip, from: e.from, to: e.to, mac: e.mac, warmup: result.spec.warm && e.to === 'PROBE' && e.t < 5e9 };
  }
}

/** The event's own IP header (its TTL is the one at this point) with the transport layer seen before. */
function withTransport(events: readonly HopEvent[], ipv4: Headers['ipv4'], pkt: number | undefined, before: number): Headers | null {
  if (!ipv4) return null;
  const seen = pkt !== undefined ? packetBefore(events, pkt, before) : null;
  return { ...seen, ipv4 };
}

/** The namespace that owns an address, from the places of the journey. */
export function ownerOf(result: JourneyResult, ip: string): string | null {
  for (const [name, place] of Object.entries(result.places)) {
    for (const i of Object.values(place.ifaces)) if (i.addrs.some((a) => a.split('/')[0] === ip)) return name;
  }
  return null;
}

function dropMsg(result: JourneyResult, e: DropEvent, index: number): Msg {
  // The drop's own header: after ip_forward() the waiting packet already has its decremented TTL.
  const f = withTransport(result.events, e.ipv4, e.pkt, index);
  const facts: Extract<Msg, { k: 'drop' }>['facts'] = {};
  if (e.direction) facts.direction = e.direction;
  if (e.nexthop) facts.nexthop = e.nexthop;
  if (e.rpFilter) facts.rpFilter = e.rpFilter;
  if (e.spa !== undefined) facts.spa = e.spa;
  if (e.tpa !== undefined) facts.tpa = e.tpa;
  if (e.martian) facts.martian = e.martian;
  if (e.dstMac) facts.dstMac = e.dstMac;
  if (e.bridge !== undefined) facts.bridge = e.bridge;
  if (e.copies !== undefined) facts.copies = e.copies;
  if (e.retries !== undefined) facts.retries = e.retries;
  if (e.ifaceMac) facts.ifaceMac = e.ifaceMac;
  if (e.port !== undefined) facts.port = e.port;
  if (e.icmp) facts.icmp = e.icmp;
  if (e.len !== undefined) facts.len = e.len;
  if (e.mtu !== undefined) facts.mtu = e.mtu;
  if (e.vni !== undefined) facts.vni = e.vni;
  if (e.ipv4) {
    facts.ttl = e.ipv4.ttl;
    facts.src = e.ipv4.src;
    facts.dst = e.ipv4.dst;
  }
  return { k: 'drop', reason: e.reason, ns: e.ns, iface: e.iface ?? null, f, facts };
}

/** Whether an earlier event already told what a veth pair is (later veth hops get the short form). */
function vethToldBefore(result: JourneyResult, index: number): boolean {
  for (let i = 0; i < index; i++) {
    const e = result.events[i] as HopEvent;
    if (e.type === 'frame' && e.dir === 'out' && result.places[e.ns]?.ifaces[e.iface]?.kind === 'veth' && !result.places[e.ns]?.ifaces[e.iface]?.master) return true;
  }
  return false;
}

function frameMsg(result: JourneyResult, e: Extract<HopEvent, { type: 'frame' }>, index: number): Msg {
  const iface = result.places[e.ns]?.ifaces[e.iface];
  const f: Frame = e;
  if (iface?.kind === 'loopback') return { k: 'in-lo', ns: e.ns, f };
  // The datapath packs' devices are told by the pack's own choosers (packTellers.ts).
  if (iface?.kind === 'wireguard') return packTeller('wireguard').frame(e);
  if (iface?.kind === 'ipip') return packTeller('ipip').frame(result, e, index);
  if (e.dir === 'out') {
    if (iface?.kind === 'vxlan') return packTeller('vxlan').frameOut(result, e, index);
    if (iface?.kind === 'bridge') return { k: 'out-bridge-dev', ns: e.ns, bridge: e.iface, f, broadcast: isGroupMac(e.eth.dst) };
    if (iface?.master) return { k: 'out-port', ns: e.ns, iface: e.iface, bridge: iface.master, peer: iface.peer ?? '', f };
    if (iface?.kind === 'veth') return { k: 'out-veth', ns: e.ns, iface: e.iface, peer: iface.peer ?? '', f, repeat: vethToldBefore(result, index) };
    return { k: 'out-nic', ns: e.ns, iface: e.iface, segment: iface?.segment ?? '', f };
  }
  if (iface?.master) return { k: 'in-port', ns: e.ns, iface: e.iface, bridge: iface.master, f };
  if (iface?.vport !== undefined) return { k: 'in-vport', ns: e.ns, iface: e.iface, datapath: iface.vport, f };
  if (iface?.kind === 'bridge') return { k: 'in-up', ns: e.ns, bridge: e.iface, f };
  let arp: 'own' | 'known' | null = null;
  if (e.arp?.op === 'request') {
    const own = Object.values(result.places[e.ns]?.ifaces ?? {}).some((i) => i.addrs.some((a) => a.split('/')[0] === e.arp?.tpa));
    const consumed = result.events.slice(index + 1, index + 4).some((x) => x.type === 'consume' && x.pkt === e.pkt);
    const proxied = result.events.slice(index + 1, index + 4).some((x) => x.type === 'route' && x.result === 'proxy-arp' && x.pkt === e.pkt);
    // A request left unanswered for its addresses: the drop that follows tells why.
    const refused = result.events.slice(index + 1, index + 4).some((x) => (x.type === 'drop' || (x.type === 'route' && x.result === 'unreachable')) && x.pkt === e.pkt);
    // An eBPF program took the request before the host's ARP code: the `bpf` event tells who answers.
    const bpf = result.events[index + 1]?.type === 'bpf';
    arp = refused || bpf ? null : own ? 'own' : consumed || proxied ? null : 'known';
  }
  return { k: 'in-host', ns: e.ns, iface: e.iface, f, arp, unicast: !isGroupMac(e.eth.dst) };
}

/** Who built the packet an ICMP error (packet `pkt`) reports on: a program, or the kernel itself. */
function aboutOrigin(result: JourneyResult, pkt: number, before: number): 'app' | 'kernel' {
  const err = result.events.slice(0, before).find((x) => x.type === 'send' && x.pkt === pkt);
  const about = err?.type === 'send' ? err.about : undefined;
  const orig = about !== undefined ? result.events.find((x) => x.type === 'send' && x.pkt === about) : undefined;
  return orig?.type === 'send' && orig.cause !== 'app' && orig.cause !== 'tcp-retransmit' ? 'kernel' : 'app';
}

/**
 * Whether packet `pkt` (sent by `src`) went to a broadcast address: a route event of it matched a
 * broadcast route, in the source itself (`local`) or in a host further on (`remote`).
 */
function broadcastOf(events: readonly HopEvent[], pkt: number, src: string, from: number): 'local' | 'remote' | null {
  let found: 'local' | 'remote' | null = null;
  for (let i = from; i < events.length; i++) {
    const x = events[i] as HopEvent;
    if (x.type === 'route' && x.pkt === pkt && x.match === 'broadcast') {
      if (x.ns === src && x.direction === 'output') return 'local';
      found = 'remote';
    }
  }
  return found;
}

/**
 * An ICMP error about connect()'s SYN reaching its socket. `held`: how many times the retransmission
 * timer (1 s, then 1 s again...) fired while the SYN still waited in this host's own ARP queue, so
 * that no copy was sent: the SYN was queued here, and no retransmission of it was ever logged.
 */
function tcpErrorMsg(result: JourneyResult, e: Extract<HopEvent, { type: 'deliver' }>): Msg {
  const { events } = result;
  const sport = e.icmp?.quote?.sport;
  let held = 0;
  const syn = events.find((x): x is SendEvent => x.type === 'send' && x.cause === 'app' && x.ns === e.ns && x.tcp?.sport === sport);
  if (syn && e.tcpSocket === 'aborts') {
    const queuedHere = events.some((x) => x.type === 'neigh' && x.ns === e.ns && x.pkt === syn.pkt && (x.cause === 'resolve' || x.cause === 'queue'));
    const resent = events.some((x) => x.type === 'send' && x.cause === 'tcp-retransmit' && x.about === syn.pkt);
    if (queuedHere && !resent) held = Math.floor((e.t - syn.t) / 1e9);
  }
  return { k: 'deliver-tcp-error', ns: e.ns, type: e.icmp?.type ?? 0, code: e.icmp?.code ?? 0, from: e.ipv4.src, fromNs: ownerOf(result, e.ipv4.src), socket: e.tcpSocket ?? 'gone', held };
}

/** What to say about event `index`, and the kernel function that did it (for the detailed level). */
export function messageOf(result: JourneyResult, index: number): { msg: Msg; fn: string } {
  const e = result.events[index];
  if (!e) throw new RangeError(`event ${index} is outside the log (0-${result.events.length - 1})`);
  const place = result.places[e.ns];
  switch (e.type) {
    case 'frame':
      // On lo, loopback_xmit() turns the packet around: the frame tcpdump shows is its receipt.
      if (place?.ifaces[e.iface]?.kind === 'loopback') return { msg: frameMsg(result, e, index), fn: 'loopback_xmit' };
      return { msg: frameMsg(result, e, index), fn: e.dir === 'out' ? 'dev_queue_xmit' : '__netif_receive_skb' };
    case 'route': {
      const route = e.route ?? '';
      if (e.result === 'proxy-arp') {
        return { msg: { k: 'proxy-arp', ns: e.ns, tpa: e.dst, iif: e.iif ?? '', via: e.dev ?? '', mac: e.proxyMac ?? '', delayMs: (e.proxyDelayNs ?? 0) / 1e6 }, fn: 'arp_fwd_proxy' };
      }
      if (e.match === 'broadcast' && e.direction === 'input') {
        return { msg: { k: 'route-in-broadcast', ns: e.ns, dst: e.dst, dev: e.dev ?? '', iif: e.iif ?? '', limited: e.dst === '255.255.255.255' }, fn: 'ip_route_input_slow' };
      }
      if (e.direction === 'output') {
        const fn = 'ip_route_output_key';
        if (e.result === 'local') return { msg: { k: 'route-out-local', ns: e.ns, dst: e.dst, loopback: e.match === 'loopback' }, fn };
        if (e.result === 'unreachable') return { msg: { k: 'route-out-none', ns: e.ns, dst: e.dst }, fn };
        if (e.match === 'broadcast') {
          const tcp = result.events.some((x) => x.type === 'send' && x.pkt === e.pkt && x.tcp !== undefined);
          return { msg: { k: 'route-out-broadcast', ns: e.ns, dst: e.dst, route, dev: e.dev ?? '', limited: e.dst === '255.255.255.255', tcp }, fn };
        }
        if (e.match === 'connected') return { msg: { k: 'route-out-connected', ns: e.ns, dst: e.dst, route, dev: e.dev ?? '', fib: fibFacts(e) }, fn };
        return { msg: { k: 'route-out-gateway', ns: e.ns, dst: e.dst, route, gw: e.nexthop ?? '', dev: e.dev ?? '', isDefault: e.match === 'default', fib: fibFacts(e) }, fn };
      }
      const fn = 'ip_route_input_noref';
      if (e.result === 'local') return { msg: { k: 'route-in-local', ns: e.ns, dst: e.dst, iif: e.iif ?? '' }, fn };
      if (e.result === 'unreachable') {
        // An ARP request's target looked up for proxy ARP (arp.ts): no route, so no answer.
        const arpAsk = result.events.slice(0, index).reverse().find((x) => x.type === 'frame' && x.pkt === e.pkt && x.ns === e.ns);
        if (arpAsk?.type === 'frame' && arpAsk.arp) return { msg: { k: 'route-in-none', ns: e.ns, dst: e.dst, proxyArp: e.iif ?? arpAsk.iface }, fn: 'arp_process' };
        return { msg: { k: 'route-in-none', ns: e.ns, dst: e.dst }, fn };
      }
      return {
        msg: {
          k: 'route-in-forward', ns: e.ns, dst: e.dst, route, nexthop: e.nexthop ?? '', dev: e.dev ?? '', connected: e.match === 'connected', isDefault: e.match === 'default',
          router: place?.role === 'router', fib: fibFacts(e), ...(isDeviceRoute(e) ? { deviceRoute: true } : {}),
        },
        fn,
      };
    }
    case 'neigh':
      return { msg: neighMsg(result, e, index), fn: e.cause === 'timer' || e.cause === 'failed' ? 'neigh_timer_handler' : e.cause === 'reply' || e.cause === 'update' || e.cause === 'learn-asker' ? 'arp_process' : '__neigh_event_send' };
    case 'fdb': {
      if (e.scope === 'vxlan') return packTeller('vxlan').fdb(e);
      if (e.scope === 'segment') {
        if (e.action === 'learn') return { msg: { k: 'seg-learn', segment: e.bridge, mac: e.mac, machine: (e.ports[0] ?? '').split('/')[0] ?? '' }, fn: 'br_fdb_update' };
        const to = e.ports.map((p) => p.split('/')[0] ?? p);
        if (e.action === 'forward') return { msg: { k: 'seg-forward', segment: e.bridge, mac: e.mac, to }, fn: 'br_forward' };
        return { msg: { k: 'seg-flood', segment: e.bridge, to, broadcast: isGroupMac(e.mac) }, fn: 'br_flood' };
      }
      const fromHost = e.ingress === undefined;
      if (e.action === 'learn') return { msg: { k: 'br-learn', bridge: e.bridge, mac: e.mac, port: e.ports[0] ?? '' }, fn: 'br_fdb_update' };
      if (e.action === 'local') return { msg: { k: 'br-local', ns: e.ns, bridge: e.bridge, mac: e.mac }, fn: 'br_pass_frame_up' };
      if (e.action === 'forward') return { msg: { k: 'br-forward', bridge: e.bridge, mac: e.mac, port: e.ports[0] ?? '', fromHost }, fn: fromHost ? 'br_dev_xmit' : 'br_forward' };
      return { msg: { k: 'br-flood', bridge: e.bridge, mac: e.mac, ports: e.ports, broadcast: isGroupMac(e.mac), fromHost }, fn: 'br_flood' };
    }
    case 'ttl': {
      const first = !result.events.slice(0, index).some((x) => x.type === 'ttl');
      return { msg: { k: 'ttl', ns: e.ns, from: e.from, to: e.to, router: place?.role === 'router', first }, fn: 'ip_forward' };
    }
    case 'send': {
      const ttl = e.ipv4.ttl;
      switch (e.cause) {
        case 'app': {
          // The route lookup comes first (ip_route_output_flow, ip_route_connect): without a route
          // no packet is ever built.
          const route = result.events.slice(index + 1).find((x) => x.type === 'route' && x.pkt === e.pkt);
          // connect() to a broadcast fails after that lookup too (tcp_v4_connect: ENETUNREACH).
          const noRoute = route?.type === 'route' && (route.result === 'unreachable' || (e.tcp !== undefined && route.match === 'broadcast'));
          const broadcast = e.tcp ? null : broadcastOf(result.events, e.pkt, e.ns, index + 1);
          if (e.icmp) return { msg: { k: 'send-ping', ns: e.ns, seq: e.icmp.seq ?? 1, dst: e.ipv4.dst, ttl, noRoute, broadcast }, fn: 'ping_v4_sendmsg' };
          if (e.udp) return { msg: { k: 'send-udp', ns: e.ns, dst: e.ipv4.dst, port: e.udp.dport, ttl, noRoute, broadcast }, fn: 'udp_sendmsg' };
          return { msg: { k: 'send-syn', ns: e.ns, dst: e.ipv4.dst, port: e.tcp?.dport ?? 0, ttl, noRoute }, fn: 'tcp_v4_connect' };
        }
        case 'echo-reply':
          return { msg: { k: 'send-echo-reply', ns: e.ns, ttl }, fn: 'icmp_echo' };
        case 'tcp-synack':
          return { msg: { k: 'send-synack', ns: e.ns }, fn: 'tcp_v4_send_synack' };
        case 'tcp-rst':
          return { msg: { k: 'send-rst', ns: e.ns }, fn: 'tcp_v4_send_reset' };
        case 'tcp-ack':
          return { msg: { k: 'send-ack', ns: e.ns }, fn: 'tcp_rcv_synsent_state_process' };
        case 'tcp-retransmit': {
          const sport = e.tcp?.sport;
          const softError = result.events.slice(0, index).some((x) => x.type === 'deliver' && x.ns === e.ns && x.tcpSocket === 'soft' && x.icmp?.quote?.sport === sport);
          return { msg: { k: 'send-syn-retry', ns: e.ns, dst: e.ipv4.dst, port: e.tcp?.dport ?? 0, retry: e.retry ?? 1, waitedMs: e.rtoMs ?? 1000, softError }, fn: 'tcp_retransmit_timer' };
        }
        default: {
          // The quoted header is what the error reports on (for a forwarded packet, its TTL after ip_forward).
          const quote = e.icmp?.quote?.ipv4;
          const about = e.about !== undefined ? withTransport(result.events, quote, e.about, index) : null;
          const route = result.events.slice(index + 1).find((x) => x.type === 'route' && x.pkt === e.pkt);
          const dev = route?.type === 'route' ? (route.dev ?? null) : null;
          return {
            msg: { k: 'send-icmp-error', ns: e.ns, type: e.icmp?.type ?? 0, code: e.icmp?.code ?? 0, about, src: e.ipv4.src, dst: e.ipv4.dst, gw: e.icmp?.gateway ?? null, toSelf: e.toSelf === true, dev },
            fn: e.icmp?.type === 5 ? 'ip_rt_send_redirect' : '__icmp_send',
          };
        }
      }
    }
    case 'deliver': {
      const ns = e.ns;
      switch (e.cause) {
        case 'echo-request': return { msg: { k: 'deliver-echo-request', ns }, fn: 'icmp_echo' };
        case 'echo-reply': return { msg: { k: 'deliver-echo-reply', ns }, fn: 'ping_rcv' };
        case 'icmp-error': {
          if (e.tcpSocket !== undefined) return { msg: tcpErrorMsg(result, e), fn: 'tcp_v4_err' };
          const origin = aboutOrigin(result, e.pkt, index);
          return {
            msg: { k: 'deliver-icmp-error', ns, type: e.icmp?.type ?? 0, code: e.icmp?.code ?? 0, from: e.ipv4.src, fromNs: ownerOf(result, e.ipv4.src), about: origin, proto: e.icmp?.quote?.ipv4.proto ?? null },
            fn: 'icmp_unreach',
          };
        }
        case 'redirect': return { msg: { k: 'deliver-redirect', ns, from: e.ipv4.src, gw: e.icmp?.gateway ?? '', accepted: e.accepted === true }, fn: 'icmp_redirect' };
        case 'udp': return { msg: { k: 'deliver-udp', ns, port: e.udp?.dport ?? 0, f: e, broadcast: e.broadcast === true }, fn: e.broadcast ? '__udp4_lib_mcast_deliver' : 'udp_queue_rcv_skb' };
        case 'tcp-syn': return { msg: { k: 'deliver-syn', ns, port: e.tcp?.dport ?? 0 }, fn: 'tcp_v4_conn_request' };
        case 'tcp-synack': return { msg: { k: 'deliver-synack', ns }, fn: 'tcp_rcv_synsent_state_process' };
        case 'tcp-rst': return { msg: { k: 'deliver-rst', ns }, fn: 'tcp_reset' };
        default: return { msg: { k: 'deliver-tcp', ns }, fn: 'tcp_v4_rcv' };
      }
    }
    case 'drop':
      return { msg: dropMsg(result, e, index), fn: e.reason === 'broadcast-ignored' ? (e.direction === 'output' ? 'tcp_v4_connect' : BROADCAST_FN[e.ipv4?.proto === 'udp' || e.ipv4?.proto === 'tcp' ? e.ipv4.proto : 'icmp']) : DROP_FN[e.reason] };
    case 'fragment': {
      const sender = e.local && result.events.some((x) => x.type === 'send' && x.pkt === e.pkt && x.cause === 'app') ? 'app' : 'kernel';
      const msg: Msg = { k: 'fragment', ns: e.ns, dev: e.dev, len: e.len, mtu: e.mtu, count: e.count, local: e.local, pmtu: e.pmtu, sender, step: Math.floor((e.mtu - 20) / 8) * 8 };
      return { msg, fn: e.local ? 'ip_do_fragment' : 'ip_fragment' };
    }
    case 'defrag':
      return { msg: { k: 'defrag', ns: e.ns, held: e.held, done: e.done, len: e.len ?? 0, offset: e.ipv4.fragOffset ?? 0 }, fn: 'ip_defrag' };
    case 'pmtu':
      return { msg: { k: 'pmtu', ns: e.ns, dst: e.dst, dev: e.dev, mtu: e.mtu, from: e.from, expiresS: e.expiresS }, fn: '__ip_rt_update_pmtu' };
    case 'vxlan':
      return packTeller('vxlan').event(result, e, index);
    case 'ipip':
      return packTeller('ipip').event(e);
    case 'bpf':
      return packTeller('bpf').event(e);
    case 'wireguard':
      return packTeller('wireguard').event(result, e, index);
    case 'ovs':
      return packTeller('ovs').event(e);
    case 'halt':
      // The engine's own limit, not the kernel's: no function to cite.
      return { msg: { k: 'halt', reason: e.reason, limit: e.limit, pending: e.pending }, fn: '' };
    case 'consume': {
      const frame = result.events.slice(0, index).reverse().find((x) => x.type === 'frame' && x.pkt === e.pkt && x.ns === e.ns);
      const arp = frame?.type === 'frame' ? frame.arp : undefined;
      if (e.reason === 'arp-other-target') return { msg: { k: 'consume-arp-other', ns: e.ns, tpa: arp?.tpa ?? '', spa: arp?.spa ?? '' }, fn: 'arp_process' };
      return { msg: { k: 'consume-arp-unsolicited', ns: e.ns }, fn: 'arp_process' };
    }
  }
}
