import { nameSuffix } from '../cluster/podNames';
import MINIKUBE_FLANNEL_LAB from './minikube-flannel.lab.json';
import type { ClusterDaemonSetSpec, ClusterPodSpec, ClusterSpec, MachineSpec, Topology } from '../model/topology';
import type { Scenario } from './scenarios';

/*
 * The notes' cluster: `minikube start --nodes 3 --cni flannel` with the docker driver. minikube
 * makes one Docker network per profile (192.168.49.0/24 first, stepping by 9 when taken: the
 * notes got 192.168.67.0/24), node i gets the gateway's address + i, and Docker up to 27 derived a
 * container's MAC from its address (02:42 followed by the four address bytes; Docker Engine 28.0
 * gives bridge-network containers random MACs and a gratuitous ARP, moby#48808). kube-controller-
 * manager hands each node a /24 of 10.244.0.0/16 in join order (networking-facts §7). The lab's
 * pods are coredns on the control plane and two pods of our own, pod-a and pod-b, on the workers.
 */

/** The nodes as `minikube node list` prints them in the notes. */
export const NODES = [
  { name: 'minikube', ip: '192.168.67.2', joinedAt: 0 },
  { name: 'minikube-m02', ip: '192.168.67.3', joinedAt: 18 },
  { name: 'minikube-m03', ip: '192.168.67.4', joinedAt: 35 },
] as const;

/** The Kubernetes version the notes' `kubectl get nodes` shows. */
export const MINIKUBE_K8S_VERSION = 'v1.26.3';

/** kubeadm's CoreDNS Deployment for Kubernetes 1.26 names its ReplicaSet `coredns-787d4945fb`. */
export const COREDNS = `coredns-787d4945fb-${nameSuffix('coredns/minikube')}`;

function dockerMac(ip: string): string {
  return `02:42:${ip.split('.').map((b) => Number(b).toString(16).padStart(2, '0')).join(':')}`;
}

/** A node as it joins: eth0 on minikube's network and its pod subnet; cni0 comes with its first pod. */
export function minikubeNode(n: (typeof NODES)[number], index: number): MachineSpec {
  return {
    name: n.name,
    role: 'node',
    interfaces: [{ kind: 'ether', name: 'eth0', mac: dockerMac(n.ip), addresses: [`${n.ip}/24`], segment: 'minikube' }],
    routes: [],
    sysctls: { ip_forward: true },
    pods: [],
    cni: { podCidr: `10.244.${index}.0/24` },
  };
}

/**
 * The pods of DaemonSet `name` in `namespace`: one on every node, each made a second after both
 * its node and `from` (seconds, when what it waits for was there) as kubectl's ages show them.
 */
export function daemonSetPods(namespace: string, name: string, from: number): ClusterPodSpec[] {
  return NODES.map((n) => ({ namespace, name: `${name}-${nameSuffix(`${name}/${n.name}/1`)}`, node: n.name, createdAt: Math.max(n.joinedAt, from) + 1, daemonSet: name }));
}

/**
 * The notes' cluster as the API server knows it five minutes after it started, under a CNI: its
 * DaemonSets beside kube-proxy, and its pods (`cni`) beside what every CNI's cluster lists: the
 * control plane's, coredns, pod-a and pod-b, kube-proxy on every node.
 */
export function minikubeSpec(daemonSets: readonly ClusterDaemonSetSpec[], cni: readonly ClusterPodSpec[]): ClusterSpec {
  const cp = 'minikube';
  const pods: ClusterPodSpec[] = [
    { namespace: 'kube-system', name: `etcd-${cp}`, node: cp, createdAt: 2 },
    { namespace: 'kube-system', name: `kube-apiserver-${cp}`, node: cp, createdAt: 2 },
    { namespace: 'kube-system', name: `kube-controller-manager-${cp}`, node: cp, createdAt: 2 },
    { namespace: 'kube-system', name: `kube-scheduler-${cp}`, node: cp, createdAt: 2 },
    { namespace: 'kube-system', name: 'storage-provisioner', node: cp, createdAt: 16 },
    { namespace: 'kube-system', name: COREDNS, node: cp, createdAt: 14, ns: COREDNS },
    { namespace: 'default', name: 'pod-a', node: 'minikube-m02', createdAt: 240, ns: 'pod-a' },
    { namespace: 'default', name: 'pod-b', node: 'minikube-m03', createdAt: 245, ns: 'pod-b' },
    ...daemonSetPods('kube-system', 'kube-proxy', 13),
    ...cni,
  ];
  return {
    tool: 'minikube',
    profile: 'minikube',
    kubernetesVersion: MINIKUBE_K8S_VERSION,
    now: 300,
    nodes: NODES.map((n) => ({ name: n.name, joinedAt: n.joinedAt, ...(n.name === cp ? { controlPlane: true } : {}) })),
    daemonSets: [...daemonSets, { namespace: 'kube-system', name: 'kube-proxy', nodeSelector: 'kubernetes.io/os=linux', createdAt: 1 }],
    pods,
  };
}

/** What the control plane knows of the notes' cluster (`--cni flannel`), five minutes after it started. */
export function minikubeClusterSpec(): ClusterSpec {
  return minikubeSpec([{ namespace: 'kube-flannel', name: 'kube-flannel-ds', createdAt: 4 }], daemonSetPods('kube-flannel', 'kube-flannel-ds', 4));
}

/**
 * "minikube, 3 nodes, Flannel" as in the notes (see `buildMinikubeFlannel` in minikubeBuild.ts,
 * which makes it through the one path, addPod's CNI ADD and setDatapath): a fresh copy of the lab
 * that builder made, kept as data (minikube-flannel.lab.json, written by `npm run presets`), so the
 * player's first page lists the scenario without loading the CNI model. A test checks the copy
 * equals what the builder makes now.
 */
export function minikubeFlannel(): Topology {
  return JSON.parse(JSON.stringify(MINIKUBE_FLANNEL_LAB)) as Topology;
}

/** The notes' cluster in the scenario picker (and `--preset` of the trace command), recorded on the kernel like every scenario. */
export const MINIKUBE_SCENARIOS: readonly Scenario[] = [
  {
    id: 'flannel-minikube-ping-pod-a-pod-b',
    title: {
      en: 'minikube, 3 nodes, Flannel (the notes\' cluster): ping pod-a → pod-b across nodes, through flannel.1; its terminal takes kubectl commands',
      ru: 'minikube, 3 ноды, Flannel (кластер из конспекта): ping pod-a → pod-b между нодами через flannel.1; в терминале работают команды kubectl',
    },
    topology: minikubeFlannel,
    journey: { from: 'pod-a', to: 'pod-b' },
  },
];
