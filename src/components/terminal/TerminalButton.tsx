import { lazy, Suspense, useRef, useState } from 'react';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';
import './terminal.css';

// The terminal and the cluster model behind it load on the first click.
const TerminalPanel = lazy(() => import('./TerminalPanel').then((m) => ({ default: m.TerminalPanel })));

/** A terminal prompt, after Material Design's "terminal" (Apache 2.0). */
const PROMPT = 'M20 4H4c-1.11 0-2 .9-2 2v12c0 1.1.89 2 2 2h16c1.1 0 2-.9 2-2V6c0-1.1-.89-2-2-2zm0 14H4V8h16v10zm-2-1h-6v-2h6v2zM7.5 17l-1.41-1.41L8.67 13l-2.59-2.59L7.5 9l4 4-4 4z';

/**
 * "Terminal" beside My labs, shown only for a lab that models a Kubernetes cluster (its
 * `cluster`): it opens a panel answering the notes' kubectl and minikube commands for this lab.
 * Closing the panel gives the focus back here.
 */
export function TerminalButton() {
  const t = useStrings().terminal;
  const profile = useAppStore((s) => s.topology.cluster?.profile);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (profile === undefined) return null;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="terminal-anchor">
      <button ref={button} type="button" className="ctl" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)} title={t.buttonHelp(profile)} data-testid="terminal-button">
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={PROMPT} fill="currentColor" />
        </svg>
        <span className="sr-only">{t.button}</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <TerminalPanel onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
