/**
 * The engine's agenda: actions ordered by time, then by insertion, so equal times run FIFO.
 *
 * Two lanes share one insertion counter. `pushSoon` is for actions scheduled a fixed short delay
 * ahead (a frame crossing a wire): their times never decrease, so they queue in plain FIFO order
 * with no sifting. Everything else (timers, sends) goes to a binary min-heap. `pop` takes whichever
 * lane's head comes first by (time, insertion). In each lane, times, insertion numbers and actions
 * sit in parallel arrays, so queueing allocates nothing beyond the action itself.
 */
export class TimedQueue<A> {
  private times: number[] = [];
  private orders: number[] = [];
  private items: A[] = [];
  private soonTimes: number[] = [];
  private soonOrders: number[] = [];
  private soonItems: A[] = [];
  /** The soon lane holds positions [soonHead, soonTail) of its arrays, which are reused, not shrunk. */
  private soonHead = 0;
  private soonTail = 0;
  private counter = 0;
  /**
   * How many actions have left the heap lane (timers and sends): frames crossing wires in between
   * all belong to one chain, as one softirq run does in the kernel (see Sim.epoch).
   */
  heapPops = 0;

  get size(): number {
    return this.items.length + this.soonTail - this.soonHead;
  }

  /** Whether no frame is crossing a wire: the softirq run has nothing left (see Sim.whenQuiet). */
  get soonEmpty(): boolean {
    return this.soonHead === this.soonTail;
  }

  /** Drops every queued action: a journey that reached its budget ends there (see Sim.runUntil). */
  clear(): void {
    this.times = [];
    this.orders = [];
    this.items = [];
    this.soonItems = [];
    this.soonHead = 0;
    this.soonTail = 0;
  }

  /**
   * Queues an action whose time is not earlier than that of any action queued this way before
   * (a fixed delay from a clock that never goes back). One that would be falls back to the heap.
   */
  pushSoon(t: number, item: A): void {
    const n = this.soonTail;
    if (n > this.soonHead && (this.soonTimes[n - 1] as number) > t) {
      this.push(t, item);
      return;
    }
    this.soonTimes[n] = t;
    this.soonOrders[n] = this.counter++;
    this.soonItems[n] = item;
    this.soonTail = n + 1;
  }

  push(t: number, item: A): void {
    const times = this.times;
    const orders = this.orders;
    const items = this.items;
    const order = this.counter++;
    let i = items.length;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < t || (pt === t && (orders[parent] as number) < order)) break;
      times[i] = pt;
      orders[i] = orders[parent] as number;
      items[i] = items[parent] as A;
      i = parent;
    }
    times[i] = t;
    orders[i] = order;
    items[i] = item;
  }

  /** Earliest time in the queue, or Infinity. */
  peekTime(): number {
    const heap = this.items.length > 0 ? (this.times[0] as number) : Infinity;
    const soon = this.soonHead < this.soonTail ? (this.soonTimes[this.soonHead] as number) : Infinity;
    return heap < soon ? heap : soon;
  }

  /** Removes the earliest action (at `peekTime()`) and returns it. */
  pop(): A | undefined {
    const h = this.soonHead;
    if (h < this.soonTail) {
      const st = this.soonTimes[h] as number;
      const ht = this.items.length > 0 ? (this.times[0] as number) : Infinity;
      if (st < ht || (st === ht && (this.soonOrders[h] as number) < (this.orders[0] as number))) {
        const item = this.soonItems[h] as A;
        if (h + 1 === this.soonTail) {
          // Empty again: start over at the front, so the arrays stay as long as the longest run.
          this.soonHead = 0;
          this.soonTail = 0;
        } else this.soonHead = h + 1;
        return item;
      }
    }
    return this.popHeap();
  }

  private popHeap(): A | undefined {
    const times = this.times;
    const orders = this.orders;
    const items = this.items;
    if (items.length === 0) return undefined;
    this.heapPops++;
    const top = items[0];
    // Take the last entry off and sift it down from the root.
    const t = times.pop() as number;
    const order = orders.pop() as number;
    const item = items.pop() as A;
    const n = items.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(times, orders, r, l) ? r : l;
      const ct = times[child] as number;
      if (ct > t || (ct === t && (orders[child] as number) > order)) break;
      times[i] = ct;
      orders[i] = orders[child] as number;
      items[i] = items[child] as A;
      i = child;
    }
    times[i] = t;
    orders[i] = order;
    items[i] = item;
    return top;
  }
}

function before(times: number[], orders: number[], x: number, y: number): boolean {
  const tx = times[x] as number;
  const ty = times[y] as number;
  return tx < ty || (tx === ty && (orders[x] as number) < (orders[y] as number));
}
