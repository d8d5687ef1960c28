/**
 * Texts of editing on the drawing itself (cables, multiple selection, copy and paste), in both
 * languages; `strings.ts` holds them as `canvasEdit`.
 */
export const CANVAS_EDIT_EN = {
  cableHelp: 'To link an interface, drag from its small circle to a segment’s line or to another machine’s NIC.',
  cableMiss: 'To link the interface, let the cable go on a segment’s line or on another machine’s NIC.',
};
