import type { Problem } from '../i18n/problems';
import { flannelNodes } from '../model/datapath';
import { switchDatapath } from '../model/datapathCalicoSwitch';
import { TopologyEditError } from '../model/editError';
import type { DatapathSpec, Topology } from '../model/topology';

/*
 * The datapath modes a lab can be switched to, each with the lab it becomes (or why it cannot):
 * what the compare view offers in its two columns and what "use this mode" applies. One list,
 * in one order, so a new mode (Calico, Cilium) joins here once.
 */

/**
 * A mode by a short key: `bridge` (routed by something outside the nodes), `flannel-host-gw`,
 * `flannel-vxlan`, `calico` (BGP, no encapsulation), `calico-vxlan`, `calico-ipip` (tunl0), `cilium-tunnel`, `cilium-native`,
 * `weave` (Weave Net's fastdp, historical), `cilium-tunnel-wg` and `cilium-native-wg` (Cilium's modes
 * with WireGuard encryption between nodes).
 */
export type DatapathKey = 'bridge' | 'flannel-host-gw' | 'flannel-vxlan' | 'calico' | 'calico-vxlan' | 'calico-ipip' | 'cilium-tunnel' | 'cilium-native' | 'weave' | 'cilium-tunnel-wg' | 'cilium-native-wg';

/** Every mode key, in the order the compare view lists them. */
export const DATAPATH_KEYS: readonly DatapathKey[] = ['bridge', 'flannel-host-gw', 'flannel-vxlan', 'calico', 'calico-vxlan', 'calico-ipip', 'cilium-tunnel', 'cilium-native', 'weave', 'cilium-tunnel-wg', 'cilium-native-wg'];

/** One mode for a lab: the lab under it, or the refusal that says why not. */
export interface DatapathChoice {
  key: DatapathKey;
  spec: DatapathSpec;
  /** The lab switched to this mode (the lab itself when it is already in it); null when refused. */
  lab: Topology | null;
  /** Why the lab cannot take this mode (switchDatapath's refusal), or null. */
  refusal: readonly Problem[] | null;
}

/** The key of a lab's mode (absent: `bridge`). */
export function datapathKey(spec: DatapathSpec | undefined): DatapathKey {
  if (spec?.cni === 'flannel') return spec.backend === 'vxlan' ? 'flannel-vxlan' : 'flannel-host-gw';
  if (spec?.cni === 'calico') return spec.encapsulation === 'vxlan' ? 'calico-vxlan' : spec.encapsulation === 'ipip' ? 'calico-ipip' : 'calico';
  if (spec?.cni === 'cilium' && spec.wireguard === true) return spec.routing === 'native' ? 'cilium-native-wg' : 'cilium-tunnel-wg';
  if (spec?.cni === 'cilium') return spec.routing === 'native' ? 'cilium-native' : 'cilium-tunnel';
  if (spec?.cni === 'weave') return 'weave';
  return 'bridge';
}

/** The spec of mode `key` for lab `t`, keeping the lab's cluster network (Flannel) or pool (Calico) when it names one. */
export function datapathSpecOf(key: DatapathKey, t: Topology): DatapathSpec {
  if (key === 'bridge') return { cni: 'bridge' };
  if (key === 'weave') return { cni: 'weave' };
  if (key === 'calico' || key === 'calico-vxlan' || key === 'calico-ipip') {
    const pool = t.datapath?.cni === 'calico' ? t.datapath.pool : undefined;
    return { cni: 'calico', encapsulation: key === 'calico' ? 'none' : key === 'calico-vxlan' ? 'vxlan' : 'ipip', ...(pool !== undefined ? { pool } : {}) };
  }
  if (key === 'cilium-tunnel' || key === 'cilium-native') return { cni: 'cilium', routing: key === 'cilium-native' ? 'native' : 'tunnel' };
  if (key === 'cilium-tunnel-wg' || key === 'cilium-native-wg') return { cni: 'cilium', routing: key === 'cilium-native-wg' ? 'native' : 'tunnel', wireguard: true };
  const network = t.datapath?.cni === 'flannel' ? t.datapath.network : undefined;
  return { cni: 'flannel', backend: key === 'flannel-vxlan' ? 'vxlan' : 'host-gw', ...(network !== undefined ? { network } : {}) };
}

/**
 * The modes lab `t` can be compared under: every key with its lab, or its refusal. Empty when no
 * machine is a node flannel could serve (no Kubernetes nodes with a pod subnet): nothing to switch.
 */
export function datapathChoices(t: Topology): DatapathChoice[] {
  if (flannelNodes(t).length < 2) return [];
  const current = datapathKey(t.datapath);
  return DATAPATH_KEYS.map((key) => {
    const spec = datapathSpecOf(key, t);
    if (key === current) return { key, spec, lab: t, refusal: null };
    try {
      return { key, spec, lab: switchDatapath(t, spec), refusal: null };
    } catch (e) {
      if (e instanceof TopologyEditError) return { key, spec, lab: null, refusal: e.problems };
      throw e;
    }
  });
}
