/** Player icons as inline SVG: symbol fonts lack ⏮/⏭ on many classroom machines. */
const PATHS = {
  first: 'M5 4h2v16H5zM20 4v16L9 12z',
  prev: 'M16 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M8 4v16l10-8z',
  last: 'M17 4h2v16h-2zM4 4v16l11-8z',
  // A chain link and </> (embed code), after Material Design's "link" and "code" (Apache 2.0).
  link: 'M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z',
  embed: 'M9.4 16.6L4.8 12l4.6-4.6L8 6l-6 6 6 6 1.4-1.4zm5.2 0l4.6-4.6-4.6-4.6L16 6l6 6-6 6-1.4-1.4z',
  // A download arrow over a tray, after Material Design's "download" (Apache 2.0): the capture file.
  capture: 'M5 20h14v-2H5v2zM19 9h-4V3H9v6H5l7 7 7-7z',
} as const;

/** Names of the player icons. */
export type IconName = keyof typeof PATHS;

/** A 20px player icon in the current text colour; decorative (the button carries the name). */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
