import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { hasLanguage, loadLanguage, loadPacksFor, missingPacks } from '../core';
import '../components/i18n/langStrings';
import { EmbedShell } from '../components/embed/EmbedShell';
import { hasFullControls, loadFullControls } from '../components/embed/FullControlsSlot';
import type { PlayerStore } from '../store/createPlayerStore';
import { hasLabReader, loadLabReader } from '../store/labReader';
import { hasScenarios, loadScenarios } from '../store/presets';
import { applyEmbedCommand, EMBED_SOURCE, EMBED_VERSION, embedStep, type EmbedStep } from '../store/embedApi';
// The command methods answer at once, so the element loads the commands' reader (plain code, no zod) from the start.
import { parseEmbedMessage } from '../store/embedMessages';
import { AppStoreProvider } from '../store/StoreContext';
import { createEmbedStore, usePrintStill } from './Embed';
import { EMBED_PARAMS, parseEmbedParams, type EmbedOptions } from './embedParams';
import { KNOWN_PARAMS } from './urlParams';

/*
 * <packet-journey>: the embedded player as a custom element, for pages that would rather not use
 * an iframe. It takes the embed's address parameters as attributes (`preset`, `to`, `step`,
 * `lang`, `controls`…), renders into its own shadow root (the page's styles and the player's
 * never meet), and each element has its own store: several on one page never share state.
 * Commands are methods (`next()`, `goto(3)`…, or `command({ type, … })` with the postMessage
 * API's shapes); events are DOM events (`pj-ready`, `pj-step`, `pj-finished`, `pj-error`) whose
 * `detail` is the postMessage API's plain data.
 */

/** Attributes the element reads: the embed's own and every link parameter, except those that only make sense for a frame. */
export const ELEMENT_ATTRIBUTES: readonly string[] = [...KNOWN_PARAMS, ...EMBED_PARAMS.filter((p) => p !== 'origins' && p !== 'keys' && p !== 'id' && p !== 'channel')];

/** The host's own rules, adopted by each element's shadow root (made once for the page). */
let hostSheet: CSSStyleSheet | null = null;

/** The element's own box: a block of its own size (16:9 unless the page sets a height), never the page's. */
function hostRules(): CSSStyleSheet {
  if (!hostSheet) {
    hostSheet = new CSSStyleSheet();
    hostSheet.replaceSync(':host { display: block; position: relative; aspect-ratio: 16 / 9; min-height: 270px; contain: content; } :host([hidden]) { display: none; } .pj-root { position: absolute; inset: 0; }');
  }
  return hostSheet;
}

/**
 * Links the player's stylesheets (the same files embed.html links, so a page with both fetches them
 * once) into `shadow`; resolves when each has loaded or failed (the player then opens unstyled
 * rather than never). Files, not text in the script: CSS is not JavaScript to parse, and the
 * element's first load stays small (issue 11).
 */
function linkStyles(shadow: ShadowRoot, urls: readonly string[]): Promise<void> {
  const links = urls.map((href) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    return link;
  });
  const loaded = links.map(
    (link) =>
      new Promise<void>((done) => {
        link.addEventListener('load', () => done(), { once: true });
        link.addEventListener('error', () => done(), { once: true });
      }),
  );
  shadow.append(...links);
  return Promise.all(loaded).then(() => undefined);
}

function Player({ store, embed }: { store: PlayerStore; embed: EmbedOptions }) {
  const still = usePrintStill(embed.still);
  return (
    <AppStoreProvider store={store}>
      <EmbedShell controls={embed.controls} caption={embed.caption} still={still} globalKeys={false} />
    </AppStoreProvider>
  );
}

/**
 * Defines `<packet-journey>` (once; a second call is a no-op), styled by the stylesheets at
 * `cssUrls` (the player's and the embed's, absolute URLs beside the script).
 */
