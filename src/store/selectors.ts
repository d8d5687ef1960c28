import type { FdbRow, Frame, FrameEvent, HopEvent, NeighRow, NetState, RouteRow } from '../core';
import type { AppState, LogFilterKey } from './appState';
import { displaySteps, type DisplayStep } from './floods';

/** The event under the playhead. */
export function selectEvent(s: AppState): HopEvent | null {
  return s.result?.events[s.index] ?? null;
}

/** The namespace whose tables the tables panel shows: the pinned one, else the current event's. */
export function selectTablesNs(s: AppState): string | null {
  return s.pinnedNs ?? selectEvent(s)?.ns ?? null;
}

/** Index (in `chapters`) of the chapter holding event `index`, or −1 before the first one. */
export function chapterIndexAt(chapters: readonly { start: number }[], index: number): number {
  let found = -1;
  chapters.forEach((c, k) => {
    if (c.start <= index) found = k;
  });
  return found;
}

/** Which log filter an event falls under. */
export function logFilterKey(e: HopEvent): LogFilterKey {
  return e.type === 'frame' || e.type === 'send' || e.type === 'deliver' ? e.kind : 'decision';
}

/** Identity of a packet across hops: what a router leaves unchanged (addresses, protocol, echo seq, ports). */
function packetKey(f: Frame): string {
  if (f.arp) return `arp|${f.arp.op}|${f.arp.spa}|${f.arp.tpa}`;
  const ip = f.ipv4;
  if (!ip) return `eth|${f.eth.src}|${f.eth.dst}`;
  const l4 = f.icmp ? `icmp${f.icmp.type}:${f.icmp.seq ?? ''}` : f.udp ? `udp${f.udp.sport}:${f.udp.dport}` : f.tcp ? `tcp${f.tcp.sport}:${f.tcp.dport}:${f.tcp.flags}` : '';
  return `ip|${ip.src}|${ip.dst}|${ip.proto}|${l4}`;
}

/** The frame under the playhead, or the last one before it (decisions act on the frame just seen). */
export function frameAtOrBefore(events: readonly HopEvent[], index: number): { frame: FrameEvent; index: number } | null {
  for (let k = Math.min(index, events.length - 1); k >= 0; k--) {
    const e = events[k];
    if (e?.type === 'frame') return { frame: e, index: k };
  }
  return null;
}

/**
 * The previous frame of the same packet before `index`: same packet id, and the same addresses and
 * payload identity (a guard should ids ever be reused across an ARP exchange).
 */
export function previousFrameOfPacket(events: readonly HopEvent[], index: number, frame: FrameEvent): FrameEvent | null {
  const key = packetKey(frame);
  for (let k = index - 1; k >= 0; k--) {
    const e = events[k];
    if (e?.type === 'frame' && e.pkt === frame.pkt && e.kind === frame.kind && packetKey(e) === key) return e;
  }
  return null;
}

/** Flatten a frame's headers into `layer.field` → value, for comparing hops. */
export function frameFields(f: Frame): Record<string, string> {
  const out: Record<string, string> = {};
  const layers: [string, object | undefined][] = [['eth', f.eth], ['arp', f.arp], ['ipv4', f.ipv4], ['icmp', f.icmp], ['udp', f.udp], ['tcp', f.tcp]];
  for (const [name, layer] of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) {
      if (v !== undefined && typeof v !== 'object') out[`${name}.${k}`] = String(v);
    }
  }
  return out;
}

/** The `layer.field` names whose value differs from the previous frame of the same packet. */
export function changedFields(cur: Frame, prev: Frame | null): Set<string> {
  if (!prev) return new Set();
  const a = frameFields(prev);
  const b = frameFields(cur);
  return new Set(Object.keys(b).filter((k) => a[k] !== b[k]));
}

/** The table entry an event consulted or changed, to highlight. */
export interface Consulted {
  route?: string;
  neigh?: { ip: string; iface: string };
  fdb?: { bridge: string; mac: string };
}

/** What the event under the playhead looked at in its namespace's tables. */
export function consultedBy(e: HopEvent | null): Consulted {
  if (!e) return {};
  if (e.type === 'route' && e.route !== null) return { route: e.route };
  if (e.type === 'neigh') return { neigh: { ip: e.ip, iface: e.iface } };
  if (e.type === 'fdb') return { fdb: { bridge: e.bridge, mac: e.mac } };
  return {};
}

/** Stable identity of table rows, for telling which ones appeared at this step. */
export const rowKey = {
  route: (r: RouteRow) => r.text,
  neigh: (r: NeighRow) => `${r.ip}|${r.iface}`,
  fdb: (r: FdbRow) => `${r.mac}|${r.port}`,
} as const;

/** Row keys of one namespace's tables (and of segment switches) that exist in `now` but not in `before`. */
export function newRows(before: NetState | null, now: NetState | null, ns: string): Set<string> {
  const out = new Set<string>();
  if (!now) return out;
  const b = before?.ns[ns];
  const n = now.ns[ns];
  if (n) {
    const oldRoutes = new Set((b?.routes ?? []).map(rowKey.route));
    for (const r of n.routes) if (!oldRoutes.has(rowKey.route(r))) out.add(`route:${rowKey.route(r)}`);
    const oldNeigh = new Map((b?.neigh ?? []).map((r) => [rowKey.neigh(r), r.state]));
    for (const r of n.neigh) if (oldNeigh.get(rowKey.neigh(r)) !== r.state) out.add(`neigh:${rowKey.neigh(r)}`);
    for (const [br, rows] of Object.entries(n.fdb)) {
      const old = new Set((b?.fdb[br] ?? []).map(rowKey.fdb));
      for (const r of rows) if (!old.has(rowKey.fdb(r))) out.add(`fdb:${br}:${rowKey.fdb(r)}`);
    }
  }
  for (const [seg, rows] of Object.entries(now.segments)) {
    const old = new Set((before?.segments[seg] ?? []).map(rowKey.fdb));
    for (const r of rows) if (!old.has(rowKey.fdb(r))) out.add(`fdb:${seg}:${rowKey.fdb(r)}`);
  }
  return out;
}

const NONE: readonly number[] = [];

/** The floods opened on the journey shown (none on any other journey). */
export function selectUnfolded(s: AppState): readonly number[] {
  return s.unfolded.result === s.result ? s.unfolded.at : NONE;
}

/** No journey ran (a lab without a pod to start from): one shared empty list, so the steps' cache holds. */
const NO_EVENTS: readonly HopEvent[] = [];

/** The journey's display steps: events, with folded floods as one step each. */
export function selectSteps(s: AppState): DisplayStep[] {
  return displaySteps(s.result?.events ?? NO_EVENTS, selectUnfolded(s));
}

/** The playhead is on the journey's last step (a fold may hide the last events). */
export function selectAtEnd(s: AppState): boolean {
  const steps = selectSteps(s);
  return steps.length === 0 || s.index >= (steps[steps.length - 1]?.index ?? 0);
}
