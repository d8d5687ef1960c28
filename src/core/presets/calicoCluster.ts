import { nameSuffix } from '../cluster/podNames';
import type { ClusterSpec } from '../model/topology';
import { daemonSetPods, minikubeSpec } from './minikube';

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

/** The notes' cluster under Calico, five minutes after it started. */
export function minikubeCalicoClusterSpec(): ClusterSpec {
  return minikubeSpec(
    [{ namespace: 'kube-system', name: 'calico-node', nodeSelector: 'kubernetes.io/os=linux', createdAt: 4 }],
    [
      { namespace: 'kube-system', name: CALICO_KUBE_CONTROLLERS, node: 'minikube', createdAt: 15, ns: CALICO_KUBE_CONTROLLERS_NS },
      ...daemonSetPods('kube-system', 'calico-node', 4),
    ],
  );
}
