import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../i18n/problems';
import { generateCluster } from '../presets/generate';
import { seedCalicoStylePod1 } from '../presets/scenarios';
import fibDuplicateAdd from './cases/fib-duplicate-add.json';
import type { RouteSpec, VethIface } from './topology';
import { validateTopology as validateProblems, validateTopologyWarnings } from './validate';
import { copy, host, mac, seed, validateTopology, warnings, withIfaces, withRoutes } from './validateTestKit';

describe('validateTopology', () => {
  it('returns problems as JSON-safe data: path, code and the values the sentence needs', () => {
    const problems = validateProblems({ version: 2, name: 'x', segments: [], machines: [{ name: 'n1', role: 'node', interfaces: [{ name: 'eth0', kind: 'bridge', mac: 'x' }] }] });
    expect(problems).toEqual([
      { path: 'version', code: 'one-of', params: { options: '[1]', got: '2' } },
      { path: 'machines[0].interfaces[0].mac', code: 'mac-syntax', params: { got: '"x"' } },
    ]);
    expect(JSON.parse(JSON.stringify(problems))).toEqual(problems);
  });

  it('accepts the seed lab, every preset and generated clusters, without warnings', () => {
    for (const t of [seed(), seedCalicoStylePod1(), generateCluster({ nodes: 5, podsPerNode: 3 })]) {
      expect(validateTopology(t)).toEqual([]);
      expect(warnings(t)).toEqual([]);
    }
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
    expect(errors).toContain('machines[0].pods[0].routes[0].dev: no interface "eth9" here (Linux: "Cannot find device "eth9"")');
  });

  it('finds duplicate names across the whole topology; a MAC used again elsewhere is no error', () => {
    const t = seed();
    const pods = t.machines[2]?.pods;
    const pod3 = pods?.[0];
    if (!pod3?.interfaces[0]) throw new Error('seed changed');
    pod3.interfaces[0].mac = '02:00:0a:0a:0a:01';
    const pod4 = pods?.[1];
    if (pod4) pod4.name = 'pod1';
    const errors = validateTopology(t);
    expect(errors.some((e) => e.startsWith('machines[2].pods[1].name: "pod1" is already used by machines[0].pods[0]'))).toBe(true);
    expect(errors.some((e) => e.includes('02:00:0a:0a:0a:01'))).toBe(false);
  });

  it('requires both ends of a veth to name each other', () => {
    const t = seed();
    const hostEnd = t.machines[0]?.interfaces.find((i) => i.name === 'veth-pod1') as VethIface;
    hostEnd.peer = { ns: 'pod2', iface: 'eth0' };
    const errors = validateTopology(t);
    expect(errors).toContain('machines[0].interfaces[2].peer: pod2/eth0 must be a veth whose peer is node1/veth-pod1');
  });

  it('refuses a gateway that no connected route reaches, as `ip route add` does', () => {
    const bad = withRoutes([{ dst: 'default', via: '192.168.1.1', dev: 'eth0' }]);
    expect(validateTopology(bad)).toContain(
      'machines[0].routes[0].via: 192.168.1.1 is not reachable directly through eth0 (Linux: "Error: Nexthop has invalid gateway."); add an address or an earlier device route that covers it, or set onlink',
    );
    expect(validateTopology(withRoutes([{ dst: 'default', via: '192.168.1.1', dev: 'eth0', onlink: true }]))).toEqual([]);
  });

  it('takes a gateway that is an own address as the kernel does: refused with onlink, a link route without', () => {
    // The kernel lab: `ip route add 10.10.208.0/20 via 172.17.8.101 dev enp0s8 onlink` (own address,
    // or docker0's 10.10.176.1) fails with "Nexthop has invalid gateway"; without onlink it is accepted.
    expect(validateTopology(withRoutes([{ dst: '10.30.0.0/16', via: '172.16.100.1', dev: 'eth0', onlink: true }]))).toEqual([
      'machines[0].routes[0].via: 172.16.100.1 is an address of this namespace, and an onlink gateway must be another host\'s (Linux: "Error: Nexthop has invalid gateway."); drop onlink (a gateway that is the device\'s own address then makes a link route) or name another gateway',
    ]);
    expect(validateProblems(withRoutes([{ dst: '10.30.0.0/16', via: '10.10.10.254', dev: 'eth0', onlink: true }])).map((p) => p.code)).toEqual(['onlink-local-gateway']);
    expect(validateTopology(withRoutes([{ dst: '10.30.0.0/16', via: '172.16.100.1', dev: 'eth0' }]))).toEqual([]);
  });

  it('reaches a gateway through device routes listed before it, not after, as the kernel adds them in order', () => {
    const before = withRoutes([{ dst: '192.168.1.0/24', dev: 'eth0' }, { dst: 'default', via: '192.168.1.1', dev: 'eth0' }]);
    expect(validateTopology(before)).toEqual([]);
    const after = withRoutes([{ dst: 'default', via: '192.168.1.1', dev: 'eth0' }, { dst: '192.168.1.0/24', dev: 'eth0' }]);
    expect(validateProblems(after).map((p) => [p.path, p.code])).toEqual([['machines[0].routes[0].via', 'gateway-unreachable']]);
    // A gateway route does not make its gateway's network reachable (it is not link scope).
    const viaGateway = withRoutes([{ dst: '192.168.1.0/24', via: '172.16.100.254', dev: 'eth0' }, { dst: 'default', via: '192.168.1.1', dev: 'eth0' }]);
    expect(validateProblems(viaGateway).map((p) => p.code)).toEqual(['gateway-unreachable']);
    // An address of the device itself is a valid gateway, even a /32 one (RTN_LOCAL).
    const own = withIfaces((ifs) => ifs.map((i) => (i.name === 'eth0' ? { ...i, addresses: [...(i.addresses ?? []), '192.168.7.7/32'] } : i)));
    expect(validateTopology({ ...own, machines: [{ ...own.machines[0], routes: [{ dst: '10.9.0.0/16', via: '192.168.7.7', dev: 'eth0' }] }, ...own.machines.slice(1)] })).toEqual([]);
  });

  it('freezes what it validated, so an in-place edit fails loudly instead of reusing a stale result', () => {
    const t = seed();
    expect(validateTopology(t)).toEqual([]);
    const node1 = t.machines[0];
    expect(() => {
      if (node1?.routes?.[0]) node1.routes[0].via = '192.168.1.1';
    }).toThrow(TypeError);
  });

  it('rejects unknown segments, bridges and host bits in route prefixes, with what Linux says', () => {
    const t = seed();
    const node1 = t.machines[0];
    const eth0 = node1?.interfaces[0];
    if (!node1 || eth0?.kind !== 'ether') throw new Error('seed changed');
    eth0.segment = 'wan';
    (node1.interfaces[2] as VethIface).master = 'br9';
    node1.routes = [{ dst: '10.10.11.1/24', via: '172.16.100.254', dev: 'eth0' }];
    const errors = validateTopology(t);
    expect(errors).toContain('machines[0].interfaces[0].segment: no segment "wan"');
    expect(errors).toContain('machines[0].interfaces[2].master: no bridge "br9" in this namespace (Linux: "Error: argument "br9" is wrong: Device does not exist")');
    expect(errors).toContain('machines[0].routes[0].dst: 10.10.11.1/24 has host bits set (Linux: "Error: Invalid prefix for given prefix length.")');
  });
});

