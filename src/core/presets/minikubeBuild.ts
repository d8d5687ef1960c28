import { setDatapath } from '../model/datapath';
import { addPod } from '../model/podNetwork';
import type { Topology } from '../model/topology';
import { COREDNS, minikubeClusterSpec, minikubeNode, NODES } from './minikube';

/*
 * The notes' minikube cluster built through the one path: nodes as they join, each pod given its
 * network by the CNI ADD with kube-flannel's configuration, then what flanneld programs. Kept out
 * of the scenario catalogue (which would load the CNI model on the player's first page): `npm run
 * presets` writes its result to minikube-flannel.lab.json, which `minikubeFlannel()` returns.
 */

/**
 * "minikube, 3 nodes, Flannel" as in the notes: nodes minikube, minikube-m02, minikube-m03 at
 * 192.168.67.2 to .4 on minikube's Docker network, pod subnets 10.244.0.0/24 to 10.244.2.0/24
 * (the nodes' leases), Flannel with its VXLAN backend; coredns on the control plane, pod-a on
 * minikube-m02 and pod-b on minikube-m03, each given its network by the CNI ADD (`addPod`) with
 * kube-flannel's configuration: the first pod on a node creates cni0 with the lease's .1 (flannel's
 * FLANNEL_SUBNET, the gateway), so the first pod gets .2.
 */
export function buildMinikubeFlannel(): Topology {
  let t: Topology = {
    version: 1,
    name: 'minikube-flannel',
    description: {
      en: 'The notes\' cluster: minikube start --nodes 3 --cni flannel (docker driver).',
      ru: 'Кластер из конспекта: minikube start --nodes 3 --cni flannel (драйвер docker).',
    },
    machines: NODES.map(minikubeNode),
    segments: [{ id: 'minikube', label: '192.168.67.0/24' }],
    datapath: { cni: 'flannel', backend: 'vxlan', network: '10.244.0.0/16' },
    cluster: minikubeClusterSpec(),
  };
  t = addPod(t, 'minikube', { name: COREDNS }).topology;
  t = addPod(t, 'minikube-m02', { name: 'pod-a' }).topology;
  t = addPod(t, 'minikube-m03', { name: 'pod-b' }).topology;
  // What flanneld programs on each node: flannel.1 and, per remote node, its neighbour, FDB entry and route.
  return setDatapath(t, { cni: 'flannel', backend: 'vxlan', network: '10.244.0.0/16' });
}

