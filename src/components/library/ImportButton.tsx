import { lazy, Suspense, useRef, useState } from 'react';
import type { Keeper } from '../../store/keeper';
import { useKeeperHost } from '../../store/shelf';
import { useStrings } from '../i18n/useStrings';

// The dialog, the import's core and the CNI model it builds with load on the first click.
const ImportDialog = lazy(() => import('../import/ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** A network of three boxes with an arrow into it, after Material Design's "lan" and "input" (Apache 2.0). */
const ICON = 'M13 22h8v-7h-3v-4h-5V9h3V2H8v7h3v2H6v4H3v7h8v-7H8v-2h8v2h-3z';

/**
 * "Import a cluster" beside My labs: an icon with its name for screen readers and as a tooltip.
 * It opens the import dialog; closing it gives the focus back here. Hidden where the page keeps
 * no labs (embeds), and in windows narrower than 1100 px, where the footer's timeline needs the
 * room (My labs has the same button).
 */
export function ImportButton() {
  const t = useStrings().library;
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
    <div className="labs import-anchor">
      <button ref={button} type="button" className="ctl labs-btn" aria-haspopup="dialog" onClick={open} title={t.importClusterHelp} data-testid="import-cluster">
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={ICON} fill="currentColor" />
        </svg>
        <span className="sr-only">{t.importCluster}</span>
      </button>
      {keeper && (
        <Suspense fallback={null}>
          <ImportDialog keeper={keeper} onClose={close} onImported={() => setKeeper(null)} />
        </Suspense>
      )}
    </div>
  );
}
