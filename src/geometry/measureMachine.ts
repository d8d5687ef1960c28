import type { IfaceSpec, MachineSpec, PodSpec } from '../core';
import { METRICS as M, smallTextW, textW } from './metrics';

/** The first text line drawn for an interface: its name and its addresses. */
export function ifaceTitle(i: IfaceSpec): string {
  const addrs = i.addresses ?? [];
  return addrs.length > 0 ? `${i.name} ${addrs.join(' ')}` : i.name;
}

/**
 * Width of an interface's label: name and addresses on one line, then the MAC in the small font;
 * `wrapped`, the addresses go on a line of their own under the name (a node's NIC row, see
 * {@link measureMachine}).
 */
export function ifaceLabelW(i: IfaceSpec, wrapped = false): number {
  if (!wrapped) return Math.max(textW(ifaceTitle(i)), smallTextW(i.mac));
  return Math.max(textW(i.name), textW((i.addresses ?? []).join(' ')), smallTextW(i.mac));
}

/** Room between two NICs' labels on a machine's NIC row. */
export const NIC_GAP = 10;

/** Room between the outer NICs' labels and the machine's sides. */
const NIC_EDGE = 6;

/**
 * Distance between the anchors of a machine's NICs: the even spread over the machine's width
 * (`w / (n + 1)`) when that holds the widest label, or else the widest label and a gap, the row
 * centred (placeMachine). Staggered (`MachineSize.nicStagger`), every other label sits a tier
 * higher, so neighbours only need half the widest label apart: the lower labels then keep two gaps
 * between them and each upper NIC a gap either side of its leader line. Units: drawing units.
 */
export function nicSpacing(w: number, n: number, widest: number, staggered = false): number {
  return Math.max(w / (n + 1), staggered ? widest / 2 + NIC_GAP : widest + NIC_GAP);
}

/**
 * Height of the upper tier of a staggered NIC row (drawing units): one label (name, then the
 * addresses when wrapped, then the MAC) and a little room above the lower labels.
 */
export function nicTierH(wrapped: boolean): number {
  return (wrapped ? 3 : 2) * M.line + 4;
}

/** Size of a pod box: a title line, then two lines per interface. */
export function measurePod(p: PodSpec): { w: number; h: number } {
  const n = Math.max(1, p.interfaces.length);
  // The title line also holds the listening ports (`tcp/80 udp/53`), drawn after the name, and
  // keeps clear of the top-right corner where a send or delivery draws the packet (`nsPoint`), so
  // the packet never covers a long pod name (teacher review, item 14).
  const ports = (p.listeners ?? []).map((l) => `${l.proto}/${l.port}`).join(' ');
  const widest = Math.max(textW(p.name) + 8 + (ports ? 10 + textW(ports) : 0) + 24, ...p.interfaces.map((i) => ifaceLabelW(i)));
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
  const ethers = m.interfaces.filter((i) => ((i.kind === 'ether' || i.kind === 'vxlan' || i.kind === 'openvswitch' || i.kind === 'wireguard' || i.kind === 'ipip') && i.master === undefined) || own(i));
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
  /**
   * The NICs' addresses are written on a line of their own under their names: a node with several
   * NICs (eth0 and flannel.1) is then as narrow as its pods, so a cluster's drawing is as legible as
   * the seed lab's (teacher review, item 5).
   */
  nicWrap: boolean;
  /**
   * Every other NIC's label sits a tier higher, joined to its NIC by a leader line, so a node with
   * three or more NICs (Weave's eth0, datapath, vethwe-bridge, vethwe-datapath and vxlan-6784;
   * Cilium's eth0, cilium_host, cilium_net and cilium_vxlan) is not five labels wide and its
   * drawing stays as legible as the seed lab's at 1280×720 (`e2e/legibility.spec.ts`).
   */
  nicStagger: boolean;
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
  // NICs sit side by side with their labels centred on them (nicSpacing): the row is as wide as n
  // of the widest label with a gap each. With two or more NICs wider than the rest of the machine,
  // the addresses wrap under the names when that makes the machine narrower.
  const bridgeW = bridges.reduce((w, b) => Math.max(w, ifaceLabelW(b) + 40), 0);
  const portsW = ports.length * 130;
  const podsExtra = 0;
  const rest = Math.max(M.machineMinW, podsW + podsExtra + 2 * M.pad, bridgeW + 2 * M.pad, portsW + 2 * M.pad, textW(m.name) + 130);
  const n = ethers.length;
  const nicRowW = (wrapped: boolean, staggered = false) => {
    const widest = ethers.reduce((w, e) => Math.max(w, ifaceLabelW(e, wrapped)), 0);
    if (n <= 1) return widest + 20 + 2 * M.pad;
    return (n - 1) * nicSpacing(0, n, widest, staggered) + widest + 2 * NIC_EDGE;
  };
  const nicWrap0 = n > 1 && nicRowW(false) > rest && nicRowW(true) < nicRowW(false);
  // Still wider than the rest of the machine with three NICs or more: stagger the labels, wrapped
  // or not, whichever is narrower (a tier costs height, which a wide canvas has to spare).
  const staggerWrap = nicRowW(true, true) < nicRowW(false, true);
  const nicStagger = n >= 3 && nicRowW(nicWrap0) > rest && nicRowW(staggerWrap, true) < nicRowW(nicWrap0);
  const nicWrap = nicStagger ? staggerWrap : nicWrap0;
  const w = Math.ceil(Math.max(rest, n > 0 ? nicRowW(nicWrap, nicStagger) : 0));
  let h = M.titleH;
  if (pods.length > 0) h += podsH + M.vethZone;
  else if (ports.length > 0) h += M.vethZone;
  if (bridges.length > 0) h += bridges.length * (8 + M.bridgeZone);
  else if (ports.length > 0) h += 16;
  h += M.etherZone + (nicWrap ? M.line : 0) + (nicStagger ? nicTierH(nicWrap) : 0);
  return { w, h: Math.ceil(h), pods, podsW, podsH, podsExtra, nicWrap, nicStagger };
}
