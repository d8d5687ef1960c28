import type { RouteSpec, Topology } from '../model/topology';
import type { Scenario } from './scenarios';
import { seedTopology } from './seed';

/*
 * Field cases: small labs rebuilt from public bug reports about Kubernetes and Linux pod networking
 * (the shared `cases/` folder), each a reference scenario the kernel lab records like any other,
 * followed by neighbours of our own making for each kind of fact they point at: traffic a host sends
 * to itself crosses `lo`; routes follow the kernel's FIB rules (insertion order among equal prefix
 * and metric, a gateway that is a local address, a preferred source).
 */

/**
 * Two flannel host-gw minions on one network (field case F06), each with a docker0 bridge and one
 * pod listening on TCP 80. `minion1Routes` are minion1's static routes, after its connected ones.
 */
export function hostGwLab(name: string, minion1Routes: RouteSpec[]): Topology {
  const minion = (n: 1 | 2, routes: RouteSpec[]): Topology['machines'][number] => {
    const octet = n === 1 ? 'b0' : 'c0';
    const subnet = n === 1 ? 176 : 192;
    const pod = `pod${n}`;
    return {
      name: `minion${n}`,
      role: 'node',
      sysctls: { ip_forward: true },
      interfaces: [
        { kind: 'ether', name: 'enp0s8', mac: `02:00:ac:11:08:${n === 1 ? '65' : '66'}`, segment: 'lan', addresses: [`172.17.8.${100 + n}/24`] },
        { kind: 'bridge', name: 'docker0', mac: `02:00:0a:0a:${octet}:01`, addresses: [`10.10.${subnet}.1/20`] },
        { kind: 'veth', name: `veth-${pod}`, mac: `02:01:0a:0a:${octet}:02`, peer: { ns: pod, iface: 'eth0' }, master: 'docker0' },
      ],
      routes,
      pods: [
        {
          name: pod,
          interfaces: [{ kind: 'veth', name: 'eth0', mac: `02:00:0a:0a:${octet}:02`, peer: { ns: `minion${n}`, iface: `veth-${pod}` }, addresses: [`10.10.${subnet}.2/20`] }],
          routes: [{ dst: 'default', via: `10.10.${subnet}.1`, dev: 'eth0' }],
          listeners: [{ proto: 'tcp', port: 80 }],
        },
      ],
    };
  };
  return {
    version: 1,
    name,
    segments: [{ id: 'lan' }],
    machines: [minion(1, minion1Routes), minion(2, [{ dst: '10.10.176.0/20', via: '172.17.8.101', dev: 'enp0s8' }])],
  };
}

/** minion2's pod subnet, through minion2, as flannel host-gw routes it. */
const TO_MINION2: RouteSpec = { dst: '10.10.192.0/20', via: '172.17.8.102', dev: 'enp0s8' };

