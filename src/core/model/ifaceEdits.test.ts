import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { addressesFromText, podSubnetOf, setAddresses, setMac, setPodSubnet } from './ifaceEdits';
import { labChecks } from './labChecks';
import { findIface, findNs } from './nsEdits';
import { addPod, TopologyEditError } from './podNetwork';
import type { Topology } from './topology';
import { validateTopology } from './validate';

function seed(): Topology {
  const t = seedTopology();
  expect(validateTopology(t)).toEqual([]);
  return t;
}

function refusal(edit: () => unknown): TopologyEditError {
  try {
    edit();
  } catch (e) {
    if (e instanceof TopologyEditError) return e;
    throw e;
  }
  throw new Error('the edit was not refused');
}

describe('an interface\'s addresses', () => {
  it('reads a list as typed: commas, semicolons or spaces', () => {
    expect(addressesFromText(' 10.0.0.1/24, 10.0.1.1/24;10.0.2.1/24  10.0.3.1/24 ')).toEqual(['10.0.0.1/24', '10.0.1.1/24', '10.0.2.1/24', '10.0.3.1/24']);
    expect(addressesFromText('  ')).toEqual([]);
  });

  it('sets them, adds a second, takes one away, and a bare address is a /32 as ip addr makes it', () => {
    const t = seed();
    const two = setAddresses(t, 'router', 'eth0', ['172.16.100.254/24', '192.168.7.1/24']);
    expect(findIface(two, 'router', 'eth0').iface.addresses).toEqual(['172.16.100.254/24', '192.168.7.1/24']);
    expect(validateTopology(two)).toEqual([]);
    const bare = setAddresses(two, 'router', 'eth0', ['172.16.100.254/24', ' 192.168.7.1 ']);
    expect(findIface(bare, 'router', 'eth0').iface.addresses).toEqual(['172.16.100.254/24', '192.168.7.1/32']);
    expect(setAddresses(t, 'router', 'eth0', ['172.16.100.254/24'])).toBe(t);
    // A veth's host end with no address at all: the field is left out.
    const none = setAddresses(setAddresses(t, 'node1', 'veth-pod1', ['10.99.0.1/24']), 'node1', 'veth-pod1', []);
    expect('addresses' in findIface(none, 'node1', 'veth-pod1').iface).toBe(false);
  });

  it('moves a pod to another address and the journey follows', () => {
    const next = setAddresses(seed(), 'pod3', 'eth0', ['10.10.11.77/24']);
    const result = runJourney(next, { from: 'pod1', to: 'pod3' });
    expect(result.events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(true);
    expect(JSON.stringify(result.events)).toContain('10.10.11.77');
  });

  it('refuses text that is not an address and one given twice, with Linux\'s answer', () => {
    const t = seed();
    const bad = refusal(() => setAddresses(t, 'node1', 'eth0', ['172.16.100.1/24', '10.10.10.300/24']));
    expect(bad.problems).toEqual([{ path: 'machines[0].interfaces[0].addresses[1]', code: 'address-syntax', params: { got: '"10.10.10.300/24"' } }]);
    expect(bad.text.ru).toContain('ожидается IPv4-адрес с длиной префикса');
    expect(refusal(() => setAddresses(t, 'node1', 'eth0', ['172.16.100.1/33'])).problems[0]?.code).toBe('address-syntax');
    const twice = refusal(() => setAddresses(t, 'node1', 'eth0', ['172.16.100.1/24', '172.16.100.1/24']));
    expect(twice.problems[0]).toMatchObject({ path: 'machines[0].interfaces[0].addresses[1]', code: 'duplicate-address' });
    expect(twice.text.en).toContain('(Linux: "Error: ipv4: Address already assigned.")');
  });

  it('refuses to strand a route: the gateway must stay on a subnet of its device, the source must stay local', () => {
    const t = seed();
    const gw = refusal(() => setAddresses(t, 'node1', 'eth0', ['192.168.0.1/24']));
    expect(gw.problems).toEqual([
      { path: 'machines[0].interfaces[0].addresses', code: 'address-holds-gateway', params: { route: 'default via 172.16.100.254 dev eth0', via: '172.16.100.254', dev: 'eth0', kernel: 'Error: Nexthop has invalid gateway.' } },
    ]);
    expect(gw.text.en).toContain('Change or delete the route first');
    expect(gw.text.ru).toContain('Сначала измените или удалите маршрут');
    const withSrc: Topology = { ...t, machines: t.machines.map((m) => (m.name === 'router' ? { ...m, routes: [...(m.routes ?? []), { dst: '10.20.0.0/16', via: '172.16.100.1', dev: 'eth0', src: '172.16.100.254' }] } : m)) };
    const src = refusal(() => setAddresses(withSrc, 'router', 'eth0', ['172.16.100.253/24']));
    expect(src.problems[0]).toMatchObject({ code: 'address-holds-src', params: { src: '172.16.100.254', kernel: 'Error: Invalid prefsrc address.' } });
  });
});

describe('an interface\'s MAC', () => {
  it('sets it, in lower case', () => {
    const next = setMac(seed(), 'pod1', 'eth0', '02:AB:CD:00:00:01');
    expect(findIface(next, 'pod1', 'eth0').iface.mac).toBe('02:ab:cd:00:00:01');
    expect(validateTopology(next)).toEqual([]);
  });

  it('refuses what is not a MAC, a multicast one and the zero one, with Linux\'s answer', () => {
    const t = seed();
    expect(refusal(() => setMac(t, 'pod1', 'eth0', '02:00:0a')).problems).toEqual([{ path: 'machines[0].pods[0].interfaces[0].mac', code: 'mac-syntax', params: { got: '"02:00:0a"' } }]);
    const multi = refusal(() => setMac(t, 'pod1', 'eth0', '01:00:5e:00:00:01'));
    expect(multi.problems[0]).toMatchObject({ code: 'mac-multicast', params: { mac: '01:00:5e:00:00:01', kernel: 'RTNETLINK answers: Cannot assign requested address' } });
    expect(multi.text.en).toContain('is a multicast address; an interface needs a unicast MAC');
    expect(multi.text.ru).toContain('групповой (multicast) адрес');
    expect(refusal(() => setMac(t, 'pod1', 'eth0', '00:00:00:00:00:00')).problems[0]?.code).toBe('mac-zero');
    expect(refusal(() => setMac(t, 'pod1', 'eth0', 'ff:ff:ff:ff:ff:ff')).problems[0]?.code).toBe('mac-multicast');
  });
});

describe('a node\'s pod subnet', () => {
  it('reads the bridge, its address and the pods on it; a router has none', () => {
    const t = seed();
    expect(podSubnetOf(t, 'node1')).toEqual({ bridge: 'cni0', address: '10.10.10.254/24', subnet: '10.10.10.0/24', pods: ['pod1', 'pod2'] });
    expect(podSubnetOf(t, 'router')).toBeNull();
    expect(podSubnetOf(t, 'pod1')).toBeNull();
  });

  it('moves the subnet: the pods are re-addressed as host-local would, their gateway and MACs follow', () => {
    const t = seed();
    const next = setPodSubnet(t, 'node1', '10.10.20.254/24');
    const node1 = findNs(next, 'node1').ns;
    expect(node1.interfaces[1]).toMatchObject({ name: 'cni0', addresses: ['10.10.20.254/24'], mac: '02:00:0a:0a:14:fe' });
    expect(node1.interfaces[2]).toMatchObject({ name: 'veth-pod1', mac: '02:01:0a:0a:14:01' });
    expect(findIface(next, 'pod1', 'eth0').iface).toMatchObject({ addresses: ['10.10.20.1/24'], mac: '02:00:0a:0a:14:01' });
    expect(findIface(next, 'pod2', 'eth0').iface.addresses).toEqual(['10.10.20.2/24']);
    expect(findNs(next, 'pod1').ns.routes).toEqual([{ dst: 'default', via: '10.10.20.254', dev: 'eth0' }]);
    expect(validateTopology(next)).toEqual([]);
    // The router still routes the old subnet: the checks say so and offer the route.
    expect(labChecks(next).map((c) => [c.problem.code, c.fix?.kind === 'add-route' ? c.fix.route.dst : null])).toContainEqual(['subnet-unrouted', '10.10.20.0/24']);
    // Within the node the pods still reach each other.
    expect(runJourney(next, { from: 'pod1', to: 'pod2' }).events.some((e) => e.type === 'deliver' && e.ns === 'pod2')).toBe(true);
  });

  it('takes a network for its gateway\'s place, keeps pods that still fit a wider prefix, and the same value changes nothing', () => {
    const t = seed();
    const net = setPodSubnet(t, 'node2', '10.10.30.0/24');
    expect(podSubnetOf(net, 'node2')?.address).toBe('10.10.30.254/24');
    const small = setPodSubnet(t, 'node2', '10.10.40.0/29');
    expect(podSubnetOf(small, 'node2')?.address).toBe('10.10.40.6/29');
    const wide = setPodSubnet(t, 'node1', '10.10.10.254/16');
    expect(findIface(wide, 'pod1', 'eth0').iface.addresses).toEqual(['10.10.10.1/16']);
    expect(findIface(wide, 'pod2', 'eth0').iface.addresses).toEqual(['10.10.10.2/16']);
    // The new gateway takes pod1's address: pod1 moves to the next free one, pod2 stays.
    const onPod = setPodSubnet(t, 'node1', '10.10.10.1/24');
    expect([findIface(onPod, 'pod1', 'eth0').iface.addresses, findIface(onPod, 'pod2', 'eth0').iface.addresses]).toEqual([['10.10.10.3/24'], ['10.10.10.2/24']]);
    expect(setPodSubnet(t, 'node1', '10.10.10.254/24')).toBe(t);
  });

  it('refuses a subnet too small for the pods, text that is no address, and a machine without a pod bridge', () => {
    const t = addPod(seed(), 'node1').topology;
    const full = refusal(() => setPodSubnet(t, 'node1', '10.10.50.254/30'));
    expect(full.problems).toEqual([{ path: 'machines[0].interfaces[1].addresses[0]', code: 'pod-subnet-full', params: { bridge: 'cni0', range: '10.10.50.253-10.10.50.254' } }]);
    expect(full.text.ru).toContain('не осталось свободного адреса');
    expect(refusal(() => setPodSubnet(t, 'node1', '10.10.50')).problems[0]?.code).toBe('address-syntax');
    expect(refusal(() => setPodSubnet(t, 'router', '10.10.50.254/24')).problems[0]).toMatchObject({ code: 'pod-no-bridge', params: { machine: 'router' } });
    expect(refusal(() => setPodSubnet(t, 'pod1', '10.10.50.254/24')).problems[0]?.code).toBe('unknown-machine');
  });
});
