import { lazy, Suspense, useEffect, useState } from 'react';
import { loadPacks, missingPacks, runJourney, samePositionsAside, seedLab, stateAt, type Bilingual } from '../core';
import { AppShell } from '../components/AppShell';
import { PAST_END } from '../components/i18n/pastEnd';
import { createAppStore, type AppStore } from '../store/createAppStore';
import type { JourneyEngine } from '../store/engine';
import { HostProvider, linkParams, type Host } from '../store/link';
import { KeeperProvider } from '../store/shelf';
import { findScenario } from '../store/presets';
import { completeSpec } from '../store/specDraft';
import { AppStoreProvider } from '../store/StoreContext';
import { defaultSpec } from './defaultSpec';
import { parseUrlParams, type OpenOptions } from './urlParams';
import { initialLang, initialTheme, savePreferences } from './preferences';
import { initShelf, useLabKeeping, type LabsOptions } from './useLabKeeping';
import { usePictureDrop } from './pictureDrop';

/** What a dropped picture did: in the export chunk, which the drop has loaded already. */
const DropNote = lazy(() => import('../components/export/ExportButtons').then((m) => ({ default: m.DropNote })));
import type { UrlParams } from './urlParams';

export { SEED_SPEC } from './defaultSpec';

/** The real simulator, as the store consumes it. */
export const coreEngine: JourneyEngine = { runJourney, stateAt, missingPacks, loadPacks };

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
  /**
   * Keep the page's address in step with this app (`history.replaceState`, at most one write per
   * {@link URL_WRITE_MS}, the last change always written): the journey,
   * the event and the view, so a reload or a copied address opens the same thing. Only the page's
   * main app may: two apps on one page would fight over it. @default false
   */
  syncUrl?: boolean;
  /**
   * Address of the player's page that "Copy link" and "Copy embed code" start with. @default this
   * page's address when `syncUrl` is set, else none (the buttons are hidden)
   */
  linkBase?: string;
  /** Keep labs in this browser (autosave, "My labs"); only the page's main app. @default none */
  labs?: LabsOptions;
  /** The `?lab=` the link carried that did not read: offered for download. */
  brokenLab?: UrlParams['brokenLab'];
}

/** Shortest time between two writes of the address bar. */
export const URL_WRITE_MS = 150;

/**
 * Shortest time between two writes when only machines' positions changed since the last one (a
 * drag): the link carries the whole lab, and compressing a 100-machine lab at every other frame
 * would drop frames of the drag. The last position is written once the drag stops.
 */
export const URL_MOVE_MS = 1000;

