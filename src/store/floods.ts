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

/** The floods of a journey worth folding, in log order (cached per event list). */
export function floodFolds(events: readonly HopEvent[]): FloodFold[] {
  const hit = foldCache.get(events);
  if (hit) return hit;
  const out: FloodFold[] = [];
  events.forEach((e, at) => {
    if (e.type !== 'fdb' || e.action !== 'flood') return;
    const fold = foldAt(events, at, e);
    if (fold) out.push(fold);
  });
  foldCache.set(events, out);
  return out;
}

/** The fold of the flood at `at`, if enough hosts ignore it. */
function foldAt(events: readonly HopEvent[], at: number, flood: FdbEvent): FloodFold | null {
  const pkt = flood.pkt;
  // The span of this flood: up to the next flood of the same frame (an L2 loop floods it again).
  let end = events.length;
  for (let i = at + 1; i < events.length; i++) {
    const e = events[i] as HopEvent;
    if (e.type === 'fdb' && e.action === 'flood' && e.pkt === pkt) {
      end = i;
      break;
    }
  }
  let request: { spa: string; tpa: string } | null = null;
  let arp = false;
  const received: string[] = [];
  const ignoredSet = new Set<string>();
  for (let i = at + 1; i < end; i++) {
    const e = events[i] as HopEvent;
    if (pktOf(e) !== pkt) continue;
    if (e.type === 'frame') {
      if (e.arp) {
        arp = true;
        if (e.arp.op === 'request') request ??= { spa: e.arp.spa, tpa: e.arp.tpa };
      }
      if (e.dir === 'in' && e.ns !== flood.ns && !received.includes(e.ns)) received.push(e.ns);
    } else if ((e.type === 'consume' || e.type === 'drop') && e.ns !== flood.ns) {
      ignoredSet.add(e.ns);
    }
  }
  // A host that only received its copy (no "not for me" event, no answer, nothing else about the
  // frame) ignored it too: a request for someone else that refreshed nothing leaves no other trace.
  const traces = new Map<string, number>();
  for (let i = at + 1; i < end; i++) {
    const e = events[i] as HopEvent;
    if (pktOf(e) === pkt && !(e.type === 'frame' && e.dir === 'in')) traces.set(e.ns, (traces.get(e.ns) ?? 0) + 1);
  }
  const answered = request ? answerers(events, at, request, received) : [];
  for (const ns of received) if (!traces.has(ns) && !answered.includes(ns) && ns !== flood.ns) ignoredSet.add(ns);
  const ignored = received.filter((ns) => ignoredSet.has(ns));
  if (ignored.length < FOLD_MIN_IGNORED) return null;
  const members: number[] = [];
  for (let i = at + 1; i < end; i++) {
    const e = events[i] as HopEvent;
    if (pktOf(e) !== pkt) continue;
    const copyOut = e.type === 'frame' && e.ns === flood.ns && e.dir === 'out' && e.iface !== flood.bridge;
    const ignoredHere = ignoredSet.has(e.ns) && (e.type === 'frame' || e.type === 'consume' || e.type === 'drop');
    if (copyOut || ignoredHere) members.push(i);
  }
  return { at, members, scope: flood.scope, bridge: flood.bridge, ns: flood.ns, ports: flood.ports.length, ignored, answered, arp, target: request?.tpa ?? null };
}

/** The receivers that answered the ARP request `request` (an ARP reply of theirs to its sender). */
function answerers(events: readonly HopEvent[], at: number, request: { spa: string; tpa: string }, received: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = at + 1; i < events.length; i++) {
    const e = events[i] as HopEvent;
    if (e.type === 'frame' && e.dir === 'out' && e.arp?.op === 'reply' && e.arp.tpa === request.spa && e.arp.spa === request.tpa && received.includes(e.ns) && !out.includes(e.ns)) out.push(e.ns);
  }
  return out;
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
