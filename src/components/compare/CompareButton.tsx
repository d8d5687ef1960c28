import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { compareOffered } from '../../core/compare/offered';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';

// The dialog, its two players and the figures load on the first click.
const CompareDialog = lazy(() => import('./CompareDialog').then((m) => ({ default: m.CompareDialog })));

/**
 * "Compare modes" beside My labs and the terminal, for a lab whose nodes can take more than one datapath
 * mode (two or more Kubernetes nodes with pod subnets): it opens the side-by-side comparison of
 * the journey's first packet. Closing it gives the focus back here.
 */
export function CompareButton() {
  const t = useStrings().compare;
  const topology = useAppStore((s) => s.topology);
  const hasJourney = useAppStore((s) => s.result !== null);
  const offered = useMemo(() => compareOffered(topology), [topology]);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // The focus goes back once the modal dialog has left the page (before, the browser would take it again).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!offered) return null;
  const close = () => setOpen(false);
  return (
    <>
      {/* An icon with its name for screen readers and as a tooltip, beside My labs: the footer's one row keeps room for the chapters. */}
      <button ref={button} type="button" className="ctl compare-btn" aria-haspopup="dialog" aria-label={t.button} disabled={!hasJourney} onClick={() => setOpen(true)} title={`${t.button}: ${t.buttonHelp}`} data-testid="compare-modes">
        <span aria-hidden="true">⇆</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <CompareDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
