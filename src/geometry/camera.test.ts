import { describe, expect, it } from 'vitest';
import { FIT_MAX, FOLLOW_MAX, FOLLOW_MIN, fitView, followView, lodFor, onScreen, placeNote } from './camera';

const vp = { x: 0, y: 40, w: 800, h: 400 };

describe('camera', () => {
  it('fits a box whole and centred, at most the given scale', () => {
    const v = fitView({ x: 10, y: 10, w: 400, h: 100 }, vp, FIT_MAX);
    expect(v.k).toBe(FIT_MAX);
    const s = onScreen({ x: 10, y: 10, w: 400, h: 100 }, v);
    expect(s.x + s.w / 2).toBeCloseTo(400);
    expect(s.y + s.h / 2).toBeCloseTo(240);
    const wide = fitView({ x: 0, y: 0, w: 1600, h: 100 }, vp, FIT_MAX);
    expect(wide.k).toBeCloseTo(0.5);
  });

  it('follows a step as large as it fits, up to FOLLOW_MAX', () => {
    expect(followView({ x: 0, y: 0, w: 400, h: 200 }, null, vp).k).toBeCloseTo(2);
    expect(followView({ x: 0, y: 0, w: 40, h: 20 }, null, vp).k).toBe(FOLLOW_MAX);
  });

  it('never follows smaller than FOLLOW_MIN, keeping the packet in view when the step does not fit', () => {
    const focus = { x: 0, y: 0, w: 2000, h: 900 };
    const at = { x: 1900, y: 850 };
    const v = followView(focus, at, vp);
    expect(v.k).toBe(FOLLOW_MIN);
    const p = onScreen({ ...at, w: 0, h: 0 }, v);
    expect(p.x).toBeGreaterThanOrEqual(vp.x);
    expect(p.x).toBeLessThanOrEqual(vp.x + vp.w);
    expect(p.y).toBeGreaterThanOrEqual(vp.y);
    expect(p.y).toBeLessThanOrEqual(vp.y + vp.h);
  });

  it('shows MACs and prefixes when they are large enough, and drops them in that order', () => {
    expect(lodFor(1)).toBe('full');
    expect(lodFor(0.92)).toBe('full');
    expect(lodFor(0.8)).toBe('addr');
    expect(lodFor(0.5)).toBe('name');
  });

  it('places a note clear of the start, covering as little of the lab as it can', () => {
    const canvas = { w: 800, h: 500 };
    const keep = { x: 0, y: 400, w: 200, h: 100 };
    const lab = [{ x: 300, y: 100, w: 400, h: 300 }];
    const at = placeNote({ w: 250, h: 60 }, canvas, keep, lab, 44);
    if (!at) throw new Error('no place');
    const note = { x: at.x, y: at.y, w: 250, h: 60 };
    const hits = (a: typeof note, b: typeof note) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    expect(hits(note, keep)).toBe(false);
    expect(hits(note, lab[0] ?? keep)).toBe(false);
    // No room at all: no place rather than one over the start.
    expect(placeNote({ w: 790, h: 490 }, canvas, keep, lab, 0)).toBeNull();
  });
});
