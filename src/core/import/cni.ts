import type { DatapathSpec } from '../model/topology';
import type { DaemonSetFact, PodFact } from './types';

/*
 * Which CNI a cluster runs, told by the DaemonSet its manifest installs on every node (or, when no
 * DaemonSet was pasted, by that DaemonSet's pods): kube-flannel's `kube-flannel-ds` (namespace
 * kube-flannel, kube-system in older manifests, `-amd64` and other suffixes before 0.12), Calico's
 * `calico-node`, Cilium's `cilium` (its `cilium-operator` is a Deployment), Weave Net's
 * `weave-net`, kindnet's `kindnet` (minikube's default for several nodes and kind's own;
 * networking-facts §7). A table, so a CNI is one more row.
 */

/** A CNI the import can recognise. */
export type DetectedCniName = 'flannel' | 'calico' | 'cilium' | 'weave' | 'kindnet';

/** One row of the table: a CNI and the names of its DaemonSet and of that DaemonSet's pods. */
export interface CniSign {
  cni: DetectedCniName;
  daemonSet: RegExp;
  pod: RegExp;
}

/** The recognition table, first match wins. */
export const CNI_SIGNS: readonly CniSign[] = [
  { cni: 'flannel', daemonSet: /^kube-flannel-ds(-[a-z0-9]+)?$/, pod: /^kube-flannel-ds(-[a-z0-9]+)?-[a-z0-9]{5}$/ },
  { cni: 'calico', daemonSet: /^calico-node$/, pod: /^calico-node-[a-z0-9]{5}$/ },
  { cni: 'cilium', daemonSet: /^cilium$/, pod: /^cilium-[a-z0-9]{5}$/ },
  { cni: 'weave', daemonSet: /^weave-net$/, pod: /^weave-net-[a-z0-9]{5}$/ },
  { cni: 'kindnet', daemonSet: /^kindnet$/, pod: /^kindnet-[a-z0-9]{5}$/ },
];

/** A CNI found, and what gave it away (`namespace/name` of the DaemonSet or pod). */
export interface DetectedCni {
  cni: DetectedCniName;
  from: string;
}

/** The CNI the DaemonSets (first) or the pods name; null when none of the table's. */
export function detectCni(daemonSets: readonly DaemonSetFact[], pods: readonly PodFact[]): DetectedCni | null {
  for (const sign of CNI_SIGNS) {
    const ds = daemonSets.find((d) => sign.daemonSet.test(d.name));
    if (ds) return { cni: sign.cni, from: `${ds.namespace}/${ds.name}` };
  }
  for (const sign of CNI_SIGNS) {
    const pod = pods.find((p) => sign.pod.test(p.name) || (p.daemonSet !== undefined && sign.daemonSet.test(p.daemonSet)));
    if (pod) return { cni: sign.cni, from: `${pod.namespace}/${pod.name}` };
  }
  return null;
}

/**
 * The datapath modes this build has, as the lab names them: the keys the import offers when the
 * detected CNI has no mode of its own here (the user picks), each with its spec. Other CNIs join
 * here when their datapath exists (the compare view's keys, src/core/compare/choices.ts).
 */
export const IMPORT_MODES = ['flannel-vxlan', 'flannel-host-gw', 'bridge'] as const;

/** A datapath mode key the import can set. */
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The spec of a mode key, for a cluster network (`10.244.0.0/16`). */
export function modeSpec(mode: ImportMode, network: string): DatapathSpec {
  if (mode === 'bridge') return { cni: 'bridge' };
  return { cni: 'flannel', backend: mode === 'flannel-vxlan' ? 'vxlan' : 'host-gw', network };
}

/** The mode key of a spec; null for a datapath the import does not build (Calico's, Cilium's). */
export function modeOf(spec: DatapathSpec): ImportMode | null {
  if (spec.cni === 'bridge') return 'bridge';
  if (spec.cni !== 'flannel') return null;
  return spec.backend === 'vxlan' ? 'flannel-vxlan' : 'flannel-host-gw';
}

/**
 * The datapath a detected CNI selects in this build, or null when it has none here (the user is
 * asked, told what was detected). Flannel's backend comes from the node tables when pasted
 * (`backend`), else kube-flannel.yml's default, vxlan.
 */
export function datapathOfCni(cni: DetectedCniName, backend: 'vxlan' | 'host-gw' | undefined): ImportMode | null {
  if (cni === 'flannel') return backend === 'host-gw' ? 'flannel-host-gw' : 'flannel-vxlan';
  return null;
}
