import { problem } from '../../i18n/problems';
import { parseIp } from '../../net/ipv4';
import type { LabCheck } from '../labChecks';
import type { IfaceSpec, MachineSpec, Topology, VxlanIface } from '../topology';
import { VXLAN_OVERHEAD } from '../datapath';
import { labFacts, type IfaceFact, type LabFacts, type NsFact } from './facts';
import { weaveChecks } from './datapathWeave';

/*
 * Checks that know the lab's CNI and datapath mode (`topology.datapath`) and its VXLAN devices:
 * what Linux accepts device by device but what cannot carry the packets the mode is for.
 * - host-gw routes each node's pod subnet via that node's own address, so every node must be on
 *   one layer-2 network with the others (flannel's host-gw backend refuses otherwise: the kernel
 *   answers its route with "Network is unreachable"; flannel Documentation/backends.md); the same
 *   finding `setDatapath` refuses a switch to host-gw with, here for a lab already in that mode;
 * - a VXLAN frame is 50 bytes longer than the frame inside it (outer IPv4 20, UDP 8, VXLAN 8, inner
 *   Ethernet 14: VXLAN_HEADROOM in drivers/net/vxlan), so the device's MTU must leave that room
 *   under its underlay's, and a pod whose MTU is larger than the overlay's sends packets that do
 *   not fit it (flannel gives pods FLANNEL_MTU = underlay − 50);
 * - VTEPs that talk must agree on the UDP port (a datagram to a port no VXLAN socket listens on is
 *   answered with ICMP port unreachable: udp_rcv finds no socket) and on the VNI (vxlan_rcv finds
 *   no device for an unknown VNI and drops the packet).
 */


function mtuOf(i: IfaceSpec | undefined): number {
  return i?.mtu ?? 1500;
}

/** A VXLAN device's MTU: as set, or its underlay's minus the overhead (vxlan_config_apply() when `dev` is given). */
export function vxlanMtu(ns: NsFact, v: VxlanIface): number {
  return v.mtu ?? mtuOf(ns.byName.get(v.dev)?.spec) - VXLAN_OVERHEAD;
}

/** The nodes (root namespaces of role `node`) with the links of their NICs. */
function nodeLinks(facts: LabFacts): { ns: NsFact; links: Set<number> }[] {
  return facts.spaces
    .filter((ns) => !ns.isPod && ns.machine.role === 'node')
    .map((ns) => ({ ns, links: new Set(ns.ifaces.filter((f) => f.spec.kind === 'ether').map((f) => f.link)) }));
}

/** host-gw with a node that shares no layer-2 network with the first node: one finding per such node. */
export function hostGwAcrossRouter(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  if (t.datapath?.cni !== 'flannel' || t.datapath.backend !== 'host-gw') return [];
  const [first, ...rest] = nodeLinks(facts);
  if (!first) return [];
  return rest
    .filter((n) => ![...n.links].some((l) => first.links.has(l)))
    .map((n) => ({ problem: problem(n.ns.at, 'hostgw-no-l2', { node: n.ns.name, other: first.ns.name }) }));
}

/** Whether a machine or one of its pods has a VXLAN device, by machine object. */
const withVxlan = new WeakMap<MachineSpec, boolean>();

/**
 * The namespaces of the machines that have a VXLAN device (theirs or a pod's), in the order of
 * `facts.spaces`: all the VXLAN checks read. A 150,000-pod lab without VXLAN is then a walk over
 * its machines, each answered once per machine object, instead of over every namespace per edit.
 */
function vxlanSpaces(t: Topology, facts: LabFacts): NsFact[] {
  const out: NsFact[] = [];
  for (const m of t.machines) {
    let has = withVxlan.get(m);
    if (has === undefined) {
      has = [m, ...(m.pods ?? [])].some((ns) => ns.interfaces.some((i) => i.kind === 'vxlan'));
      withVxlan.set(m, has);
    }
    if (!has) continue;
    for (const name of [m.name, ...(m.pods ?? []).map((p) => p.name)]) {
      const ns = facts.byName.get(name);
      if (ns) out.push(ns);
    }
  }
  return out;
}

