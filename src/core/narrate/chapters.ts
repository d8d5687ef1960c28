import type { DropReason, HopEvent, RouteEvent, SendEvent } from '../events';
import type { JourneyResult } from '../journey';
import type { ChapterFacts, CorrectionCode, CorrectionFacts, StoryChapter, VisitResult } from './story';

/*
 * Chapters computed from what happened to the journey's first packet, never matched against a
 * scripted journey. On the seed journey (pod1 → pod3 across a router) they are the course notes'
 * nine steps; elsewhere the steps that did not happen are absent and the titles say what did
 * (delivered locally, dropped, ARP failed). A correction of the notes is attached only when the
 * event it corrects is inside the chapter.
 */

/** The first packet the journey's program sent: its id and send event. */
export function firstSend(result: JourneyResult): SendEvent | null {
  for (const e of result.events) if (e.type === 'send' && e.cause === 'app' && e.ns === result.spec.from) return e;
  return null;
}

/** A gateway-less route a program added (`ip route` prints no `proto kernel` for it), not the connected route of an address. */
export function isDeviceRoute(e: RouteEvent): boolean {
  return e.match === 'connected' && e.ownGateway === undefined && !/ proto kernel /.test(` ${e.route ?? ''} `);
}

function pktOf(e: HopEvent): number | undefined {
  return 'pkt' in e ? e.pkt : undefined;
}

/** What became of packet `pkt` in namespace `ns`: its route decision and any drop. */
function visit(events: readonly HopEvent[], ns: string, pkt: number, from = 0): { result: VisitResult; route: RouteEvent | null; reason: DropReason | null } {
  let route: RouteEvent | null = null;
  for (let i = from; i < events.length; i++) {
    const e = events[i] as HopEvent;
    if (e.ns !== ns || pktOf(e) !== pkt) continue;
    // This visit ends when the packet leaves again (a routing loop brings it back later).
    if (route && e.type === 'frame' && e.dir === 'out') break;
    if (e.type === 'route' && e.direction === 'input' && !route) route = e;
    // A failed ARP for the next hop comes after forwarding (the ARP chapter tells it), and a
    // rate-limited ICMP error is about the answer, not the packet's fate here.
    if (e.type === 'drop' && e.reason !== 'neigh-failed' && e.reason !== 'icmp-rate-limited') {
      return { result: e.reason === 'no-route' ? 'unreachable' : 'drop', route, reason: e.reason };
    }
  }
  if (!route) return { result: 'pass', route, reason: null };
  return { result: route.result === 'local' ? 'local' : route.result === 'forward' ? 'forward' : 'unreachable', route, reason: null };
}