export function definePacketJourney(cssUrls: readonly string[]): void {
  if (customElements.get('packet-journey')) return;

  class PacketJourneyElement extends HTMLElement {
    static observedAttributes = ELEMENT_ATTRIBUTES;
    #root: Root | null = null;
    #store: PlayerStore | null = null;
    #unsubscribe: (() => void) | null = null;
    #mount: HTMLDivElement | null = null;
    #queued = false;
    /** How many times the player was opened: a new key, so React starts it afresh. */
    #opened = 0;
    /** The scenarios' catalogue failed to load: open without it rather than wait for it again. */
    #noCatalog = false;
    /** The full controls' chunk failed to load: open without waiting for it again. */
    #noFull = false;
    /** A datapath pack failed to load: open anyway (the store's gate says so) rather than wait for it again. */
    #noPacks = false;
    /** The stylesheets linked into the shadow root have loaded (or failed): the player may open. */
    #styled = false;
    #styles: Promise<void> | null = null;

    connectedCallback(): void {
      if (!this.shadowRoot) {
        const shadow = this.attachShadow({ mode: 'open' });
        shadow.adoptedStyleSheets = [hostRules()];
        this.#styles = linkStyles(shadow, cssUrls).then(() => {
          this.#styled = true;
        });
        this.#mount = document.createElement('div');
        this.#mount.className = 'pj-root';
        shadow.append(this.#mount);
      }
      this.#render();
    }

    disconnectedCallback(): void {
      this.#unsubscribe?.();
      this.#unsubscribe = null;
      this.#root?.unmount();
      this.#root = null;
      this.#store = null;
    }

    attributeChangedCallback(): void {
      // Several attributes set in a row (a framework's render) open the player once.
      if (!this.isConnected || this.#queued) return;
      this.#queued = true;
      queueMicrotask(() => {
        this.#queued = false;
        if (this.isConnected) this.#render();
      });
    }

    /** Where the player is now (the `pj-step` event's data); null before a journey ran. */
    get step(): EmbedStep | null {
      return this.#store ? embedStep(this.#store.getState()) : null;
    }

    /** Carries out a command of the postMessage API (`{ type: 'goto', index: 3 }`…); false, with a `pj-error` event, when it is refused. */
    command(c: Record<string, unknown>): boolean {
      const store = this.#store;
      if (!store) return false;
      const read = parseEmbedMessage({ source: EMBED_SOURCE, version: EMBED_VERSION, ...c });
      if (read === null) return false;
      const lang = store.getState().lang;
      const refuse = (e: { code: string; field?: string; message: { en: string; ru: string } }) => {
        this.#emit('pj-error', { code: e.code, ...(e.field !== undefined ? { field: e.field } : {}), message: e.message[lang] });
        return false;
      };
      if (!read.ok) return refuse(read.error);
      if (read.command.type === 'load' || read.command.type === 'get') {
        if (read.command.type === 'get') this.#emit('pj-step', this.step);
        else refuse({ code: 'type', field: 'type', message: { en: 'load is not available on the element: set its attributes instead.', ru: 'у элемента нет команды load: задайте его атрибуты.' } });
        return read.command.type === 'get';
      }
      const err = applyEmbedCommand(store.getState(), read.command);
      return err ? refuse(err) : true;
    }

    next(): boolean {
      return this.command({ type: 'next' });
    }
    prev(): boolean {
      return this.command({ type: 'prev' });
    }
    play(): boolean {
      return this.command({ type: 'play' });
    }
    pause(): boolean {
      return this.command({ type: 'pause' });
    }
    reset(): boolean {
      return this.command({ type: 'reset' });
    }
    /** Go to step `index` (0-based). */
    goto(index: number): boolean {
      return this.command({ type: 'goto', index });
    }
    /** Go to chapter `n` (1-based). */
    chapter(n: number): boolean {
      return this.command({ type: 'chapter', chapter: n });
    }

    #emit(type: string, detail: unknown): void {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }

    /**
     * Opens the player again once `loading` has loaded, if the element is still on the page. With
     * `failed`, a load that fails runs it (it marks the load, so the next open does not wait for it
     * again) and opens too; without, a failed load opens nothing (no retry loop).
     */
    #renderAfter(loading: Promise<unknown>, failed?: () => void): void {
      const settled = failed ? loading.catch(failed) : loading;
      void settled.then(() => {
        if (this.isConnected) this.#render();
      });
    }

    /** (Re)opens the player as the attributes say: a new store, so nothing of the last one stays. */
    #render(): void {
      // Opened once its stylesheets are here, so the drawing never shows unstyled for a moment.
      if (!this.#styled) {
        this.#renderAfter(this.#styles ?? Promise.resolve());
        return;
      }
      const q = new URLSearchParams();
      for (const name of ELEMENT_ATTRIBUTES) {
        const v = this.getAttribute(name);
        if (v !== null) q.set(name, v);
      }
      // The scenarios' catalogue only when the attributes name one (store/presets.ts), read before them;
      // one that fails to load leaves the scenario unknown, said as for a wrong name.
      // A lab attribute is read through the lab file's schema, loaded for it alone (store/labReader.ts).
      if (q.has('lab') && !hasLabReader()) {
        this.#renderAfter(loadLabReader());
        return;
      }
      // The full controls (controls="full") load before the player opens, so its footer is drawn with it.
      // Ones that fail to load come with their chunk later (FullControlsSlot), rather than being waited for again.
      if (q.get('controls') === 'full' && !hasFullControls() && !this.#noFull) {
        this.#renderAfter(loadFullControls(), () => {
          this.#noFull = true;
        });
        return;
      }
      if (q.has('preset') && !hasScenarios() && !this.#noCatalog) {
        this.#renderAfter(loadScenarios(), () => {
          this.#noCatalog = true;
        });
        return;
      }
      const { embed, link } = parseEmbedParams(`?${q.toString()}`);
      // The narrator and the interface's texts come one language at a time (core/i18n/languages.ts): open once they are here.
      const lang = link.lang ?? 'en';
      if (!hasLanguage(lang)) {
        this.#renderAfter(loadLanguage(lang));
        return;
      }
      // …and so do the datapath packs its lab needs (core/packs.ts); one that fails to load is said by the store's gate.
      if (link.topology && !this.#noPacks && missingPacks(link.topology).length > 0) {
        this.#renderAfter(loadPacksFor(link.topology), () => {
          this.#noPacks = true;
        });
        return;
      }
      this.#unsubscribe?.();
      const store = createEmbedStore(link);
      this.#store = store;
      this.#unsubscribe = store.subscribe((s, prev) => {
        if (s.index === prev.index && s.result === prev.result && s.lang === prev.lang) return;
        const step = embedStep(s);
        this.#emit('pj-step', step);
        if (step?.atEnd) this.#emit('pj-finished', { total: step.total, events: step.events });
      });
      if (!this.#root && this.#mount) this.#root = createRoot(this.#mount);
      this.#root?.render(
        <StrictMode>
          <Player key={++this.#opened} store={store} embed={embed} />
        </StrictMode>,
      );
      this.#emit('pj-ready', { step: this.step, lang: store.getState().lang });
      for (const m of link.linkErrors) this.#emit('pj-error', { code: 'link', message: m[store.getState().lang] });
      if (embed.autoplay) store.getState().play();
    }
  }

  customElements.define('packet-journey', PacketJourneyElement);
}
