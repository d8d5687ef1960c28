import type { FdbEvent, HopEvent } from '../core';

/*
 * Folding floods: in a big lab one broadcast (an ARP request on a segment of 20 nodes, a bridge
 * with 10 pods) is copied to every port, and each copy that lands where nobody wants it is a frame
 * and a "not for me" event of its own: 40 steps that all say the same thing. A flood whose ignored
 * copies are many is folded into one display step that stands on the flood decision itself; the
 * hosts that do something with the frame (the one that answers) keep their own steps. A pure
 * function of the event list, so the log, the counter and the playhead agree on what a step is.
 */

/** Fewest hosts that ignore a flood's copies for it to be folded (the seed lab's floods reach 2 at most). */
export const FOLD_MIN_IGNORED = 3;

/** One flood folded into one step. */
export interface FloodFold {
  /** Index of the `fdb` flood event: the step the fold stands on. */
  at: number;
  /** The hidden events: the copies going out of the bridge's ports, and each copy received and ignored. */
  members: readonly number[];
  /** The bridge or segment switch that flooded, and where (the segment id for a segment). */
  scope: FdbEvent['scope'];
  bridge: string;
  ns: string;
  /** Ports the frame was flooded out of. */
  ports: number;
  /** Hosts that received a copy and ignored it, in log order. */
  ignored: readonly string[];
  /** Hosts that answered an ARP request the flood carried (an ARP reply of theirs to its sender). */
  answered: readonly string[];
  /** The flooded frame is an ARP request (else some other broadcast or unknown unicast). */
  arp: boolean;
  /** The ARP request's target address, when it is one. */
  target: string | null;
}

/** One step of the display: an event, or a folded flood standing on its `fdb` event. */
export interface DisplayStep {
  /** The event the playhead rests on. */
  index: number;
  fold?: FloodFold;
}

const foldCache = new WeakMap<readonly HopEvent[], FloodFold[]>();

function pktOf(e: HopEvent): number | undefined {
  return 'pkt' in e ? e.pkt : undefined;
}

/** Where to look, built once per journey: each packet's events, and ARP replies by "sender|target". */
interface EventIndex {
  byPkt: Map<number, number[]>;
  replies: Map<string, number[]>;
}

function indexEvents(events: readonly HopEvent[]): EventIndex {
  const byPkt = new Map<number, number[]>();
  const replies = new Map<string, number[]>();
  events.forEach((e, i) => {
    const pkt = pktOf(e);
    if (pkt !== undefined) {
      const list = byPkt.get(pkt);
      if (list) list.push(i);
      else byPkt.set(pkt, [i]);
    }
    if (e.type === 'frame' && e.dir === 'out' && e.arp?.op === 'reply') {
      const key = `${e.arp.spa}|${e.arp.tpa}`;
      const list = replies.get(key);
      if (list) list.push(i);
      else replies.set(key, [i]);
    }
  });
  return { byPkt, replies };
}

/**
 * The floods of a journey worth folding, in log order (cached per event list). Each flood looks
 * only at its own frame's events, so a storm of thousands of floods stays linear.
 */
export function floodFolds(events: readonly HopEvent[]): FloodFold[] {
  const hit = foldCache.get(events);
  if (hit) return hit;
  const out: FloodFold[] = [];
  let index: EventIndex | null = null;
  events.forEach((e, at) => {
    if (e.type !== 'fdb' || e.action !== 'flood') return;
    index ??= indexEvents(events);
    const fold = foldAt(events, index, at, e);
    if (fold) out.push(fold);
  });
  foldCache.set(events, out);
  return out;
}

/** The events of the flood at `at`: its frame's, up to its next flood (an L2 loop floods it again). */
function spanOf(events: readonly HopEvent[], list: readonly number[], at: number, pkt: number): number[] {
  const span: number[] = [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < list.length; k++) {
    const i = list[k] as number;
    const e = events[i] as HopEvent;
    if (e.type === 'fdb' && e.action === 'flood' && e.pkt === pkt) break;
    span.push(i);
  }
  return span;
}

