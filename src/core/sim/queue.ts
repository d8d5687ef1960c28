/** A binary min-heap of timed actions, ordered by time then insertion, so equal times run FIFO. */
export interface Timed {
  t: number;
  order: number;
  run: () => void;
}

/** Min-heap on (t, order). */
export class TimedQueue {
  private items: Timed[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  push(t: number, run: () => void): void {
    const item = { t, order: this.counter++, run };
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent] as Timed;
      if (!before(item, p)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = item;
  }

  /** Earliest time in the queue, or Infinity. */
  peekTime(): number {
    return this.items[0]?.t ?? Infinity;
  }

  pop(): Timed | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (top === undefined || last === undefined || a.length === 0) return top;
    let i = 0;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(a[r] as Timed, a[l] as Timed) ? r : l;
      const c = a[child] as Timed;
      if (!before(c, last)) break;
      a[i] = c;
      i = child;
    }
    a[i] = last;
    return top;
  }
}

function before(x: Timed, y: Timed): boolean {
  return x.t < y.t || (x.t === y.t && x.order < y.order);
}
