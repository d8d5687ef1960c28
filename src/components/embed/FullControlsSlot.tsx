import { lazy, Suspense, useState, type ComponentType } from 'react';

/*
 * The full controls (`controls=full`: FullControls.tsx, with the link buttons, the export menu and
 * the chapters' contents) load on demand: the embed's default is minimal, and most slides show no
 * more. The pages load them before their first render when their address asks for them
 * (`loadFullControlsFor`), so such a player draws its footer at once; otherwise (a test mounting
 * the shell directly) the footer comes with its chunk.
 */

let loaded: ComponentType | null = null;
let loading: Promise<ComponentType> | null = null;

function load(): Promise<ComponentType> {
  // A chunk that failed to load (the network went) is asked for again next time.
  loading ??= import('./FullControls').then(
    (m) => (loaded = m.FullControls),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Loads the full controls (once); resolves when {@link FullControlsSlot} draws them at once. */
export function loadFullControls(): Promise<void> {
  return load().then(() => undefined);
}

/** Whether the full controls are loaded. */
export function hasFullControls(): boolean {
  return loaded !== null;
}

/** Loads the full controls when the embed's parameters in `search` ask for them (`?controls=full`); resolves at once otherwise. */
export function loadFullControlsFor(search: string): Promise<void> {
  return new URLSearchParams(search).get('controls') === 'full' ? loadFullControls() : Promise.resolve();
}

const LazyFull = lazy(() => load().then((c) => ({ default: c })));

/** The full controls: drawn at once when loaded, otherwise as soon as their chunk arrives. */
export function FullControlsSlot() {
  // One component for the mount's whole life: switching to the loaded one later would remount the footer.
  const [Full] = useState<ComponentType>(() => loaded ?? LazyFull);
  return (
    <Suspense fallback={null}>
      <Full />
    </Suspense>
  );
}
