import type { HopEvent } from '../events';
import { TimedQueue } from './queue';
import type { World } from './world';

/** An event before the engine stamps its position and time. */
export type EventInput = HopEvent extends infer E ? (E extends HopEvent ? Omit<E, 'seq' | 't'> : never) : never;

/**
 * Time a frame takes from one device's transmit to the next device's receive, in nanoseconds.
 * In the kernel a veth hands the frame to the per-CPU backlog and the receive runs later in the
 * same softirq; a fixed small delay keeps that FIFO order while making time move forward.
 */
export const WIRE_DELAY_NS = 1_000;

/** Nanoseconds per millisecond and per second, for timers. */
export const MS = 1_000_000;
export const SEC = 1_000_000_000;

/** The discrete-event simulation: a clock, a queue of timed actions and the event log. */
export class Sim {
  /** Current virtual time in ns. */
  t = 0;
  /** Time subtracted from stamps, so a warm journey's log starts at 0. */
  base = 0;
  events: HopEvent[] = [];
  private queue = new TimedQueue();
  private wires = 0;
  private tokens = 0;
  private packets = 0;
  readonly world: World;

  constructor(world: World) {
    this.world = world;
  }

  /** Appends an event stamped with the current time. */
  emit(e: EventInput): void {
    const ev = e as HopEvent;
    ev.seq = this.events.length;
    ev.t = this.t - this.base;
    this.events.push(ev);
  }

  /** Runs `fn` `delay` ns from now. */
  after(delay: number, fn: () => void): void {
    this.queue.push(this.t + delay, fn);
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

  /** Runs every action due up to and including `horizon` (ns). */
  runUntil(horizon: number): void {
    while (this.queue.peekTime() <= horizon) {
      const item = this.queue.pop();
      if (!item) break;
      this.t = item.t;
      item.run();
    }
    this.t = Math.max(this.t, horizon);
  }
}
