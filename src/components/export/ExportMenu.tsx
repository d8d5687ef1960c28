import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useAppStore } from '../../store/StoreContext';
import { usePlayerStrings } from '../i18n/usePlayerStrings';

/*
 * The export menu's button, on the first page; its items, what they do (pictures, handout, offline
 * page) and their texts are one lazy chunk (`ExportButtons.tsx`), fetched when the pointer or the
 * focus reaches the button, so the first page does not carry them.
 */

const loadItems = () => import('./ExportButtons');
const ExportItems = lazy(loadItems);

/** Fetches the items' chunk ahead of the click (once: the module loader keeps it). */
function preload(): void {
  void loadItems();
}

/** After Material Design's "ios_share" (Apache 2.0), in the player's 24-unit style. */
const MENU_PATH = 'M16 5l-1.42 1.42-1.59-1.59V16h-1.98V4.83L9.42 6.42 8 5l4-4 4 4zm4 5v11c0 1.1-.9 2-2 2H6c-1.11 0-2-.9-2-2V10c0-1.11.89-2 2-2h3v2H6v11h12V10h-3V8h3c1.1 0 2 .89 2 2z';

/** The export menu beside the link buttons: one button, its items above it once open. */
export function ExportMenu() {
  const t = usePlayerStrings().share;
  const ready = useAppStore((s) => s.result !== null);
  const [open, setOpen] = useState(false);
  // Mounted from the first open on, so the items' status line and handout outlive the menu.
  const [used, setUsed] = useState(false);
  const menuId = useId();
  const at = useRef<HTMLSpanElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <span className="export-buttons" ref={at}>
      <button
        type="button"
        className="ctl"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t.exportMenu}
        title={t.exportMenu}
        disabled={!ready}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          setUsed(true);
          setOpen(!open);
        }}
        ref={opener}
        data-testid="export-menu"
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={MENU_PATH} fill="currentColor" />
        </svg>
      </button>
      {used && (
        <Suspense fallback={null}>
          <ExportItems open={open} setOpen={setOpen} menuId={menuId} label={t.exportMenu} at={at} opener={opener} />
        </Suspense>
      )}
    </span>
  );
}
