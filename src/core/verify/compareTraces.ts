/**
 * Comparing two sets of per-interface frame traces, typically the real kernel's (a fixture recorded
 * by `npm run verify:kernel`) against the engine's. Pure: no Node or DOM APIs.
 *
 * Traces are compared interface by interface, never by global time: the kernel's order on one
 * interface is stable from run to run, while the interleaving between interfaces only reflects
 * when each capture happened to timestamp a frame.
 */
import type { Frame, HopEvent } from '../events';
import type { InterfaceTraces, TraceFrame } from './kernelFixture';
import { describeFrame } from './describeFrame';

export type { InterfaceTraces, TraceFrame } from './kernelFixture';

/** One difference between the expected and the actual trace. */
export interface Mismatch {
  /** `<ns>/<iface>`. */
  iface: string;
  /** Index of the frame in that interface's list; -1 when about the whole list (its length). */
  index: number;
  /** Dotted field path (`ipv4.ttl`, `icmp.quote.ipv4.src`), or `count`, `frame` (one side has no frame there). */
  field: string;
  expected: unknown;
  actual: unknown;
  /** The whole difference in one line, for a test failure. */
  message: string;
}

/**
 * When the kernel timestamps each frame event of the log, as a position in the log: an outgoing
 * frame when it is sent; an incoming one when it was queued to its device (netif_rx stamps it then,
 * tstamp_prequeue, before the backlog processes it): when the peer sent it, or, across a segment,
 * when the segment's switch passed it on. A bridge device's copy carries its port's stamp (same
 * wire). Several frames queued before the first is processed thus all come before what it causes.
 */
function captureKeys(events: readonly HopEvent[]): Map<number, number> {
  const keys = new Map<number, number>();
  const sent = new Map<number, { seq: number; path: string }>();
  events.forEach((e, i) => {
    if (e.type !== 'frame') return;
    if (e.dir === 'out') {
      keys.set(i, i);
      if (!sent.has(e.wire)) sent.set(e.wire, { seq: i, path: `${e.ns}/${e.iface}` });
      return;
    }
    const from = sent.get(e.wire);
    if (!from) {
      keys.set(i, i);
      return;
    }
    // Across a segment: the switch's decision about this packet from that port (link.ts segmentRx).
    let key = from.seq;
    for (let j = from.seq + 1; j < i; j++) {
      const x = events[j] as HopEvent;
      if (x.type === 'fdb' && x.scope === 'segment' && x.action !== 'learn' && x.pkt === e.pkt && x.ingress === from.path) {
        key = j;
        break;
      }
    }
    keys.set(i, key);
  });
  return keys;
}

/**
 * Log positions of the frame events, per interface, in the order the kernel's captures stamp them:
 * log order, except that an incoming frame goes before outgoing frames of the same packet (its
 * fragments) sent after it was queued (captureKeys). Limited to one packet's burst on purpose:
 * between unrelated frames, such as two hosts' ARP probes whose timers expire in the same jiffy,
 * the kernel's order also depends on its timer wheel, which the engine does not model.
 */
function captureOrder(events: readonly HopEvent[]): Map<string, number[]> {
  const keys = captureKeys(events);
  const lists = new Map<string, number[]>();
  events.forEach((e, i) => {
    if (e.type !== 'frame') return;
    const path = `${e.ns}/${e.iface}`;
    const list = lists.get(path) ?? [];
    lists.set(path, list);
    let at = list.length;
    const key = keys.get(i) as number;
    while (at > 0) {
      const prev = events[list[at - 1] as number] as HopEvent;
      if (e.dir !== 'in' || prev.type !== 'frame' || prev.dir !== 'out' || prev.pkt !== e.pkt || (list[at - 1] as number) < key) break;
      at--;
    }
    list.splice(at, 0, i);
  });
  return lists;
}

/**
 * The engine's frames per interface, in the order the kernel's captures stamp them (captureOrder):
 * each `frame` event reduced to its direction and the `Frame` layers (everything the kernel capture
 * can show, nothing the engine adds on top).
 */
export function engineInterfaceFrames(events: readonly HopEvent[]): InterfaceTraces {
  const out: InterfaceTraces = {};
  const order = [...captureOrder(events).values()].flat();
  for (const i of order) {
    const e = events[i] as HopEvent;
    if (e.type !== 'frame') continue;
    const frame: TraceFrame = { dir: e.dir, eth: e.eth };
    if (e.arp) frame.arp = e.arp;
    if (e.ipv4) frame.ipv4 = e.ipv4;
    if (e.icmp) frame.icmp = e.icmp;
    if (e.udp) frame.udp = e.udp;
    if (e.tcp) frame.tcp = e.tcp;
    if (e.vxlan) frame.vxlan = e.vxlan;
    if (e.inner) frame.inner = e.inner;
    (out[`${e.ns}/${e.iface}`] ??= []).push(frame);
  }
  return out;
}

