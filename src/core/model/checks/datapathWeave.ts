import { problem } from '../../i18n/problems';
import type { LabCheck } from '../labChecks';
import type { Topology, VxlanIface } from '../topology';
import { VXLAN_OVERHEAD } from '../datapath';
import { WEAVE_DATAPATH, WEAVE_VXLAN_PORT } from '../datapathWeave';
import { labFacts, type LabFacts, type NsFact } from './facts';

/*
 * Checks that know Weave Net's fast datapath (model/datapathWeave.ts, sim/ovs.ts):
 * - fastdp carries a pod's frame in VXLAN: 50 bytes more than the frame (outer IPv4 20, UDP 8,
 *   VXLAN 8, inner Ethernet 14), so the underlay must carry Weave's MTU + 50. Weave's docs
 *   (site/tasks/manage/fastdp.md: "The underlying network must be able to deliver packets of the
 *   size specified plus overheads of around 50 bytes", for every path between peers) and its
 *   default 1376 (net/bridge.go fastdpImpl.init) say so; weave sets DF on the outer packet
 *   (router/fastdp.go Forward: SetDf(true)), so a larger one is dropped, not fragmented: its
 *   heartbeats, sized to the MTU, never arrive and the connection falls back to sleeve (user-space
 *   encapsulation on UDP 6783, weave issue #1853).
 * - every peer sends fastdp's datagrams to UDP 6784 (weave's port 6783 + 1, router/fastdp.go
 *   PrepareConnection derives the remote port the same way): a node whose VXLAN vport listens on
 *   another port answers each one with ICMP port unreachable (no socket), which is what a
 *   firewall dropping UDP 6784 also leaves: no fastdp between those peers.
 */

/** A node's Weave devices: its datapath's MTU, its VXLAN vport and the vport's underlay's MTU. */
function weaveOf(ns: NsFact): { mtu: number; vx: VxlanIface; vxPath: string; dpPath: string; underlay: number } | null {
  const dp = ns.byName.get(WEAVE_DATAPATH);
  const vx = ns.ifaces.find((f) => f.spec.kind === 'vxlan' && f.spec.vport === WEAVE_DATAPATH);
  if (!dp || dp.spec.kind !== 'openvswitch' || !vx || vx.spec.kind !== 'vxlan') return null;
  return { mtu: dp.spec.mtu ?? 1500, vx: vx.spec, vxPath: vx.path, dpPath: dp.path, underlay: ns.byName.get(vx.spec.dev)?.spec.mtu ?? 1500 };
}

/** Nodes whose Weave MTU plus VXLAN's 50 bytes is more than their underlay carries. */
export function weaveMtus(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  if (t.datapath?.cni !== 'weave') return [];
  const out: LabCheck[] = [];
  for (const ns of facts.spaces) {
    const w = ns.isPod ? null : weaveOf(ns);
    if (w && w.mtu + VXLAN_OVERHEAD > w.underlay) {
      out.push({ problem: problem(`${w.dpPath}.mtu`, 'weave-underlay-mtu', { node: ns.name, mtu: w.mtu, dev: w.vx.dev, underlay: w.underlay, fits: w.underlay - VXLAN_OVERHEAD }) });
    }
  }
  return out;
}

/** Nodes whose fastdp VXLAN vport listens on another port than 6784, where every peer sends. */
export function weavePorts(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  if (t.datapath?.cni !== 'weave') return [];
  const out: LabCheck[] = [];
  for (const ns of facts.spaces) {
    const w = ns.isPod ? null : weaveOf(ns);
    if (w && w.vx.port !== WEAVE_VXLAN_PORT) out.push({ problem: problem(`${w.vxPath}.port`, 'weave-port-mismatch', { node: ns.name, iface: w.vx.name, port: w.vx.port, expected: WEAVE_VXLAN_PORT }) });
  }
  return out;
}

/** Every Weave check. */
export function weaveChecks(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  return [...weavePorts(t, facts), ...weaveMtus(t, facts)];
}
