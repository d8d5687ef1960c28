import { setDatapath } from '../model/datapath';
import { addPod } from '../model/podNetwork';
import type { Topology } from '../model/topology';
import { COREDNS, minikubeNode, NODES } from './minikube';
import { minikubeCiliumClusterSpec } from './minikubeCilium';

/*
 * The notes' cluster under Cilium built through the one path: the nodes as they join, Cilium's
 * devices on each (setDatapath: cilium_host with the pod CIDR's first address, cilium_net,
 * cilium_vxlan), then each pod given its network by cilium-cni (addPod). `npm run presets` writes
 * the result to minikube-cilium.lab.json, which `minikubeCilium()` returns.
 */

/** "minikube, 3 nodes, Cilium": coredns on the control plane, pod-a on minikube-m02, pod-b on minikube-m03. */
export function buildMinikubeCilium(): Topology {
  let t: Topology = {
    version: 1,
    name: 'minikube-cilium',
    description: {
      en: 'The notes\' cluster under Cilium: minikube start --nodes 3 --cni cilium (docker driver; Cilium 1.16, tunnel mode, VXLAN).',
      ru: 'Кластер из конспекта под Cilium: minikube start --nodes 3 --cni cilium (драйвер docker; Cilium 1.16, туннельный режим, VXLAN).',
    },
    machines: NODES.map(minikubeNode),
    segments: [{ id: 'minikube', label: '192.168.67.0/24' }],
    cluster: minikubeCiliumClusterSpec(),
  };
  t = setDatapath(t, { cni: 'cilium', routing: 'tunnel' });
  t = addPod(t, 'minikube', { name: COREDNS }).topology;
  t = addPod(t, 'minikube-m02', { name: 'pod-a' }).topology;
  return addPod(t, 'minikube-m03', { name: 'pod-b' }).topology;
}
