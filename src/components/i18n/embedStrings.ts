/*
 * Strings of the embedded player (`embed.html`, `<packet-journey>`, issue 11): the frame's own
 * names for screen readers and the still picture a printed deck shows. `ru` has the shape of `en`.
 */

export const EMBED_EN = {
  /** The embedded player's region; `journey` is "pod1 → pod3". */
  region: (journey: string) => `Packet Journey: ${journey}`,
  /** The one-line explanation under the drawing. */
  caption: 'This event',
  /** Shown instead of the controls when the page prints: the picture is of one event. */
  still: (n: number, total: number) => `Printed at event ${n} of ${total}`,
};
