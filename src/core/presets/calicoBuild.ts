import { programCalico } from '../model/datapathCalico';
import { addPod } from '../model/podNetwork';
import type { CalicoEncapsulation, MachineSpec, Topology } from '../model/topology';
import { CALICO_KUBE_CONTROLLERS, CALICO_KUBE_CONTROLLERS_NS, minikubeCalicoClusterSpec } from './calicoCluster';
import { COREDNS, minikubeNode, NODES } from './minikube';
import { seedTopology } from './seed';

/*
 * The Calico labs built through the one path: fresh nodes, each pod given its network by Calico's
 * CNI ADD (addPod with Calico's conflist), then what calico-node programs. Kept out of the scenario
 * catalogue, which would load the CNI model on the player's first page: `npm run presets` writes
 * their results to *.lab.json, which calicoPresets.ts returns.
 */

/** A seed node as a fresh Calico node: no cni0 and no pods, its pod subnet kept as `podCidr`. */
function freshSeedNode(m: MachineSpec): MachineSpec {
  const bridge = m.interfaces.find((i) => i.kind === 'bridge');
  const net = bridge?.addresses?.[0]?.replace(/\.\d+\/24$/, '.0/24');
  const { pods: _pods, ...rest } = m;
  return { ...rest, interfaces: m.interfaces.filter((i) => i.kind === 'ether'), pods: [], ...(net !== undefined ? { cni: { podCidr: net } } : {}) };
}

/** The seed Calico labs' names and descriptions, per encapsulation. */
const SEED_CALICO_TEXT: Record<CalicoEncapsulation, Pick<Topology, 'name' | 'description'>> = {
  none: {
    name: 'seed-calico',
    description: {
      en: 'The seed\'s two nodes under Calico without encapsulation: no bridge, each pod on a cali* veth with a /32, its gateway 169.254.1.1 answered by proxy ARP; each node routes the other\'s /26 block via the other node\'s address, as BIRD learns it over BGP. The router is only the nodes\' default gateway.',
      ru: 'Две ноды исходного стенда под Calico без инкапсуляции: моста нет, каждый под подключён своей парой cali* с адресом /32, его шлюз 169.254.1.1 отвечает через proxy ARP; каждая нода направляет блок /26 другой ноды через адрес этой ноды, как BIRD узнаёт его по BGP. Маршрутизатор нужен нодам лишь как шлюз по умолчанию.',
    },
  },
  vxlan: {
    name: 'seed-calico-vxlan',
    description: {
      en: 'The seed\'s two nodes under Calico VXLAN: pods on cali* veths with /32s and the gateway 169.254.1.1; vxlan.calico on each node (VNI 4096, UDP port 4789, MTU 1450) carries the other node\'s block. The router is only the nodes\' default gateway.',
      ru: 'Две ноды исходного стенда под Calico VXLAN: поды на парах cali* с адресами /32 и шлюзом 169.254.1.1; на каждой ноде vxlan.calico (VNI 4096, порт UDP 4789, MTU 1450) переносит блок другой ноды. Маршрутизатор нужен нодам лишь как шлюз по умолчанию.',
    },
  },
  ipip: {
    name: 'seed-calico-ipip',
    description: {
      en: 'The seed\'s two nodes under Calico IP-in-IP (ipipMode Always, the manifest\'s default): pods on cali* veths with /32s (MTU 1480) and the gateway 169.254.1.1; BIRD routes the other node\'s block via that node\'s address through tunl0 (MTU 1480, 20 bytes less than eth0), which wraps each packet in an outer IPv4 header, protocol 4. The router is only the nodes\' default gateway.',
      ru: 'Две ноды исходного стенда под Calico IP-in-IP (ipipMode Always, значение манифеста по умолчанию): поды на парах cali* с адресами /32 (MTU 1480) и шлюзом 169.254.1.1; BIRD направляет блок другой ноды через адрес этой ноды в туннель tunl0 (MTU 1480, на 20 байт меньше, чем у интерфейса eth0), а тот вкладывает каждый пакет во внешний заголовок IPv4 с протоколом 4. Маршрутизатор нужен нодам лишь как шлюз по умолчанию.',
    },
  },
};

/**
 * The seed lab under Calico (`seed-calico`, `seed-calico-vxlan`, `seed-calico-ipip`): its two nodes on their segment,
 * with the router kept only as their default gateway (its routes to the pod subnets go: under
 * Calico the nodes route pod blocks to each other). The default route matters: proxy ARP answers
 * a pod's ARP for 169.254.1.1 only when the node has a route for that address out of another
 * device (arp_process: ip_route_input must find a unicast route), and a real node always has one.
 * The pods keep the seed's names and addresses, asked for as a pod annotated
 * `cni.projectcalico.org/ipAddrs` would (CNI_ARGS `IP=`), so the pool is 10.10.0.0/16 and each
 * node holds the /26 block of its pods: 10.10.10.0/26 and 10.10.11.0/26.
 */
