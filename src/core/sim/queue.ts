/**
 * A binary min-heap of actions ordered by time, then by insertion, so equal times run FIFO.
 *
 * Times, insertion numbers and actions sit in three parallel arrays that swap together, so queueing
 * an action allocates nothing beyond the action itself (a cold journey queues a few dozen).
 */
export class TimedQueue<A> {
  private times: number[] = [];
  private orders: number[] = [];
  private items: A[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
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
    return this.items.length > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Removes the earliest action (at `peekTime()`) and returns it. */
  pop(): A | undefined {
    const times = this.times;
    const orders = this.orders;
    const items = this.items;
    if (items.length === 0) return undefined;
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
