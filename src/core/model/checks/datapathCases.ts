import { minikubeFlannel } from '../../presets/minikube';
import { setDatapath } from '../datapath';
import type { Topology } from '../topology';

/*
 * Labs for the datapath checks' tests: the notes' minikube cluster under Flannel's VXLAN or
 * host-gw backend (setDatapath: what flanneld programs), with one fault put in by `change` before
 * anything reads (and freezes) the lab (a JSON copy: the builder's lab may be frozen by the
 * validation inside addPod).
 */

function mutable(t: Topology): Topology {
  return JSON.parse(JSON.stringify(t)) as Topology;
}

/** minikube-flannel with the VXLAN backend; `change` edits it first. */
export function flannelVxlanLab(change: (t: Topology) => void = () => undefined): Topology {
  const t = mutable(setDatapath(minikubeFlannel(), { cni: 'flannel', backend: 'vxlan', network: '10.244.0.0/16' }));
  change(t);
  return t;
}

/** minikube-flannel with the host-gw backend: a route to each remote pod subnet via that node; `change` edits it first. */
export function flannelHostGwLab(change: (t: Topology) => void = () => undefined): Topology {
  const t = mutable(setDatapath(minikubeFlannel(), { cni: 'flannel', backend: 'host-gw', network: '10.244.0.0/16' }));
  change(t);
  return t;
}