/** An address left on an interface that was made a bridge port (field case F08). */
export function bridgePortAddressLab(): Topology {
  return {
    version: 1,
    name: 'F08-ip-on-bridge-port',
    segments: [{ id: 'lan' }],
    machines: [
      {
        name: 'host',
        role: 'host',
        interfaces: [
          { kind: 'bridge', name: 'br0', mac: '02:00:00:00:0b:00' },
          { kind: 'ether', name: 'eth0', mac: '02:00:c0:a8:01:14', segment: 'lan', addresses: ['192.168.1.20/24'], master: 'br0' },
        ],
        routes: [{ dst: 'default', via: '192.168.1.1', dev: 'eth0' }],
      },
      { name: 'gw', role: 'router', interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:00:c0:a8:01:01', segment: 'lan', addresses: ['192.168.1.1/24'] }] },
    ],
  };
}

/** Two Calico pods whose host-side veths share the MAC ee:ee:ee:ee:ee:ee (field case F02). */
export function sharedHostMacLab(): Topology {
  const calicoPod = (n: 5 | 6, veth: string): NonNullable<Topology['machines'][number]['pods']>[number] => ({
    name: `pod${n - 4}`,
    interfaces: [{ kind: 'veth', name: 'eth0', mac: `02:00:0a:f4:01:0${n}`, peer: { ns: 'node1', iface: veth }, addresses: [`10.244.1.${n}/32`] }],
    routes: [
      { dst: '169.254.1.1/32', dev: 'eth0' },
      { dst: 'default', via: '169.254.1.1', dev: 'eth0' },
    ],
  });
  return {
    version: 1,
    name: 'F02-variant-two-calico-pods-same-veth-mac',
    segments: [{ id: 'lan' }],
    machines: [
      {
        name: 'node1',
        role: 'node',
        sysctls: { ip_forward: true },
        interfaces: [
          { kind: 'ether', name: 'eth0', mac: '02:00:ac:10:00:0b', segment: 'lan', addresses: ['172.16.0.11/24'] },
          { kind: 'veth', name: 'cali1', mac: 'ee:ee:ee:ee:ee:ee', peer: { ns: 'pod1', iface: 'eth0' }, sysctls: { proxy_arp: true, proxy_delay: 0 } },
          { kind: 'veth', name: 'cali2', mac: 'ee:ee:ee:ee:ee:ee', peer: { ns: 'pod2', iface: 'eth0' }, sysctls: { proxy_arp: true, proxy_delay: 0 } },
        ],
        routes: [
          { dst: '10.244.1.5/32', dev: 'cali1' },
          { dst: '10.244.1.6/32', dev: 'cali2' },
          { dst: 'default', via: '172.16.0.1', dev: 'eth0' },
        ],
        pods: [calicoPod(5, 'cali1'), calicoPod(6, 'cali2')],
      },
      {
        name: 'node2',
        role: 'node',
        interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:00:ac:10:00:0c', segment: 'lan', addresses: ['172.16.0.12/24'] }],
        routes: [{ dst: '10.244.1.0/24', via: '172.16.0.11', dev: 'eth0' }],
      },
      { name: 'router', role: 'router', sysctls: { ip_forward: true }, interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:00:ac:10:00:01', segment: 'lan', addresses: ['172.16.0.1/24'] }] },
    ],
  };
}

/** The seed lab with node1's static routes replaced by `routes` (after the default route). */
function seedNode1Routes(name: string, routes: RouteSpec[]): Topology {
  const t = seedTopology();
  const node1 = t.machines.find((m) => m.name === 'node1');
  if (node1) node1.routes = [...(node1.routes ?? []), ...routes];
  return { ...t, name };
}

/** The seed lab with pod3 listening on UDP port 53. */
function seedPod3Udp(): Topology {
  const t = seedTopology();
  const pod3 = t.machines.find((m) => m.name === 'node2')?.pods?.find((p) => p.name === 'pod3');
  if (pod3) pod3.listeners = [{ proto: 'udp', port: 53 }];
  return { ...t, name: 'seed-pod3-udp' };
}

/** The field cases, then our own neighbours of each kind, in the order they are recorded. */
export const FIELD_SCENARIOS: readonly Scenario[] = [
  // Field cases (the shared cases/ folder), as their journey.args say.
  {
    id: 'case-fib-prepend',
    title: { en: 'A route via the node\'s own address prepended before the bridge\'s connected route', ru: 'Маршрут через собственный адрес ноды, добавленный перед маршрутом моста (prepend)' },
    topology: () => hostGwLab('F06-hostgw-route-via-own-ip', [{ dst: '10.10.176.0/20', via: '172.17.8.101', dev: 'enp0s8', op: 'prepend' }, TO_MINION2]),
    journey: { from: 'minion1', to: '10.10.176.2', proto: 'tcp', port: 80 },
  },
  {
    id: 'case-fib-own-ip-gateway',
    title: { en: 'A route to another subnet via the node\'s own address', ru: 'Маршрут в другую подсеть через собственный адрес ноды' },
    topology: () => hostGwLab('F06-variant-own-ip-gateway', [{ dst: '10.10.208.0/20', via: '172.17.8.101', dev: 'enp0s8' }, TO_MINION2]),
    journey: { from: 'minion1', to: '10.10.208.5' },
  },
  {
    id: 'case-bridge-port-address',
    title: { en: 'An address left on a bridge port: the ARP replies go up to the bridge', ru: 'Адрес на порту моста: ARP-ответы уходят наверх, в мост' },
    topology: bridgePortAddressLab,
    journey: { from: 'host', to: '192.168.1.1' },
  },
  {
    id: 'case-shared-host-mac',
    title: { en: 'Two Calico host veths with one MAC: the ping works', ru: 'Два veth Calico с одним MAC: ping проходит' },
    topology: sharedHostMacLab,
    journey: { from: 'pod1', to: '172.16.0.12' },
  },
  // Loopback: what a host sends to itself crosses lo.
  {
    id: 'lo-ping-own-address',
    title: { en: 'node1 pings its own address: request and reply cross lo', ru: 'node1 пингует собственный адрес: запрос и ответ проходят через lo' },
    topology: seedTopology,
    journey: { from: 'node1', to: 'node1' },
  },
  {
    id: 'lo-ping-127',
    title: { en: 'pod1 pings 127.0.0.1', ru: 'pod1 пингует 127.0.0.1' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '127.0.0.1' },
  },
  {
    id: 'lo-udp-own-listener',
    title: { en: 'UDP from pod3 to a listener on its own address', ru: 'UDP из pod3 на слушающий порт его собственного адреса' },
    topology: seedPod3Udp,
    journey: { from: 'pod3', to: 'pod3', proto: 'udp', port: 53 },
  },
  {
    id: 'lo-tcp-own-closed-port',
    title: { en: 'TCP from pod3 to a closed port on its own address: RST over lo', ru: 'TCP из pod3 на закрытый порт собственного адреса: RST через lo' },
    topology: seedTopology,
    journey: { from: 'pod3', to: 'pod3', proto: 'tcp', port: 81 },
  },
  {
    id: 'fib-append-equal-prefix',
    title: { en: 'The same route appended after the connected one: the connected route wins', ru: 'Тот же маршрут, добавленный после подключённой сети (append): побеждает сеть моста' },
    topology: () => hostGwLab('hostgw-route-via-own-ip-append', [{ dst: '10.10.176.0/20', via: '172.17.8.101', dev: 'enp0s8', op: 'append' }, TO_MINION2]),
    journey: { from: 'minion1', to: '10.10.176.2', proto: 'tcp', port: 80 },
  },
  {
    id: 'fib-prepend-gateway',
    title: { en: 'node1: a route to 10.10.11.0/24 via node2 prepended before the one via the router', ru: 'node1: маршрут в 10.10.11.0/24 через node2 добавлен перед маршрутом через маршрутизатор' },
    topology: () => seedNode1Routes('seed-prepend-gateway', [
      { dst: '10.10.11.0/24', via: '172.16.100.254', dev: 'eth0' },
      { dst: '10.10.11.0/24', via: '172.16.100.2', dev: 'eth0', op: 'prepend' },
    ]),
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'fib-route-src',
    title: { en: 'node1 pings pod3 by a route with src 10.10.10.254', ru: 'node1 пингует pod3 по маршруту с src 10.10.10.254' },
    topology: () => seedNode1Routes('seed-route-src', [{ dst: '10.10.11.0/24', via: '172.16.100.254', dev: 'eth0', src: '10.10.10.254' }]),
    journey: { from: 'node1', to: 'pod3' },
  },
  {
    id: 'fib-own-gateway-other-dev',
    title: { en: 'A gateway that is docker0\'s address, reached by a link route on enp0s8: minion1 ARPs for it', ru: 'Шлюз — адрес docker0, доступный по маршруту через enp0s8: minion1 ищет его MAC по ARP' },
    topology: () => hostGwLab('hostgw-gateway-other-dev', [{ dst: '10.10.176.1/32', dev: 'enp0s8' }, { dst: '10.10.208.0/20', via: '10.10.176.1', dev: 'enp0s8' }, TO_MINION2]),
    journey: { from: 'minion1', to: '10.10.208.5' },
  },
];
