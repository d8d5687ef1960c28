import type { Topology } from '../model/topology';
import type { Scenario } from './scenarios';
import { seedTopology } from './seed';

/**
 * MTU scenarios (issue 7 item 5): a ping too big for a later hop, with DF set as ping sets it
 * (IP_PMTUDISC_WANT: DF on whatever fits the first device).
 */

/** The seed lab with node2 moved behind the router's second interface, on a segment of MTU 1400. */
export function seedNarrowWan(): Topology {
  const t = seedTopology();
  t.segments = [...t.segments, { id: 'lan2', label: '172.16.101.0/24' }];
  const router = t.machines.find((m) => m.name === 'router');
  const node2 = t.machines.find((m) => m.name === 'node2');
  if (router && node2) {
    router.interfaces = [
      ...router.interfaces,
      { kind: 'ether', name: 'eth1', mac: '02:00:ac:10:65:fe', addresses: ['172.16.101.254/24'], segment: 'lan2', mtu: 1400 },
    ];
    router.routes = [
      { dst: '10.10.10.0/24', via: '172.16.100.1', dev: 'eth0' },
      { dst: '10.10.11.0/24', via: '172.16.101.2', dev: 'eth1' },
    ];
    node2.interfaces = node2.interfaces.map((i) =>
      i.kind === 'ether' ? { ...i, mac: '02:00:ac:10:65:02', addresses: ['172.16.101.2/24'], segment: 'lan2', mtu: 1400 } : i,
    );
    node2.routes = [{ dst: 'default', via: '172.16.101.254', dev: 'eth0' }];
  }
  return { ...t, name: 'seed-narrow-wan' };
}

/** The seed lab with pod3 on a narrower link: its veth pair and node2's cni0 at MTU 1400. */
export function seedNarrowPod(): Topology {
  const t = seedTopology();
  const node2 = t.machines.find((m) => m.name === 'node2');
  const pod3 = node2?.pods?.find((p) => p.name === 'pod3');
  if (node2 && pod3) {
    node2.interfaces = node2.interfaces.map((i) => (i.name === 'cni0' || i.name === 'veth-pod3' ? { ...i, mtu: 1400 } : i));
    pod3.interfaces = pod3.interfaces.map((i) => (i.name === 'eth0' ? { ...i, mtu: 1400 } : i));
  }
  return { ...t, name: 'seed-narrow-pod' };
}

export const MTU_SCENARIOS: readonly Scenario[] = [
  {
    id: 'mtu-frag-needed-router',
    title: {
      en: 'ping -s 1400 pod1 → pod3 with DF: the router cannot forward 1428 bytes onto a 1400-byte link',
      ru: 'ping -s 1400 pod1 → pod3 с DF: маршрутизатор не может переслать 1428 байт в канал с MTU 1400',
    },
    topology: seedNarrowWan,
    journey: { from: 'pod1', to: 'pod3', size: 1400 },
  },
  {
    id: 'mtu-frag-needed-node',
    title: {
      en: 'ping -s 1400 pod1 → pod3 with DF: node2 cannot forward 1428 bytes to pod3 (MTU 1400)',
      ru: 'ping -s 1400 pod1 → pod3 с DF: node2 не может переслать 1428 байт в pod3 (MTU 1400)',
    },
    topology: seedNarrowPod,
    journey: { from: 'pod1', to: 'pod3', size: 1400 },
  },
  {
    id: 'mtu-fragment-local',
    title: {
      en: 'ping -s 2000 pod1 → pod3: pod1 sends two fragments, pod3 reassembles them and fragments its reply',
      ru: 'ping -s 2000 pod1 → pod3: pod1 отправляет два фрагмента, pod3 собирает их и фрагментирует свой ответ',
    },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', size: 2000 },
  },
  {
    id: 'mtu-fragment-router-dont',
    title: {
      en: 'ping -M dont -s 1400 pod1 → pod3: without DF the router fragments the request, node2 the reply',
      ru: 'ping -M dont -s 1400 pod1 → pod3: без DF маршрутизатор фрагментирует запрос, а node2 — ответ',
    },
    topology: seedNarrowWan,
    journey: { from: 'pod1', to: 'pod3', size: 1400, pmtudisc: 'dont' },
  },
  {
    id: 'mtu-pmtu-learned',
    title: {
      en: 'ping -c 2 -s 1400 pod1 → pod3: the first is refused with "fragmentation needed", pod1 learns MTU 1400 and fragments the second',
      ru: 'ping -c 2 -s 1400 pod1 → pod3: первый запрос отброшен с ICMP «нужна фрагментация», pod1 запоминает MTU 1400 и фрагментирует второй',
    },
    topology: seedNarrowWan,
    journey: { from: 'pod1', to: 'pod3', size: 1400, count: 2 },
  },
  {
    id: 'mtu-emsgsize-local',
    title: {
      en: 'ping -M do -s 1600 pod1 → pod3: larger than eth0\'s MTU with DF demanded, nothing is sent (EMSGSIZE)',
      ru: 'ping -M do -s 1600 pod1 → pod3: пакет больше MTU eth0, а DF обязателен, поэтому ничего не отправляется (EMSGSIZE)',
    },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', size: 1600, pmtudisc: 'do' },
  },
];
