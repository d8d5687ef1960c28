/**
 * What the drawing adds to an app's state: the namespace pinned by a click in the drawing, the size
 * of the drawing's free area (which picks how the machines are arranged), and whether the panels are
 * still shown or hidden by default (a small screen starts with them closed).
 */
export interface CanvasSlice {
  /**
   * Namespace (machine or pod) whose tables the tables panel shows instead of those of the current
   * event's namespace; null follows the event. Set by a click, Enter or Space on it in the drawing.
   */
  pinnedNs: string | null;
  /**
   * Pin `ns`, or unpin it when it is pinned already. Pinning shows the tables (panels open, on the
   * Tables tab), since that is what the user asked to see.
   */
  togglePin: (ns: string) => void;
  /** Unpin: the tables follow the event again. */
  unpin: () => void;
  /** Free area of the drawing in screen pixels, once measured. */
  stage: { w: number; h: number } | null;
  /**
   * The drawing's free area was measured: keep it, and re-arrange the machines (see `fitLayout`) if
   * another arrangement shows the lab larger in it. The layout object changes only when the
   * arrangement does.
   */
  setStage: (w: number, h: number) => void;
  /**
   * The panels are shown or hidden by default, not by anyone's choice (a link's `panels=`, the
   * Panels button, P or a pin); only then may {@link fitPanels} change them.
   */
  panelsAuto: boolean;
  /** The screen's size class asks for the panels shown or hidden (a small screen: hidden), unless someone chose. */
  fitPanels: (show: boolean) => void;
}
