import type { DropReason, FdbEvent, FrameEvent, HopEvent, PacketKind } from '../core';
import { crossingPoints, nsPoint } from './paths';
import type { Point, TopologyLayout } from './layoutTypes';

/** One packet glyph to draw at a step: it travels through `points` and rests on the last one. */
export interface PacketGlyph {
  /** Unique per step and copy, so a new step restarts the animation. */
  key: string;
  kind: PacketKind;
  /** At least one point; one point means the packet sits still. */
  points: Point[];
  /** Where it comes from and where it rests: an interface id (`ns/iface`) or a namespace name. */
  from: string;
  to: string;
}

/** A drop, marked where it happened. */
export interface DropMark {
  at: Point;
  reason: DropReason;
  /** Interface id or namespace name. */
  where: string;
}

/** What the drawing shows of the packet(s) after one event. */
export interface PacketScene {
  glyphs: PacketGlyph[];
  drop: DropMark | null;
}

const BROADCAST = 'ff:ff:ff:ff:ff:ff';

interface Place {
  id: string;
  at: Point;
}

function ifacePlace(layout: TopologyLayout, ns: string, iface: string): Place | null {
  const id = `${ns}/${iface}`;
  const l = layout.ifaces[id];
  return l ? { id, at: l.at } : null;
}

function nsPlace(layout: TopologyLayout, ns: string): Place | null {
  const at = nsPoint(layout, ns);
  return at ? { id: ns, at } : null;
}

/** The namespace of a place id. */
function nsOfPlace(id: string): string {
  return id.split('/')[0] ?? id;
}

/**
 * Where the packet is after event `i`: on the interface of a frame or drop, in the namespace of a
 * send or delivery, and for kernel decisions (route, neighbour, FDB, TTL) wherever it already was in
 * that namespace.
 */
export function placeAt(layout: TopologyLayout, events: readonly HopEvent[], i: number): Place | null {
  const ev = events[i];
  if (!ev) return null;
  switch (ev.type) {
    case 'frame':
      return ifacePlace(layout, ev.ns, ev.iface) ?? nsPlace(layout, ev.ns);
    case 'drop':
      return (ev.iface !== undefined ? ifacePlace(layout, ev.ns, ev.iface) : null) ?? carried(layout, events, i);
    case 'send':
    case 'deliver':
      return nsPlace(layout, ev.ns);
    case 'route':
    case 'neigh':
    case 'ttl':
    case 'fdb':
    case 'consume':
    case 'fragment':
    case 'defrag':
    case 'pmtu':
    case 'vxlan':
    case 'ipip':
    case 'bpf':
    case 'ovs':
    case 'wireguard':
    case 'halt':
      return carried(layout, events, i);
    default:
      return assertNever(ev);
  }
}

/**
 * The previous place if it is in the same namespace, else the namespace itself; a segment's switch
 * has no box, so its decisions stay where the frame was.
 */
function carried(layout: TopologyLayout, events: readonly HopEvent[], i: number): Place | null {
  const ev = events[i];
  if (!ev) return null;
  const prev = i > 0 ? placeAt(layout, events, i - 1) : null;
  if (prev && nsOfPlace(prev.id) === ev.ns) return atBridgeDevice(layout, prev);
  return nsPlace(layout, ev.ns) ?? prev;
}

/**
 * A decision taken on a packet a bridge passed up to its own device (the node routes what came in
 * on cni0): the packet rests beside the bridge's label, where the device is named, rather than on
 * the bar's end, which is next to the last pod's port and would read as that pod's (teacher
 * review, item 14). Beside the label's first line on its right, or on its left when the machine
 * has no room there; other places are kept as they are.
 */
function atBridgeDevice(layout: TopologyLayout, p: Place): Place {
  const l = layout.ifaces[p.id];
  const box = l ? layout.namespaces[l.ns]?.box : undefined;
  if (!l || !box || l.placement !== 'bridge-self') return p;
  const y = l.labelBox.y + 8;
  const right = l.labelBox.x + l.labelBox.w + GLYPH_HALF_W + 6;
  if (right + GLYPH_HALF_W <= box.x + box.w - 4) return { id: p.id, at: { x: right, y } };
  const left = l.labelBox.x - GLYPH_HALF_W - 6;
  if (left - GLYPH_HALF_W >= box.x + 4) return { id: p.id, at: { x: left, y } };
  return p;
}

/** Half the packet glyph's width (PacketGlyph draws it 26 units wide). */
const GLYPH_HALF_W = 13;

/** The kind of packet being handled at event `i`: that of the nearest frame, send or delivery before it. */
export function kindAt(events: readonly HopEvent[], i: number): PacketKind {
  for (let k = Math.min(i, events.length - 1); k >= 0; k--) {
    const e = events[k];
    if (e && (e.type === 'frame' || e.type === 'send' || e.type === 'deliver')) return e.kind;
  }
  return 'request';
}

/** Where an FDB port name points: an interface in the bridge's namespace, or a segment member. */
function portPlace(layout: TopologyLayout, ev: FdbEvent, port: string): Place | null {
  if (port.includes('/')) {
    const l = layout.ifaces[port];
    return l ? { id: port, at: l.at } : null;
  }
  const seg = layout.segments.find((s) => s.id === ev.bridge);
  if (seg) {
    // A segment switch names its ports after what is plugged in: a namespace, or `ns/iface`.
    const id = seg.members.find((m) => m === port || nsOfPlace(m) === port || m.endsWith(`/${port}`));
    const l = id ? layout.ifaces[id] : undefined;
    return id && l ? { id, at: l.at } : null;
  }
  return ifacePlace(layout, ev.ns, port);
}

