import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrlParams, KNOWN_PARAMS } from '../src/app/urlParams';
import { JourneyError, runJourney, seedTopology } from '../src/core/index';
import { CliError, langOf, parseTraceArgs } from './traceArgs';

/*
 * Hostile input, bounded in count and seeded: trace arguments and link parameters. Whatever comes
 * in, the answer is a refusal that names what is wrong, in both languages, never an internal error
 * (a TypeError's text, "undefined", a stack overflow) and never a hang.
 */

const INTERNAL = /is not a function|Cannot read prop|undefined|Maximum call stack|\[object Object\]|NaN/;
const NAMES = ['preset', 'topology', 'from', 'to', 'proto', 'port', 'count', 'interval', 'ttl', 'format', 'lang', 'explain', 'warm', 'help', '__proto__', 'constructor', 'toString', 'colour'];
const VALUES = fc.oneof(
  fc.constantFrom('pod1', 'pod3', 'node1', '10.10.11.1', '999.1.1.1', '-1', '0', '1e3', '0x10', '', ' ', '--', 'ru', 'en', 'de', 'icmp', 'sctp', 'jsonl', 'short', '__proto__', 'constructor', '\u001b[2J', 'a\nb', 'ß'.repeat(300)),
  fc.string({ maxLength: 12 }),
);
const ARG = fc.oneof(fc.constantFrom(...NAMES).map((n) => `--${n}`), fc.tuple(fc.constantFrom(...NAMES), VALUES).map(([n, v]) => `--${n}=${v}`), VALUES);

describe('trace arguments, fuzzed', () => {
  it('parse or refuse with a CliError in every language, naming an option or the usage', () => {
    fc.assert(
      fc.property(fc.array(ARG, { maxLength: 8 }), (argv) => {
        try {
          langOf(argv);
          const args = parseTraceArgs(argv);
          expect(typeof args.spec.from).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(CliError);
          const { text } = e as CliError;
          for (const t of [text.en, text.ru]) {
            expect(t.length).toBeGreaterThan(5);
            expect(t).not.toMatch(INTERNAL);
            // Every refusal names the option, the value or the usage it is about.
            expect(t).toMatch(/--|usage|использование|«|"/i);
          }
        }
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });

  it('turn parsed journeys into results or JourneyErrors, never internal errors', () => {
    const topology = seedTopology();
    let ran = 0;
    fc.assert(
      fc.property(fc.array(ARG, { maxLength: 8 }), (argv) => {
        let spec;
        try {
          spec = parseTraceArgs(['--from', 'pod1', '--to', 'pod3', ...argv]).spec;
        } catch {
          return;
        }
        ran++;
        try {
          runJourney(topology, spec);
        } catch (e) {
          expect(e).toBeInstanceOf(JourneyError);
          expect((e as JourneyError).text.ru).not.toMatch(INTERNAL);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
    expect(ran).toBeGreaterThan(20);
  });
});

describe('link parameters, fuzzed', () => {
  const KEY = fc.oneof(fc.constantFrom(...KNOWN_PARAMS, '__proto__', 'constructor', 'colour', 'step', 'nodes'), fc.string({ maxLength: 8 }));
  const VALUE = fc.oneof(fc.constantFrom('1', '0', '-1', '20', '21', '999999999999', 'pod1-1', 'pod1', 'node1', 'ru', 'dark', '0.25', '3', 'tcp', '<img src=x onerror=alert(1)>'), fc.string({ maxLength: 12 }));

  it('always open something, and name every bad parameter in both languages', () => {
    const seed = seedTopology();
    let ran = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(KEY, VALUE), { maxLength: 8 }), (pairs) => {
        const search = `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
        const p = parseUrlParams(search);
        for (const m of p.linkErrors) {
          for (const t of [m.en, m.ru]) {
            expect(t).not.toMatch(INTERNAL);
            expect(t).toMatch(/\?|«|“/);
          }
        }
        // What was kept runs: a link can never open a journey the engine refuses with a bug.
        if (p.spec) {
          ran++;
          try {
            runJourney(p.topology ?? seed, p.spec);
          } catch (e) {
            expect(e).toBeInstanceOf(JourneyError);
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(ran).toBeGreaterThan(30);
  });
});
