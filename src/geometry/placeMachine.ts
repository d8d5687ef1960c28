import type { IfaceSpec, MachineSpec, NamespaceSpec } from '../core';
import { ifaceLabelW, measurePod, nicSpacing, nicTierH, NIC_GAP, rootIfaces, type MachineSize } from './measureMachine';
import { METRICS as M, smallTextW, textW } from './metrics';
import { ifaceId, type BridgeLayout, type IfaceLayout, type MachineLayout, type NsLayout } from './layoutTypes';

/** A machine placed at a position, with every interface it holds. */
export interface PlacedMachine {
  machine: MachineLayout;
  ifaces: IfaceLayout[];
}

function iface(ns: string, i: IfaceSpec, at: IfaceLayout['at'], placement: IfaceLayout['placement'], labelBox: IfaceLayout['labelBox'], wrap = false, raised = false): IfaceLayout {
  return {
    ...(wrap ? { wrap: true } : {}),
    ...(raised ? { raised: true } : {}),
    id: ifaceId(ns, i.name),
    ns,
    name: i.name,
    kind: i.kind,
    // An IPIP tunnel has no link-layer address (`link/ipip 0.0.0.0`): its placeholder MAC is not drawn.
    mac: i.kind === 'ipip' ? '' : i.mac,
    addresses: i.addresses ?? [],
    at,
    placement,
    labelBox,
    ...(i.kind === 'veth' ? { peer: ifaceId(i.peer.ns, i.peer.iface) } : {}),
  };
}

/** Spread `n` anchors evenly over [x, x + w]. */
function spread(x: number, w: number, n: number, k: number): number {
  return x + (w * (k + 1)) / (n + 1);
}

/** A namespace's listening ports as they are drawn and listed: `tcp/80`, `udp/53`. */
export function listenerLabels(ns: NamespaceSpec): string[] {
  return (ns.listeners ?? []).map((l) => `${l.proto}/${l.port}`);
}

/** Does a machine hold only NICs (no pods, bridges or veths), so it can be drawn with its NICs facing up? */
export function nicsOnly(m: MachineSpec): boolean {
  const { bridges, ports, ethers } = rootIfaces(m);
  return (m.pods ?? []).length === 0 && bridges.length === 0 && ports.length === 0 && ethers.length > 0;
}

/**
 * Place a measured machine with its top-left corner at (x0, y0): pods along the top, the host ends
 * of their veths under them on the bridge bar, the bridge's own label under the bar, NICs on the
 * bottom edge where they drop to their segment. A machine with NICs only (see {@link nicsOnly}) may
 * face up instead (`nicSide: 'top'`): NICs on its top edge, where they rise to a segment above,
 * and its title at the bottom.
 */