/** Builds the chapters of a journey's log (language-free). */
export function chaptersOf(result: JourneyResult): StoryChapter[] {
  const { events, places, spec, dstIp } = result;
  const first = firstSend(result);
  if (!first) return [];
  const main = first.pkt;
  const src = spec.from;
  const dstName = result.dstNs ?? dstIp;
  const out: StoryChapter[] = [];
  const push = (start: number, facts: ChapterFacts): void => {
    out.push({ n: 0, start, facts });
  };
  const last = (): ChapterFacts | undefined => out[out.length - 1]?.facts;
  let inRoot: string | null = null;
  const laterFragment = new Map<string, boolean>();
  const what = spec.proto === 'icmp' ? 'ping' : spec.proto;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as HopEvent;
    if (e.type === 'send' && e.cause === 'app' && e.ns === src && e.pkt !== main) {
      push(i, { kind: 'packet', n: e.icmp?.seq ?? packetNumber(events, src, e.pkt), ...laterArp(events, i, e.pkt) });
      continue;
    }
    // A retransmitted SYN is about the first one (`about`), but it is no answer: a chapter of its own.
    if (e.type === 'send' && e.cause === 'tcp-retransmit') {
      if (e.about === main) push(i, { kind: 'retry', ns: e.ns, n: e.retry ?? 1, waitedMs: e.rtoMs ?? 1000 });
      continue;
    }
    if (e.type === 'send' && e.cause !== 'app' && e.about === main && !out.some((c) => c.facts.kind === 'answer')) {
      push(i, { kind: 'answer', ns: e.ns, cause: e.cause, type: e.icmp?.type ?? null, code: e.icmp?.code ?? null, to: e.ipv4.dst, self: e.toSelf === true, lost: lostOnTheWay(events, e.pkt, src) });
      continue;
    }
    if (pktOf(e) !== main) continue;
    // Later fragments of the first packet follow the first fragment's path: no chapters of their own.
    if (e.type === 'frame') laterFragment.set(e.ns, (e.ipv4?.fragOffset ?? 0) > 0);
    if (laterFragment.get(e.ns) === true) continue;
    const place = places[e.ns];
    if (e === first) {
      const r = events.find((x): x is RouteEvent => x.type === 'route' && x.pkt === main && x.ns === src);
      const via = !r ? 'none' : r.result === 'local' ? 'local' : r.result === 'unreachable' ? 'none' : r.match === 'broadcast' ? 'broadcast' : r.match === 'default' ? 'default' : r.match === 'gateway' ? 'gateway' : 'connected';
      const nexthop = r?.nexthop ?? null;
      const arpFailed = nexthop !== null && events.some((x) => x.type === 'neigh' && x.ns === src && x.ip === nexthop && x.cause === 'failed');
      const big = events.find((x) => x.type === 'drop' && x.pkt === main && x.reason === 'emsgsize');
      const tooBig = big?.type === 'drop' ? { len: big.len ?? 0, mtu: big.mtu ?? 0 } : null;
      push(i, { kind: 'origin', ns: src, dev: r?.dev ?? null, via, gw: via === 'gateway' || via === 'default' ? nexthop : null, what, dst: dstName, dstIp, arpFailed, tooBig });
      continue;
    }
    if (!place || e.ns === src) continue;
    const iface = e.type === 'frame' ? place.ifaces[e.iface] : undefined;
    if (e.type === 'frame' && e.dir === 'in' && iface && !place.pod) {
      if (iface.kind === 'veth' && iface.peerNs !== undefined && places[iface.peerNs]?.pod) {
        push(i, { kind: 'enter-root', ns: e.ns, iface: e.iface });
        inRoot = e.ns;
      } else if (iface.kind === 'ether' && e.wireguard) {
        // The packet comes in encrypted: the datagram is for this machine, whose WireGuard device decrypts it.
        const d = events.slice(i).find((x) => x.type === 'wireguard' && x.action === 'decrypt' && x.ns === e.ns && x.pkt === main);
        push(i, { kind: 'decrypt', ns: e.ns, iface: e.iface, dev: d?.type === 'wireguard' ? d.iface : '?' });
        inRoot = e.ns;
      } else if (iface.kind === 'ether' && e.vxlan) {
        // The packet comes in wrapped: the datagram is for this machine, whose VXLAN device unwraps it.
        const d = events.slice(i).find((x) => x.type === 'vxlan' && x.action === 'decap' && x.ns === e.ns && x.pkt === main);
        push(i, { kind: 'decap', ns: e.ns, iface: e.iface, dev: d?.type === 'vxlan' ? d.iface : '?' });
        inRoot = e.ns;
      } else if (iface.kind === 'ether' && e.ipip) {
        // IP-in-IP: the outer packet is for this machine, whose IPIP tunnel unwraps it.
        const d = events.slice(i).find((x) => x.type === 'ipip' && x.action === 'decap' && x.ns === e.ns && x.pkt === main);
        push(i, { kind: 'ipip-decap', ns: e.ns, iface: e.iface, dev: d?.type === 'ipip' ? d.iface : '?' });
        inRoot = e.ns;
      } else if (iface.kind === 'ether') {
        const v = visit(events, e.ns, main, i);
        const facts = { ns: e.ns, result: v.result, dev: v.route?.dev ?? null, reason: v.reason };
        if (place.role === 'router') push(i, { kind: 'router', ...facts, nexthop: v.route?.nexthop ?? null });
        else push(i, { kind: 'arrive', ...facts, iface: e.iface });
        inRoot = null;
      }
      continue;
    }
    if (e.type === 'fdb' && e.scope === 'bridge' && e.action !== 'learn' && e.ns === inRoot && e.ingress !== undefined && last()?.kind === 'enter-root') {
      push(i, { kind: 'bridge', ns: e.ns, bridge: e.bridge, action: e.action, port: e.action === 'forward' ? (e.ports[0] ?? null) : null });
      continue;
    }
    if (e.type === 'vxlan' && e.action === 'encap') {
      push(i, { kind: 'encap', ns: e.ns, dev: e.iface, remote: e.remote, port: e.port, vni: e.vni });
      continue;
    }
    // WireGuard takes the packet: the chapter starts where it waits for a handshake, or is encrypted at once.
    if (e.type === 'wireguard' && (e.action === 'stage' || (e.action === 'encrypt' && last()?.kind !== 'encrypt'))) {
      const enc = events.slice(i).find((x) => x.type === 'wireguard' && x.action === 'encrypt' && x.ns === e.ns && x.pkt === main);
      const tunnel = events.slice(Math.max(0, i - 2), i).some((x) => x.type === 'frame' && x.pkt === main && x.iface === e.iface && x.vxlan !== undefined);
      push(i, { kind: 'encrypt', ns: e.ns, dev: e.iface, peer: e.peer, handshake: e.action === 'stage', outerLen: enc?.type === 'wireguard' ? (enc.outerLen ?? 0) : 0, tunnel });
      continue;
    }
    if (e.type === 'ipip' && e.action === 'encap' && e.pkt === main) {
      push(i, { kind: 'ipip-encap', ns: e.ns, dev: e.iface, remote: e.remote });
      continue;
    }
    // Weave's OVS datapath: weaver's answer to the first packet's flow miss, or a flow it hits.
    if (e.type === 'ovs' && e.pkt === main && e.action !== 'miss') {
      const o = e.out?.[0];
      const tunnel = o && 'tunnel' in o ? o.tunnel : null;
      push(i, { kind: 'ovs', ns: e.ns, datapath: e.datapath, action: e.action, peer: tunnel?.peer ?? null, vni: tunnel?.vni ?? null, port: o?.port ?? '' });
      continue;
    }
    // (A VXLAN datagram's own route, to the node itself, is not the packet's: its destination differs.)
    if (e.type === 'route' && e.direction === 'input' && e.ns === inRoot && e.dst === dstIp && (last()?.kind === 'enter-root' || last()?.kind === 'bridge' || last()?.kind === 'decap' || last()?.kind === 'ipip-decap')) {
      // From this route on: a VXLAN datagram's own route (to the node itself) may come before it.
      const v = visit(events, e.ns, main, i);
      const resolves = events.some((x) => x.type === 'neigh' && x.ns === e.ns && x.pkt === main && x.cause === 'resolve' && x.ip === e.nexthop);
      push(i, { kind: 'route', ns: e.ns, result: v.result, dev: e.dev ?? null, nexthop: e.nexthop ?? null, resolves, reason: v.reason, direct: e.nexthop === dstIp, ...(isDeviceRoute(e) ? { deviceRoute: true } : {}) });
      continue;
    }
    if (e.type === 'frame' && e.dir === 'out' && iface && !place.pod) {
      const l = last();
      if (iface.kind === 'ether' && (l?.kind === 'route' || l?.kind === 'encap' || l?.kind === 'encrypt' || l?.kind === 'ipip-encap') && l.ns === e.ns) push(i, { kind: 'leave', ns: e.ns, iface: e.iface });
      else if (iface.kind === 'veth' && iface.peerNs !== undefined && iface.peerNs !== src && places[iface.peerNs]?.pod && l?.kind !== 'into-pod') {
        push(i, { kind: 'into-pod', ns: e.ns, iface: e.iface, pod: iface.peerNs });
      }
      continue;
    }
    if (e.type === 'neigh' && e.cause === 'resolve' && e.ip === dstIp) {
      const failed = events.some((x) => x.type === 'neigh' && x.ns === e.ns && x.ip === e.ip && x.cause === 'failed');
      push(i, { kind: 'resolve-dst', ns: e.ns, ip: e.ip, target: dstName, dev: e.iface, failed });
    }
  }
  const tail = recheckTail(events);
  if (tail && tail.start > (out[out.length - 1]?.start ?? -1)) push(tail.start, { kind: 'recheck', hosts: tail.hosts });
  out.sort((a, b) => a.start - b.start);
  out.forEach((c, k) => {
    c.n = k + 1;
    const end = out[k + 1]?.start ?? events.length;
    const corr = correctionOf(result, c.facts, c.start, end, main);
    if (corr) c.correction = corr;
  });
  return out;
}

