import { nameSuffix } from '../cluster/podNames';
import MINIKUBE_CILIUM_LAB from './minikube-cilium.lab.json';
import type { ClusterSpec, Topology } from '../model/topology';
import { daemonSetPods, minikubeSpec } from './minikube';
import type { Scenario } from './scenarios';

/*
 * The notes' cluster started with `minikube start --nodes 3 --cni cilium` instead: minikube's
 * pkg/minikube/cni/cilium.yaml (Cilium v1.16.3): `routing-mode: tunnel`, `tunnel-protocol: vxlan`,
 * `ipam: cluster-pool` over 10.244.0.0/16 with a /24 per node, kube-proxy kept
 * (`kube-proxy-replacement: false`). In kube-system: the DaemonSet `cilium` (the agent; six init
 * containers: config, mount-cgroup, apply-sysctl-overwrites, mount-bpf-fs, clean-cilium-state,
 * install-cni-binaries), the DaemonSet `cilium-envoy` (the L7 proxy), both with nodeSelector
 * kubernetes.io/os=linux, and the Deployment `cilium-operator` with one replica; all hostNetwork.
 * Same nodes, addresses and pods as the Flannel lab (minikube.ts).
 */

/** The operator's ReplicaSet name, as a Deployment names it (pod-template-hash). */
const OPERATOR = `cilium-operator-${nameSuffix('cilium-operator/rs').slice(0, 5)}${nameSuffix('cilium-operator/rs2')}`;

/** What the control plane knows of the notes' cluster under Cilium, five minutes after it started. */
export function minikubeCiliumClusterSpec(): ClusterSpec {
  const linux = 'kubernetes.io/os=linux';
  return minikubeSpec(
    [
      { namespace: 'kube-system', name: 'cilium', nodeSelector: linux, createdAt: 4 },
      { namespace: 'kube-system', name: 'cilium-envoy', nodeSelector: linux, createdAt: 4 },
    ],
    [
      ...daemonSetPods('kube-system', 'cilium', 4),
      ...daemonSetPods('kube-system', 'cilium-envoy', 4),
      { namespace: 'kube-system', name: `${OPERATOR}-${nameSuffix('cilium-operator/minikube')}`, node: 'minikube', createdAt: 5 },
    ],
  );
}

/**
 * "minikube, 3 nodes, Cilium": the lab `buildMinikubeCilium` (minikubeCiliumBuild.ts) makes through
 * the one path (setDatapath, then addPod's CNI ADD with cilium-cni), kept as data like the Flannel
 * lab so the first page does not load the CNI model.
 */
export function minikubeCilium(): Topology {
  return JSON.parse(JSON.stringify(MINIKUBE_CILIUM_LAB)) as Topology;
}

/** The notes' cluster under Cilium in the picker; not kernel-recorded (eBPF). */
export const MINIKUBE_CILIUM_SCENARIOS: readonly Scenario[] = [
  {
    id: 'cilium-minikube-ping-pod-a-pod-b',
    title: {
      en: 'minikube, 3 nodes, Cilium (the notes\' cluster, --cni cilium): ping pod-a → pod-b through cilium_vxlan; its terminal takes kubectl commands',
      ru: 'minikube, 3 ноды, Cilium (кластер из конспекта, --cni cilium): ping pod-a → pod-b через cilium_vxlan; в терминале работают команды kubectl',
    },
    topology: minikubeCilium,
    journey: { from: 'pod-a', to: 'pod-b' },
    unrecorded: 'ebpf',
  },
];