/** This page's address without its query and fragment. */
function pageBase(): string {
  return window.location.href.split(/[?#]/)[0] ?? '';
}

/** Copy to the clipboard; rejects where the browser has none or refuses (permissions, an iframe without clipboard-write). */
function copyToClipboard(text: string): Promise<void> {
  try {
    const clip = navigator.clipboard as Clipboard | undefined;
    return clip ? clip.writeText(text) : Promise.reject(new Error('no clipboard'));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

/** One Packet Journey player with its own store. Mount several on a page and they stay independent. */
export function App({ topology, spec, globalKeys = false, persist = true, engine = coreEngine, lang, theme, step, speed, follow, panels, hideFuture, linkErrors = [], lab, preset, cniStory, syncUrl = false, linkBase, labs, brokenLab }: AppProps) {
  const [host] = useState<Host>(() => ({ linkBase: linkBase ?? (syncUrl ? pageBase() : null), lab: lab ?? null, copyText: copyToClipboard, readLink: parseUrlParams }));
  const [store] = useState<AppStore>(() => {
    const t = topology ?? seedLab();
    const notices = [...linkErrors];
    const init = {
      engine, topology: t, lang: lang ?? initialLang(), theme: theme ?? initialTheme(), preset: preset ?? null,
      ...(follow !== undefined ? { follow } : {}), ...(panels !== undefined ? { panels } : {}), ...(hideFuture !== undefined ? { hideFuture } : {}),
    };
    // A scenario's lab has its own journey: the one to fall back on when a link changed it badly.
    const own = preset !== undefined ? findScenario(preset)?.journey : undefined;
    const fallback = own ? completeSpec(t, own) : defaultSpec(t);
    let s = createAppStore({ ...init, spec: spec ?? fallback });
    const rejected = s.getState().engineError;
    if (!s.getState().result && spec && rejected) {
      // The asked journey cannot run: say why, and show the lab's default journey rather than nothing.
      s = createAppStore({ ...init, spec: fallback });
      notices.push({ en: `${rejected.en} Showing ${fallback.from} → ${fallback.to} instead.`, ru: `${rejected.ru} Вместо него показан путь ${fallback.from} → ${fallback.to}.` });
    }
    if (speed !== undefined) s.getState().setSpeed(speed);
    if (step !== undefined) {
      const n = s.getState().result?.events.length ?? 0;
      if (step > n && n > 0) notices.push({ en: PAST_END.en(step, n), ru: PAST_END.ru(step, n) });
      s.getState().reveal(step - 1);
    }
    if (notices.length > 0) s.setState({ notices });
    initShelf(s, labs?.start, brokenLab);
    return s;
  });
  const keeper = useLabKeeping(store, labs);
  // A link to a CNI scenario plays it over the lab once its code has loaded.
  useEffect(() => {
    if (cniStory !== undefined) void store.getState().openCniStory(cniStory);
  }, [store, cniStory]);
  // The page's main app takes pictures dropped on the page (their lab opens here).
  const dropped = usePictureDrop(store, syncUrl, keeper);
  useEffect(() => {
    if (!persist) return;
    return store.subscribe((s, prev) => {
      if (s.lang !== prev.lang || s.langWanted !== prev.langWanted || s.theme !== prev.theme) savePreferences({ lang: s.langWanted ?? s.lang, theme: s.theme });
    });
  }, [store, persist]);
  useEffect(() => {
    // The stand-alone page is this app: its document speaks the app's language (screen readers, hyphenation).
    if (!globalKeys) return;
    // Only a change is written: setting <html lang> restyles the whole document (it is inherited),
    // and the store changes at every move of a drag.
    const apply = (lang: string) => {
      if (document.documentElement.getAttribute('lang') !== lang) document.documentElement.setAttribute('lang', lang);
    };
    apply(store.getState().lang);
    return store.subscribe((s) => apply(s.lang));
  }, [store, globalKeys]);
  useEffect(() => {
    // The address is the state: it follows the journey shown, the event and the view. A change is
    // written at once (a reload right after it keeps it); changes closer together than
    // URL_WRITE_MS (playing at 4×, dragging the slider) are gathered into one write at the end of
    // that time, so the browser's limit on history updates is never reached.
    if (!syncUrl) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -Infinity;
    let written = store.getState().topology;
    const write = () => {
      timer = undefined;
      last = performance.now();
      written = store.getState().topology;
      const q = linkParams(store.getState(), host.lab);
      if (q === null || window.location.search === `?${q}`) return;
      try {
        window.history.replaceState(window.history.state, '', `?${q}${window.location.hash}`);
      } catch {
        // A sandboxed or opaque document may refuse: the page works, only its address stays.
      }
    };
    write();
    const unsubscribe = store.subscribe((st) => {
      if (timer !== undefined) return;
      const moved = st.topology !== written && samePositionsAside(written, st.topology);
      const wait = last + (moved ? URL_MOVE_MS : URL_WRITE_MS) - performance.now();
      if (wait <= 0) write();
      else timer = setTimeout(write, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, syncUrl, host]);
  return (
    <AppStoreProvider store={store}>
      <HostProvider value={host}>
        <KeeperProvider value={keeper}>
          <AppShell globalKeys={globalKeys} />
          {dropped.result && (
            <Suspense fallback={null}>
              <DropNote result={dropped.result} onClose={dropped.dismiss} />
            </Suspense>
          )}
        </KeeperProvider>
      </HostProvider>
    </AppStoreProvider>
  );
}