/** Lowest port treated as possibly ephemeral (the kernel's range starts at 32768; 1024 is safe). */
const EPHEMERAL_MIN = 1024;

/** A port where it occurs in a frame, and whether it is the sending side's. */
interface PortUse {
  port: number;
  isSource: boolean;
}

/**
 * Ports of a frame in header order: UDP/TCP header first, then those quoted by an ICMP error, then
 * the encapsulated frame's. A VXLAN datagram's source port is left out: it is masked on its own
 * (see `vxlanPlaceholders`).
 */
function portUses(f: Frame): PortUse[] {
  const uses: PortUse[] = [];
  const l4 = f.udp ?? f.tcp;
  if (l4 && !f.vxlan) uses.push({ port: l4.sport, isSource: true }, { port: l4.dport, isSource: false });
  if (l4 && f.vxlan) uses.push({ port: l4.dport, isSource: false });
  const q = f.icmp?.quote;
  if (q?.sport !== undefined) uses.push({ port: q.sport, isSource: true });
  if (q?.dport !== undefined) uses.push({ port: q.dport, isSource: false });
  if (f.inner) uses.push(...portUses(f.inner));
  return uses;
}

/**
 * Placeholders for the UDP source ports of VXLAN datagrams, numbered by first appearance
 * (interfaces sorted by name). The kernel picks the port with udp_flow_src_port(): a flow hash whose
 * seed (hashrnd) is drawn at random once per boot, so its value differs from boot to boot and only
 * which datagrams share a port can be compared (one flow keeps one port, both ways).
 */
function vxlanPlaceholders(trace: InterfaceTraces): Map<number, string> {
  const names = new Map<number, string>();
  for (const k of Object.keys(trace).sort()) {
    for (const f of trace[k] ?? []) {
      const p = f.vxlan ? f.udp?.sport : undefined;
      if (p !== undefined && !names.has(p)) names.set(p, `vxlan-sport#${names.size + 1}`);
    }
  }
  return names;
}

/**
 * Placeholders for a trace's ephemeral client ports. A port counts as ephemeral when it is >= 1024
 * and an interface first sees it as a source port: the client picks it for its first packet, while
 * a server port (even a high one such as 9999) is first seen as a destination. Placeholders are
 * numbered in order of first appearance (interfaces sorted by name), so two traces that agree up to
 * the kernel's random choice of ports normalise to the same values.
 */
function ephemeralPlaceholders(trace: InterfaceTraces): Map<number, string> {
  const keys = Object.keys(trace).sort();
  const ephemeral = new Set<number>();
  for (const k of keys) {
    const seen = new Set<number>();
    for (const f of trace[k] ?? []) {
      for (const u of portUses(f)) {
        if (seen.has(u.port)) continue;
        seen.add(u.port);
        if (u.isSource && u.port >= EPHEMERAL_MIN) ephemeral.add(u.port);
      }
    }
  }
  const names = new Map<number, string>();
  for (const k of keys) {
    for (const f of trace[k] ?? []) {
      for (const u of portUses(f)) {
        if (ephemeral.has(u.port) && !names.has(u.port)) names.set(u.port, `ephemeral#${names.size + 1}`);
      }
    }
  }
  return names;
}

/** A frame flattened to `path -> value` over the compared fields, with ports normalised. */
type Flat = Map<string, unknown>;

/** Layers compared as a whole first (present or not), then field by field. */
const LAYERS = ['eth', 'arp', 'ipv4', 'icmp', 'udp', 'tcp'] as const;

const FIELDS: Record<(typeof LAYERS)[number], readonly string[]> = {
  eth: ['src', 'dst', 'type'],
  arp: ['op', 'sha', 'spa', 'tha', 'tpa'],
  ipv4: ['src', 'dst', 'ttl', 'proto', 'fragOffset', 'mf'],
  icmp: ['type', 'code', 'seq', 'gateway', 'mtu'],
  udp: ['sport', 'dport'],
  tcp: ['sport', 'dport', 'flags'],
};

const QUOTE_IPV4_FIELDS = ['src', 'dst', 'ttl', 'proto'] as const;

function flatten(f: TraceFrame, ports: Map<number, string>, vxlanPorts: Map<number, string>): Flat {
  const flat: Flat = new Map();
  flat.set('dir', f.dir);
  flattenLayers(flat, '', f, ports, vxlanPorts);
  return flat;
}

