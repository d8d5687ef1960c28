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

/** A CNI the import can recognise (`bridge`: minikube's bridge CNI, named only by `minikube start --cni bridge`). */
export type DetectedCniName = 'flannel' | 'calico' | 'cilium' | 'weave' | 'kindnet' | 'bridge';

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
 * The datapath modes this build has, as the lab and the compare view name them
 * (src/core/compare/choices.ts): what a detected CNI selects, and what the user may pick instead.
 * kindnet joins when its datapath exists here. `cilium-tunnel-wg` and `cilium-native-wg`: Cilium's
 * routing modes with transparent encryption by WireGuard (cilium_wg0).
 */
export const IMPORT_MODES = ['flannel-vxlan', 'flannel-host-gw', 'calico', 'calico-vxlan', 'calico-ipip', 'cilium-tunnel', 'cilium-native', 'bridge', 'weave', 'cilium-tunnel-wg', 'cilium-native-wg'] as const;

/** A datapath mode key the import can set. */
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * The spec of a mode key, for a cluster network (`10.244.0.0/16`): Flannel's `Network`, Calico's
 * pool (CALICO_IPV4POOL_CIDR unset: kubeadm's podSubnet, networking-facts §4.2).
 */
export function modeSpec(mode: ImportMode, network: string): DatapathSpec {
  if (mode === 'bridge') return { cni: 'bridge' };
  if (mode === 'weave') return { cni: 'weave' };
  if (mode === 'calico' || mode === 'calico-vxlan' || mode === 'calico-ipip') return { cni: 'calico', encapsulation: mode === 'calico' ? 'none' : mode === 'calico-vxlan' ? 'vxlan' : 'ipip', pool: network };
  if (mode === 'cilium-tunnel' || mode === 'cilium-native') return { cni: 'cilium', routing: mode === 'cilium-native' ? 'native' : 'tunnel' };
  if (mode === 'cilium-tunnel-wg' || mode === 'cilium-native-wg') return { cni: 'cilium', routing: mode === 'cilium-native-wg' ? 'native' : 'tunnel', wireguard: true };
  return { cni: 'flannel', backend: mode === 'flannel-vxlan' ? 'vxlan' : 'host-gw', network };
}

/** What the pasted node tables show of a CNI's mode, and what showed it. */
export interface ModeEvidence {
  /** Flannel's backend: flannel.1 means vxlan, routes to pod subnets via node addresses host-gw. */
  flannel?: { backend: 'vxlan' | 'host-gw'; from: 'flannel.1' | 'routes' };
  /** Calico's encapsulation: vxlan.calico, an addressed tunl0, or BIRD's routes. */
  calico?: { encap: 'ipip' | 'vxlan' | 'none'; from: 'tunl0' | 'vxlan.calico' | 'routes' };
  /** Cilium's routing: cilium_vxlan means tunnel; cilium_host without it, or routes to other nodes' pod CIDRs, native. */
  cilium?: { routing: 'tunnel' | 'native'; from: 'cilium_vxlan' | 'cilium_host' | 'routes' };
  /**
   * Cilium's transparent encryption with WireGuard (`enable-wireguard`): the agent's `cilium_wg0`
   * (pkg/wireguard/agent/agent.go init(); `link_type` none, MTU the NIC's minus 80) on any node,
   * else a CiliumNode's WireGuard public key annotation (`network.cilium.io/wg-pub-key`).
   */
  wireguard?: { from: 'cilium_wg0' | 'ciliumnode' };
  /** Weave Net's datapath: the OVS datapath `datapath` means fastdp; the `weave` bridge without it, sleeve. */
  weave?: { fastdp: boolean; from: 'datapath' | 'weave' };
}

/**
 * The datapath a detected CNI selects in this build, or null when it has none here (the user is
 * asked, told what was detected): Flannel's backend, Calico's encapsulation and Cilium's routing
 * as the node tables show them, else their manifests' defaults (kube-flannel.yml: vxlan; minikube's
 * and calico's calico.yaml: IP-in-IP Always; Cilium: tunnel, networking-facts §3.4, §4.2, §5.3);
 * Weave Net's fastdp (its default where the kernel has Open vSwitch, networking-facts §6); Cilium
 * with WireGuard when a node has cilium_wg0 or a CiliumNode its public key (encryption is off by
 * default: `enable-wireguard`).
 * Calico with an addressed tunl0, BIRD's routes through tunl0, or no evidence at all gets IP-in-IP.
 */
export function datapathOfCni(cni: DetectedCniName, evidence: ModeEvidence): ImportMode | null {
  if (cni === 'flannel') return evidence.flannel?.backend === 'host-gw' ? 'flannel-host-gw' : 'flannel-vxlan';
  if (cni === 'calico') return evidence.calico?.encap === 'vxlan' ? 'calico-vxlan' : evidence.calico?.encap === 'none' ? 'calico' : 'calico-ipip';
  if (cni === 'cilium') {
    const native = evidence.cilium?.routing === 'native';
    if (evidence.wireguard) return native ? 'cilium-native-wg' : 'cilium-tunnel-wg';
    return native ? 'cilium-native' : 'cilium-tunnel';
  }
  if (cni === 'bridge') return 'bridge';
  if (cni === 'weave') return 'weave';
  return null;
}

/** The CNI a `minikube start --cni` value names (cmd/minikube/cmd/start_flags.go; `true` is kindnet), or null (auto, a manifest's path). */
export function cniOfMinikubeFlag(flag: string): DetectedCniName | null {
  const f = flag.toLowerCase();
  if (f === 'true') return 'kindnet';
  return (['flannel', 'calico', 'cilium', 'kindnet', 'bridge'] as const).find((c) => c === f) ?? null;
}
