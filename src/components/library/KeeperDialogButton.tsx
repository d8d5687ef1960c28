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
  /** The dialog (lazy): the loaded keeper (null: its code or storage could not load), and how to close (the focus returns to the button). */
  dialog: (keeper: Keeper | null, close: () => void, done: () => void) => ReactNode;
}

/**
 * An icon button beside the link buttons that opens a dialog working on the kept labs (My labs,
 * Import a cluster): the keeper loads on the first click, the dialog's chunk with it; closing
 * gives the focus back to the button. Nothing where the page keeps no labs (embeds).
 */
export function KeeperDialogButton({ icon, label, title, testId, className, dialog }: KeeperDialogButtonProps) {
  const host = useKeeperHost();
  // Open once the keeper is here (a box, as a null keeper still opens the dialog, which says so).
  const [opened, setOpened] = useState<{ keeper: Keeper | null } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  if (!host) return null;
  const open = () => {
    void host
      .load()
      .catch(() => null)
      .then((keeper) => setOpened({ keeper }));
  };
  const close = () => {
    setOpened(null);
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
      {opened && <Suspense fallback={null}>{dialog(opened.keeper, close, () => setOpened(null))}</Suspense>}
    </div>
  );
}
