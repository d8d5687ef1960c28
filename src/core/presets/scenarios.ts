import type { JourneySpec } from '../journey';
import type { Topology } from '../model/topology';
import { CALICO_SCENARIOS } from './calicoPresets';
import { DATAPATH_SCENARIOS } from './datapathScenarios';
import { CILIUM_SCENARIOS } from './ciliumScenarios';
import { MINIKUBE_CILIUM_SCENARIOS } from './minikubeCilium';
import { WEAVE_SCENARIOS } from './weaveScenarios';
import { FIELD_SCENARIOS } from './fieldCases';
import { MINIKUBE_SCENARIOS } from './minikube';
import { MTU_SCENARIOS } from './mtuScenarios';
import { seedTopology } from './seed';
import { seedListening } from './seedVariants';
import { TCP_SCENARIOS } from './tcpScenarios';

/**
 * Reference scenarios: each one is run by the engine and, by `npm run verify:kernel`, on the real
 * kernel in network namespaces; their frames must match interface by interface.
 */
export interface Scenario {
  /** File-name-safe id; the kernel fixture is `fixtures/kernel/<id>.json`. */
  id: string;
  title: { en: string; ru: string };
  topology: () => Topology;
  journey: JourneySpec;
  /**
   * Why the kernel lab cannot record this scenario, when it cannot: `ebpf`, the datapath is eBPF
   * programs (Cilium's) that the recorder's namespaces do not load; `ovs`, it is an Open vSwitch
   * kernel datapath (Weave Net's fastdp) that only its user-space owner creates and fills; `wireguard`,
   * it needs WireGuard devices (Cilium's transparent encryption), which this kernel lab cannot create
   * (no wireguard module), besides Cilium's eBPF; `ipip`, it needs an IPIP tunnel (Calico's tunl0) and
   * this kernel has no ipip module. Such a
   * scenario has no fixture (a test checks), and its engine frames rest on the cited sources instead.
   */
  unrecorded?: 'ebpf' | 'ovs' | 'wireguard' | 'ipip';
}

/** The seed lab with the router's `send_redirects` left at the Linux default (on). */
export function seedWithRedirects(): Topology {
  const t = seedTopology();
  const router = t.machines.find((m) => m.name === 'router');
  if (router) {
    delete router.sysctls?.all;
    for (const i of router.interfaces) delete i.sysctls;
  }
  return { ...t, name: 'seed-redirects' };
}

/** The seed lab with a server in pod3 listening on TCP port 80 and UDP port 53. */
export function seedWithListeners(): Topology {
  return seedListening('pod3', [{ proto: 'tcp', port: 80 }, { proto: 'udp', port: 53 }], 'seed-listeners');
}

/**
 * The seed lab with pod1 wired the way Calico wires pods: a /32 address, a link route to the
 * placeholder gateway 169.254.1.1 and a default route through it; its host-side veth out of the
 * bridge, with proxy_arp on and proxy_delay 0, and a /32 route back to the pod.
 */
export function seedCalicoStylePod1(): Topology {
  const t = seedTopology();
  const node1 = t.machines.find((m) => m.name === 'node1');
  const pod1 = node1?.pods?.find((p) => p.name === 'pod1');
  const host = node1?.interfaces.find((i) => i.name === 'veth-pod1');
  const podEth = pod1?.interfaces[0];
  if (!node1 || !pod1 || !host || !podEth) return t;
  podEth.addresses = ['10.10.10.1/32'];
  pod1.routes = [
    { dst: '169.254.1.1/32', dev: 'eth0' },
    { dst: 'default', via: '169.254.1.1', dev: 'eth0' },
  ];
  delete host.master;
  host.mac = 'ee:ee:ee:ee:ee:ee';
  host.sysctls = { proxy_arp: true, proxy_delay: 0 };
  node1.routes = [{ dst: '10.10.10.1/32', dev: 'veth-pod1' }, ...(node1.routes ?? [])];
  return { ...t, name: 'seed-calico-pod1' };
}

