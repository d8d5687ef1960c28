import { useEffect, useRef, type RefObject } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import type { editActionsOf as EditActionsOf } from '../editor/useEditActions';

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

/** Drawing units an arrow moves the selected machine (with Shift: {@link MOVE_FAR}). */
export const MOVE_STEP = 10;
/** Drawing units Shift+arrow moves the selected machine. */
export const MOVE_FAR = 50;

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** An edit-mode key on the selection: true when it was one (and acted). */
function editKey(editActionsOf: typeof EditActionsOf, store: Parameters<typeof EditActionsOf>[0], e: KeyboardEvent): boolean {
  const act = editActionsOf(store);
  const dir = ARROWS[e.key];
  if (dir) {
    const step = e.shiftKey ? MOVE_FAR : MOVE_STEP;
    act.moveSelected(dir[0] * step, dir[1] * step);
    return true;
  }
  if (e.key === 'Delete' || e.key === 'Backspace') {
    act.removeSelected();
    return true;
  }
  if (e.key === 'Escape') {
    store.getState().select(null);
    return true;
  }
  return false;
}

/**
 * Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y redo (never while typing in a field: the field undoes its
 * own text); editing, Ctrl+C, Ctrl+X, Ctrl+V copy, cut and paste the selected machines and pods,
 * Ctrl+A selects every machine. Edit mode with a selection: arrows move it (Shift: further), Delete or Backspace
 * removes it, each one undo step, and Escape lets it go; the playback keys still work otherwise.
 *
 * Space play/pause, ← → step, Home/End first/last, F follow the packet, P panels. Keys count when focus is inside this app, or on
 * the page body when `global` is set (the stand-alone page); embeds on a slide deck then each keep
 * their own keys.
 */
export function useKeyboardShortcuts(root: RefObject<HTMLElement>, global: boolean): void {
  const store = useAppStoreApi();
  // The editor's actions load with edit mode (their own chunk); until then its keys do nothing.
  const editing = useAppStore((s) => s.mode === 'edit');
  const edits = useRef<typeof EditActionsOf | null>(null);
  useEffect(() => {
    if (editing && !edits.current) {
      void import('../editor/useEditActions').then((m) => {
        edits.current = m.editActionsOf;
      });
    }
  }, [editing]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const editActionsOf = edits.current;
      // Inside a shadow root (the <packet-journey> element) the window sees the host as the target: the path starts at the real one.
      const first = e.composedPath()[0] ?? e.target;
      const target = first instanceof Element ? first : null;
      const inside = target !== null && root.current?.contains(target) === true;
      const onBody = target === null || target === document.body || target === document.documentElement;
      if (!inside && !(global && onBody)) return;
      // Editing, a box of the drawing gives its arrows to the selection (the drawing's own arrows move the focus otherwise).
      const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
      if (plain && !e.defaultPrevented && target?.closest('[data-roving] [data-pin]') && editActionsOf && store.getState().mode === 'edit' && store.getState().selected !== null && editKey(editActionsOf, store, e)) {
        e.preventDefault();
        return;
      }
      if (ownsKey(target, e.key)) return;
      const s = store.getState();
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        const k = e.key.toLowerCase();
        // Editing, Ctrl+C/X/V/A act on the drawing's selection; a text selection keeps the browser's copy.
        const ed = editActionsOf && s.mode === 'edit' && (window.getSelection()?.isCollapsed ?? true) ? editActionsOf(store) : null;
        const clip: Record<string, (() => unknown) | undefined> = { c: ed?.copy, x: ed?.cut, v: ed?.paste, a: ed?.selectAll };
        const act = k === 'z' ? (e.shiftKey ? s.redo : s.undo) : k === 'y' ? s.redo : (clip[k] ?? null);
        if (act) {
          e.preventDefault();
          act();
        }
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (editActionsOf && s.mode === 'edit' && s.selected !== null && editKey(editActionsOf, store, e)) {
        e.preventDefault();
        return;
      }
      const follow = () => s.setFollow(!s.follow);
      const panels = () => s.setPanels(!s.panels);
      // A CNI story on screen takes the playback keys; Escape closes it.
      const actions: Record<string, () => void> = s.cni
        ? { ' ': s.cniToggle, ArrowRight: s.cniNext, ArrowLeft: s.cniPrev, Home: s.cniFirst, End: s.cniLast, Escape: s.closeCniStory, f: follow, F: follow }
        : { ' ': s.toggle, ArrowRight: s.next, ArrowLeft: s.prev, Home: s.first, End: s.last, f: follow, F: follow, p: panels, P: panels };
      const act = actions[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root, global, store]);
}
