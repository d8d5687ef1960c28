import { useEffect, useState } from 'react';
import { loadPacks, missingPacks, runJourney, seedLab, stateAt } from '../core';
import { EmbedShell } from '../components/embed/EmbedShell';
import { createPlayerStore, type PlayerStore } from '../store/createPlayerStore';
import type { JourneyEngine } from '../store/engine';
import { findScenario } from '../store/presets';
import { completeSpec } from '../store/specDraft';
import { AppStoreProvider } from '../store/StoreContext';
import { defaultSpec } from './defaultSpec';
import { connectEmbed, type EmbedPeer } from './embedHost';
import type { EmbedOptions } from './embedParams';
import type { UrlParams } from './urlParams';

const engine: JourneyEngine = { runJourney, stateAt, missingPacks, loadPacks };

/**
 * The store of one embedded player, opened as its address says (`UrlParams` from
 * `parseEmbedParams`): the drawing follows the packet unless `follow=0`, the side panels are never
 * shown, and what was wrong with the address goes to the page as an `error` event and is said on the frame until closed.
 */
export function createEmbedStore(link: UrlParams): PlayerStore {
  const t = link.topology ?? seedLab();
  const own = link.preset !== undefined ? findScenario(link.preset)?.journey : undefined;
  const fallback = own ? completeSpec(t, own) : defaultSpec(t);
  const init = { engine, topology: t, lang: link.lang ?? 'en', theme: link.theme ?? 'light', preset: link.preset ?? null, follow: link.follow ?? true, panels: false } as const;
  let s = createPlayerStore({ ...init, notices: [...link.linkErrors], spec: link.spec ?? fallback });
  if (!s.getState().result && link.spec) s = createPlayerStore({ ...init, notices: [...link.linkErrors], spec: fallback });
  if (link.speed !== undefined) s.getState().setSpeed(link.speed);
  if (link.step !== undefined) s.getState().reveal(link.step - 1);
  return s;
}

/** Whether the page is being printed now (the print media query; `beforeprint` comes first). */
function printing(): boolean {
  return typeof matchMedia === 'function' && matchMedia('print').matches;
}

/**
 * A still picture while the page prints (`beforeprint`, the print media query), or always when
 * the address asks (`still=1`, set by a deck printing to PDF, such as reveal.js's `?print-pdf`).
 */
export function usePrintStill(asked: boolean): boolean {
  const [still, setStill] = useState(() => asked || printing());
  useEffect(() => {
    if (asked) return;
    const on = () => setStill(true);
    const off = () => setStill(printing());
    const mq = typeof matchMedia === 'function' ? matchMedia('print') : null;
    const change = () => setStill(printing());
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    mq?.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      mq?.removeEventListener('change', change);
    };
  }, [asked]);
  return still;
}

/** Props of {@link EmbedApp}. */
export interface EmbedAppProps {
  link: UrlParams;
  embed: EmbedOptions;
  /** Where events go; null: nowhere (a page with no parent). */
  peer: EmbedPeer | null;
}

/**
 * The embedded player of `embed.html`: its own store, connected to the page around it by the
 * postMessage API (`connectEmbed`); a bad address is reported to the page as an `error` event.
 */
export function EmbedApp({ link, embed, peer }: EmbedAppProps) {
  const [store] = useState(() => createEmbedStore(link));
  const still = usePrintStill(embed.still);
  useEffect(() => connectEmbed(store, embed, window, peer, link.linkErrors), [store, embed, peer, link]);
  useEffect(() => {
    // The frame's document speaks the player's language (screen readers, hyphenation); written only when it changes.
    const apply = (lang: string) => {
      if (document.documentElement.getAttribute('lang') !== lang) document.documentElement.setAttribute('lang', lang);
    };
    apply(store.getState().lang);
    return store.subscribe((s) => apply(s.lang));
  }, [store]);
  return (
    <AppStoreProvider store={store}>
      <EmbedShell controls={embed.controls} caption={embed.caption} still={still} />
    </AppStoreProvider>
  );
}
