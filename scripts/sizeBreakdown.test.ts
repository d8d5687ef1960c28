import { describe, expect, it } from 'vitest';
import { breakdown, bytesBySource, decodeVlq, owner, UNMAPPED } from './sizeBreakdown';

describe('decodeVlq', () => {
  it('reads the source-map spec’s Base64 VLQ numbers', () => {
    // Examples from the spec's encoding: A=0, C=1, D=-1, 2H=123, gB=16.
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CACD')).toEqual([1, 0, 1, -1]);
    expect(decodeVlq('2H')).toEqual([123]);
    expect(decodeVlq('gB')).toEqual([16]);
  });

  it('refuses what is not VLQ, naming it', () => {
    expect(() => decodeVlq('A*')).toThrow('“*” is not a Base64 digit');
    expect(() => decodeVlq('g')).toThrow('ends inside a number');
  });
});

describe('bytesBySource', () => {
  it('gives each segment its columns up to the next one, glue to the bundler', () => {
    // Line 1: "ab" from a.ts, "cde" from b.ts; line 2: "xy" unmapped, then "z" from a.ts.
    const code = 'abcde\nxyz';
    const map = { sources: ['src/a.ts', 'src/b.ts'], mappings: 'AAAA,ECAA;EDAA' };
    expect(Object.fromEntries(bytesBySource(code, map))).toEqual({ 'src/a.ts': 3, 'src/b.ts': 3, [UNMAPPED]: 2 });
  });

  it('counts a line without mappings as the bundler’s', () => {
    expect(Object.fromEntries(bytesBySource('export{a as b};', { sources: ['src/a.ts'], mappings: '' }))).toEqual({ [UNMAPPED]: 15 });
  });
});

describe('breakdown', () => {
  it('shares each script’s gzip size out by its bytes, by module or by package', () => {
    const code = 'a'.repeat(20) + 'b'.repeat(80);
    // 20 characters from react-dom, 80 from our canvas.
    const map = { sources: ['../node_modules/react-dom/cjs/client.js', '../src/components/canvas/Net.tsx'], mappings: 'AAAA,oBCAA' };
    const scripts = [{ code, map, gzipBytes: 1000 }, { code: 'x'.repeat(50), map: null, gzipBytes: 100 }];
    expect(breakdown(scripts)).toEqual([
      ['src/components/canvas/Net.tsx', 800],
      ['react-dom/cjs/client.js', 200],
      [UNMAPPED, 100],
    ]);
    expect(breakdown(scripts, true)).toEqual([
      ['src/components/canvas', 800],
      ['react-dom', 200],
      [UNMAPPED, 100],
    ]);
  });

  it('names scoped packages with their scope, and our files from src/', () => {
    expect(owner('../../node_modules/@jridgewell/x/dist/y.js', true)).toBe('@jridgewell/x');
    expect(owner('/w/node_modules/zod/v4/core/schemas.js', false)).toBe('zod/v4/core/schemas.js');
    expect(owner('../../src/core/sim/arp.ts', false)).toBe('src/core/sim/arp.ts');
  });
});
