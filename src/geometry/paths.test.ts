import { line } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Point } from './layoutTypes';
import { polylineD } from './paths';

/** What the drawing wrote before it left d3-shape out of the first page. */
const d3Line = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y);

describe('polylineD', () => {
  it('writes the path d3-shape’s line() writes, for any points', () => {
    const coord = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.double({ min: -5000, max: 5000, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.record({ x: coord, y: coord }), { maxLength: 8 }), (points) => {
        expect(polylineD(points)).toBe(d3Line(points) ?? '');
      }),
    );
  });

  it('writes a veth and a lane as the drawing has them', () => {
    expect(polylineD([{ x: 10, y: 20 }, { x: 30.12345, y: 20 }])).toBe('M10,20L30.123,20');
    expect(polylineD([])).toBe('');
  });
});