/** Every reference scenario, in the order they are recorded. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'cold-ping-pod1-pod3',
    title: { en: 'First ping pod1 → pod3 (empty caches, other node)', ru: 'Первый ping pod1 → pod3 (кэши пусты, другая нода)' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'ping-pod1-pod2-same-bridge',
    title: { en: 'Ping pod1 → pod2 (same bridge)', ru: 'Ping pod1 → pod2 (тот же мост)' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod2' },
  },
  {
    id: 'two-pings-warm-caches',
    title: { en: 'Two pings pod1 → pod3: the second finds warm caches', ru: 'Два пинга pod1 → pod3: второй находит заполненные кэши' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', count: 2 },
  },
  {
    id: 'no-route-10.10.12.1',
    title: { en: 'Ping 10.10.12.1, which no route covers', ru: 'Ping 10.10.12.1, для которого нет маршрута' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.12.1' },
  },
  {
    id: 'ttl-1',
    title: { en: 'Ping pod1 → pod3 with TTL 1', ru: 'Ping pod1 → pod3 с TTL 1' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', ttl: 1 },
  },
  {
    id: 'ttl-2',
    title: { en: 'Ping pod1 → pod3 with TTL 2: the router answers', ru: 'Ping pod1 → pod3 с TTL 2: отвечает маршрутизатор' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', ttl: 2 },
  },
  {
    id: 'router-redirects-default-pod1',
    title: { en: 'Router with send_redirects on: ping pod1 → pod3', ru: 'Маршрутизатор с send_redirects: ping pod1 → pod3' },
    topology: seedWithRedirects,
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'router-redirects-default-node1',
    title: { en: 'Router with send_redirects on: ping node1 → pod3', ru: 'Маршрутизатор с send_redirects: ping node1 → pod3' },
    topology: seedWithRedirects,
    journey: { from: 'node1', to: '10.10.11.1' },
  },
  {
    id: 'arp-fails-10.10.10.77',
    title: { en: 'Ping 10.10.10.77: nobody answers ARP', ru: 'Ping 10.10.10.77: на ARP никто не отвечает' },
    topology: seedTopology,
    journey: { from: 'pod1', to: '10.10.10.77' },
  },
  {
    id: 'delay-probe-after-5s',
    title: { en: 'Three pings 2 s apart: 5 s after first use, unconfirmed entries are probed by unicast ARP', ru: 'Три пинга с интервалом 2 с: через 5 с неподтверждённые записи проверяются одноадресным ARP' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', count: 3, intervalMs: 2000 },
  },
  {
    id: 'udp-port-unreachable',
    title: { en: 'UDP to a closed port on pod3', ru: 'UDP на закрытый порт pod3' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', proto: 'udp', port: 9999 },
  },
  {
    id: 'tcp-handshake-listener',
    title: { en: 'TCP connect to a listening port on pod3: SYN, SYN-ACK, ACK', ru: 'TCP-подключение к слушающему порту pod3: SYN, SYN-ACK, ACK' },
    topology: seedWithListeners,
    journey: { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80 },
  },
  {
    id: 'udp-to-listener',
    title: { en: 'UDP to a listening port on pod3: delivered, no answer', ru: 'UDP на слушающий порт pod3: доставлено, ответа нет' },
    topology: seedWithListeners,
    journey: { from: 'pod1', to: 'pod3', proto: 'udp', port: 53 },
  },
  {
    id: 'proxy-arp-calico-style',
    title: { en: 'Calico-style pod1: it ARPs for 169.254.1.1 and node1 answers by proxy ARP', ru: 'pod1 в стиле Calico: ARP про 169.254.1.1, node1 отвечает через proxy ARP' },
    topology: seedCalicoStylePod1,
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'tcp-syn-refused',
    title: { en: 'TCP SYN to a closed port on pod3', ru: 'TCP SYN на закрытый порт pod3' },
    topology: seedTopology,
    journey: { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80 },
  },
  ...FIELD_SCENARIOS,
  ...MTU_SCENARIOS,
  ...TCP_SCENARIOS,
  ...DATAPATH_SCENARIOS,
  ...MINIKUBE_SCENARIOS,
  ...CALICO_SCENARIOS,
  ...CILIUM_SCENARIOS,
  ...MINIKUBE_CILIUM_SCENARIOS,
  ...WEAVE_SCENARIOS,
];
