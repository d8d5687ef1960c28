/** Player icons as inline SVG: symbol fonts lack ⏮/⏭ on many classroom machines. */
const PATHS = {
  first: 'M5 4h2v16H5zM20 4v16L9 12z',
  prev: 'M16 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M8 4v16l10-8z',
  last: 'M17 4h2v16h-2zM4 4v16l11-8z',
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
