import type { DeliverEvent, IcmpHeader, Ipv4Header, SendEvent, TcpHeader } from '../events';
import { isLoopback, parseIp } from '../net/ipv4';
import { MS, SEC, type Sim } from './engine';
import { isBroadcastFor } from './broadcast';
import { defrag, learnPmtu } from './fragment';
import { icmpError } from './icmp';
import { ipOutput } from './ip';
import { emitSend, type Packet } from './packet';
import { pack } from './packs';
import { lookupRoute, type Ns } from './world';

/*
 * What the destination's kernel does with a packet addressed to it: answer echo requests itself
 * (icmp_echo), hand datagrams and segments to listening sockets, and refuse the rest (port
 * unreachable from __udp4_lib_rcv, RST from tcp_v4_send_reset). A packet to a broadcast address
 * gets no answer at all (see broadcast.ts).
 *
 * And the client side of TCP: connect() sends its SYN and arms the retransmission timer
 * (tcp_connect); nothing back within the timeout sends the SYN again (tcp_retransmit_timer) with the
 * timings of Linux's defaults: the first wait is TCP_TIMEOUT_INIT (1 s) and stays so for the first
 * tcp_syn_linear_timeouts (4) retransmissions, then doubles; after tcp_syn_retries (6) more,
 * connect() gives up (retransmissions at 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s, ETIMEDOUT at 131 s;
 * the kernel's own timer granularity adds a few ms to each). A SYN-ACK, a RST or an ICMP error ends
 * the wait, except an ICMP error that arrives while connect() itself still holds the socket (in the
 * SYN's own softirq run): that one is only noted (sk_err_soft, tcp_v4_err), and the SYN goes again.
 */

const TCP_TIMEOUT_INIT = 1 * SEC;
const TCP_RTO_MAX = 120 * SEC;
const TCP_SYN_RETRIES = 6;
const TCP_SYN_LINEAR_TIMEOUTS = 4;

/** A connect() of the journey: its SYN, its retransmission timer and what became of it. */
export interface TcpConn {
  ns: Ns;
  /** connect()'s SYN, and the last copy of it that was sent. */
  first: Packet;
  last: Packet;
  /** The SYN's TCP header (ports, flags), shared by every copy. */
  syn: TcpHeader;
  state: 'syn-sent' | 'established' | 'closed';
  /** Retransmissions so far (icsk_retransmits; one the host's queue still held counts too). */
  retries: number;
  /** The timeout armed now (icsk_rto), in ns. */
  rto: number;
  /** Token of the armed timer; a fired timer with another token is stale. */
  timer: number;
  /** `sim.epoch` when connect() sent the SYN: an ICMP error in that same run finds the socket owned. */
  epoch: number;
  /** `sim.base` of the run it belongs to: a warm-up's program is gone once its run ends. */
  base: number;
}

function connKey(ns: string, sport: number): string {
  return `${ns}/${sport}`;
}

/**
 * connect() has built its SYN and hands it to IP (called as the SYN's send event is logged, before
 * it is routed): the retransmission timer starts now. Without a route, or to an address this
 * namespace's routes call broadcast, connect() fails at once (ENETUNREACH, ip_route_connect and
 * tcp_v4_connect) and no timer starts.
 */
export function tcpConnect(sim: Sim, ns: Ns, p: Packet): void {
  const tcp = p.tcp;
  if (!tcp || tcp.flags !== 'S') return;
  if (!ns.localAddrs.has(p.d) && !isLoopback(p.d) && lookupRoute(ns, p.d) === null) return;
  if (isBroadcastFor(ns, p.d)) return;
  const conn: TcpConn = { ns, first: p, last: p, syn: tcp, state: 'syn-sent', retries: 0, rto: TCP_TIMEOUT_INIT, timer: 0, epoch: sim.epoch, base: sim.base };
  (sim.tcp ??= new Map()).set(connKey(ns.name, tcp.sport), conn);
  armRto(sim, conn);
}

function armRto(sim: Sim, conn: TcpConn): void {
  const token = sim.nextToken();
  conn.timer = token;
  sim.after(conn.rto, { op: 'rto', conn, token });
}

