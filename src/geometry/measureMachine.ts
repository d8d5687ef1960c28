import type { IfaceSpec, MachineSpec, PodSpec } from '../core';
import { METRICS as M, smallTextW, textW } from './metrics';

/** The first text line drawn for an interface: its name and its addresses. */
export function ifaceTitle(i: IfaceSpec): string {
  const addrs = i.addresses ?? [];
  return addrs.length > 0 ? `${i.name} ${addrs.join(' ')}` : i.name;
}

/** Width of an interface's two-line label (name+addresses, then MAC in the small font). */
export function ifaceLabelW(i: IfaceSpec): number {
  return Math.max(textW(ifaceTitle(i)), smallTextW(i.mac));
}

/** Size of a pod box: a title line, then two lines per interface. */
export function measurePod(p: PodSpec): { w: number; h: number } {
  const n = Math.max(1, p.interfaces.length);
  // The title line also holds the listening ports (`tcp/80 udp/53`), drawn after the name, and
  // keeps clear of the top-right corner where a send or delivery draws the packet (`nsPoint`).
  const ports = (p.listeners ?? []).map((l) => `${l.proto}/${l.port}`).join(' ');
  const widest = Math.max(textW(p.name) + 8 + (ports ? 10 + textW(ports) + 30 : 0), ...p.interfaces.map(ifaceLabelW));
  return { w: Math.max(M.podMinW, Math.ceil(widest + 16)), h: 28 + n * 2 * M.line + 6 };
}

/** The interfaces of a machine's root namespace, sorted by how they are drawn. */
export function rootIfaces(m: MachineSpec): {
  bridges: IfaceSpec[];
  ports: IfaceSpec[];
  ethers: IfaceSpec[];
} {
  const bridges = m.interfaces.filter((i) => i.kind === 'bridge');
  // A VXLAN device sits on the NIC row, drawn like a NIC without a cable (its link is its underlay);
  // so do an Open vSwitch datapath (Weave's `datapath`, reached through its vports) and a veth pair
  // with both ends in the machine (Cilium's cilium_host/cilium_net, Weave's vethwe-*), the node's own.
  const own = (i: IfaceSpec) => i.kind === 'veth' && i.peer.ns === m.name;
  const ethers = m.interfaces.filter((i) => ((i.kind === 'ether' || i.kind === 'vxlan' || i.kind === 'openvswitch') && i.master === undefined) || own(i));
  // Bridged NICs and every veth end to a pod sit on the port row, under the bridge bar when they have one.
  const ports = m.interfaces.filter((i) => (i.kind === 'veth' && !own(i)) || (i.kind === 'ether' && i.master !== undefined));
  return { bridges, ports, ethers };
}

/** Overall size of a machine box and the sizes of what it holds. */
export interface MachineSize {
  w: number;
  h: number;
  pods: { w: number; h: number }[];
  podsW: number;
  podsH: number;
  /** Room right of the last pod (none since host-end labels sit under their pods; kept for callers). */
  podsExtra: number;
}

/**
 * Measure a machine box so that every label inside it fits. The title leaves room for the role in
 * the longer of the two languages ("маршрутизатор"), so the drawing does not change with the language.
 */
export function measureMachine(m: MachineSpec): MachineSize {
  const { bridges, ports, ethers } = rootIfaces(m);
  // Host-end labels are written across the veth line, centred on it, under the pod it leads to:
  // a pod is at least as wide as the labels of its veths' host ends.
  const portLabelW = (p: IfaceSpec) => Math.max(smallTextW(p.name), smallTextW(p.mac)) + 12;
  const pods = (m.pods ?? []).map((p) => {
    const own = ports.filter((pt) => pt.kind === 'veth' && pt.peer.ns === p.name);
    const size = measurePod(p);
    const need = own.length * own.reduce((w, pt) => Math.max(w, portLabelW(pt)), 0);
    return { w: Math.max(size.w, Math.ceil(need)), h: size.h };
  });
  const podsW = pods.reduce((s, p) => s + p.w, 0) + Math.max(0, pods.length - 1) * M.podGap;
  const podsH = pods.reduce((h, p) => Math.max(h, p.h), 0);
  // NICs are spread evenly (w / (n + 1) apart, see placeMachine's spread) with their labels centred
  // on them: two or more need that spacing to hold the widest label, or neighbours overlap.
  const widestEther = ethers.reduce((w, e) => Math.max(w, ifaceLabelW(e) + 20), 0);
  const etherW = ethers.length > 1 ? (ethers.length + 1) * widestEther - 2 * M.pad : widestEther;
  const bridgeW = bridges.reduce((w, b) => Math.max(w, ifaceLabelW(b) + 40), 0);
  const portsW = ports.length * 130;
  const podsExtra = 0;
  const w = Math.ceil(
    Math.max(M.machineMinW, podsW + podsExtra + 2 * M.pad, etherW + 2 * M.pad, bridgeW + 2 * M.pad, portsW + 2 * M.pad, textW(m.name) + 130),
  );
  let h = M.titleH;
  if (pods.length > 0) h += podsH + M.vethZone;
  else if (ports.length > 0) h += M.vethZone;
  if (bridges.length > 0) h += bridges.length * (8 + M.bridgeZone);
  else if (ports.length > 0) h += 16;
  h += M.etherZone;
  return { w, h: Math.ceil(h), pods, podsW, podsH, podsExtra };
}