export function placeMachine(m: MachineSpec, x0: number, y0: number, size: MachineSize, nicSide: 'bottom' | 'top' = 'bottom'): PlacedMachine {
  const up = nicSide === 'top' && nicsOnly(m);
  const ifaces: IfaceLayout[] = [];
  const box = { x: x0, y: y0, w: size.w, h: size.h };
  const pods: NsLayout[] = [];
  let px = x0 + (size.w - size.podsW - size.podsExtra) / 2;
  const podTop = y0 + M.titleH;
  for (const [pi, p] of (m.pods ?? []).entries()) {
    const ps = size.pods[pi] ?? measurePod(p);
    const pbox = { x: px, y: podTop, w: ps.w, h: ps.h };
    const ids: string[] = [];
    p.interfaces.forEach((i, k) => {
      const at = { x: spread(pbox.x, pbox.w, p.interfaces.length, k), y: pbox.y + pbox.h };
      const labelBox = { x: pbox.x + 6, y: pbox.y + 26 + k * 2 * M.line, w: pbox.w - 12, h: 2 * M.line };
      const l = iface(p.name, i, at, 'pod-bottom', labelBox);
      ifaces.push(l);
      ids.push(l.id);
    });
    pods.push({ ns: p.name, kind: 'pod', box: pbox, ifaces: ids, listeners: listenerLabels(p) });
    px += ps.w + M.podGap;
  }

  const { bridges, ports, ethers } = rootIfaces(m);
  const podsBottom = (m.pods ?? []).length > 0 ? podTop + size.podsH : podTop;
  // The veth zone is there only for veths (measureMachine gives no room for it otherwise): a bridge
  // with no ports sits right under the title, clear of the NICs' labels at the bottom.
  const portRowY = podsBottom + ((m.pods ?? []).length > 0 || ports.length > 0 ? M.vethZone : 8);
  const podAnchor = (ns: string, name: string) => ifaces.find((l) => l.id === ifaceId(ns, name))?.at;

  // Host ends sit right under the pod end of their veth, so the pair is one short vertical line.
  const portX = new Map<string, number>();
  const unplaced = ports.filter((pt) => {
    const peer = pt.kind === 'veth' ? podAnchor(pt.peer.ns, pt.peer.iface) : undefined;
    if (peer) portX.set(pt.name, peer.x);
    return !peer;
  });
  unplaced.forEach((pt, k) => portX.set(pt.name, spread(x0, size.w, unplaced.length, k)));

  const bridgeLayouts: BridgeLayout[] = [];
  bridges.forEach((b, j) => {
    const y = portRowY + j * (8 + M.bridgeZone);
    const own = ports.filter((pt) => pt.master === b.name);
    const xs = own.map((pt) => portX.get(pt.name) ?? x0 + M.pad);
    const labelW = ifaceLabelW(b);
    const x1 = Math.max(x0 + M.pad, Math.min(Math.min(...xs, x0 + size.w / 2) - 24, x0 + size.w - M.pad - labelW));
    const x2 = Math.min(x0 + size.w - M.pad, Math.max(...xs.map((x) => x + 60), x1 + labelW, x1 + 80));
    const self = iface(m.name, b, { x: x2, y }, 'bridge-self', { x: x1, y: y + 8, w: labelW, h: 2 * M.line });
    ifaces.push(self);
    bridgeLayouts.push({ id: self.id, ns: m.name, name: b.name, x1, x2, y, ports: own.map((pt) => ifaceId(m.name, pt.name)) });
  });

  for (const pt of ports) {
    const bridge = bridgeLayouts.find((b) => b.name === pt.master);
    const x = portX.get(pt.name) ?? x0 + M.pad;
    const at = { x, y: bridge ? bridge.y : portRowY };
    // Centred across the veth line (the label's halo interrupts the line), under its pod.
    const labelW = Math.max(smallTextW(pt.name), smallTextW(pt.mac));
    const labelBox = { x: x - labelW / 2, y: podsBottom + 6, w: labelW, h: 2 * M.line - 2 };
    ifaces.push(iface(m.name, pt, at, bridge ? 'bridge-port' : 'root-port', labelBox));
  }

  // Evenly spread when the machine is wide enough for that, else side by side from the centre.
  const wrap = size.nicWrap;
  const stagger = size.nicStagger;
  const widest = ethers.reduce((w, e) => Math.max(w, ifaceLabelW(e, wrap)), 0);
  const step = nicSpacing(size.w, ethers.length, widest, stagger);
  const zone = M.etherZone + (wrap ? M.line : 0);
  const tier = stagger ? nicTierH(wrap) : 0;
  ethers.forEach((e, k) => {
    const x = ethers.length > 1 ? x0 + size.w / 2 + (k - (ethers.length - 1) / 2) * step : spread(x0, size.w, 1, 0);
    const at = { x: Math.min(Math.max(x, x0 + NIC_GAP / 2), x0 + size.w - NIC_GAP / 2), y: up ? y0 : y0 + size.h };
    const w = ifaceLabelW(e, wrap);
    // Staggered, every other label (the second, fourth…) sits a tier further from the edge; the first stays by the edge.
    const raised = stagger && k % 2 === 1;
    const shift = raised ? tier : 0;
    // Under the bottom edge's NICs the label ends 12 units above the edge: the packet resting on a NIC (18 units high, centred on it) leaves its MAC line clear.
    const labelBox = { x: at.x - w / 2, y: up ? y0 + 8 + shift : y0 + size.h - zone + 4 - shift, w, h: (wrap ? 3 : 2) * M.line };
    ifaces.push(iface(m.name, e, at, up ? 'root-top' : 'root-bottom', labelBox, wrap, raised));
  });

  const rootIds = ifaces.filter((l) => l.ns === m.name).map((l) => l.id);
  const root: NsLayout = { ns: m.name, kind: 'root', box, ifaces: rootIds, listeners: listenerLabels(m) };
  const titleY = up ? y0 + size.h - 12 : y0 + 20;
  return { machine: { name: m.name, role: m.role, box, titleY, root, pods, bridges: bridgeLayouts }, ifaces };
}

/** Width of a machine's title (name and role), for the tests' overlap checks. */
export function machineTitleW(m: MachineSpec): number {
  return textW(m.name) + 80;
}
