import type { HopEvent } from '../events';
import type { Action } from './actions';
import { TimedQueue } from './queue';
import type { TcpConn } from './transport';
import type { World } from './world';

/**
 * Time a frame takes from one device's transmit to the next device's receive, in nanoseconds.
 * In the kernel a veth hands the frame to the per-CPU backlog and the receive runs later in the
 * same softirq; a fixed small delay keeps that FIFO order while making time move forward.
 */
export const WIRE_DELAY_NS = 1_000;

/** Nanoseconds per millisecond and per second, for timers. */
export const MS = 1_000_000;
export const SEC = 1_000_000_000;

/**
 * The budget of one run (`runUntil`): a journey ends, with a `halt` event, once its log holds
 * MAX_EVENTS events or it has performed MAX_ACTIONS queued actions, whatever the lab. The log can
 * pass MAX_EVENTS only by the events of the action that reached it (a flood logs one frame per port).
 *
 * Ordinary journeys stay far below: 100 pings a minute apart across a 100-node cluster log about
 * 14,000 events; 100 SYNs a minute apart that a host drops silently, each sent again ten times,
 * about 26,000. An L2 loop (which storms in Linux too) is cut per frame long before (link.ts);
 * the budget is for what nothing else bounds. Virtual time is bounded by the journey's window
 * (`journeyDurationMs`: at most 99 × 60 s + SETTLE_MS, twice that for a warm journey).
 */
export const MAX_EVENTS = 50_000;
export const MAX_ACTIONS = 200_000;

/** The discrete-event simulation: a clock, a queue of timed actions and the event log. */
export class Sim {
  /** Current virtual time in ns. */
  t = 0;
  /** Time subtracted from stamps, so a warm journey's log starts at 0. */
  base = 0;
  events: HopEvent[] = [];
  private queue = new TimedQueue<Action>();
  /** Functions waiting for the softirq run to end (whenQuiet), oldest first. */
  private quiet: (() => void)[] = [];
  /** TCP connections this journey's programs opened, by `ns/sport` (transport.ts); on first use. */
  tcp: Map<string, TcpConn> | null = null;
  /**
   * Crossings of a bridge or segment switch a frame can make without a loop: one per switch of the
   * topology (counted on first need, see link.ts). -1 until then.
   */
  l2Free = -1;
  private wires = 0;
  private tokens = 0;
  private packets = 0;
  readonly world: World;
  private readonly perform: (sim: Sim, a: Action) => void;

  /** `perform` runs a queued action (see actions.ts; injected so this file imports no layer). */
  constructor(world: World, perform: (sim: Sim, a: Action) => void) {
    this.world = world;
    this.perform = perform;
  }

  /** The position the next event takes in the log: every event is built with `seq: sim.seq`. */
  get seq(): number {
    return this.events.length;
  }

  /** The current time as events show it: every event is built with `t: sim.now`. */
  get now(): number {
    return this.t - this.base;
  }

  /**
   * Appends an event built with `seq: sim.seq, t: sim.now` as its last two fields (last, so its
   * JSON reads as before). Stamping them here instead, by adding two properties to objects of a
   * dozen shapes, cost a fifth of a cold journey: each add was a megamorphic store that also grew
   * an out-of-object property array. (A store at `length` rather than `push`: once journeys of all
   * kinds have run, V8 stops inlining this method, and the store is then the cheaper call.)
   */
  emit(e: HopEvent): void {
    const events = this.events;
    events[events.length] = e;
  }

  /**
   * Runs `fn` once no frame is left crossing a wire, before any later timer: what a system call
   * does after the softirq run its own transmission started (local_bh_enable → do_softirq runs the
   * backlog to the end, still inside the call). ip_fragment's loop sends a packet's next fragment
   * only then.
   */
  whenQuiet(fn: () => void): void {
    this.quiet.push(fn);
  }

  /** Runs `action` `delay` ns from now. */
  after(delay: number, action: Action): void {
    // Frames crossing a wire, nearly every action, all wait the same delay: the queue's FIFO lane.
    if (delay === WIRE_DELAY_NS) this.queue.pushSoon(this.t + delay, action);
    else this.queue.push(this.t + delay, action);
  }

  /** A fresh id for one transmission on a wire. */
  nextWire(): number {
    return ++this.wires;
  }

  /** A fresh packet id. */
  nextPacket(): number {
    return ++this.packets;
  }

  /** A fresh timer token (see Neigh.timer). */
  nextToken(): number {
    return ++this.tokens;
  }

  /**
   * Which run of the softirq chain this is: it changes whenever a timer or a send leaves the queue,
   * not while frames only cross wires. The kernel likewise runs everything a send triggers (veth
   * hops, forwarding, ICMP errors coming back) in one softirq run, still inside the sending system
   * call; the next timer starts another.
   */
  get epoch(): number {
    return this.queue.heapPops;
  }

  /**
   * Runs every action due up to and including `horizon` (ns), within the run's budget (MAX_EVENTS,
   * MAX_ACTIONS): past it, logs a `halt` event and drops whatever is still queued.
   */
  runUntil(horizon: number): void {
    const queue = this.queue;
    let actions = 0;
    for (;;) {
      if (this.quiet.length > 0 && queue.soonEmpty) {
        (this.quiet.shift() as () => void)();
        if (++actions >= MAX_ACTIONS) return this.halt('actions', MAX_ACTIONS, horizon);
        continue;
      }
      if (queue.peekTime() > horizon) break;
      const t = queue.peekTime();
      const action = queue.pop();
      if (action === undefined) break;
      this.t = t;
      this.perform(this, action);
      if (++actions >= MAX_ACTIONS) return this.halt('actions', MAX_ACTIONS, horizon);
      if (this.events.length >= MAX_EVENTS) return this.halt('events', MAX_EVENTS, horizon);
    }
    this.t = Math.max(this.t, horizon);
  }

  private halt(reason: 'events' | 'actions', limit: number, horizon: number): void {
    const last = this.events[this.events.length - 1];
    this.emit({ type: 'halt', ns: last?.ns ?? '', reason, limit, pending: this.queue.size, seq: this.seq, t: this.now });
    this.queue.clear();
    this.quiet = [];
    this.t = Math.max(this.t, horizon);
  }
}