/**
 * The late tail of neighbour re-confirmation: after the last event of any IP packet, the first
 * DELAY → PROBE timer starts a chapter of its own (a warm journey's caches were used while STALE,
 * so 5 s later they probe), and every host that probes after it is named.
 */
function recheckTail(events: readonly HopEvent[]): { start: number; hosts: string[] } | null {
  let lastPacket = -1;
  events.forEach((e, i) => {
    if (e.type === 'send' || e.type === 'deliver' || e.type === 'route' || e.type === 'ttl' || (e.type === 'frame' && e.ipv4 !== undefined)) lastPacket = i;
  });
  let start = -1;
  const hosts: string[] = [];
  for (let i = lastPacket + 1; i < events.length; i++) {
    const e = events[i] as HopEvent;
    if (e.type !== 'neigh' || e.cause !== 'timer' || e.to !== 'PROBE') continue;
    if (start < 0) start = i;
    if (!hosts.includes(e.ns)) hosts.push(e.ns);
  }
  return start < 0 ? null : { start, hosts };
}

function packetNumber(events: readonly HopEvent[], src: string, pkt: number): number {
  let n = 0;
  for (const e of events) {
    if (e.type === 'send' && e.cause === 'app' && e.ns === src) n++;
    if (pktOf(e) === pkt) break;
  }
  return n;
}

