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
 *   (`wg-underlay-mtu`, a warning);
 * - a Cilium node (cilium_host) without cilium_wg0: its agent publishes no public key, so no other
 *   node's device lists it as a peer (agent.go updatePeer runs only for a node with a key; the lab's
 *   wgPeers skips it the same way). In tunnel mode the others still hand every VXLAN datagram for it
 *   to their cilium_wg0, which finds no peer and drops it (sim/wireguard.ts wgXmit: `wg-no-peer`,
 *   wg_xmit's -ENOKEY); in native routing the lab sends its pods' packets in clear instead, as
 *   cil_to_netdev encrypts only for a node with a key (`wg-no-device`, a warning: the device is the
 *   agent's, so the fix is on the node, not in the lab's fields).
 */

/** Nodes whose WireGuard device listens elsewhere than 51871, or has too little room under its NIC. */
export function wireguardChecks(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  if (t.datapath?.cni !== 'cilium' || t.datapath.wireguard !== true) return [];
  const out: LabCheck[] = [];
  const nodes = facts.spaces.filter((ns) => !ns.isPod && ns.ifaces.some((f) => f.spec.name === 'cilium_host'));
  const keyed = nodes.filter((ns) => ns.ifaces.some((f) => f.spec.kind === 'wireguard')).map((ns) => ns.name);
  for (const ns of nodes) {
    if (ns.ifaces.some((f) => f.spec.kind === 'wireguard') || keyed.length === 0) continue;
    const k = t.machines.findIndex((m) => m.name === ns.name);
    out.push({ problem: problem(`machines[${k}].interfaces`, 'wg-no-device', { node: ns.name, peers: keyed.join(', '), routing: t.datapath.routing }) });
  }
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
