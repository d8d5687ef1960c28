import { useEffect, useRef, type MutableRefObject } from 'react';

/**
 * A ref that always holds the latest `value`: d3 behaviours are bound once per element and read
 * what they need (the layout) from here at each event, rather than being bound again each render.
 */
export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