/** The layers of `f` into `flat` under `prefix`; an encapsulated frame's under `inner.`. */
function flattenLayers(flat: Flat, prefix: string, f: Frame, ports: Map<number, string>, vxlanPorts: Map<number, string>): void {
  const port = (p: number | undefined): unknown => (p === undefined ? undefined : (ports.get(p) ?? p));
  for (const layer of LAYERS) {
    const h = f[layer] as Record<string, unknown> | undefined;
    flat.set(`${prefix}${layer}`, h ? 'present' : 'absent');
    if (!h) continue;
    for (const field of FIELDS[layer]) {
      const v = h[field];
      const masked = layer === 'udp' && field === 'sport' && f.vxlan ? (vxlanPorts.get(v as number) ?? v) : field === 'sport' || field === 'dport' ? port(v as number | undefined) : v;
      flat.set(`${prefix}${layer}.${field}`, masked);
    }
  }
  const q = f.icmp?.quote;
  if (f.icmp) flat.set(`${prefix}icmp.quote`, q ? 'present' : 'absent');
  if (q) {
    for (const field of QUOTE_IPV4_FIELDS) flat.set(`${prefix}icmp.quote.ipv4.${field}`, q.ipv4[field]);
    flat.set(`${prefix}icmp.quote.sport`, port(q.sport));
    flat.set(`${prefix}icmp.quote.dport`, port(q.dport));
  }
  flat.set(`${prefix}vxlan`, f.vxlan ? 'present' : 'absent');
  if (f.vxlan) flat.set(`${prefix}vxlan.vni`, f.vxlan.vni);
  flat.set(`${prefix}inner`, f.inner ? 'present' : 'absent');
  if (f.inner) flattenLayers(flat, `${prefix}inner.`, f.inner, ports, vxlanPorts);
}

/** The fields that differ, skipping the sub-fields of a layer present on one side only. */
function diffFlat(a: Flat, b: Flat): { field: string; expected: unknown; actual: unknown }[] {
  const diffs: { field: string; expected: unknown; actual: unknown }[] = [];
  const absentLayers: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (absentLayers.some((l) => key.startsWith(`${l}.`))) continue;
    const x = a.get(key);
    const y = b.get(key);
    if (x === y) continue;
    diffs.push({ field: key, expected: x, actual: y });
    if (x === 'present' || y === 'present') absentLayers.push(key);
  }
  return diffs;
}

function show(v: unknown): string {
  return v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Every difference between two traces, interface by interface: an interface's frame count, then each
 * frame field by field (direction, Ethernet, ARP, IPv4 src/dst/ttl/proto, ICMP type/code/seq/gateway
 * and quote, UDP and TCP ports and flags; a VXLAN datagram's VNI and, the same way, the frame it
 * carries). Ephemeral client ports are normalised per trace (see `ephemeralPlaceholders`), and so
 * are VXLAN source ports (`vxlanPlaceholders`). An interface missing on one side counts as one that saw no frames.
 * Returns an empty list when the traces are equivalent.
 */
export function compareTraces(expected: InterfaceTraces, actual: InterfaceTraces): Mismatch[] {
  const pe = ephemeralPlaceholders(expected);
  const pa = ephemeralPlaceholders(actual);
  const ve = vxlanPlaceholders(expected);
  const va = vxlanPlaceholders(actual);
  const out: Mismatch[] = [];
  const add = (iface: string, index: number, field: string, exp: unknown, act: unknown): void => {
    const where = index < 0 ? iface : `${iface} #${index}`;
    out.push({ iface, index, field, expected: exp, actual: act, message: `${where} ${field}: expected ${show(exp)}, got ${show(act)}` });
  };
  for (const iface of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
    const e = expected[iface] ?? [];
    const a = actual[iface] ?? [];
    if (e.length !== a.length) add(iface, -1, 'count', e.length, a.length);
    for (let i = 0; i < Math.max(e.length, a.length); i++) {
      const fe = e[i];
      const fa = a[i];
      if (!fe || !fa) {
        add(iface, i, 'frame', fe ? describeFrame(fe) : undefined, fa ? describeFrame(fa) : undefined);
        continue;
      }
      for (const d of diffFlat(flatten(fe, pe, ve), flatten(fa, pa, va))) add(iface, i, d.field, d.expected, d.actual);
    }
  }
  return out;
}

/** Mismatches as a readable block, at most `limit` lines, for an assertion message. */
export function formatMismatches(mismatches: readonly Mismatch[], limit = 40): string {
  const lines = mismatches.slice(0, limit).map((m) => m.message);
  if (mismatches.length > limit) lines.push(`... and ${mismatches.length - limit} more`);
  return lines.join('\n');
}