export function buildSeedCalico(encapsulation: CalicoEncapsulation): Topology {
  const seed = seedTopology();
  const pods = seed.machines.flatMap((m) => (m.pods ?? []).map((p) => ({ node: m.name, name: p.name, ip: p.interfaces[0]?.addresses?.[0]?.split('/')[0] ?? '' })));
  const spec = { cni: 'calico' as const, encapsulation, pool: '10.10.0.0/16' };
  let t: Topology = {
    ...seed,
    ...SEED_CALICO_TEXT[encapsulation],
    machines: seed.machines.map((m) => (m.role === 'node' ? freshSeedNode(m) : { ...m, routes: (m.routes ?? []).filter((r) => !r.dst.startsWith('10.10.')) })),
    datapath: { ...spec, encapsulation: 'none' },
  };
  for (const p of pods) t = addPod(t, p.node, { name: p.name, ip: p.ip }).topology;
  // VXLAN or IP-in-IP switched on once the pods run (the pool's vxlanMode or ipipMode set to
  // Always): calico-node then takes each node's tunnel address from the node's own block, its
  // first free address (.0).
  return programCalico(t, spec);
}

/**
 * "minikube, 3 nodes, Calico": the notes' cluster started with `--cni calico`. minikube's manifest
 * (pkg/minikube/cni/calico.yaml) runs BIRD with IP-in-IP Always (CALICO_IPV4POOL_IPIP); this lab,
 * whose scenario the kernel lab records, runs without encapsulation (the recorder's kernel has no
 * ipip module), which BIRD's routes carry the same way on one Docker network (the packets lack
 * tunl0's 20-byte outer header). `minikubeCalicoIpip` (calicoPresets.ts) is the manifest's own mode. The pool is kubeadm's podSubnet
 * 10.244.0.0/16 (CALICO_IPV4POOL_CIDR is commented out in the manifest); each node claims its first
 * /26 block when its first pod comes. Pods: coredns and calico-kube-controllers on the control
 * plane, pod-a on minikube-m02 and pod-b on minikube-m03. The Docker network's gateway
 * 192.168.67.1 is drawn as a machine of its own, `gateway` (its MAC is the lab's): the nodes'
 * default route leads there, and Calico needs that route (see buildSeedCalico).
 */
export function buildMinikubeCalico(): Topology {
  const spec = { cni: 'calico' as const, encapsulation: 'none' as const, pool: '10.244.0.0/16' };
  let t: Topology = {
    version: 1,
    name: 'minikube-calico',
    description: {
      en: 'The notes\' cluster with Calico: minikube start --nodes 3 --cni calico (docker driver). minikube\'s manifest sets IP-in-IP Always (CALICO_IPV4POOL_IPIP); this lab, checked on a real kernel that has no ipip module, runs Calico without encapsulation, so BIRD\'s routes carry the pod packets as they are. Pick Calico IP-in-IP in the comparison (or its scenario) to see the manifest\'s own mode, tunl0.',
      ru: 'Кластер из конспекта с Calico: minikube start --nodes 3 --cni calico (драйвер docker). В манифесте minikube включён IP-in-IP (Always, CALICO_IPV4POOL_IPIP); этот стенд сверен с настоящим ядром, где нет модуля ipip, поэтому Calico здесь работает без инкапсуляции, и маршруты BIRD переносят пакеты подов как есть. Выберите Calico IP-in-IP в сравнении (или его сценарий), чтобы увидеть режим самого манифеста с туннелем tunl0.',
    },
    machines: [
      ...NODES.map((n, i) => ({ ...minikubeNode(n, i), routes: [{ dst: 'default', via: '192.168.67.1', dev: 'eth0' }] })),
      // The Docker network's gateway on the host (the bridge minikube's network creates): the nodes' default route.
      // Calico needs one: the proxy ARP answer for 169.254.1.1 comes only when the node has a route for it.
      {
        name: 'gateway', role: 'router',
        interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:42:c0:a8:43:01', addresses: ['192.168.67.1/24'], segment: 'minikube' }],
        sysctls: { ip_forward: true },
      },
    ],
    segments: [{ id: 'minikube', label: '192.168.67.0/24' }],
    datapath: spec,
    cluster: minikubeCalicoClusterSpec(),
  };
  t = addPod(t, 'minikube', { name: COREDNS, k8s: { namespace: 'kube-system', name: COREDNS } }).topology;
  t = addPod(t, 'minikube', { name: CALICO_KUBE_CONTROLLERS_NS, k8s: { namespace: 'kube-system', name: CALICO_KUBE_CONTROLLERS } }).topology;
  t = addPod(t, 'minikube-m02', { name: 'pod-a' }).topology;
  t = addPod(t, 'minikube-m03', { name: 'pod-b' }).topology;
  return programCalico(t, spec);
}
