/**
 * Sizes of the drawing, in SVG user units at zoom 1. Text widths are estimated from the character
 * count, which is exact enough for the monospace font every address and name is drawn in.
 */
export const METRICS = {
  /** Font size of names and addresses. */
  font: 12,
  /** Font size of secondary labels (MACs, host veth ends). */
  smallFont: 11,
  /** Width of one monospace character at `font`. */
  charW: 7.3,
  /** Width of one monospace character at `smallFont`. */
  smallCharW: 6.7,
  /** Line height for label stacks. */
  line: 16,
  /** Inner padding of machine boxes. */
  pad: 14,
  /** Machine title band. */
  titleH: 28,
  /** Minimum pod box width. */
  podMinW: 150,
  /** Horizontal gap between pods. */
  podGap: 18,
  /** Vertical room between a pod and its bridge, where the host ends of veths are labelled. */
  vethZone: 46,
  /** Room under a bridge bar for its own label. */
  bridgeZone: 40,
  /** Room at the bottom of a machine for its NICs' labels. */
  etherZone: 44,
  /** Minimum machine width (a router with one NIC). */
  machineMinW: 190,
  /** Horizontal gap between machines in a row. */
  machineGap: 32,
  /** Room under a row before its first segment lane. */
  laneTop: 26,
  /** Distance between the lanes of different segments under the same row. */
  laneStep: 22,
  /** Room under the last lane of a row. */
  laneBottom: 26,
  /** Horizontal distance between segment trunks on the left. */
  trunkStep: 14,
  /** Outer margin. */
  margin: 14,
} as const;

/** Estimated width of a label of `text` at the main font. */
export function textW(text: string): number {
  return text.length * METRICS.charW;
}

/** Estimated width of a label of `text` at the small font. */
export function smallTextW(text: string): number {
  return text.length * METRICS.smallCharW;
}
