import { Suspense, useRef, useState, type ReactNode } from 'react';
import type { Keeper } from '../../store/keeper';
import { useKeeperHost } from '../../store/shelf';

/** Props of {@link KeeperDialogButton}. */
export interface KeeperDialogButtonProps {
  /** The icon's path data (24×24 view box). */
  icon: string;
  /** The button's name for screen readers, and its tooltip. */
  label: string;
  title: string;
  testId: string;
  /** Extra class of the wrapper (`labs` always). */
  className?: string;
  /** The dialog (lazy): the keeper as it loads, and how to close (the focus returns to the button). */
  dialog: (keeper: Promise<Keeper | null>, close: () => void, done: () => void) => ReactNode;
}

/**
 * An icon button beside the link buttons that opens a dialog working on the kept labs (My labs,
 * Import a cluster): the keeper loads on the first click, the dialog's chunk with it; closing
 * gives the focus back to the button. Nothing where the page keeps no labs (embeds).
 */
export function KeeperDialogButton({ icon, label, title, testId, className, dialog }: KeeperDialogButtonProps) {
  const host = useKeeperHost();
  const [keeper, setKeeper] = useState<Promise<Keeper | null> | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  if (!host) return null;
  const open = () => setKeeper(host.load().catch(() => null));
  const close = () => {
    setKeeper(null);
    button.current?.focus();
  };
  return (
    <div className={className ? `labs ${className}` : 'labs'}>
      <button ref={button} type="button" className="ctl labs-btn" aria-haspopup="dialog" onClick={open} title={title} data-testid={testId}>
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={icon} fill="currentColor" />
        </svg>
        <span className="sr-only">{label}</span>
      </button>
      {keeper && <Suspense fallback={null}>{dialog(keeper, close, () => setKeeper(null))}</Suspense>}
    </div>
  );
}
