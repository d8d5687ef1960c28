import type { CANVAS_EDIT_EN } from '../canvasEditStrings';

/** The same texts in Russian: the shape of `CANVAS_EDIT_EN`. */
export const CANVAS_EDIT_RU: typeof CANVAS_EDIT_EN = {
  cableHelp: 'Чтобы подключить интерфейс, протяните кабель от его кружка к линии сегмента или к сетевому интерфейсу другой машины.',
  cableMiss: 'Чтобы подключить интерфейс, отпустите кабель на линии сегмента или на сетевом интерфейсе другой машины.',
};
