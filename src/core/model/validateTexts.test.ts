import { describe, expect, it } from 'vitest';
import { JourneyError } from '../errors';
import { problemsEn } from '../i18n/en/problems';
import { problemsRu } from '../i18n/ru/problems';
import { formatProblem, invalidTopologyText, problem, problemsText, type Problem, type ProblemCode, type ProblemParams } from '../i18n/problems';
import { LANGS } from '../i18n/lang';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { validateTopology } from './validate';

/** Parameters for every code: the mapped type makes a code missing here a compile error. */
const SAMPLES: { [C in ProblemCode]: ProblemParams[C] } = {
  'topology-not-object': {},
  'not-object': {},
  'not-array': {},
  'non-empty-string': {},
  version: { got: '2' },
  'duplicate-segment': { id: 'lan' },
  'duplicate-name': { name: 'pod1', where: 'machines[0].pods[0]' },
  'duplicate-mac': { mac: '02:00:0a:0a:0a:01', ns: 'pod1' },
  'unknown-segment': { id: 'wan' },
  'peer-ns-missing': { ns: 'ghost' },
  'peer-iface-missing': { ns: 'pod2', iface: 'eth9' },
  'peer-mismatch': { ns: 'pod2', iface: 'eth0', from: 'node1', fromIface: 'veth-pod1' },
  role: { got: '"server"' },
  'ns-name': { got: '"-x"' },
  'iface-name': { got: '"much-too-long-name"' },
  'duplicate-iface': { name: 'eth0' },
  'mac-syntax': { got: '"x"' },
  'mac-multicast': { mac: '03:00:00:00:00:01' },
  'address-syntax': { got: '"10.10.10.300/24"' },
  'unknown-master': { master: 'br9' },
  'port-address': { bridge: 'cni0' },
  'mtu-range': { min: 68, max: 65535 },
  'veth-peer': {},
  'ether-segment': {},
  'iface-kind': { got: '"tun"' },
  'route-dst': { got: '"nowhere"' },
  'route-host-bits': { dst: '10.10.11.1/24' },
  'ip-syntax': { got: '"1.2.3"' },
  'no-such-dev': { dev: '"eth9"' },
  'gateway-unreachable': { via: '192.168.1.1', dev: 'eth0' },
  'neigh-ip': {},
  'neigh-mac': {},
  listener: {},
  'ttl-range': { min: 1, max: 255 },
  'proxy-delay-range': { min: 0, max: 60000 },
};
const CODES = Object.keys(SAMPLES) as ProblemCode[];

/** A topology with something wrong almost everywhere: every code but `topology-not-object`. */
function broken(): unknown {
  const mac = (n: number): string => `02:00:00:00:00:${n.toString(16).padStart(2, '0')}`;
  return {
    version: 3,
    name: 'broken',
    segments: [{ id: 'lan' }, { id: 'lan' }, { id: '' }],
    machines: [
      {
        name: 'node1',
        role: 'server',
        interfaces: [
          { kind: 'ether', name: 'eth0', mac: mac(1), addresses: ['172.16.100.1/24'], segment: 'wan', mtu: 20 },
          { kind: 'bridge', name: 'cni0', mac: '03:00:00:00:00:01', addresses: ['10.10.10.254/24'] },
          { kind: 'veth', name: 'veth-pod1', mac: mac(2), master: 'br9', addresses: ['10.10.10.9/24'], peer: { ns: 'pod1', iface: 'eth0' } },
          { kind: 'veth', name: 'veth-pod1', mac: mac(3), peer: { ns: 'pod1', iface: 'eth0' } },
          { kind: 'tun', name: 'tun0', mac: mac(4) },
          { kind: 'ether', name: 'this-name-is-too-long', mac: 'x', addresses: 'x' },
          { kind: 'veth', name: 'veth-x', mac: mac(5) },
          { kind: 'veth', name: 'veth-y', mac: mac(6), peer: { ns: 'ghost', iface: 'eth0' } },
          { kind: 'veth', name: 'veth-z', mac: mac(7), peer: { ns: 'pod1', iface: 'eth7' } },
          { kind: 'ether', name: 'eth1', mac: '02:00:0a:0a:0a:01', addresses: ['10.10.10.300/24'], segment: 'lan', sysctls: { proxy_delay: -1 } },
          'oops',
        ],
        routes: [
          { dst: '10.10.11.1/24', via: '172.16.100.254', dev: 'eth0' },
          { dst: 'nowhere', via: '1.2.3', src: 'me', dev: 'eth9' },
          { dst: 'default', via: '192.168.1.1', dev: 'eth0' },
          7,
        ],
        neighbours: [{ ip: 'x', mac: 'y', dev: 'eth5' }],
        listeners: [{ proto: 'sctp', port: 0 }],
        sysctls: { ip_default_ttl: 0 },
        pods: [
          { name: 'pod1', interfaces: [{ kind: 'veth', name: 'eth0', mac: '02:00:0a:0a:0a:01', addresses: ['10.10.10.1/24'], peer: { ns: 'node1', iface: 'veth-pod2' } }], routes: 'x' },
          { name: '-bad', interfaces: [] },
          { name: 'pod9' },
          { name: 'node1', interfaces: [] },
          5,
        ],
      },
      'x',
    ],
  };
}

/**
 * Latin words a Russian problem may contain besides paths, quoted values and the problem's own
 * values: field names the user types, and technical tokens Russian courses keep in Latin letters.
 */