/**
 * What the neighbour tables along the way did for a later packet: ARP starts again somewhere
 * (`again`, the first such hop), or it waits behind an open question (`waiting`), or every hop
 * knew its next hop's MAC (`known`).
 */
function laterArp(events: readonly HopEvent[], from: number, pkt: number): { arp: 'known' | 'waiting' | 'again' | 'first' | 'none'; ns: string | null } {
  let waiting: string | null = null;
  let seen = false;
  for (let i = from; i < events.length; i++) {
    const e = events[i] as HopEvent;
    if (e.type !== 'neigh' || e.pkt !== pkt) continue;
    seen = true;
    if (e.cause === 'resolve') {
      // Again only where an earlier packet already asked; else this hop's first ARP (the first packet died before it).
      const before = events.slice(0, from).some((x) => x.type === 'neigh' && x.ns === e.ns && x.ip === e.ip && x.cause === 'resolve');
      return { arp: before ? 'again' : 'first', ns: e.ns };
    }
    if (e.cause === 'queue' && waiting === null) waiting = e.ns;
  }
  if (waiting !== null) return { arp: 'waiting', ns: waiting };
  return { arp: seen ? 'known' : 'none', ns: null };
}

/** Where an answer (packet `pkt`) died before reaching `src`, if it did. */
function lostOnTheWay(events: readonly HopEvent[], pkt: number, src: string): { ns: string; reason: DropReason; nexthop: string | null } | null {
  let drop: { ns: string; reason: DropReason; nexthop: string | null } | null = null;
  for (const e of events) {
    if (pktOf(e) !== pkt) continue;
    if (e.type === 'deliver' && e.ns === src) return null;
    if (e.type === 'drop' && e.reason !== 'icmp-rate-limited' && !drop) drop = { ns: e.ns, reason: e.reason, nexthop: e.nexthop ?? null };
  }
  return drop;
}

