import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimedQueue } from './queue';

describe('TimedQueue', () => {
  it('pops by time, and in insertion order at equal times, however pushes and pops interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 200 }), (ops) => {
        const q = new TimedQueue<number>();
        const model: { t: number; n: number }[] = [];
        let n = 0;
        for (const op of ops) {
          if (op >= 0) {
            q.push(op, n);
            model.push({ t: op, n: n++ });
          } else {
            model.sort((a, b) => a.t - b.t || a.n - b.n);
            const want = model.shift();
            expect(q.peekTime()).toBe(want?.t ?? Infinity);
            expect(q.pop()).toBe(want?.n);
          }
          expect(q.size).toBe(model.length);
        }
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
