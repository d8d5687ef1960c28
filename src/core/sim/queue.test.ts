import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimedQueue } from './queue';

/** A push to either lane at a time, or a pop. */
const op = fc.oneof(
  fc.record({ lane: fc.constantFrom('heap' as const, 'soon' as const), t: fc.integer({ min: 0, max: 20 }) }),
  fc.constant(null),
);

describe('TimedQueue', () => {
  it('pops by time, and in insertion order at equal times, whichever lane and however pushes and pops interleave', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const q = new TimedQueue<number>();
        const model: { t: number; n: number }[] = [];
        let n = 0;
        for (const o of ops) {
          if (o) {
            if (o.lane === 'soon') q.pushSoon(o.t, n);
            else q.push(o.t, n);
            model.push({ t: o.t, n: n++ });
          } else {
            model.sort((a, b) => a.t - b.t || a.n - b.n);
            const want = model.shift();
            expect(q.peekTime()).toBe(want?.t ?? Infinity);
            expect(q.pop()).toBe(want?.n);
          }
          expect(q.size).toBe(model.length);
        }
      }),
      { numRuns: 500, seed: 20261130 },
    );
  });
});
