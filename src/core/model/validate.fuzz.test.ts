import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../i18n/catalogs';
import { formatProblem, type Problem } from '../i18n/problems';
import { LANGS } from '../i18n/lang';
import { generateCluster } from '../presets/generate';
import { seedCalicoStylePod1 } from '../presets/scenarios';
import { seedTopology } from '../presets/seed';
import bridgePortAddress from './cases/bridge-port-address.json';
import fibDuplicateAdd from './cases/fib-duplicate-add.json';
import sharedHostMac from './cases/shared-host-mac.json';
import { validateTopology, validateTopologyWarnings } from './validate';

/*
 * Mutation fuzzing of topology files, in process: start from valid labs, put hostile JSON at
 * random places (strings "false" and "1", nulls, nested arrays 10,000 deep, huge arrays,
 * prototype keys as names and as fields, copies of other parts), and check that validation never
 * throws, that every problem names a place that exists in the input (or whose parent does), and
 * that no text in any language carries an internal error or zod's own English.
 */

type Key = string | number;
type Json = unknown;

/** Valid labs to mutate, as fresh JSON each time. */
const BASES: (() => Json)[] = [
  () => seedTopology(),
  () => seedCalicoStylePod1(),
  () => generateCluster({ nodes: 2, podsPerNode: 2 }),
  () => bridgePortAddress,
  () => sharedHostMac,
  () => fibDuplicateAdd,
].map((make) => () => JSON.parse(JSON.stringify(make())) as Json);

/** A hostile value, described so that fast-check can print and shrink it; built by {@link build}. */
type Hostile =
  | { t: 'json'; v: Json }
  | { t: 'deep-array'; depth: number }
  | { t: 'deep-object'; depth: number }
  | { t: 'huge-array'; n: number }
  | { t: 'long-string'; n: number }
  | { t: 'proto-object' }
  | { t: 'copy'; from: number };

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom<Json>('false', 'true', '1', '0', '', 'NaN', '-1', '1e3', 'default', 'PERMANENT', ...PROTO_KEYS, null, true, false, 0, -1, 2.5, 1e300, 2 ** 53, 4294967296, 65536, [], {}, [[]], '02:00:00:00:00:01', '10.0.0.1/24', 'eth0', 'lan', 'node1', 'pod1', 'cni0', 'bridge', 'veth').map((v): Hostile => ({ t: 'json', v })),
  fc.jsonValue({ maxDepth: 3 }).map((v): Hostile => ({ t: 'json', v })),
  fc.constantFrom(1_000, 10_000, 30_000).map((depth): Hostile => ({ t: 'deep-array', depth })),
  fc.constantFrom(1_000, 10_000).map((depth): Hostile => ({ t: 'deep-object', depth })),
  fc.constantFrom(1_000, 20_000).map((n): Hostile => ({ t: 'huge-array', n })),
  fc.constantFrom(100, 100_000).map((n): Hostile => ({ t: 'long-string', n })),
  fc.constant<Hostile>({ t: 'proto-object' }),
  fc.nat().map((from): Hostile => ({ t: 'copy', from })),
);

/** One edit of the tree: replace a value, delete it, add a field to an object, or push into an array. */
type Mutation = { op: 'set' | 'delete' | 'add-key' | 'push'; at: number; key: string; value: Hostile };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Mutation['op']>('set', 'set', 'set', 'delete', 'add-key', 'push'),
  at: fc.nat(),
  key: fc.constantFrom(...PROTO_KEYS, 'neighbors', 'x', 'kind', 'master', 'peer', 'segment', 'metric', 'op', 'sysctls', 'mtu'),
  value: hostile,
});

function isContainer(v: unknown): v is Record<Key, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Every path in a JSON tree (the root's is []), breadth first, at most `limit`, not inside huge or deep values. */
function pathsOf(root: Json, limit = 5_000): Key[][] {
  const out: Key[][] = [[]];
  const queue: { v: Json; path: Key[] }[] = [{ v: root, path: [] }];
  while (queue.length > 0 && out.length < limit) {
    const { v, path } = queue.shift() as { v: Json; path: Key[] };
    if (!isContainer(v) || path.length > 12) continue;
    const keys: Key[] = Array.isArray(v) ? (v.length > 50 ? [] : v.map((_, i) => i)) : Object.keys(v);
    for (const k of keys) {
      const child = [...path, k];
      out.push(child);
      queue.push({ v: (v as Record<Key, unknown>)[k], path: child });
    }
  }
  return out;
}

function get(root: Json, path: readonly Key[]): { found: boolean; value: Json } {
  let v: Json = root;
  for (const k of path) {
    if (!isContainer(v) || !Object.hasOwn(v, k)) return { found: false, value: undefined };
    v = v[k];
  }
  return { found: true, value: v };
}

/** Sets an own property, `__proto__` included (plain assignment would change the prototype). */
function put(target: Record<Key, unknown>, key: Key, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function build(h: Hostile, root: Json): Json {
  switch (h.t) {
    case 'json':
      return structuredClone(h.v);
    case 'deep-array': {
      let v: Json = [];
      for (let i = 0; i < h.depth; i++) v = [v];
      return v;
    }
    case 'deep-object': {
      let v: Json = {};
      for (let i = 0; i < h.depth; i++) v = { a: v };
      return v;
    }
    case 'huge-array':
      return Array.from({ length: h.n }, (_, i) => (i % 3 === 0 ? {} : i % 3 === 1 ? 'x' : i));
    case 'long-string':
      return 'x'.repeat(h.n);
    case 'proto-object':
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as Json;
    case 'copy': {
      // A copy of another part of the same lab: duplicate routes, interfaces, pods, names.
      const paths = pathsOf(root);
      const from = get(root, paths[h.from % paths.length] ?? []).value;
      return from === root ? null : structuredClone(from);
    }
    default:
      return null;
  }
}

function mutate(root: Json, m: Mutation): Json {
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length] ?? [];
  const value = build(m.value, root);
  if (path.length === 0) return m.op === 'set' ? value : root;
  const parent = get(root, path.slice(0, -1)).value;
  const key = path[path.length - 1] as Key;
  if (!isContainer(parent)) return root;
  const target = get(root, path).value;
  if (m.op === 'set') put(parent, key, value);
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.op === 'add-key' && isContainer(target) && !Array.isArray(target)) put(target, m.key, value);
  else if (m.op === 'push' && Array.isArray(target)) target.push(value);
  return root;
}

