import type { DeliverEvent, IcmpHeader, SendEvent, TcpHeader } from '../events';
import type { Sim } from './engine';
import { icmpError } from './icmp';
import { ipOutput } from './ip';
import { emitSend, type Packet } from './packet';
import type { Ns } from './world';

/*
 * What the destination's kernel does with a packet addressed to it: answer echo requests itself
 * (icmp_echo), hand datagrams and segments to listening sockets, and refuse the rest (port
 * unreachable from __udp4_lib_rcv, RST from tcp_v4_send_reset).
 */

/** Local delivery (ip_local_deliver) and the kernel's own answers. */
export function deliverLocal(sim: Sim, ns: Ns, p: Packet): void {
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
    emitDeliver(sim, ns, p, type === 0 ? 'echo-reply' : 'icmp-error');
    return;
  }
  const udp = p.udp;
  if (udp) {
    if (ns.listeners.has(`udp/${udp.dport}`)) {
      emitDeliver(sim, ns, p, 'udp');
      return;
    }
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'port-unreachable', ipv4: p.ipv4, port: udp.dport, seq: sim.seq, t: sim.now });
    icmpError(sim, ns, p, 3, 3);
    return;
  }
  if (p.tcp) tcpRcv(sim, ns, p, p.tcp);
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
    len: icmp ? to.len : tcp?.flags === 'S.' ? 60 : tcp?.flags === '.' ? 52 : 40, df: !icmp };
  emitSend(sim, ns.name, r, cause, to.id);
  ipOutput(sim, ns, r);
}

/** TCP: a SYN gets SYN-ACK from a listener or RST-ACK; a SYN-ACK completes the handshake with ACK. */
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
  if (tcp.flags === 'S.') {
    emitDeliver(sim, ns, p, 'tcp-synack');
    respond('.', 'request', 'tcp-ack');
    return;
  }
  const cause: DeliverEvent['cause'] = tcp.flags.startsWith('R') ? 'tcp-rst' : 'tcp';
  emitDeliver(sim, ns, p, cause);
}
