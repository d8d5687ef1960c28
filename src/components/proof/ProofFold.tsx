import { lazy, Suspense, useState } from 'react';
import { hasProof } from '../../core/proof/proofShown';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';

/** The commands, their texts and the proofs' code: one chunk, fetched when the fold is first opened (or about to be). */
const loadBlock = () => import('./ProofBlock');
const ProofBlock = lazy(loadBlock);

/**
 * "Check it on real Linux" under the detailed explanation, folded: a `<details>` whose summary is
 * drawn with the page (its title is in `STRINGS`, and `hasProof` says from the event alone whether
 * there is anything to check), while what it opens onto (`ProofBlock`) loads when it is opened;
 * the pointer reaching the summary, or the focus, starts the fetch, so a click finds it there.
 * Nothing when no command shows the event. Opened, it stays open from event to event (one without a
 * proof hides it, the next with one shows it open again), so a class can follow the commands along.
 */
export function ProofFold() {
  const t = useStrings();
  const shown = useAppStore((s) => s.result !== null && hasProof(s.result, s.index));
  const cluster = useAppStore((s) => Boolean(s.topology.cluster));
  const [open, setOpen] = useState(false);
  if (!shown) return null;
  const preload = () => void loadBlock();
  return (
    <details className="proof" data-testid="proof" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary onPointerEnter={preload} onFocus={preload}>
        {cluster ? t.panels.proofCluster : t.panels.proof}
      </summary>
      {open && (
        // A line's room while the chunk arrives (a few milliseconds after the click), so the text under it moves once.
        <Suspense fallback={<p className="proof-row" aria-busy="true">{'\u00a0'}</p>}>
          <ProofBlock />
        </Suspense>
      )}
    </details>
  );
}