describe('the shape of a topology (zod schema)', () => {
  it('takes no string for a boolean or a number, and says so by path', () => {
    const t = copy(seed()) as unknown as { machines: Record<string, unknown>[] };
    const router = t.machines[2] as Record<string, unknown>;
    router.sysctls = { ip_forward: 'false', ip_default_ttl: '64', all: { rp_filter: 5, proxy_arp: 1 } };
    const problems = validateProblems(t);
    expect(problems.map((p) => [p.path, p.code, p.params.got])).toEqual([
      ['machines[2].sysctls.ip_forward', 'not-boolean', '"false"'],
      ['machines[2].sysctls.ip_default_ttl', 'int-range', '"64"'],
      ['machines[2].sysctls.all.proxy_arp', 'not-boolean', '1'],
      ['machines[2].sysctls.all.rp_filter', 'int-range', '5'],
    ]);
    expect(formatProblem(problems[0] as Problem, 'en')).toBe('machines[2].sysctls.ip_forward: expected true or false, got "false"');
  });

  it('refuses a non-array by name: interfaces, routes, neighbours, listeners, pods, addresses', () => {
    const t = host([{ kind: 'bridge', name: 'br0', mac: mac(1), addresses: 'x' }], { routes: {}, neighbours: 'x', listeners: {}, pods: 7 });
    expect(validateTopology(t)).toEqual([
      'machines[0].interfaces[0].addresses: expected an array',
      'machines[0].routes: expected an array',
      'machines[0].neighbours: expected an array',
      'machines[0].listeners: expected an array',
      'machines[0].pods: expected an array',
    ]);
    const pod = { version: 1, name: 'x', segments: [], machines: [{ name: 'a', role: 'host', interfaces: [], pods: [{ name: 'p', interfaces: {} }] }] };
    expect(validateTopology(pod)).toEqual(['machines[0].pods[0].interfaces: expected an array']);
  });

  it('refuses unknown fields and kinds by name, prototype keys included', () => {
    const t = JSON.parse(
      '{"version":1,"name":"x","segments":[],"__proto__":{"polluted":true},"machines":[{"name":"a","role":"server","neighbors":[],"constructor":1,' +
        '"interfaces":[{"kind":"tun","name":"t0","mac":"02:00:00:00:00:01"}],"routes":[{"dst":"default","dev":"t0","metric":"NaN"}],"listeners":[{"proto":"sctp","port":0}]}]}',
    ) as unknown;
    expect(validateTopology(t)).toEqual([
      '__proto__: unknown field "__proto__"',
      'machines[0].role: expected "node", "router" or "host", got "server"',
      'machines[0].interfaces[0].kind: expected "veth", "ether", "bridge", "vxlan", "openvswitch", "ipip" or "wireguard", got "tun"',
      'machines[0].routes[0].metric: expected a whole number from 0 to 4294967295, got "NaN"',
      'machines[0].listeners[0].proto: expected "udp" or "tcp", got "sctp"',
      'machines[0].listeners[0].port: expected a whole number from 1 to 65535, got 0',
      'machines[0].neighbors: unknown field "neighbors"',
      'machines[0].constructor: unknown field "constructor"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a missing field, and a missing veth peer or segment, by path', () => {
    const t = host([{ kind: 'veth', name: 'v0', mac: mac(1) }, { kind: 'ether', name: 'e0', mac: mac(2) }, { name: 'x', mac: mac(3) }]);
    expect(validateTopology(t)).toEqual([
      'machines[0].interfaces[0].peer: required, but missing',
      'machines[0].interfaces[1].segment: required, but missing',
      'machines[0].interfaces[2].kind: expected "veth", "ether", "bridge", "vxlan", "openvswitch", "ipip" or "wireguard", got undefined',
    ]);
  });

  it('answers 10,000 levels of nesting anywhere with a problem, not a stack overflow', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let deepObject: unknown = {};
    for (let i = 0; i < 100_000; i++) deepObject = { a: deepObject };
    const pod = { name: 'p', interfaces: [{ kind: 'veth', name: 'eth0', mac: deep, addresses: [deep], peer: { ns: 'a', iface: deepObject } }], routes: [{ dst: deep, dev: deep }], x: deep, sysctls: deepObject };
    const t = { version: 1, name: 'x', segments: [], machines: [{ name: 'a', role: 'host', interfaces: [], pods: [pod], y: deepObject }] };
    const problems = validateProblems(t);
    expect(problems.map((p) => p.path)).toEqual([
      'machines[0].y',
      'machines[0].pods[0].interfaces[0].mac',
      'machines[0].pods[0].interfaces[0].addresses[0]',
      'machines[0].pods[0].interfaces[0].peer.iface',
      'machines[0].pods[0].routes[0].dst',
      'machines[0].pods[0].routes[0].dev',
      'machines[0].pods[0].sysctls.a',
      'machines[0].pods[0].x',
    ]);
    for (const p of problems) expect(formatProblem(p, 'en').length).toBeLessThan(300);
    expect(Object.isFrozen(deep)).toBe(true);
  });

  it('answers input that throws when read with a problem of its own, never the exception', () => {
    const hostile = { version: 1, name: 'x', segments: [], get machines(): unknown[] { throw new Error('boom'); } };
    expect(validateProblems(hostile)).toEqual([{ path: 'topology', code: 'topology-unreadable', params: {} }]);
    const proxy = new Proxy({}, { get: () => { throw new TypeError('x is not a function'); }, ownKeys: () => { throw new RangeError('Maximum call stack size exceeded'); } });
    expect(validateProblems(proxy).map((p) => p.code)).toEqual(['topology-unreadable']);
    expect(validateTopologyWarnings(proxy)).toEqual([]);
  });
});

describe('what Linux refuses, with its own answer', () => {
  it('a bridge as its own master, or as a port of another bridge: "Can not enslave a bridge to a bridge"', () => {
    const self = host([{ kind: 'bridge', name: 'b', mac: mac(1), master: 'b' }]);
    expect(validateTopology(self)).toEqual(['machines[0].interfaces[0].master: a bridge cannot be a port of a bridge, so it cannot join "b" (Linux: "Error: Can not enslave a bridge to a bridge.")']);
    const other = host([{ kind: 'bridge', name: 'b1', mac: mac(1), master: 'b2' }, { kind: 'bridge', name: 'b2', mac: mac(2), master: 'b1' }]);
    expect(validateProblems(other).map((p) => [p.path, p.code, p.params.kernel])).toEqual([
      ['machines[0].interfaces[0].master', 'bridge-port-bridge', 'Error: Can not enslave a bridge to a bridge.'],
      ['machines[0].interfaces[1].master', 'bridge-port-bridge', 'Error: Can not enslave a bridge to a bridge.'],
    ]);
  });

  it('a port whose master is not a bridge: "Operation not supported"', () => {
    const t = host([{ kind: 'ether', name: 'e0', mac: mac(1), segment: 'lan', master: 'e1' }, { kind: 'ether', name: 'e1', mac: mac(2), segment: 'lan' }]);
    expect(validateTopology(t)).toEqual(['machines[0].interfaces[0].master: "e1" is not a bridge, and only a bridge takes ports (Linux: "RTNETLINK answers: Operation not supported")']);
  });

  it('a veth that is its own peer: "File exists"', () => {
    const t = host([{ kind: 'veth', name: 'v1', mac: mac(1), peer: { ns: 'a', iface: 'v1' } }]);
    expect(validateTopology(t)).toEqual([
      'machines[0].interfaces[0].peer: a veth cannot be its own peer: the pair would be two interfaces with one name (Linux: "RTNETLINK answers: File exists")',
    ]);
  });

  it('`ip route add` of a prefix and metric the table has, connected routes included: "File exists"', () => {
    expect(validateTopology(fibDuplicateAdd)).toEqual([
      'machines[0].routes[0]: the table already has a route to 10.10.176.0/20 with metric 0: 10.10.176.0/20 dev docker0 proto kernel scope link src 10.10.176.1 ' +
        '(Linux: "RTNETLINK answers: File exists"); give this route another metric or drop one of them',
    ]);
    const twice = withRoutes([{ dst: 'default', via: '172.16.100.254', dev: 'eth0' }, { dst: 'default', via: '172.16.100.1', dev: 'eth0' }]);
    expect(validateProblems(twice)).toEqual([
      { path: 'machines[0].routes[1]', code: 'route-exists', params: { dst: 'default', metric: 0, other: 'default via 172.16.100.254 dev eth0', kernel: 'RTNETLINK answers: File exists' } },
    ]);
    // Another metric is another route; 0.0.0.0/0 is the default route.
    expect(validateTopology(withRoutes([{ dst: 'default', via: '172.16.100.254', dev: 'eth0' }, { dst: 'default', via: '172.16.100.1', dev: 'eth0', metric: 5 }]))).toEqual([]);
    expect(validateProblems(withRoutes([{ dst: 'default', via: '172.16.100.254', dev: 'eth0' }, { dst: '0.0.0.0/0', via: '172.16.100.1', dev: 'eth0' }])).map((p) => p.code)).toEqual(['route-exists']);
  });

  it('`ip route prepend` and `append` join routes of equal prefix and metric, but not an identical one; `replace` never refuses', () => {
    const prepend = copy(fibDuplicateAdd) as { machines: { routes: Record<string, unknown>[] }[] };
    const route = prepend.machines[0]?.routes[0];
    if (!route) throw new Error('case changed');
    route.op = 'prepend';
    expect(validateTopology(prepend)).toEqual([]);
    const same: RouteSpec = { dst: 'default', via: '172.16.100.254', dev: 'eth0' };
    expect(validateProblems(withRoutes([same, { ...same, op: 'append' }])).map((p) => p.code)).toEqual(['route-exists']);
    expect(validateTopology(withRoutes([same, { ...same, via: '172.16.100.1', op: 'append' }]))).toEqual([]);
    expect(validateTopology(withRoutes([same, { ...same, op: 'replace' }, { ...same, op: 'replace' }]))).toEqual([]);
    expect(validateTopology(withRoutes([same, { ...same, op: 'change' as 'add' }]))).toEqual(['machines[0].routes[1].op: expected "add", "prepend", "append" or "replace", got "change"']);
  });

  it('a preferred source that is not a local address: "Invalid prefsrc address"', () => {
    expect(validateTopology(withRoutes([{ dst: 'default', via: '172.16.100.254', dev: 'eth0', src: '10.9.9.9' }]))).toEqual([
      'machines[0].routes[0].src: 10.9.9.9 is not an address of this namespace, so it cannot be the preferred source (Linux: "Error: Invalid prefsrc address.")',
    ]);
    // Any address of the namespace will do, and so will loopback.
    expect(validateTopology(withRoutes([{ dst: 'default', via: '172.16.100.254', dev: 'eth0', src: '10.10.10.254' }]))).toEqual([]);
    expect(validateTopology(withRoutes([{ dst: 'default', via: '172.16.100.254', dev: 'eth0', src: '127.0.0.9' }]))).toEqual([]);
  });

  it('duplicate interfaces, addresses and neighbours, `lo`, and MACs no device takes', () => {
    const t = host(
      [
        { kind: 'bridge', name: 'b', mac: mac(1), addresses: ['10.0.0.1/24', '10.0.0.1/16', '10.0.0.1/24'] },
        { kind: 'bridge', name: 'b', mac: mac(2) },
        { kind: 'bridge', name: 'lo', mac: mac(3) },
        { kind: 'bridge', name: 'c', mac: '01:00:5e:00:00:01' },
        { kind: 'bridge', name: 'd', mac: '00:00:00:00:00:00' },
      ],
      { neighbours: [{ ip: '10.0.0.9', mac: mac(9), dev: 'b', state: 'PERMANENT' }, { ip: '10.0.0.9', mac: mac(8), dev: 'b', state: 'PERMANENT' }, { ip: '10.0.0.8', mac: mac(8), dev: 'x', state: 'PERMANENT' }] },
    );
    expect(validateProblems(t).map((p) => [p.path, p.code, p.params.kernel])).toEqual([
      ['machines[0].interfaces[3].mac', 'mac-multicast', 'RTNETLINK answers: Cannot assign requested address'],
      ['machines[0].interfaces[4].mac', 'mac-zero', 'RTNETLINK answers: Cannot assign requested address'],
      ['machines[0].interfaces[1].name', 'duplicate-iface', 'RTNETLINK answers: File exists'],
      ['machines[0].interfaces[2].name', 'iface-lo', 'RTNETLINK answers: File exists'],
      ['machines[0].interfaces[0].addresses[2]', 'duplicate-address', 'Error: ipv4: Address already assigned.'],
      ['machines[0].neighbours[1]', 'duplicate-neighbour', 'RTNETLINK answers: File exists'],
      ['machines[0].neighbours[2].dev', 'no-such-dev', 'Cannot find device "x"'],
    ]);
  });

  it('interface names Linux refuses carry its answer; MTU and TTL out of range too', () => {
    const t = host([
      { kind: 'bridge', name: 'abcdefghijklmnop', mac: mac(1) },
      { kind: 'bridge', name: '..', mac: mac(2) },
      { kind: 'bridge', name: 'a b', mac: mac(3) },
      { kind: 'bridge', name: 'b', mac: mac(4), mtu: 67 },
    ], { sysctls: { ip_default_ttl: 256 } });
    expect(validateProblems(t).map((p) => [p.path, p.params.kernel])).toEqual([
      ['machines[0].interfaces[0].name', 'Error: Attribute failed policy validation.'],
      ['machines[0].interfaces[1].name', 'RTNETLINK answers: Invalid argument'],
      ['machines[0].interfaces[2].name', 'Error: argument "a b" is wrong: "dev" not a valid ifname'],
      ['machines[0].interfaces[3].mtu', 'Error: mtu less than device minimum.'],
      ['machines[0].sysctls.ip_default_ttl', 'sysctl: setting key "net.ipv4.ip_default_ttl": Invalid argument'],
    ]);
  });
});