const LATIN_OK = new Set(['MAC', 'IPv4', 'IFNAMSIZ', 'Linux', 'JSON', 'veth', 'multicast', 'unicast', 'id', 'ns', 'iface', 'proto', 'port', 'segments', 'via', 'onlink']);

/** The English-looking words of a problem line once its path, quotes and values are taken out. */
function foreignWords(p: Problem, line: string): string[] {
  expect(line.startsWith(`${p.path}: `)).toBe(true);
  let rest = line.slice(p.path.length + 2).replace(/«[^«»]*»/g, ' ').replace(/"[^"]*"/g, ' ');
  for (const v of Object.values(p.params)) rest = rest.split(String(v)).join(' ');
  rest = rest.replace(/\S*\d\S*/g, ' '); // addresses, MACs, prefixes, numbers
  return (rest.match(/[A-Za-z]+/g) ?? []).filter((w) => !LATIN_OK.has(w));
}

describe('topology problems in English and Russian', () => {
  it('has a sentence for every problem code in both catalogues, and no other entries', () => {
    for (const catalog of [problemsEn, problemsRu]) expect(Object.keys(catalog).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      const p = problem('machines[0].x', code, SAMPLES[code] as never);
      const en = formatProblem(p, 'en');
      const ru = formatProblem(p, 'ru');
      expect(en, code).toMatch(/^machines\[0\]\.x: \S/);
      expect(ru, code).toMatch(/[а-яё]/);
      expect(ru, code).not.toBe(en);
    }
  });

  it('covers every code with the broken topology, and the problems survive JSON', () => {
    const problems = [...validateTopology(broken()), ...validateTopology(null)];
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(CODES));
    expect(JSON.parse(JSON.stringify(problems))).toEqual(problems);
  });

  it('tells every problem of a broken topology in Russian, with no English words outside paths and values', () => {
    const problems = [...validateTopology(broken()), ...validateTopology(null), ...validateTopology({ version: undefined, name: 'x', segments: [], machines: [] })];
    expect(new Set(problems.map((p) => p.code)).size).toBeGreaterThanOrEqual(8);
    for (const p of problems) {
      const line = formatProblem(p, 'ru');
      expect(line, line).toMatch(/[а-яё]/);
      expect(foreignWords(p, line), line).toEqual([]);
    }
    // The check would see English: the same lines in English are full of it.
    expect(problems.filter((p) => foreignWords(p, formatProblem(p, 'en')).length > 0).length).toBeGreaterThan(problems.length / 2);
  });

  it('reads like Russian, with values in «» and a missing field said in words', () => {
    const ru = (p: Problem): string => formatProblem(p, 'ru');
    expect(ru(problem('machines[0].interfaces[0].mac', 'mac-syntax', { got: '"x"' }))).toBe('machines[0].interfaces[0].mac: ожидается MAC-адрес вида 02:00:0a:0a:0a:01, получено «x»');
    expect(ru(problem('version', 'version', { got: 'undefined' }))).toBe('version: ожидается 1, а значение не задано');
    expect(ru(problem('name', 'ns-name', { got: '""' }))).toMatch(/получена пустая строка$/);
    expect(ru(problem('routes[0].dev', 'no-such-dev', { dev: '"eth9"' }))).toBe('routes[0].dev: в этом сетевом пространстве имён нет интерфейса «eth9»');
    expect(ru(problem('routes[0].dev', 'no-such-dev', { dev: 'undefined' }))).toBe('routes[0].dev: интерфейс не указан');
  });

  it('lists at most ten problems and counts the rest with agreeing numerals', () => {
    const many = (n: number): Problem[] => Array.from({ length: n }, (_, i) => problem(`segments[${i}].id`, 'non-empty-string', {}));
    const tail = (n: number, lang: 'en' | 'ru'): string => problemsText(many(n), lang).split('; ').slice(10).join('; ');
    expect(problemsText(many(1), 'ru')).toBe('segments[0].id: ожидается непустая строка');
    expect(problemsText(many(2), 'en').split('; ')).toHaveLength(2);
    expect(problemsText(many(5), 'ru').split('; ')).toHaveLength(5);
    expect(problemsText(many(10), 'ru').split('; ')).toHaveLength(10);
    expect(tail(21, 'ru')).toBe('и ещё 11 ошибок');
    expect(tail(21, 'en')).toBe('and 11 more problems');
    expect([11, 12, 15, 31].map((n) => tail(n, 'ru'))).toEqual(['и ещё 1 ошибка', 'и ещё 2 ошибки', 'и ещё 5 ошибок', 'и ещё 21 ошибка']);
    expect([11, 12, 15, 31].map((n) => tail(n, 'en'))).toEqual(['and 1 more problem', 'and 2 more problems', 'and 5 more problems', 'and 21 more problems']);
  });

  it('makes runJourney refuse an invalid topology in every language', () => {
    const bad = { ...seedTopology(), segments: [] };
    let error: unknown;
    try {
      runJourney(bad, { from: 'pod1', to: 'pod3' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JourneyError);
    const text = (error as JourneyError).text;
    const problems = validateTopology(bad);
    for (const lang of LANGS) expect(text[lang]).toBe(invalidTopologyText(problems, lang));
    expect(text.en).toMatch(/^Invalid topology: machines\[0\]\.interfaces\[0\]\.segment: no segment "lan"/);
    expect(text.ru).toMatch(/^Топология не прошла проверку: machines\[0\]\.interfaces\[0\]\.segment: сегмент «lan» не объявлен в segments/);
  });
});
