import type { SendEvent } from '../events';
import type { JourneyResult } from '../journey';
import { firstSend } from './chapters';
import { ownerOf } from './tellEvent';
import type { OutcomeFacts } from './story';

/**
 * How the journey ended, seen from its source (language-free): answers, refusals, ICMP errors that
 * came back, a local send that failed, and the first packet's TTL along its way.
 */
export function outcomeOf(result: JourneyResult): OutcomeFacts {
  const { spec, events } = result;
  const src = spec.from;
  const out: OutcomeFacts = {
    src, dst: result.dstNs ?? result.dstIp, dstIp: result.dstIp, proto: spec.proto, port: spec.port, count: spec.count,
    localNoRoute: false, localTooBig: null, answers: 0, refused: 0, udpDelivered: 0, errors: [], ttl: null, answerLost: null,
    retransmits: 0, timedOut: 0, aborted: 0, broadcastIgnored: 0, connectBroadcast: false, halted: null,
  };
  const sent = new Set<number>();
  for (const e of events) {
    if (e.type === 'send' && e.ns === src && (e.cause === 'app' || e.cause === 'tcp-retransmit')) sent.add(e.pkt);
    if (e.type === 'send' && e.ns === src && e.cause === 'tcp-retransmit') out.retransmits++;
    if (e.type === 'drop' && e.ns === src && e.reason === 'connect-timeout') out.timedOut++;
    if (e.type === 'drop' && e.reason === 'broadcast-ignored' && sent.has(e.pkt ?? -1)) {
      if (e.direction === 'output') out.connectBroadcast = true;
      else out.broadcastIgnored++;
    }
    if (e.type === 'halt') out.halted = { reason: e.reason, limit: e.limit };
    if (e.type === 'deliver' && e.ns === src && e.tcpSocket === 'aborts') out.aborted++;
    if (e.type === 'drop' && e.ns === src && e.reason === 'no-route' && e.direction === 'output') out.localNoRoute = true;
    if (e.type === 'drop' && e.ns === src && e.reason === 'emsgsize' && out.localTooBig === null) out.localTooBig = e.mtu ?? 0;
    if (e.type === 'deliver' && e.cause === 'udp') out.udpDelivered++;
    if (e.type !== 'deliver' || e.ns !== src) continue;
    if (e.cause === 'echo-reply' || e.cause === 'tcp-synack') out.answers++;
    else if (e.cause === 'tcp-rst') out.refused++;
    else if (e.cause === 'icmp-error' && e.icmp) {
      const { type, code } = e.icmp;
      const hit = out.errors.find((x) => x.type === type && x.code === code && x.from === e.ipv4.src);
      if (hit) hit.n++;
      else out.errors.push({ type, code, from: e.ipv4.src, fromNs: ownerOf(result, e.ipv4.src), n: 1 });
    }
  }
  const first = firstSend(result);
  const answer = first ? events.find((e): e is SendEvent => e.type === 'send' && e.cause !== 'app' && e.cause !== 'tcp-retransmit' && e.about === first.pkt) : undefined;
  if (answer && !events.some((e) => e.type === 'deliver' && e.ns === src && e.pkt === answer.pkt)) {
    const drop = events.find((e) => e.type === 'drop' && e.pkt === answer.pkt && e.reason !== 'icmp-rate-limited');
    if (drop?.type === 'drop') out.answerLost = { ns: drop.ns, reason: drop.reason, nexthop: drop.nexthop ?? null };
  }
  if (first) {
    const hops: { ns: string; ttl: number }[] = [];
    // Fragments of the packet share its id and repeat each hop: count a hop (namespace, TTL) once.
    const seen = new Set<string>();
    for (const e of events) {
      // A hop is the kernel's ip_forward (`ttl`) or Cilium's eBPF decrementing it (`bpf` with `ttl`).
      const dec = e.type === 'ttl' ? { from: e.from, to: e.to } : e.type === 'bpf' ? e.ttl : undefined;
      if (!dec || !('pkt' in e) || e.pkt !== first.pkt || seen.has(`${e.ns}/${dec.from}`)) continue;
      seen.add(`${e.ns}/${dec.from}`);
      hops.push({ ns: e.ns, ttl: dec.to });
    }
    out.ttl = { start: first.ipv4.ttl, hops };
  }
  return out;
}
