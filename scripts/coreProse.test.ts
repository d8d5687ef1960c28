import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The engine (src/core/sim) emits facts; the narrator tells them. A sentence in the engine, in any
 * language, would be prose the catalogues cannot translate. (A Node test: src/core may not read files.)
 */
describe('the engine holds no prose', () => {
  const dir = join(import.meta.dirname, '..', 'src', 'core', 'sim');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  /** String and template literals of a source file, comments removed. */
  function literals(src: string): string[] {
    const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]);
  }

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  it('no string in src/core/sim is a sentence in any language', () => {
    for (const f of files) {
      for (const lit of literals(readFileSync(join(dir, f), 'utf8'))) {
        const words = lit.replace(/\$\{[^}]*\}/g, ' ').match(/[A-Za-zА-Яа-яЁё]{2,}/g) ?? [];
        expect(/[А-Яа-яЁё]/.test(lit), `${f}: ${lit}`).toBe(false);
        // Route texts as `ip route` prints them are data, not prose: they are built from fields.
        const isRouteText = /\b(dev|via|proto|scope|table)\b/.test(lit);
        expect(words.length < 4 || isRouteText, `${f}: ${lit}`).toBe(true);
      }
    }
  });
});
