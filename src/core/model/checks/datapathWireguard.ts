import { problem } from '../../i18n/problems';
import type { LabCheck } from '../labChecks';
import type { Topology } from '../topology';
import { WG_PORT, WIREGUARD_OVERHEAD } from '../wireguard';
import { labFacts, type LabFacts } from './facts';

/*
 * Checks that know Cilium's WireGuard encryption (model/wireguard.ts, sim/wireguard.ts):
 * - every node's agent sends to a peer's endpoint on Cilium's port 51871 (pkg/wireguard/agent
 *   updatePeer: types.ListenPort), whatever port that peer's device listens on: a cilium_wg0 on
 *   another port takes none of them, the node answers each with ICMP port unreachable, just what a
 *   firewall dropping UDP 51871 between the nodes leaves (Cilium's docs: the nodes "must reach each
 *   other via that port"), and no pod traffic crosses to or from it (`wg-port-mismatch`, an error);
 * - WireGuard adds up to 80 bytes (mtu.WireguardOverhead: MESSAGE_MINIMUM_LENGTH 32, UDP 8, outer
 *   IPv6 40), so Cilium sets cilium_wg0's MTU to the NIC's minus 80: a larger one lets encrypted
 *   datagrams outgrow the NIC, and they leave in IP fragments (WireGuard sends without DF)
 *   (`wg-underlay-mtu`, a warning).
 */

/** Nodes whose WireGuard device listens elsewhere than 51871, or has too little room under its NIC. */
export function wireguardChecks(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  if (t.datapath?.cni !== 'cilium' || t.datapath.wireguard !== true) return [];
  const out: LabCheck[] = [];
  for (const ns of facts.spaces) {
    if (ns.isPod) continue;
    const wg = ns.ifaces.find((f) => f.spec.kind === 'wireguard');
    if (!wg || wg.spec.kind !== 'wireguard') continue;
    if (wg.spec.listenPort !== WG_PORT) out.push({ problem: problem(`${wg.path}.listenPort`, 'wg-port-mismatch', { node: ns.name, iface: wg.spec.name, port: wg.spec.listenPort, expected: WG_PORT }) });
    const nic = ns.ifaces.find((f) => f.spec.kind === 'ether' && f.spec.master === undefined && (f.spec.addresses ?? []).length > 0);
    if (!nic) continue;
    const under = nic.spec.mtu ?? 1500;
    const mtu = wg.spec.mtu ?? 1500;
    if (mtu + WIREGUARD_OVERHEAD > under) out.push({ problem: problem(`${wg.path}.mtu`, 'wg-underlay-mtu', { node: ns.name, iface: wg.spec.name, mtu, dev: nic.spec.name, underlay: under, fits: under - WIREGUARD_OVERHEAD }) });
  }
  return out;
}
