import { describe, expect, it } from 'vitest';
import { freezeSpec } from './freeze';

describe('freezeSpec', () => {
  it('freezes a spec all the way down, iteratively: 100,000 levels do not overflow the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let deepObject: unknown = {};
    for (let i = 0; i < 100_000; i++) deepObject = { a: deepObject };
    const spec = { name: 'p', x: deep, y: deepObject };
    expect(freezeSpec(spec)).toBe(spec);
    let v: unknown = deep;
    while (Array.isArray(v) && v.length > 0) {
      expect(Object.isFrozen(v)).toBe(true);
      v = v[0];
    }
    expect(Object.isFrozen(v)).toBe(true);
  });

  it('leaves pods to be frozen on their own, but freezes the list', () => {
    const pod = { name: 'p', interfaces: [] };
    const machine = { name: 'm', pods: [pod] };
    freezeSpec(machine);
    expect(Object.isFrozen(machine.pods)).toBe(true);
    expect(Object.isFrozen(pod)).toBe(false);
  });

  it('ends on cycles and skips what JSON never holds', () => {
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.self = cyclic;
    const bytes = new Uint8Array(4);
    const spec = { a: cyclic, b: bytes, c: new Map([[1, 2]]) };
    expect(() => freezeSpec(spec)).not.toThrow();
    expect(Object.isFrozen(cyclic)).toBe(true);
    expect(Object.isFrozen(bytes)).toBe(false);
  });
});