function crossing(layout: TopologyLayout, from: Place, to: Place): Point[] {
  const pts = crossingPoints(layout, from.id, to.id);
  if (pts.length === 0) return [from.at, to.at];
  // A packet resting off its interface's anchor (beside a bridge's label) goes there first.
  const first = pts[0];
  return first && (first.x !== from.at.x || first.y !== from.at.y) ? [from.at, ...pts] : pts;
}

/** The frame events that received what an `out` frame sent. */
function receivers(layout: TopologyLayout, events: readonly HopEvent[], out: FrameEvent): Place[] {
  const ins = events.filter((e): e is FrameEvent => e.type === 'frame' && e.dir === 'in' && e.wire === out.wire);
  // A bridge passing the frame up to its own device shares the wire id, but that is the bridge's
  // doing, drawn at that step; the wire itself ends on the port.
  const places = ins
    .filter((e) => layout.ifaces[`${e.ns}/${e.iface}`]?.placement !== 'bridge-self')
    .map((e) => ifacePlace(layout, e.ns, e.iface))
    .filter((p): p is Place => p !== null);
  if (places.length > 0) return places;
  // A bridge device sending: its ports' own `out` events carry the frame on.
  if (layout.ifaces[`${out.ns}/${out.iface}`]?.placement === 'bridge-self') return [];
  // Nothing received it (the log stops there): draw it to where the wire leads anyway.
  const src = layout.ifaces[`${out.ns}/${out.iface}`];
  if (src?.peer) {
    const peer = layout.ifaces[src.peer];
    return peer ? [{ id: peer.id, at: peer.at }] : [];
  }
  const seg = layout.segments.find((s) => src && s.members.includes(src.id));
  return (seg?.members ?? [])
    .filter((m) => m !== src?.id)
    .map((m) => layout.ifaces[m])
    .filter((l) => l !== undefined)
    .map((l) => ({ id: l.id, at: l.at }));
}

/**
 * The packet glyphs and drop mark for the step at event `i`. An `out` frame sends one copy along
 * its wire to every interface that received it (an ARP broadcast fans out); an FDB flood or
 * forward sends copies from the ingress port to the ports it names; any other event moves the
 * packet from where it was to where this event happens.
 */
export function packetSceneAt(layout: TopologyLayout, events: readonly HopEvent[], i: number): PacketScene {
  const ev = events[i];
  const here = placeAt(layout, events, i);
  if (!ev || !here) return { glyphs: [], drop: null };
  const kind = kindAt(events, i);
  const prev = i > 0 ? placeAt(layout, events, i - 1) : null;
  const still = (): PacketGlyph[] => [{ key: `${i}`, kind, points: [here.at], from: here.id, to: here.id }];
  const move = (from: Place | null, to: Place, k = 0): PacketGlyph => ({
    key: `${i}:${k}`,
    kind,
    points: from && from.id !== to.id ? crossing(layout, from, to) : [to.at],
    from: from?.id ?? to.id,
    to: to.id,
  });

  if (ev.type === 'frame' && ev.dir === 'out') {
    const targets = receivers(layout, events, ev);
    return { glyphs: targets.length > 0 ? targets.map((t, k) => move(here, t, k)) : still(), drop: null };
  }
  if (ev.type === 'frame' && ev.dir === 'in') {
    if (layout.ifaces[here.id]?.placement === 'bridge-self') {
      // A bridge passing a frame up to its own device: it moves along the bar from the port it came in on.
      const port = events.slice(0, i).reverse().find((e) => e.type === 'frame' && e.dir === 'in' && e.wire === ev.wire && e.ns === ev.ns);
      const from = port?.type === 'frame' ? ifacePlace(layout, port.ns, port.iface) : prev;
      return { glyphs: [move(from, here)], drop: null };
    }
    // The crossing was drawn at its `out` event; a frame nobody sent moves from where it was.
    const sent = events.some((e) => e.type === 'frame' && e.dir === 'out' && e.wire === ev.wire);
    return { glyphs: sent ? still() : [move(prev, here)], drop: null };
  }
  if (ev.type === 'fdb' && (ev.action === 'flood' || ev.action === 'forward')) {
    const ports = ev.ports.map((p) => portPlace(layout, ev, p)).filter((p): p is Place => p !== null);
    const isSegment = layout.segments.some((g) => g.id === ev.bridge);
    // A segment switch floods what the last NIC sent; a bridge, what came in on its port.
    const lastOut = isSegment ? events.slice(0, i).reverse().find((e) => e.type === 'frame' && e.dir === 'out') : undefined;
    const from = lastOut?.type === 'frame' ? ifacePlace(layout, lastOut.ns, lastOut.iface) : prev && nsOfPlace(prev.id) === ev.ns ? prev : here;
    // A bridge floods a broadcast to its ports and also passes a copy up to its own device.
    const self = !isSegment && ev.action === 'flood' && ev.mac === BROADCAST ? ifacePlace(layout, ev.ns, ev.bridge) : null;
    const targets = self ? [...ports, self] : ports;
    return { glyphs: targets.length > 0 ? targets.map((p, k) => move(from, p, k)) : still(), drop: null };
  }
  if (ev.type === 'drop') {
    return { glyphs: still(), drop: { at: here.at, reason: ev.reason, where: here.id } };
  }
  return { glyphs: [move(prev, here)], drop: null };
}

function assertNever(x: never): never {
  throw new Error(`Unexpected event: ${JSON.stringify(x)}`);
}
