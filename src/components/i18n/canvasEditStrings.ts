/**
 * Texts of editing on the drawing itself (cables, multiple selection, copy and paste), in both
 * languages; `strings.ts` holds them as `canvasEdit`.
 */
export const CANVAS_EDIT_EN = {
  cableHelp: 'Drag from an interface to a segment’s line, or to another machine’s network card, to link them.',
  cableMiss: 'Let the cable go on a segment’s line or on another machine’s network card to link the interface.',
};

/** The same texts in Russian: the shape of {@link CANVAS_EDIT_EN}. */
export const CANVAS_EDIT_RU: typeof CANVAS_EDIT_EN = {
  cableHelp: 'Чтобы соединить интерфейс, потяните от него к линии сегмента или к сетевой карте другой машины.',
  cableMiss: 'Чтобы соединить интерфейс, отпустите кабель на линии сегмента или на сетевой карте другой машины.',
};
