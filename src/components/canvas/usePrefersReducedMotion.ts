import { createContext, useContext, useSyncExternalStore } from 'react';

/*
 * The user's "reduce motion" preference, read as motion's own useReducedMotion reads it (the
 * prefers-reduced-motion media query), without loading the animation library on the first page.
 */

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const mq = matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return typeof matchMedia === 'function' && matchMedia(QUERY).matches;
}

/**
 * Set by a page that wants a still picture (an embed being printed): packets stand where they land
 * and the camera jumps, as with reduced motion.
 */
export const StillContext = createContext(false);

/** Whether the user asked the system to reduce motion, or the app is drawn still; follows changes while the page is open. */
export function usePrefersReducedMotion(): boolean {
  const still = useContext(StillContext);
  const reduce = useSyncExternalStore(subscribe, snapshot, () => false);
  return still || reduce;
}
