import { useEffect, type RefObject } from 'react';
import { useAppStoreApi } from '../../store/StoreContext';

/** Keys a list of options or a row of tabs moves with (WAI-ARIA listbox and tabs patterns). */
const MOVE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Enter']);

/**
 * Whether the focused element needs this key itself: fields and sliders use every key we map
 * (typing, arrows, Home/End), the event log (a listbox), the panel tabs and the drawing's boxes
 * (one Tab stop, arrows between them) their arrows, Home and End, a button or checkbox only Space.
 */
function ownsKey(el: Element | null, key: string): boolean {
  if (!el) return false;
  if (el.closest('input:not([type="checkbox"]):not([type="radio"]), select, textarea, [contenteditable="true"], [role="slider"]')) return true;
  if (MOVE_KEYS.has(key) && el.closest('[role="listbox"], [role="tablist"], [data-roving] [data-pin]')) return true;
  return key === ' ' && el.closest('button, summary, a[href], input, [role="button"], [role="tab"]') !== null;
}

/**
 * Space play/pause, ← → step, Home/End first/last, F follow the packet, P panels. Keys count when focus is inside this app, or on
 * the page body when `global` is set (the stand-alone page); embeds on a slide deck then each keep
 * their own keys.
 */
export function useKeyboardShortcuts(root: RefObject<HTMLElement | null>, global: boolean): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      const inside = target !== null && root.current?.contains(target) === true;
      const onBody = target === null || target === document.body || target === document.documentElement;
      if (!inside && !(global && onBody)) return;
      if (ownsKey(target, e.key)) return;
      const s = store.getState();
      const follow = () => s.setFollow(!s.follow);
      const panels = () => s.setPanels(!s.panels);
      const actions: Record<string, () => void> = { ' ': s.toggle, ArrowRight: s.next, ArrowLeft: s.prev, Home: s.first, End: s.last, f: follow, F: follow, p: panels, P: panels };
      const act = actions[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root, global, store]);
}
