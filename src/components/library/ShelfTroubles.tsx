import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/StoreContext';

// Troubles are rare (storage refused, a damaged autosave or link): their banner loads only then.
const TroubleBanner = lazy(() => import('./TroubleBanner').then((m) => ({ default: m.TroubleBanner })));

/** The banner about kept labs (see `TroubleBanner`), loaded when there is something to say. */
export function ShelfTroubles() {
  const any = useAppStore((s) => s.shelf.troubles.length > 0);
  return any ? (
    <Suspense fallback={null}>
      <TroubleBanner />
    </Suspense>
  ) : null;
}
