import { onTimer } from './arp';
import type { Sim } from './engine';
import type { WireFrame } from './packet';
import { hear, rx, segmentRx } from './link';
import { onRto, type TcpConn } from './transport';
import type { Iface, Neigh, PortRef, Segment } from './world';

/**
 * What the engine's queue holds: plain records rather than closures. A cold journey queues a few
 * dozen actions, nearly all a frame reaching the far end of a wire or a neighbour timer; a record
 * is one small object where a closure was a context, a function and a queue entry.
 */
export type Action =
  /** A frame arrives on `dev` (the far end of a veth, or a NIC the segment's switch sent it to). */
  | { op: 'rx'; dev: Iface; frame: WireFrame; wire: number }
  /** A frame the segment flooded reaches one of its NICs, named, not built (hear.ts). */
  | { op: 'hear'; ref: PortRef; frame: WireFrame; wire: number }
  /** A frame sent by `from` reaches its segment's switch. */
  | { op: 'switch'; seg: Segment; from: Iface; frame: WireFrame; wire: number }
  /** A neighbour entry's timer fires; stale if the entry was re-armed since (token differs). */
  | { op: 'timer'; n: Neigh; token: number }
  /** A connect()'s retransmission timer fires; stale if re-armed or settled since (token differs). */
  | { op: 'rto'; conn: TcpConn; token: number }
  /** Anything rarer: a journey's send, a delayed proxy-ARP reply, loopback delivery. */
  | { op: 'call'; fn: () => void };

/** Runs one queued action. */
export function perform(sim: Sim, a: Action): void {
  switch (a.op) {
    case 'rx':
      rx(sim, a.dev, a.frame, a.wire);
      return;
    case 'hear':
      hear(sim, a.ref, a.frame, a.wire);
      return;
    case 'switch':
      segmentRx(sim, a.seg, a.from, a.frame, a.wire);
      return;
    case 'timer':
      if (a.n.timer === a.token) onTimer(sim, a.n);
      return;
    case 'rto':
      onRto(sim, a.conn, a.token);
      return;
    case 'call':
      a.fn();
  }
}