/** The correction due in a chapter, if the event it corrects lies in [start, end). */
function correctionOf(result: JourneyResult, c: ChapterFacts, start: number, end: number, main: number): CorrectionFacts | undefined {
  const span = result.events.slice(start, end);
  const base = (code: CorrectionCode, extra: Partial<CorrectionFacts> = {}): CorrectionFacts => ({
    code, ns: 'ns' in c && c.ns !== null ? c.ns : result.spec.from, src: result.spec.from, dst: result.dstNs ?? result.dstIp, dstIp: result.dstIp,
    nexthop: null, dev: null, bridge: null, spa: null, route: null, askedGateway: false, ...extra,
  });
  const resolveIn = (ns: string): { ip: string; iface: string } | null => {
    for (const e of span) if (e.type === 'neigh' && e.ns === ns && e.cause === 'resolve' && e.pkt === main) return { ip: e.ip, iface: e.iface };
    return null;
  };
  const spaOf = (ns: string, ip: string): string | null => {
    for (const e of span) if (e.type === 'frame' && e.ns === ns && e.dir === 'out' && e.arp?.op === 'request' && e.arp.tpa === ip) return e.arp.spa;
    return null;
  };
  switch (c.kind) {
    case 'origin': {
      if (c.via !== 'gateway' && c.via !== 'default') return undefined;
      const r = resolveIn(c.ns);
      const place = result.places[c.ns];
      const slash32 = c.dev !== null && (place?.ifaces[c.dev]?.addrs ?? []).some((a) => a.endsWith('/32'));
      const proxied = span.some((e) => e.type === 'route' && e.result === 'proxy-arp');
      if (slash32 && proxied) return base('calico-gateway', { nexthop: c.gw, dev: c.dev });
      return r && r.ip === c.gw ? base('gateway-arp', { nexthop: c.gw, dev: c.dev }) : undefined;
    }
    case 'route': {
      if (c.result !== 'forward' || c.nexthop === null || c.direct) return undefined;
      const r = resolveIn(c.ns);
      if (!r || r.ip !== c.nexthop) return undefined;
      const bridge = result.events.slice(0, start).reverse().find((e) => e.type === 'fdb' && e.ns === c.ns && e.pkt === main);
      const origin = result.events.slice(0, start);
      const askedGateway = origin.some((e) => e.type === 'neigh' && e.ns === result.spec.from && e.cause === 'resolve' && e.pkt === main);
      // The device that asks is the one the resolution ran on (an IPIP tunnel's outer packet asks through the NIC).
      return base('bridge-no-arp', { nexthop: c.nexthop, dev: r.iface, spa: spaOf(c.ns, c.nexthop), bridge: bridge?.type === 'fdb' ? bridge.bridge : null, askedGateway });
    }
    case 'leave': {
      const r = result.events.find((e): e is RouteEvent => e.type === 'route' && e.ns === c.ns && e.pkt === main && e.result === 'forward');
      return r?.match === 'default' ? base('routing-table-decides', { nexthop: r.nexthop ?? null, dev: c.iface, route: r.route }) : undefined;
    }
    case 'router': {
      if (c.result !== 'forward' || !span.some((e) => e.type === 'ttl' && e.ns === c.ns && e.pkt === main)) return undefined;
      return base('ip-stays-mac-changes', { nexthop: c.nexthop, dev: c.dev });
    }
    case 'arrive': {
      if (c.result !== 'forward' || c.dev === null || result.places[c.ns]?.ifaces[c.dev]?.kind !== 'bridge') return undefined;
      if (!span.some((e) => e.type === 'ttl' && e.ns === c.ns && e.pkt === main)) return undefined;
      const r = span.find((e): e is RouteEvent => e.type === 'route' && e.ns === c.ns && e.pkt === main);
      return base('node-routes', { dev: c.dev, bridge: c.dev, route: r?.route ?? null });
    }
    case 'resolve-dst': {
      // The correction ends with the destination's answer; when nobody answers there is none to tell.
      if (c.failed) return undefined;
      if (!span.some((e) => e.type === 'fdb' && e.scope === 'bridge' && e.ns === c.ns && e.bridge === c.dev && e.action === 'flood')) return undefined;
      return base('stack-arps-bridge-floods', { dev: c.dev, bridge: c.dev, spa: spaOf(c.ns, c.ip), nexthop: c.ip });
    }
    default:
      return undefined;
  }
}