/** The fold of the flood at `at`, if enough hosts ignore it. */
function foldAt(events: readonly HopEvent[], index: EventIndex, at: number, flood: FdbEvent): FloodFold | null {
  const span = spanOf(events, index.byPkt.get(flood.pkt) ?? [], at, flood.pkt);
  let request: { spa: string; tpa: string } | null = null;
  let arp = false;
  const received: string[] = [];
  const ignoredSet = new Set<string>();
  // Hosts with some event about the frame besides receiving it (a "not for me", a route, a delivery).
  const traces = new Set<string>();
  for (const i of span) {
    const e = events[i] as HopEvent;
    if (e.type === 'frame') {
      if (e.arp) {
        arp = true;
        if (e.arp.op === 'request') request ??= { spa: e.arp.spa, tpa: e.arp.tpa };
      }
      if (e.dir === 'in' && e.ns !== flood.ns && !received.includes(e.ns)) received.push(e.ns);
    } else if ((e.type === 'consume' || e.type === 'drop') && e.ns !== flood.ns) {
      ignoredSet.add(e.ns);
    }
    if (!(e.type === 'frame' && e.dir === 'in')) traces.add(e.ns);
  }
  const answered: string[] = [];
  if (request) {
    for (const i of index.replies.get(`${request.tpa}|${request.spa}`) ?? []) {
      const ns = (events[i] as HopEvent).ns;
      if (i > at && received.includes(ns) && !answered.includes(ns)) answered.push(ns);
    }
  }
  // A host that only received its copy (no "not for me" event, no answer, nothing else about the
  // frame) ignored it too: a request for someone else that refreshed nothing leaves no other trace.
  for (const ns of received) if (!traces.has(ns) && !answered.includes(ns)) ignoredSet.add(ns);
  const ignored = received.filter((ns) => ignoredSet.has(ns));
  if (ignored.length < FOLD_MIN_IGNORED) return null;
  const members = span.filter((i) => {
    const e = events[i] as HopEvent;
    const copyOut = e.type === 'frame' && e.ns === flood.ns && e.dir === 'out' && e.iface !== flood.bridge;
    const ignoredHere = ignoredSet.has(e.ns) && (e.type === 'frame' || e.type === 'consume' || e.type === 'drop');
    return copyOut || ignoredHere;
  });
  return { at, members, scope: flood.scope, bridge: flood.bridge, ns: flood.ns, ports: flood.ports.length, ignored, answered, arp, target: request?.tpa ?? null };
}

const stepsCache = new WeakMap<readonly HopEvent[], { key: string; steps: DisplayStep[] }>();

/**
 * The display steps of a journey: every event, except that each folded flood (those whose `at` is
 * not in `unfolded`) is one step on its flood event and its members are no steps at all.
 */
export function displaySteps(events: readonly HopEvent[], unfolded: readonly number[] = []): DisplayStep[] {
  const key = unfolded.join(',');
  const hit = stepsCache.get(events);
  if (hit && hit.key === key) return hit.steps;
  const folded = floodFolds(events).filter((f) => !unfolded.includes(f.at));
  const byAt = new Map(folded.map((f) => [f.at, f]));
  const hidden = new Set(folded.flatMap((f) => f.members));
  const steps: DisplayStep[] = [];
  for (let i = 0; i < events.length; i++) {
    if (hidden.has(i)) continue;
    const fold = byAt.get(i);
    steps.push(fold ? { index: i, fold } : { index: i });
  }
  stepsCache.set(events, { key, steps });
  return steps;
}

/**
 * Position in `steps` of the step that holds event `index`: its own step, or, for an event hidden
 * in a fold, the fold's step (found by membership, as a fold's members may come after later steps).
 */
export function stepPosition(steps: readonly DisplayStep[], index: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = steps[mid] as DisplayStep;
    if (s.index <= index) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (steps[best]?.index === index) return best;
  // A hidden event: the fold that hides it.
  const k = steps.findIndex((s) => s.fold?.members.includes(index) === true);
  return k >= 0 ? k : best;
}

/** The event the playhead should rest on for `index`: the event itself, or the fold hiding it. */
export function snapIndex(steps: readonly DisplayStep[], index: number): number {
  return steps[stepPosition(steps, index)]?.index ?? index;
}

/** The first and last events a step stands for (the fold's last member for a folded flood). */
export function stepSpan(step: DisplayStep): { first: number; last: number } {
  const m = step.fold?.members;
  return { first: step.index, last: m && m.length > 0 ? Math.max(step.index, m[m.length - 1] as number) : step.index };
}
