import type { EMBED_EN } from '../embedStrings';

/** The embedded player's texts in Russian: the shape of `EMBED_EN`. */
export const EMBED_RU: typeof EMBED_EN = {
  region: (journey) => `Путь пакета: ${journey}`,
  caption: 'Это событие',
  still: (n, total) => `На печати — событие ${n} из ${total}`,
};