/** Whether the host still holds `p` in a queue of its own: an ARP entry's queue (skb_still_in_host_queue). */
function stillInHost(ns: Ns, p: Packet): boolean {
  for (const table of ns.neigh.values()) {
    for (const n of table.values()) {
      if (n.state !== 'INCOMPLETE') continue;
      for (const q of n.queue) if (q.packet === p) return true;
    }
  }
  return false;
}

/**
 * tcp_retransmit_timer for a SYN: give up after tcp_syn_retries + tcp_syn_linear_timeouts
 * retransmissions (tcp_write_timeout); otherwise send the SYN again, unless its previous copy is
 * still in this host's ARP queue (then Linux sends nothing, but the retransmission still counts),
 * and arm the next timeout.
 */
export function onRto(sim: Sim, conn: TcpConn, token: number): void {
  if (conn.timer !== token || conn.state !== 'syn-sent') return;
  // The kernel lab kills a warm-up's program when its window ends, closing the socket.
  if (conn.base !== sim.base) {
    conn.state = 'closed';
    return;
  }
  const ns = conn.ns;
  const first = conn.first;
  if (conn.retries >= TCP_SYN_RETRIES + TCP_SYN_LINEAR_TIMEOUTS) {
    conn.state = 'closed';
    sim.emit({ type: 'drop', pkt: first.id, ns: ns.name, reason: 'connect-timeout', ipv4: first.ipv4, port: conn.syn.dport, retries: conn.retries, seq: sim.seq, t: sim.now });
    return;
  }
  const waited = conn.rto;
  conn.retries++;
  if (!stillInHost(ns, conn.last)) {
    // The same segment again (same ports, same sequence number), in a new skb: a new packet id.
    const tcp = conn.syn;
    const ipv4 = first.ipv4;
    const p: Packet = { ipv4, icmp: undefined, udp: undefined, tcp, kind: 'request', s: first.s, d: first.d, id: sim.nextPacket(), len: first.len, df: first.df, encap: undefined };
    sim.emit({ type: 'send', pkt: p.id, ns: ns.name, ipv4, tcp, kind: 'request', cause: 'tcp-retransmit', about: first.id, retry: conn.retries, rtoMs: waited / MS, seq: sim.seq, t: sim.now });
    conn.last = p;
    ipOutput(sim, ns, p);
  }
  // In SYN_SENT the timeout stays at its initial value while total_rto <= tcp_syn_linear_timeouts.
  if (conn.retries > TCP_SYN_LINEAR_TIMEOUTS) conn.rto = Math.min(conn.rto * 2, TCP_RTO_MAX);
  armRto(sim, conn);
}

/** The connection a segment or an ICMP quote with these ports belongs to, in `ns`. */
function connOf(sim: Sim, ns: Ns, sport: number | undefined): TcpConn | undefined {
  return sport === undefined ? undefined : sim.tcp?.get(connKey(ns.name, sport));
}

/** Ends a connection's wait: the timer is disarmed. */
function settle(conn: TcpConn, state: TcpConn['state']): void {
  conn.state = state;
  conn.timer = 0;
}

/**
 * Local delivery (ip_local_deliver) and the kernel's own answers. `broadcast`: the packet was taken
 * in as a broadcast (broadcast.ts): nothing answers it.
 */
