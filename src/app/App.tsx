import { useEffect, useState } from 'react';
import { runJourney, seedTopology, stateAt, type JourneySpec, type Topology } from '../core';
import { AppShell } from '../components/AppShell';
import { createAppStore, type AppStore } from '../store/createAppStore';
import type { JourneyEngine } from '../store/engine';
import { AppStoreProvider } from '../store/StoreContext';
import { initialLang, initialTheme, savePreferences } from './preferences';

/** The real simulator, as the store consumes it. */
export const coreEngine: JourneyEngine = { runJourney, stateAt };

/** The journey shown on opening: the course notes' cold ping across nodes. */
export const SEED_SPEC: JourneySpec = { from: 'pod1', to: 'pod3', proto: 'icmp', count: 1, ttl: 64, warm: false };

/** Props of {@link App}. */
export interface AppProps {
  topology?: Topology;
  spec?: JourneySpec;
  /** Take playback keys from the whole page; see `AppShell`. @default false */
  globalKeys?: boolean;
  /** Remember language and theme in localStorage. @default true */
  persist?: boolean;
  /** Engine to run; the real one unless a test injects another. */
  engine?: JourneyEngine;
}

/** One Packet Journey player with its own store. Mount several on a page and they stay independent. */
export function App({ topology, spec, globalKeys = false, persist = true, engine = coreEngine }: AppProps) {
  const [store] = useState<AppStore>(() =>
    createAppStore({ engine, topology: topology ?? seedTopology(), spec: spec ?? SEED_SPEC, lang: initialLang(), theme: initialTheme() }),
  );
  useEffect(() => {
    if (!persist) return;
    return store.subscribe((s, prev) => {
      if (s.lang !== prev.lang || s.theme !== prev.theme) savePreferences({ lang: s.lang, theme: s.theme });
    });
  }, [store, persist]);
  useEffect(() => {
    // The stand-alone page is this app: its document speaks the app's language (screen readers, hyphenation).
    if (!globalKeys) return;
    const apply = (lang: string) => document.documentElement.setAttribute('lang', lang);
    apply(store.getState().lang);
    return store.subscribe((s) => apply(s.lang));
  }, [store, globalKeys]);
  return (
    <AppStoreProvider store={store}>
      <AppShell globalKeys={globalKeys} />
    </AppStoreProvider>
  );
}
