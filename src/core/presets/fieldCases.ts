import type { RouteSpec, Topology } from '../model/topology';
import type { Scenario } from './scenarios';
import { seedTopology } from './seed';
import { seedListening, seedWithRoutes } from './seedVariants';

/*
 * Field cases: small labs rebuilt from public bug reports about Kubernetes and Linux pod networking
 * (the shared `cases/` folder), each a reference scenario the kernel lab records like any other,
 * followed by neighbours of our own making for each kind of fact they point at: traffic a host sends
 * to itself crosses `lo`; ARP input runs the checks IP input runs on the sender's address; routes
 * follow the kernel's FIB rules (insertion order among equal prefix and metric, a gateway that is a
 * local address, a preferred source).
 */

/**
 * Two nodes on two segments (field case F04): kube1 reaches kube2's second address 10.87.87.202
 * through ens5 but with its first address as source (`src 192.168.27.13`), which kube2 reaches
 * through its other NIC. `rpFilter` is kube2's `all.rp_filter`; `kube2Primary: false` leaves kube2
 * without its eth0, so it has no route at all back to 192.168.27.13.
 */
export function secondNicLab(name: string, rpFilter: 0 | 1 | 2, kube2Primary = true): Topology {
  return {
    version: 1,
    name,
    segments: [{ id: 'primary' }, { id: 'secondary' }],
    machines: [
      {
        name: 'kube1',
        role: 'node',
        interfaces: [
          { kind: 'ether', name: 'eth0', mac: '02:00:c0:a8:1b:0d', segment: 'primary', addresses: ['192.168.27.13/24'] },
          { kind: 'ether', name: 'ens5', mac: '02:00:0a:57:57:c9', segment: 'secondary', addresses: ['10.87.87.201/24'] },
        ],
        routes: [{ dst: '10.87.87.202/32', dev: 'ens5', src: '192.168.27.13' }],
      },
      {
        name: 'kube2',
        role: 'node',
        sysctls: { all: { rp_filter: rpFilter } },
        interfaces: [
          ...(kube2Primary ? [{ kind: 'ether' as const, name: 'eth0', mac: '02:00:c0:a8:1b:0e', segment: 'primary', addresses: ['192.168.27.14/24'] }] : []),
          { kind: 'ether', name: 'ens5', mac: '02:00:0a:57:57:ca', segment: 'secondary', addresses: ['10.87.87.202/24'] },
        ],
        listeners: [{ proto: 'tcp', port: 80 }],
      },
    ],
  };
}

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

/**
 * Two hosts on one network where h2 also holds h1's address 10.0.0.1 (on a bridge without ports):
 * h2 sees its own address as the sender of h1's ARP request. With `staticNeighbour`, h1 knows h2's
 * MAC already (a permanent entry), so no ARP is needed and h2 sees an IP packet from 10.0.0.1.
 */
export function sharedAddressLab(staticNeighbour = false): Topology {
  return {
    version: 1,
    name: staticNeighbour ? 'ip-source-own-address' : 'arp-sender-own-address',
    segments: [{ id: 'lan' }],
    machines: [
      {
        name: 'h1',
        role: 'host',
        interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:00:0a:00:00:01', segment: 'lan', addresses: ['10.0.0.1/24'] }],
        ...(staticNeighbour ? { neighbours: [{ ip: '10.0.0.2', mac: '02:00:0a:00:00:02', dev: 'eth0', state: 'PERMANENT' as const }] } : {}),
      },
      {
        name: 'h2',
        role: 'host',
        interfaces: [
          { kind: 'ether', name: 'eth0', mac: '02:00:0a:00:00:02', segment: 'lan', addresses: ['10.0.0.2/24'] },
          { kind: 'bridge', name: 'br0', mac: '02:00:0a:00:00:fe', addresses: ['10.0.0.1/32'] },
        ],
      },
    ],
  };
}

/** The seed lab with node1's static routes followed by `routes`. */
function seedNode1Routes(name: string, routes: RouteSpec[]): Topology {
  return seedWithRoutes('node1', routes, name);
}

