import { nameSuffix } from '../cluster/podNames';
import type { ClusterPodSpec, ClusterSpec } from '../model/topology';
import { COREDNS, MINIKUBE_K8S_VERSION, NODES } from './minikube';

/*
 * What the control plane knows of the notes' cluster started with `--cni calico`: minikube's
 * Calico manifest (pkg/minikube/cni/calico.yaml, from calico's manifests/calico.yaml) runs the
 * DaemonSet `calico-node` in kube-system on every Linux node (nodeSelector kubernetes.io/os=linux,
 * hostNetwork, so its pods have their node's address) and the Deployment `calico-kube-controllers`,
 * one pod on the pod network. Its ReplicaSet hash is this lab's, like coredns'.
 */

/** The lab's name for calico-kube-controllers' pod (a lab namespace name has at most 31 characters). */
export const CALICO_KUBE_CONTROLLERS_NS = 'calico-kube-controllers';

/** calico-kube-controllers' pod, as the API server names it. */
export const CALICO_KUBE_CONTROLLERS = `calico-kube-controllers-7f9c5b8d7b-${nameSuffix('calico-kube-controllers/minikube')}`;

function clusterPods(): ClusterPodSpec[] {
  const cp = 'minikube';
  const pods: ClusterPodSpec[] = [
    { namespace: 'kube-system', name: `etcd-${cp}`, node: cp, createdAt: 2 },
    { namespace: 'kube-system', name: `kube-apiserver-${cp}`, node: cp, createdAt: 2 },
    { namespace: 'kube-system', name: `kube-controller-manager-${cp}`, node: cp, createdAt: 2 },
    { namespace: 'kube-system', name: `kube-scheduler-${cp}`, node: cp, createdAt: 2 },
    { namespace: 'kube-system', name: 'storage-provisioner', node: cp, createdAt: 16 },
    { namespace: 'kube-system', name: COREDNS, node: cp, createdAt: 14, ns: COREDNS },
    { namespace: 'kube-system', name: CALICO_KUBE_CONTROLLERS, node: cp, createdAt: 15, ns: CALICO_KUBE_CONTROLLERS_NS },
    { namespace: 'default', name: 'pod-a', node: 'minikube-m02', createdAt: 240, ns: 'pod-a' },
    { namespace: 'default', name: 'pod-b', node: 'minikube-m03', createdAt: 245, ns: 'pod-b' },
  ];
  for (const n of NODES) {
    pods.push({ namespace: 'kube-system', name: `kube-proxy-${nameSuffix(`kube-proxy/${n.name}/1`)}`, node: n.name, createdAt: Math.max(n.joinedAt, 13) + 1, daemonSet: 'kube-proxy' });
    pods.push({ namespace: 'kube-system', name: `calico-node-${nameSuffix(`calico-node/${n.name}/1`)}`, node: n.name, createdAt: Math.max(n.joinedAt, 4) + 1, daemonSet: 'calico-node' });
  }
  return pods;
}

/** The notes' cluster under Calico, five minutes after it started. */
export function minikubeCalicoClusterSpec(): ClusterSpec {
  return {
    tool: 'minikube',
    profile: 'minikube',
    kubernetesVersion: MINIKUBE_K8S_VERSION,
    now: 300,
    nodes: NODES.map((n) => ({ name: n.name, joinedAt: n.joinedAt, ...(n.name === 'minikube' ? { controlPlane: true } : {}) })),
    daemonSets: [
      { namespace: 'kube-system', name: 'calico-node', nodeSelector: 'kubernetes.io/os=linux', createdAt: 4 },
      { namespace: 'kube-system', name: 'kube-proxy', nodeSelector: 'kubernetes.io/os=linux', createdAt: 1 },
    ],
    pods: clusterPods(),
  };
}