/** VXLAN devices whose MTU leaves less than the overhead under their underlay's. */
export function vxlanMtus(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  const out: LabCheck[] = [];
  for (const ns of vxlanSpaces(t, facts)) {
    for (const f of ns.ifaces) {
      // An OVS datapath's VXLAN vport is not what limits its frames: the datapath's MTU is (weaveMtus).
      if (f.spec.kind !== 'vxlan' || f.spec.vport !== undefined) continue;
      const under = mtuOf(ns.byName.get(f.spec.dev)?.spec);
      const mtu = vxlanMtu(ns, f.spec);
      if (mtu + VXLAN_OVERHEAD > under) out.push({ problem: problem(`${f.path}.mtu`, 'vxlan-underlay-mtu', { iface: f.spec.name, mtu, dev: f.spec.dev, underlay: under, fits: under - VXLAN_OVERHEAD }) });
    }
  }
  return out;
}

/** In a Flannel VXLAN lab, pods whose interface MTU is larger than their node's overlay device's. */
export function podMtusOverVxlan(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  if (t.datapath?.cni !== 'flannel' || t.datapath.backend !== 'vxlan') return [];
  const out: LabCheck[] = [];
  for (const ns of vxlanSpaces(t, facts)) {
    if (!ns.isPod) continue;
    const node = facts.byName.get(ns.machine.name);
    const overlay = node?.ifaces.find((f): f is IfaceFact & { spec: VxlanIface } => f.spec.kind === 'vxlan');
    if (!node || !overlay) continue;
    const limit = vxlanMtu(node, overlay.spec);
    for (const f of ns.ifaces) {
      if (mtuOf(f.spec) > limit) out.push({ problem: problem(`${f.path}.mtu`, 'pod-mtu-over-overlay', { pod: ns.name, iface: f.spec.name, mtu: mtuOf(f.spec), overlay: overlay.spec.name, limit }) });
    }
  }
  return out;
}

/** FDB entries that send to a VTEP listening on another port, or having no device of this VNI. */
export function vxlanPeers(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  const out: LabCheck[] = [];
  for (const ns of vxlanSpaces(t, facts)) {
    (ns.spec.fdb ?? []).forEach((e, k) => {
      const dev = ns.byName.get(e.dev)?.spec;
      if (dev?.kind !== 'vxlan') return;
      const owner = ownerOf(facts, e.dst);
      if (!owner) return;
      const theirs = owner.ifaces.flatMap((f) => (f.spec.kind === 'vxlan' ? [f.spec] : []));
      if (theirs.length === 0) return;
      const sameVni = theirs.filter((v) => v.vni === dev.vni);
      const path = `${ns.at}.fdb[${k}]`;
      if (sameVni.length === 0) {
        out.push({ problem: problem(path, 'vxlan-vni-mismatch', { iface: dev.name, vni: dev.vni, machine: owner.name, theirs: theirs.map((v) => v.vni).join(', ') }) });
      } else if (!sameVni.some((v) => v.port === dev.port)) {
        out.push({ problem: problem(path, 'vxlan-port-mismatch', { iface: dev.name, port: dev.port, machine: owner.name, theirs: sameVni.map((v) => v.port).join(', ') }) });
      }
    });
  }
  return out;
}

/** The namespace holding address `dst` (the remote VTEP an FDB entry sends to). */
function ownerOf(facts: LabFacts, dst: string): NsFact | undefined {
  const ip = parseIp(dst);
  return ip === null ? undefined : facts.owners.get(ip)?.[0]?.ns;
}

/** Every datapath check, errors and warnings as their codes say. */
export function datapathChecks(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  return [...hostGwAcrossRouter(t, facts), ...vxlanMtus(t, facts), ...podMtusOverVxlan(t, facts), ...vxlanPeers(t, facts), ...weaveChecks(t, facts)];
}
