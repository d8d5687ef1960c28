import { useEffect, useState } from 'react';
import { runJourney, seedTopology, stateAt, type Bilingual } from '../core';
import { AppShell } from '../components/AppShell';
import { STRINGS } from '../components/i18n/strings';
import { createAppStore, type AppStore } from '../store/createAppStore';
import type { JourneyEngine } from '../store/engine';
import { AppStoreProvider } from '../store/StoreContext';
import { defaultSpec } from './defaultSpec';
import type { OpenOptions } from './urlParams';
import { initialLang, initialTheme, savePreferences } from './preferences';

export { SEED_SPEC } from './defaultSpec';

/** The real simulator, as the store consumes it. */
export const coreEngine: JourneyEngine = { runJourney, stateAt };

/** Props of {@link App}: what to open with, plus how the app is hosted. */
export interface AppProps extends OpenOptions {
  /** Take playback keys from the whole page; see `AppShell`. @default false */
  globalKeys?: boolean;
  /** Remember language and theme in localStorage. @default true */
  persist?: boolean;
  /** Engine to run; the real one unless a test injects another. */
  engine?: JourneyEngine;
  /** What was wrong with the link that opened the app; shown on the page until dismissed. */
  linkErrors?: readonly Bilingual[];
}

/** One Packet Journey player with its own store. Mount several on a page and they stay independent. */
export function App({ topology, spec, globalKeys = false, persist = true, engine = coreEngine, lang, theme, step, speed, follow, panels, linkErrors = [] }: AppProps) {
  const [store] = useState<AppStore>(() => {
    const t = topology ?? seedTopology();
    const notices = [...linkErrors];
    const init = { engine, topology: t, lang: lang ?? initialLang(), theme: theme ?? initialTheme(), ...(follow !== undefined ? { follow } : {}), ...(panels !== undefined ? { panels } : {}) };
    let s = createAppStore({ ...init, spec: spec ?? defaultSpec(t) });
    const rejected = s.getState().engineError;
    if (!s.getState().result && spec && rejected) {
      // The asked journey cannot run: say why, and show the lab's default journey rather than nothing.
      s = createAppStore({ ...init, spec: defaultSpec(t) });
      notices.push({ en: `${rejected.en} Showing ${defaultSpec(t).from} → ${defaultSpec(t).to} instead.`, ru: `${rejected.ru} Вместо него показан путь ${defaultSpec(t).from} → ${defaultSpec(t).to}.` });
    }
    if (speed !== undefined) s.getState().setSpeed(speed);
    if (step !== undefined) {
      const n = s.getState().result?.events.length ?? 0;
      if (step > n && n > 0) notices.push({ en: STRINGS.en.notices.pastEnd(step, n), ru: STRINGS.ru.notices.pastEnd(step, n) });
      s.getState().seek(step - 1);
    }
    if (notices.length > 0) s.setState({ notices });
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
