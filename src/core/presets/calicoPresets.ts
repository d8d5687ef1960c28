import { setDatapath } from '../model/datapath';
import type { Topology } from '../model/topology';
import MINIKUBE_CALICO_LAB from './minikube-calico.lab.json';
import SEED_CALICO_LAB from './seed-calico.lab.json';
import SEED_CALICO_VXLAN_LAB from './seed-calico-vxlan.lab.json';
import SEED_CALICO_IPIP_LAB from './seed-calico-ipip.lab.json';
import type { Scenario } from './scenarios';

/*
 * The Calico labs, kept as data: calicoBuild.ts makes them through the one path (Calico's CNI ADD
 * and calico-node's program) and `npm run presets` writes them here, so the player's first page
 * lists their scenarios without loading the CNI model. A test checks each copy equals what its
 * builder makes now.
 */

function copy(lab: unknown): Topology {
  return JSON.parse(JSON.stringify(lab)) as Topology;
}

/** `seed-calico`: the seed's nodes under Calico without encapsulation (see buildSeedCalico). */
export function seedCalico(): Topology {
  return copy(SEED_CALICO_LAB);
}

/** `seed-calico-vxlan`: the seed's nodes under Calico VXLAN. */
export function seedCalicoVxlan(): Topology {
  return copy(SEED_CALICO_VXLAN_LAB);
}

/** `seed-calico-ipip`: the seed's nodes under Calico IP-in-IP (tunl0, protocol 4). */
export function seedCalicoIpip(): Topology {
  return copy(SEED_CALICO_IPIP_LAB);
}

/** "minikube, 3 nodes, Calico": the notes' cluster with `--cni calico` (see buildMinikubeCalico). */
export function minikubeCalico(): Topology {
  return copy(MINIKUBE_CALICO_LAB);
}

/**
 * "minikube, 3 nodes, Calico IP-in-IP": the same cluster in its manifest's own mode
 * (CALICO_IPV4POOL_IPIP Always): calico-node's program for IP-in-IP on the recorded lab (tunl0 with
 * the first address of each node's block, MTU 1480; BIRD's routes through tunl0 onlink; pods at 1480).
 */
export function minikubeCalicoIpip(): Topology {
  const t = minikubeCalico();
  const pool = t.datapath?.cni === 'calico' ? t.datapath.pool : undefined;
  return {
    ...setDatapath(t, { cni: 'calico', encapsulation: 'ipip', ...(pool !== undefined ? { pool } : {}) }),
    name: 'minikube-calico-ipip',
    description: {
      en: 'The notes\' cluster with Calico as minikube\'s manifest runs it: IP-in-IP Always. Each node has tunl0 (MTU 1480, an address from its own block), BIRD routes the other nodes\' blocks through it, and each packet between nodes travels inside an outer IPv4 header, protocol 4, from node to node.',
      ru: 'Кластер из конспекта с Calico в том виде, в каком его запускает манифест minikube: IP-in-IP Always. На каждой ноде есть туннель tunl0 (MTU 1480, адрес из собственного блока), BIRD направляет через него блоки других нод, и каждый пакет между нодами идёт внутри внешнего заголовка IPv4 с протоколом 4 от ноды к ноде.',
    },
  };
}

/**
 * `seed-calico` as the seed's nodes alone on their segment: no router, so no default route. The
 * nodes still route each other's blocks, but neither has a route for 169.254.1.1, so proxy ARP
 * (arp_process: the target must route as unicast out of another device) answers no pod.
 */
export function seedCalicoNoDefaultRoute(): Topology {
  const t = seedCalico();
  return {
    ...t,
    name: 'seed-calico-no-default-route',
    machines: t.machines.filter((m) => m.role !== 'router').map((m) => ({ ...m, routes: (m.routes ?? []).filter((r) => r.dst !== 'default') })),
  };
}

/** The Calico scenarios, recorded on the kernel like every scenario but IP-in-IP's (this kernel has no ipip module). */
export const CALICO_SCENARIOS: readonly Scenario[] = [
  {
    id: 'calico-cold-ping-pod1-pod3',
    title: {
      en: 'Calico: first ping pod1 → pod3: pod1 ARPs for 169.254.1.1, node1 answers by proxy ARP with ee:ee:ee:ee:ee:ee; BIRD\'s route sends the packet to node2',
      ru: 'Calico: первый ping pod1 → pod3: pod1 запрашивает по ARP 169.254.1.1, node1 отвечает через proxy ARP адресом ee:ee:ee:ee:ee:ee; маршрут BIRD ведёт пакет к node2',
    },
    topology: seedCalico,
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'calico-vxlan-cold-ping-pod1-pod3',
    title: {
      en: 'Calico VXLAN: first ping pod1 → pod3, encapsulated by vxlan.calico in UDP to port 4789, VNI 4096',
      ru: 'Calico VXLAN: первый ping pod1 → pod3, vxlan.calico инкапсулирует его в UDP на порт 4789, VNI 4096',
    },
    topology: seedCalicoVxlan,
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'calico-ipip-cold-ping-pod1-pod3',
    title: {
      en: 'Calico IP-in-IP: first ping pod1 → pod3, routed by BIRD into tunl0, which wraps it in an outer IPv4 header (protocol 4, 20 bytes) to node2',
      ru: 'Calico IP-in-IP: первый ping pod1 → pod3; маршрут BIRD ведёт его в туннель tunl0, а тот вкладывает пакет во внешний заголовок IPv4 (протокол 4, 20 байт) к ноде node2',
    },
    topology: seedCalicoIpip,
    journey: { from: 'pod1', to: 'pod3' },
    unrecorded: 'ipip',
  },
  {
    id: 'calico-no-default-route',
    title: {
      en: 'Calico on nodes without a default route: pod1 ARPs for 169.254.1.1 and node1 never answers, as proxy ARP needs a route for it',
      ru: 'Calico на нодах без маршрута по умолчанию: pod1 запрашивает по ARP 169.254.1.1, а node1 не отвечает — proxy ARP нужен маршрут к этому адресу',
    },
    topology: seedCalicoNoDefaultRoute,
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'calico-minikube-ping-pod-a-pod-b',
    title: {
      en: 'minikube, 3 nodes, Calico: ping pod-a → pod-b across nodes, by BIRD\'s route to minikube-m03\'s block; its terminal answers kubectl',
      ru: 'minikube, 3 ноды, Calico: ping pod-a → pod-b между нодами по маршруту BIRD к блоку minikube-m03; в терминале отвечает kubectl',
    },
    topology: minikubeCalico,
    journey: { from: 'pod-a', to: 'pod-b' },
  },
  {
    id: 'calico-minikube-ipip-ping-pod-a-pod-b',
    title: {
      en: 'minikube, 3 nodes, Calico IP-in-IP (the manifest\'s default): ping pod-a → pod-b, through tunl0 in an outer IPv4 header from minikube-m02 to minikube-m03',
      ru: 'minikube, 3 ноды, Calico IP-in-IP (значение манифеста по умолчанию): ping pod-a → pod-b через туннель tunl0 во внешнем заголовке IPv4 от minikube-m02 к minikube-m03',
    },
    topology: minikubeCalicoIpip,
    journey: { from: 'pod-a', to: 'pod-b' },
    unrecorded: 'ipip',
  },
];
