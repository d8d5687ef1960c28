import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { onScreen, type View } from '../../geometry/camera';
import type { Box } from '../../geometry/layoutTypes';
import { useAppStore } from '../../store/StoreContext';
import { usePlayerStrings } from '../i18n/usePlayerStrings';

/** Props of {@link PinActions}. */
export interface PinActionsProps {
  /** The pinned namespace and its box in drawing units. */
  ns: string;
  box: Box;
  view: View;
  /** Size of the canvas in pixels, to keep the bar inside it. */
  canvas: { w: number; h: number };
  /** Escape, or Shift+Tab from its first button: give the focus back to the box in the drawing. */
  onLeave: () => void;
}

/**
 * The pinned namespace's actions, just above its box's top right corner: make it the journey's
 * source or destination (the form's draft, so the journey re-runs at once), or unpin it. From the
 * keyboard, Tab on the pinned box comes here next (see `MachineBox`), Escape goes back.
 */
export function PinActions({ ns, box, view, canvas, onLeave }: PinActionsProps) {
  const t = usePlayerStrings();
  const draft = useAppStore((s) => s.draft);
  const setDraft = useAppStore((s) => s.setDraft);
  const unpin = useAppStore((s) => s.unpin);
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
  }, [ns, t]);
  const b = onScreen(box, view);
  // Above the box, right-aligned with it; below its top edge when there is no room above.
  const left = Math.max(4, Math.min(canvas.w - size.w - 4, b.x + b.w - size.w));
  const top = b.y - size.h - 4 >= 4 ? b.y - size.h - 4 : Math.min(canvas.h - size.h - 4, b.y + 4);
  const isFrom = draft.from === ns;
  const isTo = draft.toKind === 'ns' && draft.to === ns;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const first = ref.current?.querySelector('button:not(:disabled)');
    if (e.key === 'Escape' || (e.key === 'Tab' && e.shiftKey && e.target === first)) {
      e.preventDefault();
      e.stopPropagation();
      onLeave();
    }
  };
  return (
    <div ref={ref} className="pin-actions" role="group" aria-label={t.view.pinActions(ns)} style={{ left, top }} onKeyDown={onKeyDown} data-testid="pin-actions">
      <button type="button" onClick={() => setDraft({ from: ns })} disabled={isFrom} data-testid="send-from">
        {t.view.sendFrom}
      </button>
      <button type="button" onClick={() => setDraft({ toKind: 'ns', to: ns })} disabled={isTo} data-testid="send-to">
        {t.view.sendTo}
      </button>
      <button type="button" className="pin-close" onClick={unpin} aria-label={t.view.unpin} title={t.view.unpin} data-testid="unpin">
        ×
      </button>
    </div>
  );
}
