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

/*
 * The CNI core (src/core/cni) emits events as data too; the only words in it are the plugins' own
 * (pluginText.ts: what the reference plugins print, wire data quoted unchanged, like the kernel's
 * answers in model/linux.ts). Paths, sysctl keys and JSON keys are not prose; three or more plain
 * words separated by spaces are.
 */
describe('the CNI core holds no prose outside the plugins\' own words', () => {
  const dir = join(import.meta.dirname, '..', 'src', 'core', 'cni');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'pluginText.ts');

  function literals(src: string): string[] {
    const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]);
  }

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it('no string in src/core/cni but pluginText.ts is a sentence', () => {
    for (const f of files) {
      for (const lit of literals(readFileSync(join(dir, f), 'utf8'))) {
        const words = lit.slice(1, -1).replace(/\$\{[^}]*\}/g, ' ').split(/\s+/).filter((w) => /^[A-Za-zА-Яа-яЁё]{2,}[,.;:!?]?$/.test(w));
        // Route texts as `ip route` prints them and iptables rules as `iptables -S` prints them are data.
        const isCommandText = /\b(dev|via|proto|scope)\b/.test(lit) || /^.-A \$\{/.test(lit);
        expect(words.length < 3 || isCommandText, `${f}: ${lit}`).toBe(true);
      }
    }
  });
});
