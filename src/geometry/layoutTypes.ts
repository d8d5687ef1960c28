import type { MachineRole } from '../core';

/** A point in drawing coordinates (SVG user units, y down). */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle: top-left corner plus size. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where an interface sits on its namespace's outline, which decides where its label goes. */
export type IfacePlacement = 'pod-bottom' | 'bridge-port' | 'bridge-self' | 'root-bottom' | 'root-top' | 'root-port';

/** One interface as drawn: its anchor point (where links attach) and what to print beside it. */
export interface IfaceLayout {
  /** `ns/iface`, unique in the topology (see {@link ifaceId}). */
  id: string;
  ns: string;
  name: string;
  kind: 'veth' | 'ether' | 'bridge' | 'vxlan' | 'openvswitch' | 'wireguard' | 'ipip';
  mac: string;
  addresses: string[];
  /** Anchor: links start and end here, packet glyphs stop here. */
  at: Point;
  placement: IfacePlacement;
  /** The area its labels take, so tests can check nothing overlaps. */
  labelBox: Box;
  /** For a veth end: the id of the other end. */
  peer?: string;
  /** The addresses are on a line of their own under the name (a node's NIC row, `MachineSize.nicWrap`). */
  wrap?: true;
  /**
   * The label sits a tier further from the machine's edge than its neighbours' (a staggered NIC
   * row, `MachineSize.nicStagger`); a leader line joins it to its anchor on the edge.
   */
  raised?: true;
}

/** A namespace box: a pod, or a machine's root namespace (which is the machine box itself). */
export interface NsLayout {
  ns: string;
  kind: 'pod' | 'root';
  box: Box;
  /** Interface ids in this namespace, in topology order. */
  ifaces: string[];
  /** Ports a program listens on here, as `tcp/80`, in topology order (drawn beside the name). */
  listeners: string[];
}

/** A Linux bridge drawn as a bar with its ports on it. */
export interface BridgeLayout {
  /** Interface id of the bridge device itself. */
  id: string;
  ns: string;
  name: string;
  /** The bar, from its left to its right end, at height y. */
  x1: number;
  x2: number;
  y: number;
  /** Interface ids of its ports. */
  ports: string[];
}

/** A machine box with everything inside it. */
export interface MachineLayout {
  name: string;
  role: MachineRole;
  box: Box;
  /** Baseline of the title (name and role): the top band, or the bottom one when its NICs face up. */
  titleY: number;
  root: NsLayout;
  pods: NsLayout[];
  bridges: BridgeLayout[];
}

/** A drawn wire between two interfaces (a veth pair, or a NIC's drop to its segment). */
export interface LinkLayout {
  /** Stable key for rendering. */
  id: string;
  kind: 'veth' | 'segment-drop';
  /** SVG path data. */
  d: string;
}

/** An L2 segment: one horizontal lane under each row of machines it reaches, joined by a trunk. */
export interface SegmentLayout {
  id: string;
  label: string;
  /** Lanes by row index. */
  lanes: { row: number; x1: number; x2: number; y: number }[];
  /** Vertical trunk joining lanes of different rows, when the segment spans rows. */
  trunk: { x: number; y1: number; y2: number } | null;
  /** Where the label is written: under the first lane, at its left end (or its right end when a NIC rises there). */
  labelAt: Point;
  /** Interface ids plugged into it. */
  members: string[];
}

/** The whole drawing, computed once per topology. */
export interface TopologyLayout {
  width: number;
  height: number;
  /** What is drawn (machines, lanes, segment labels) with a small pad: the box the camera fits. */
  bounds: Box;
  machines: MachineLayout[];
  segments: SegmentLayout[];
  links: LinkLayout[];
  /** Every interface by id. */
  ifaces: Record<string, IfaceLayout>;
  /** Every namespace box by namespace name. */
  namespaces: Record<string, NsLayout>;
  /**
   * Lane band each machine's NICs reach, by machine name: its row, except in a facing arrangement,
   * where the row under the band shares the band of the row above it.
   */
  rowOf: Record<string, number>;
  /** How the machines were arranged (see `layoutTopology`). */
  arrangement: Arrangement;
  /**
   * A Kubernetes-sized lab's overview (overview.ts): every machine as a tile; then `machines`,
   * `ifaces`, `namespaces` and `links` hold only the machines opened in full.
   */
  overview?: OverviewLayout;
}

/** One machine as a tile of the overview: its real drawing's box, in its grid cell. */
export interface TileLayout {
  name: string;
  role: MachineRole;
  /** Pods on the machine, written on the tile. */
  pods: number;
  box: Box;
}

/** The overview's grid (TopologyLayout's `overview`). */
export interface OverviewLayout {
  /** Every machine, in topology order (cell `i` is column `i % cols`, row `floor(i / cols)`). */
  tiles: TileLayout[];
  cols: number;
  rows: number;
  /** A cell, gap included: the largest machine plus `M.machineGap` each way. */
  cellW: number;
  cellH: number;
}


/**
 * How machines are arranged: in rows of `cols` (each row followed by its lane band, segments spanning
 * rows joined by trunks on the left), or in two rows facing one shared band: `bottom` machines
 * (with NICs only) sit under the band, their NICs on their top edge.
 */
export type Arrangement = { kind: 'rows'; cols: number } | { kind: 'facing'; bottom: string[] };

/** Id of an interface in the drawing: namespace and name joined by a slash. */
export function ifaceId(ns: string, iface: string): string {
  return `${ns}/${iface}`;
}
