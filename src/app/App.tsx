import { useEffect, useState } from 'react';
import { runJourney, seedTopology, stateAt, type JourneySpec, type Topology } from '../core';
import { AppShell } from '../components/AppShell';
import { createAppStore, type AppStore } from '../store/createAppStore';
import type { JourneyEngine } from '../store/engine';
import { AppStoreProvider } from '../store/StoreContext';
import type { Lang, Theme } from '../store/types';
import { initialLang, initialTheme, savePreferences } from './preferences';

/** The real simulator, as the store consumes it. */
export const coreEngine: JourneyEngine = { runJourney, stateAt };

/** The journey shown on opening: the course notes' cold ping across nodes. */
export const SEED_SPEC: JourneySpec = { from: 'pod1', to: 'pod3', proto: 'icmp', count: 1, ttl: 64, warm: false };

/** The seed journey when the topology has its pods, else the first pod to the first pod of the last node. */
function defaultSpec(t: Topology): JourneySpec {
  const pods = t.machines.map((m) => (m.pods ?? []).map((p) => p.name));
  const all = pods.flat();
  if (all.includes(SEED_SPEC.from) && all.includes(SEED_SPEC.to)) return SEED_SPEC;
  const withPods = pods.filter((p) => p.length > 0);
  const from = withPods[0]?.[0];
  const to = withPods[withPods.length - 1]?.[0];
  return from && to ? { ...SEED_SPEC, from, to } : SEED_SPEC;
}

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
  /** Start in this language / theme instead of the remembered or browser one. */
  lang?: Lang;
  theme?: Theme;
  /** 1-based step to open at. @default 1 */
  step?: number;
}

/** One Packet Journey player with its own store. Mount several on a page and they stay independent. */
export function App({ topology, spec, globalKeys = false, persist = true, engine = coreEngine, lang, theme, step }: AppProps) {
  const [store] = useState<AppStore>(() => {
    const t = topology ?? seedTopology();
    const s = createAppStore({ engine, topology: t, spec: spec ?? defaultSpec(t), lang: lang ?? initialLang(), theme: theme ?? initialTheme() });
    if (step !== undefined) s.getState().seek(step - 1);
    return s;
  });
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