export function deliverLocal(sim: Sim, ns: Ns, frag: Packet, broadcast = false): void {
  // ip_local_deliver: fragments wait for the rest of their packet (ip_defrag).
  const p = defrag(sim, ns, frag, undefined);
  if (!p) return;
  if (broadcast) return deliverBroadcast(sim, ns, p);
  if (p.icmp) {
    const { type, seq } = p.icmp;
    if (type === 8) {
      emitDeliver(sim, ns, p, 'echo-request');
      answer(sim, ns, p, { icmp: seq !== undefined ? { type: 0, code: 0, seq } : { type: 0, code: 0 } }, 'reply', 'echo-reply');
      return;
    }
    if (type === 5) {
      // IN_DEV_RX_REDIRECTS: a forwarding interface needs accept_redirects on both all and itself.
      const accepted = ns.ifaces.values().some((i) => i.conf.acceptRedirects);
      emitDeliver(sim, ns, p, 'redirect', accepted);
      return;
    }
    if (type === 3 && p.icmp.code === 4 && p.icmp.mtu !== undefined && p.icmp.quote) fragNeeded(sim, ns, p, p.icmp.mtu, p.icmp.quote.ipv4);
    if (type !== 0 && p.icmp.quote?.ipv4.proto === 'tcp') return tcpError(sim, ns, p);
    emitDeliver(sim, ns, p, type === 0 ? 'echo-reply' : 'icmp-error');
    return;
  }
  const udp = p.udp;
  if (udp) {
    // A VXLAN device's socket takes datagrams to its port (vxlan_rcv).
    if (p.encap?.vxlan && pack('vxlan').rcv(sim, ns, p)) return;
    // A WireGuard device's socket takes datagrams to its listen port (wg_receive).
    if (p.encap?.wireguard && pack('wireguard').rcv(sim, ns, p)) return;
    if (ns.listeners.has(`udp/${udp.dport}`)) {
      emitDeliver(sim, ns, p, 'udp');
      return;
    }
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'port-unreachable', ipv4: p.ipv4, port: udp.dport, seq: sim.seq, t: sim.now });
    icmpError(sim, ns, p, 3, 3);
    return;
  }
  if (p.tcp) tcpRcv(sim, ns, p, p.tcp);
  // IPv4 in IPv4 (protocol 4): the ipip module's handler (ipip_rcv).
  else if (p.ipv4.proto === 'ipip') pack('ipip').rcv(sim, ns, p);
}

/**
 * icmp_unreach → icmp_err / raw_icmp_error / udp_err: a "fragmentation needed" about a packet this
 * host sent lowers its path MTU to that destination (ipv4_update_pmtu), whichever protocol it was.
 */
function fragNeeded(sim: Sim, ns: Ns, p: Packet, mtu: number, quoted: Ipv4Header): void {
  const src = parseIp(quoted.src);
  const dst = parseIp(quoted.dst);
  if (src === null || dst === null || !ns.localAddrs.has(src)) return;
  const route = lookupRoute(ns, dst);
  if (route) learnPmtu(sim, ns, route, dst, mtu, p.id);
}

/**
 * A broadcast: icmp_rcv drops echo requests (icmp_echo_ignore_broadcasts=1, the default) and any
 * other ICMP message; __udp4_lib_mcast_deliver gives a datagram to every socket bound to its port
 * and drops it silently otherwise; TCP never accepts one (tcp_v4_conn_request) nor answers it with
 * a RST (tcp_v4_send_reset sends none for a route that is not local).
 */
function deliverBroadcast(sim: Sim, ns: Ns, p: Packet): void {
  const udp = p.udp;
  if (udp && ns.listeners.has(`udp/${udp.dport}`)) {
    const { ipv4, kind, id: pkt } = p;
    sim.emit({ type: 'deliver', ns: ns.name, ipv4, kind, pkt, udp, cause: 'udp', broadcast: true, seq: sim.seq, t: sim.now });
    return;
  }
  const port = udp?.dport ?? p.tcp?.dport;
  sim.emit(
    port === undefined
      ? { type: 'drop', pkt: p.id, ns: ns.name, reason: 'broadcast-ignored', ipv4: p.ipv4, seq: sim.seq, t: sim.now }
      : { type: 'drop', pkt: p.id, ns: ns.name, reason: 'broadcast-ignored', ipv4: p.ipv4, port, seq: sim.seq, t: sim.now },
  );
}

/**
 * tcp_v4_err: an ICMP error about one of our TCP segments. In SYN_SENT it ends connect() with the
 * error, unless the socket is owned by the user at that moment: connect() sent the SYN and the error
 * came back in the same softirq run (a router or a node next to the source answers in microseconds),
 * so it is only noted and the retransmission timer keeps running. No connection: nobody gets it.
 */
function tcpError(sim: Sim, ns: Ns, p: Packet): void {
  const { ipv4, kind, id: pkt, icmp } = p;
  if (!icmp) return;
  const q = icmp.quote;
  const conn = connOf(sim, ns, q?.sport);
  let socket: DeliverEvent['tcpSocket'];
  if (!conn || conn.state !== 'syn-sent' || conn.base !== sim.base || q?.dport !== conn.syn.dport || q?.ipv4.dst !== conn.first.ipv4.dst) socket = 'gone';
  else if (conn.epoch === sim.epoch) socket = 'soft';
  else {
    socket = 'aborts';
    settle(conn, 'closed');
  }
  sim.emit({ type: 'deliver', ns: ns.name, ipv4, kind, pkt, icmp, cause: 'icmp-error', tcpSocket: socket, seq: sim.seq, t: sim.now });
}

