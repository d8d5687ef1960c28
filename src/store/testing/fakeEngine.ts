/*
 * A tiny stand-in for the simulator, for unit tests only: a hand-written, much shortened pod1 → pod3
 * ping on the seed lab. It checks what the real engine would reject (unknown names) so the store's
 * error paths can be tested, and builds tables by replaying the log's decisions.
 */
import { JourneyError, type FrameEvent, type HopEvent, type JourneyResult, type JourneySpec, type NetState, type Topology } from '../../core';
import type { JourneyEngine } from '../engine';

function frame(seq: number, ns: string, iface: string, dir: 'in' | 'out', wire: number, kind: FrameEvent['kind'], ttl: number, src: string, dst: string): FrameEvent {
  const base = { seq, t: seq * 1000, ns, type: 'frame' as const, iface, dir, wire, kind, pkt: kind === 'arp' ? 2 : 1 };
  if (kind === 'arp') return { ...base, eth: { src, dst, type: 'arp' }, arp: { op: 'request', sha: src, spa: '10.10.10.1', tha: '00:00:00:00:00:00', tpa: '10.10.10.254' } };
  return { ...base, eth: { src, dst, type: 'ipv4' }, ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl, proto: 'icmp' }, icmp: { type: 8, code: 0, seq: 1 } };
}

/** The fake's event log. */
export function fakeEvents(): HopEvent[] {
  const ip = { src: '10.10.10.1', dst: '10.10.11.1', ttl: 64, proto: 'icmp' as const };
  return [
    { seq: 0, t: 0, ns: 'pod1', type: 'send', ipv4: ip, icmp: { type: 8, code: 0, seq: 1 }, kind: 'request', pkt: 1, cause: 'app' },
    { seq: 1, t: 1, ns: 'pod1', type: 'route', dst: '10.10.11.1', direction: 'output', route: 'default via 10.10.10.254 dev eth0', result: 'send', nexthop: '10.10.10.254', dev: 'eth0', pkt: 1, match: 'default' },
    { seq: 2, t: 2, ns: 'pod1', type: 'neigh', iface: 'eth0', ip: '10.10.10.254', action: 'update', from: null, to: 'INCOMPLETE', mac: null, queued: 1, cause: 'resolve', pkt: 1 },
    frame(3, 'pod1', 'eth0', 'out', 1, 'arp', 64, '02:00:0a:0a:0a:01', 'ff:ff:ff:ff:ff:ff'),
    frame(4, 'node1', 'veth-pod1', 'in', 1, 'arp', 64, '02:00:0a:0a:0a:01', 'ff:ff:ff:ff:ff:ff'),
    { seq: 5, t: 5, ns: 'node1', type: 'fdb', scope: 'bridge', bridge: 'cni0', action: 'learn', mac: '02:00:0a:0a:0a:01', ports: ['veth-pod1'], ingress: 'veth-pod1', pkt: 2 },
    { seq: 6, t: 6, ns: 'node1', type: 'fdb', scope: 'bridge', bridge: 'cni0', action: 'flood', mac: 'ff:ff:ff:ff:ff:ff', ports: ['veth-pod2'], ingress: 'veth-pod1', pkt: 2 },
    frame(7, 'node1', 'eth0', 'out', 2, 'request', 63, '02:00:ac:10:64:01', '02:00:ac:10:64:fe'),
    frame(8, 'router', 'eth0', 'in', 2, 'request', 63, '02:00:ac:10:64:01', '02:00:ac:10:64:fe'),
    { seq: 9, t: 9, ns: 'router', type: 'ttl', from: 63, to: 62, pkt: 1 },
    frame(10, 'router', 'eth0', 'out', 3, 'request', 62, '02:00:ac:10:64:fe', '02:00:ac:10:64:02'),
    frame(11, 'node2', 'eth0', 'in', 3, 'request', 62, '02:00:ac:10:64:fe', '02:00:ac:10:64:02'),
    { seq: 12, t: 12, ns: 'pod3', type: 'deliver', ipv4: { ...ip, ttl: 61 }, icmp: { type: 8, code: 0, seq: 1 }, kind: 'request', pkt: 1, cause: 'echo-request' },
  ];
}

function emptyState(t: Topology): NetState {
  const ns: NetState['ns'] = {};
  for (const m of t.machines) {
    for (const n of [m, ...(m.pods ?? [])]) {
      ns[n.name] = { routes: (n.routes ?? []).map((r) => ({ text: `${r.dst} via ${r.via ?? ''} dev ${r.dev}`.replace('via  ', ''), dst: r.dst, dev: r.dev, proto: 'static' as const, table: 'main' as const })), neigh: [], fdb: {} };
    }
  }
  return { ns, segments: {} };
}

/** A fake engine over {@link fakeEvents}. */
export function fakeEngine(): JourneyEngine & { runs: JourneySpec[] } {
  const runs: JourneySpec[] = [];
  let topo: Topology | null = null;
  return {
    runs,
    runJourney(t, spec) {
      const names = t.machines.flatMap((m) => [m.name, ...(m.pods ?? []).map((p) => p.name)]);
      if (!names.includes(spec.from)) throw new Error(`unknown source ${spec.from}`);
      if (spec.to === '10.99.99.99') throw new JourneyError({ en: 'refused by the fake on purpose', ru: 'фейк отказал нарочно' });
      runs.push(spec);
      topo = t;
      const events = fakeEvents();
      const result: JourneyResult = {
        spec: { from: spec.from, to: spec.to, proto: spec.proto ?? 'icmp', port: spec.port ?? 0, count: spec.count ?? 1, intervalMs: 1000, ttl: spec.ttl ?? 64, warm: spec.warm ?? false, pmtudisc: spec.pmtudisc ?? 'want' },
        dstIp: '10.10.11.1',
        dstNs: 'pod3',
        events,
        initial: emptyState(t),
        places: {},
        pending: [],
      };
      return result;
    },
    stateAt(result, index) {
      const s = structuredClone(result.initial);
      if (!topo) return s;
      for (const e of result.events.slice(0, index + 1)) {
        const tables = s.ns[e.ns];
        if (!tables) continue;
        if (e.type === 'neigh') {
          tables.neigh = tables.neigh.filter((r) => r.ip !== e.ip || r.iface !== e.iface);
          tables.neigh.push({ ip: e.ip, iface: e.iface, mac: e.mac, state: e.to });
        }
        if (e.type === 'fdb' && e.action === 'learn') {
          const rows = (tables.fdb[e.bridge] ??= []);
          rows.push({ mac: e.mac, port: e.ports[0] ?? '', local: false });
        }
      }
      return s;
    },
  };
}