/** The field cases, then our own neighbours of each kind, in the order they are recorded. */
export const FIELD_SCENARIOS: readonly Scenario[] = [
  // Field cases (the shared cases/ folder), as their journey.args say.
  {
    id: 'case-rp-filter-arp',
    title: { en: 'kube2 with rp_filter=1: its ARP input drops the request from kube1\'s other address', ru: 'kube2 с rp_filter=1: ARP-запрос с другого адреса kube1 остаётся без ответа' },
    topology: () => secondNicLab('F04-rp-filter-second-nic', 1),
    journey: { from: 'kube1', to: '10.87.87.202', proto: 'tcp', port: 80 },
  },
  {
    id: 'case-rp-filter-arp-off',
    title: { en: 'The same with rp_filter=0: ARP answered, handshake completes', ru: 'То же с rp_filter=0: ARP получает ответ, рукопожатие завершается' },
    topology: () => secondNicLab('F04-variant-rp-filter-0', 0),
    journey: { from: 'kube1', to: '10.87.87.202', proto: 'tcp', port: 80 },
  },
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
    topology: () => seedListening('pod3', [{ proto: 'udp', port: 53 }], 'seed-pod3-udp'),
    journey: { from: 'pod3', to: 'pod3', proto: 'udp', port: 53 },
  },
  {
    id: 'lo-tcp-own-closed-port',
    title: { en: 'TCP from pod3 to a closed port on its own address: RST over lo', ru: 'TCP из pod3 на закрытый порт собственного адреса: RST через lo' },
    topology: seedTopology,
    journey: { from: 'pod3', to: 'pod3', proto: 'tcp', port: 81 },
  },
  // ARP input checks the sender's address as IP input would.
  {
    id: 'arp-rp-filter-loose-answered',
    title: { en: 'kube2 with rp_filter=2: some route back exists, so the ARP is answered', ru: 'kube2 с rp_filter=2: обратный маршрут есть, ARP получает ответ' },
    topology: () => secondNicLab('rp-filter-loose', 2),
    journey: { from: 'kube1', to: '10.87.87.202', proto: 'tcp', port: 80 },
  },
  {
    id: 'arp-rp-filter-loose-no-route',
    title: { en: 'kube2 with rp_filter=2 and no route back to the sender: no ARP reply', ru: 'kube2 с rp_filter=2 без маршрута к отправителю: ARP без ответа' },
    topology: () => secondNicLab('rp-filter-loose-no-route', 2, false),
    journey: { from: 'kube1', to: '10.87.87.202', proto: 'tcp', port: 80 },
  },
  {
    id: 'arp-sender-own-address',
    title: { en: 'h2 also holds 10.0.0.1: an ARP request from 10.0.0.1 is a local source to it', ru: 'У h2 тоже есть 10.0.0.1: ARP-запрос от 10.0.0.1 для него — запрос с собственного адреса' },
    topology: () => sharedAddressLab(),
    journey: { from: 'h1', to: '10.0.0.2' },
  },
  {
    id: 'ip-source-own-address',
    title: { en: 'The same, h1 knowing h2\'s MAC: h2 drops the ping from its own address 10.0.0.1', ru: 'То же, но h1 знает MAC h2: h2 отбрасывает ping со своего же адреса 10.0.0.1' },
    topology: () => sharedAddressLab(true),
    journey: { from: 'h1', to: '10.0.0.2' },
  },
  // The kernel's FIB rules.
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
  {
    id: 'fib-replace-connected-loop',
    title: {
      en: 'node1 replaces its connected route to its pods with one via the router: the echo request from pod3 loops between node1 and the router until its TTL runs out',
      ru: 'Нода node1 заменяет маршрут к сети своих подов, подключённой напрямую, маршрутом через маршрутизатор: эхо-запрос от pod3 ходит по кругу между node1 и маршрутизатором, пока не истечёт TTL',
    },
    topology: () => seedNode1Routes('seed-replace-connected', [{ dst: '10.10.10.0/24', via: '172.16.100.254', dev: 'eth0', op: 'replace' }]),
    journey: { from: 'pod3', to: 'pod1' },
  },
  {
    id: 'fib-replace-default-pod2',
    title: { en: 'pod1\'s default route replaced by one via pod2, which does not forward', ru: 'Маршрут по умолчанию pod1 заменён маршрутом через pod2, который не пересылает пакеты' },
    topology: () => seedWithRoutes('pod1', [{ dst: 'default', via: '10.10.10.2', dev: 'eth0', op: 'replace' }], 'seed-replace-default'),
    journey: { from: 'pod1', to: 'pod3' },
  },
];