/**
 * Logs a delivery: the packet's headers, then why (and, for a redirect, whether it is accepted).
 * Built as literals, not as `{ ...base, cause }`: in V8 a leading spread followed by new keys takes
 * a slow path that cost about a microsecond per event.
 */
function emitDeliver(sim: Sim, ns: Ns, p: Packet, cause: DeliverEvent['cause'], accepted?: boolean): void {
  const { ipv4, kind, id: pkt, icmp, udp, tcp } = p;
  const name = ns.name;
  let e: DeliverEvent;
  if (icmp) {
    e = accepted === undefined
      ? { type: 'deliver', ns: name, ipv4, kind, pkt, icmp, cause, seq: sim.seq, t: sim.now }
      : { type: 'deliver', ns: name, ipv4, kind, pkt, icmp, cause, accepted, seq: sim.seq, t: sim.now };
  } else if (udp) e = { type: 'deliver', ns: name, ipv4, kind, pkt, udp, cause, seq: sim.seq, t: sim.now };
  else if (tcp) e = { type: 'deliver', ns: name, ipv4, kind, pkt, tcp, cause, seq: sim.seq, t: sim.now };
  else e = { type: 'deliver', ns: name, ipv4, kind, pkt, cause, seq: sim.seq, t: sim.now };
  sim.emit(e);
}

/** The kernel's own answer to `to`: addresses swapped, a fresh TTL, routed like any new packet. */
function answer(sim: Sim, ns: Ns, to: Packet, l4: { icmp: IcmpHeader } | { tcp: TcpHeader }, kind: Packet['kind'], cause: SendEvent['cause']): void {
  const icmp = 'icmp' in l4 ? l4.icmp : undefined;
  const tcp = 'tcp' in l4 ? l4.tcp : undefined;
  const ipv4 = { src: to.ipv4.dst, dst: to.ipv4.src, ttl: ns.defaultTtl, proto: icmp ? ('icmp' as const) : ('tcp' as const) };
  const r: Packet = { ipv4, icmp, udp: undefined, tcp, kind, s: to.d, d: to.s, id: sim.nextPacket(),
    // An echo reply is as long as the request and, like every packet of the ICMP socket, has no DF;
    // TCP: SYN-ACK with its options (MSS, SACK, timestamps, window scale), RST-ACK and ACK bare.
    len: icmp ? to.len : tcp?.flags === 'S.' ? 60 : tcp?.flags === '.' ? 52 : 40, df: !icmp, encap: undefined };
  emitSend(sim, ns.name, r, cause, to.id);
  ipOutput(sim, ns, r);
}

/**
 * TCP: a SYN gets SYN-ACK from a listener or RST-ACK; a SYN-ACK completes the handshake with ACK.
 * A SYN-ACK or a RST ends the wait of the connect() it answers.
 */
function tcpRcv(sim: Sim, ns: Ns, p: Packet, tcp: TcpHeader): void {
  const respond = (flags: string, kind: Packet['kind'], cause: SendEvent['cause']): void =>
    answer(sim, ns, p, { tcp: { sport: tcp.dport, dport: tcp.sport, flags } }, kind, cause);
  if (tcp.flags === 'S') {
    if (ns.listeners.has(`tcp/${tcp.dport}`)) {
      emitDeliver(sim, ns, p, 'tcp-syn');
      respond('S.', 'reply', 'tcp-synack');
    } else {
      sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'tcp-no-listener', ipv4: p.ipv4, port: tcp.dport, seq: sim.seq, t: sim.now });
      respond('R.', 'reply', 'tcp-rst');
    }
    return;
  }
  const conn = connOf(sim, ns, tcp.dport);
  if (tcp.flags === 'S.') {
    if (conn?.state === 'syn-sent') settle(conn, 'established');
    emitDeliver(sim, ns, p, 'tcp-synack');
    respond('.', 'request', 'tcp-ack');
    return;
  }
  const rst = tcp.flags.startsWith('R');
  if (rst && conn?.state === 'syn-sent') settle(conn, 'closed');
  emitDeliver(sim, ns, p, rst ? 'tcp-rst' : 'tcp');
}
