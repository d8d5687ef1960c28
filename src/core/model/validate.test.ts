import { describe, expect, it } from 'vitest';
import { formatProblem } from '../i18n/problems';
import { generateCluster } from '../presets/generate';
import { seedTopology } from '../presets/seed';
import type { RouteSpec, Topology, VethIface } from './topology';
import { validateTopology as validateProblems } from './validate';

function seed(): Topology {
  return seedTopology();
}

/** The problems as English lines (`path: sentence`), the form these checks were written in. */
function validateTopology(input: unknown): string[] {
  return validateProblems(input).map((p) => formatProblem(p, 'en'));
}

describe('validateTopology', () => {
  it('returns problems as JSON-safe data: path, code and the values the sentence needs', () => {
    const problems = validateProblems({ version: 2, name: 'x', segments: [], machines: [{ name: 'n1', role: 'node', interfaces: [{ name: 'eth0', kind: 'bridge', mac: 'x' }] }] });
    expect(problems).toEqual([
      { path: 'version', code: 'version', params: { got: '2' } },
      { path: 'machines[0].interfaces[0].mac', code: 'mac-syntax', params: { got: '"x"' } },
    ]);
    expect(JSON.parse(JSON.stringify(problems))).toEqual(problems);
  });

  it('accepts the seed lab and generated clusters', () => {
    expect(validateTopology(seed())).toEqual([]);
    expect(validateTopology(generateCluster({ nodes: 5, podsPerNode: 3 }))).toEqual([]);
  });

  it('never throws on garbage and says what is wrong', () => {
    expect(validateTopology(null)).toEqual(['topology: expected a JSON object']);
    expect(validateTopology([1, 2])).toEqual(['topology: expected a JSON object']);
    expect(validateTopology({ version: 2, name: '', machines: 'x', segments: [] })).toEqual([
      'version: expected 1, got 2',
      'name: expected a non-empty string',
      'machines: expected an array',
    ]);
  });

  it('names the exact place of a bad MAC, address and route device', () => {
    const t = seed();
    const pod1 = t.machines[0]?.pods?.[0];
    if (!pod1?.interfaces[0] || !pod1.routes?.[0]) throw new Error('seed changed');
    pod1.interfaces[0].mac = '02:00:0a:0a:0a';
    pod1.interfaces[0].addresses = ['10.10.10.300/24'];
    pod1.routes[0].dev = 'eth9';
    const errors = validateTopology(t);
    expect(errors).toContain('machines[0].pods[0].interfaces[0].mac: expected a MAC like 02:00:0a:0a:0a:01, got "02:00:0a:0a:0a"');
    expect(errors).toContain('machines[0].pods[0].interfaces[0].addresses[0]: expected an IPv4 address with prefix like 10.10.10.1/24, got "10.10.10.300/24"');
    expect(errors).toContain('machines[0].pods[0].routes[0].dev: no interface "eth9" here');
  });

  it('finds duplicates across the whole topology: names and MACs', () => {
    const t = seed();
    const pods = t.machines[2]?.pods;
    const pod3 = pods?.[0];
    if (!pod3?.interfaces[0]) throw new Error('seed changed');
    pod3.interfaces[0].mac = '02:00:0a:0a:0a:01';
    const pod4 = pods?.[1];
    if (pod4) pod4.name = 'pod1';
    const errors = validateTopology(t);
    expect(errors).toContain('machines[2].pods[0].interfaces[0].mac: 02:00:0a:0a:0a:01 is already used in pod1');
    expect(errors.some((e) => e.startsWith('machines[2].pods[1].name: "pod1" is already used by machines[0].pods[0]'))).toBe(true);
  });

  it('requires both ends of a veth to name each other', () => {
    const t = seed();
    const hostEnd = t.machines[0]?.interfaces.find((i) => i.name === 'veth-pod1') as VethIface;
    hostEnd.peer = { ns: 'pod2', iface: 'eth0' };
    const errors = validateTopology(t);
    expect(errors).toContain('machines[0].interfaces[2].peer: pod2/eth0 must be a veth whose peer is node1/veth-pod1');
  });

  it('refuses a gateway that no connected route reaches, as `ip route add` does', () => {
    const withRoute = (route: RouteSpec): Topology => {
      const t = seed();
      const [node1, ...rest] = t.machines;
      if (!node1) throw new Error('seed changed');
      return { ...t, machines: [{ ...node1, routes: [route] }, ...rest] };
    };
    const bad = withRoute({ dst: 'default', via: '192.168.1.1', dev: 'eth0' });
    expect(validateTopology(bad)).toContain('machines[0].routes[0].via: 192.168.1.1 is not reachable directly through eth0 (Linux: "Nexthop has invalid gateway"); add an address or a device route that covers it, or set onlink');
    expect(validateTopology(withRoute({ dst: 'default', via: '192.168.1.1', dev: 'eth0', onlink: true }))).toEqual([]);
  });

  it('freezes what it validated, so an in-place edit fails loudly instead of reusing a stale result', () => {
    const t = seed();
    expect(validateTopology(t)).toEqual([]);
    const node1 = t.machines[0];
    expect(() => {
      if (node1?.routes?.[0]) node1.routes[0].via = '192.168.1.1';
    }).toThrow(TypeError);
  });

  it('rejects unknown segments, bridges and host bits in route prefixes', () => {
    const t = seed();
    const node1 = t.machines[0];
    const eth0 = node1?.interfaces[0];
    if (!node1 || eth0?.kind !== 'ether') throw new Error('seed changed');
    eth0.segment = 'wan';
    (node1.interfaces[2] as VethIface).master = 'br9';
    node1.routes = [{ dst: '10.10.11.1/24', via: '172.16.100.254', dev: 'eth0' }];
    const errors = validateTopology(t);
    expect(errors).toContain('machines[0].interfaces[0].segment: no segment "wan"');
    expect(errors).toContain('machines[0].interfaces[2].master: no bridge "br9" in this namespace');
    expect(errors).toContain('machines[0].routes[0].dst: 10.10.11.1/24 has host bits set (Linux: "Invalid prefix for given prefix length")');
  });
});