/** `machines[0].pods[1].interfaces[0].mac` or `x["a b"][2]` back into keys; throws on a malformed path. */
function parsePath(path: string): Key[] {
  const keys: Key[] = [];
  let rest = path;
  const first = /^[A-Za-z_$][\w$]*/.exec(rest);
  if (first) {
    keys.push(first[0]);
    rest = rest.slice(first[0].length);
  }
  while (rest !== '') {
    const m = /^\.([A-Za-z_$][\w$]*)|^\[(\d+)\]|^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (!m) throw new Error(`malformed path ${path}`);
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push(JSON.parse(m[3] as string) as string);
    rest = rest.slice(m[0].length);
  }
  return keys;
}

/** Text that would betray an internal error, or zod's own English, instead of our sentence. */
const INTERNAL =
  /is not a function|is not iterable|is not defined|Maximum call stack|call stack size|Cannot read propert|Cannot convert|Cannot set propert|Cannot destructure|undefined is not|null is not|\[object \w+\]|Invalid input|Unrecognized key|received \w+|Too (?:big|small)|RangeError|TypeError|SyntaxError/;

function checkProblems(input: Json, problems: Problem[]): void {
  expect(Array.isArray(problems)).toBe(true);
  for (const p of problems) {
    expect(typeof p.path === 'string' && p.path !== '', JSON.stringify(p)).toBe(true);
    expect([...p.path].some((ch) => ch.charCodeAt(0) < 0x20), p.path).toBe(false);
    expect(Object.hasOwn(CATALOGS.en.problems, p.code), p.code).toBe(true);
    expect(p.code, p.path).not.toBe('topology-unreadable');
    if (p.path !== 'topology') {
      const keys = parsePath(p.path);
      expect(get(input, keys.slice(0, -1)).found, `parent of ${p.path} (${p.code})`).toBe(true);
      // Only a problem about an absent value may name a place that is not there.
      const absent = p.code === 'missing' || p.code === 'non-empty-string' || p.params.got === 'undefined' || p.path.includes('…');
      if (!absent) expect(get(input, keys).found, `${p.path} (${p.code})`).toBe(true);
    }
    for (const lang of LANGS) {
      const text = formatProblem(p, lang);
      expect(text, text).not.toMatch(INTERNAL);
      expect(text.length, text.slice(0, 200)).toBeLessThan(1_000);
    }
  }
}

describe('validation of mutated topology files (fuzz)', () => {
  it('never throws, names places that exist, and tells every problem in our words', () => {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        let input = (BASES[base] as () => Json)();
        for (const m of mutations) input = mutate(input, m);
        const errors = validateTopology(input);
        checkProblems(input, errors);
        checkProblems(input, validateTopologyWarnings(input));
        // Cached namespaces answer the same the second time.
        expect(validateTopology(input)).toEqual(errors);
      }),
      { numRuns: 300, seed: 20261130, endOnFailure: true },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it('the mutations reach the checks: most runs find problems, and some of each kind', () => {
    const codes = new Set<string>();
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        let input = (BASES[base] as () => Json)();
        for (const m of mutations) input = mutate(input, m);
        const errors = validateTopology(input);
        if (errors.length > 0) refused++;
        for (const p of errors) codes.add(p.code);
      }),
      { numRuns: 300, seed: 20261130 },
    );
    expect(refused).toBeGreaterThan(150);
    for (const code of ['not-array', 'not-object', 'missing', 'unknown-key', 'not-string', 'not-boolean', 'one-of', 'int-range', 'mac-syntax', 'no-such-dev', 'route-exists', 'peer-mismatch']) expect(codes, code).toContain(code);
  }, 60_000);
});
