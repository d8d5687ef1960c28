import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * A value read from an element's layout now and again whenever the element resizes (ResizeObserver;
 * read once where there is none, as in tests). `read` returns null while there is nothing to read
 * (no layout yet), which keeps the previous value; pass a function defined outside the component so
 * the observer is not re-attached on every render.
 */
export function useMeasured<E extends Element, T>(ref: RefObject<E>, read: (el: E) => T | null, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const v = read(el);
      if (v !== null) setValue(v);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, read]);
  return value;
}
