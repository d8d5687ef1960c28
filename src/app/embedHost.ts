import type { Bilingual } from '../core';
import type { PlayerStore } from '../store/createPlayerStore';
import { applyEmbedCommand, EMBED_SOURCE, EMBED_VERSION, embedStep, type EmbedCommand, type EmbedError, type EmbedJourney } from '../store/embedApi';
import type { parseEmbedMessage } from '../store/embedMessages';
import type { EmbedOptions } from './embedParams';
import { hasLabReader, loadLabReader } from '../store/labReader';
import { hasScenarios, loadScenarios } from '../store/presets';
import { parseUrlParams } from './urlParams';

/*
 * The embed's side of the postMessage API (docs/embed-api.md): it obeys commands from the page
 * that embeds it when that page's origin is allowed, reports its steps to that page only, hands
 * the deck's keys to it, and keeps windows of the same deck on the same step (BroadcastChannel).
 */

/** What an event of this API carries besides its own fields. */
type Envelope = { source: typeof EMBED_SOURCE; version: typeof EMBED_VERSION; type: string; id?: string };

/** Where events go: the embedding window, through its allowed origins; tests pass their own. */
export interface EmbedPeer {
  /** Send one message to the embedding page, for it only: `targetOrigin` is an allowed origin or, only when `*` is allowed, `*`. */
  post: (message: Envelope & Record<string, unknown>, targetOrigin: string) => void;
}

/** The origins allowed: the embed's own origin, then those the address lists. */
export function allowedOrigins(own: string, listed: readonly string[]): string[] {
  return [...new Set([own, ...listed])];
}

/** Whether a message from `origin` may drive this embed. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes('*') || allowed.includes(origin);
}

/**
 * The origin of the page that embeds `win`: `location.ancestorOrigins` where the browser has it
 * (Chromium, WebKit), else the referrer's origin (browsers send at least the origin to another
 * site); null when neither says.
 */
export function parentOrigin(win: Window): string | null {
  const anc = (win.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  const first = anc && anc.length > 0 ? anc.item(0) : null;
  if (first) return first;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    return null;
  }
}

/** Whether a message says it is this API's (its `source`); reading it says the rest. */
function isOurs(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === EMBED_SOURCE;
}

/** Opens the lab and journey of a `load` command, through the same reading as links; the refusal otherwise. */
function load(store: PlayerStore, c: Extract<EmbedCommand, { type: 'load' }>): EmbedError | null {
  const q = new URLSearchParams();
  if (c.lab !== undefined) q.set('lab', c.lab);
  else if (c.preset !== undefined) q.set('preset', c.preset);
  const j: EmbedJourney = c.journey ?? {};
  for (const [k, v] of Object.entries(j)) q.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  const read = parseUrlParams(`?${q.toString()}`);
  if (read.linkErrors.length > 0) {
    const first = read.linkErrors[0] as Bilingual;
    return { code: 'load', field: c.lab !== undefined ? 'lab' : c.preset !== undefined ? 'preset' : 'journey', message: first };
  }
  const s = store.getState();
  const topology = read.topology ?? (c.preset === undefined && c.lab === undefined ? s.topology : undefined);
  if (!topology) return null;
  s.openLab(topology, read.spec ? { spec: read.spec } : {});
  if (read.preset !== undefined) store.setState({ preset: read.preset });
  const after = store.getState();
  if (after.engineError) return { code: 'load', field: 'journey', message: after.engineError };
  return null;
}

/** Resolves once the store's lab has its datapath packs (the store's gate: `packsPending` false). */
function packsHere(store: PlayerStore): Promise<void> {
  return new Promise((resolve) => {
    if (!store.getState().packsPending) return resolve();
    const off = store.subscribe((s) => {
      if (s.packsPending) return;
      off();
      resolve();
    });
  });
}

/**
 * Connects an embedded app's store to the page around it: reads `message` events from `win`,
 * posts `ready`, `step`, `finished`, `error` and `key` events through `peer`, and syncs with other
 * windows on `opts.channel`. What was wrong with the embed's address (`linkErrors`) follows `ready`
 * as `error` events (code `link`). Returns the function that disconnects it all.
 */
export function connectEmbed(store: PlayerStore, opts: EmbedOptions, win: Window, peer: EmbedPeer | null, linkErrors: readonly Bilingual[] = []): () => void {
  const allowed = allowedOrigins(win.location.origin, opts.origins);
  const parent = parentOrigin(win);
  // Events go to the embedding page's own origin when it is allowed; to '*' only when '*' is.
  const target = parent !== null && allowed.includes(parent) ? parent : allowed.includes('*') ? '*' : null;
  const send = (type: string, body: Record<string, unknown> = {}) => {
    if (!peer || target === null) return;
    const msg = { source: EMBED_SOURCE, version: EMBED_VERSION, type, ...(opts.id !== null ? { id: opts.id } : {}), ...body } as Envelope & Record<string, unknown>;
    peer.post(msg, target);
  };
  const sendError = (e: EmbedError, received: unknown) => {
    const lang = store.getState().lang;
    send('error', { code: e.code, ...(e.field !== undefined ? { field: e.field } : {}), message: e.message[lang], received: typeof received === 'string' ? received : null });
  };
  const sendStep = () => {
    const step = embedStep(store.getState());
    if (step) send('step', { ...step });
  };

  /** Commands waiting behind the messages' reader or a `load` that waits for the scenarios' catalogue. */
  let queue: Promise<void> | null = null;
  /** The messages' reader, loaded with the first message that passes the origin check. */
  let parse: typeof parseEmbedMessage | null = null;
  const answer = (c: EmbedCommand): Promise<void> | undefined => {
    if (c.type === 'get') {
      sendStep();
      return undefined;
    }
    const before = store.getState();
    const err = c.type === 'load' ? load(store, c) : applyEmbedCommand(store.getState(), c);
    const after = store.getState();
    if (!err && after.packsPending) {
      // The new lab's datapath packs are loading (the store's gate): its answer, and the commands
      // after it, wait for them; the journey's first step is told by the store's subscriber.
      return packsHere(store).then(() => {
        const loaded = store.getState();
        if (loaded.engineError) sendError({ code: 'load', field: 'journey', message: loaded.engineError }, c.type);
      });
    }
    if (err) sendError(err, c.type);
    // A command that leaves the player where it was is answered too (a change is told by the store's subscriber).
    else if (after.index === before.index && after.result === before.result) sendStep();
    return undefined;
  };

  const onMessage = (e: MessageEvent) => {
    if (e.source !== win.parent || win.parent === win) return;
    if (!originAllowed(e.origin, allowed)) return;
    const data: unknown = e.data;
    // Pages and their extensions post many messages: only one that looks like ours loads the reader;
    // the messages after it wait behind it, so they are read in the order they came.
    if (parse === null) {
      if (!isOurs(data)) return;
      // A chunk that fails to load (the network went) drops this message, never the ones after it.
      queue = Promise.all([queue, import('../store/embedMessages')])
        .then(([, m]) => {
          parse = m.parseEmbedMessage;
          readMessage(data);
        })
        .catch(() => undefined);
      return;
    }
    if (queue) queue = queue.then(() => readMessage(data));
    else readMessage(data);
  };
  const readMessage = (data: unknown) => {
    const got = parse?.(data) ?? null;
    if (got === null) return;
    const type = (data as { type?: unknown }).type;
    if (!got.ok) return sendError(got.error, type);
    const c = got.command;
    // A `load` of a scenario waits for the scenarios' catalogue (store/presets.ts), one of a lab for
    // the lab reader (store/labReader.ts); the commands after it wait behind it, so they are carried
    // out in the order they came.
    const scenarios = c.type === 'load' && c.preset !== undefined && !hasScenarios();
    const lab = c.type === 'load' && c.lab !== undefined && !hasLabReader();
    if (queue || scenarios || lab) {
      queue = Promise.all([queue, scenarios ? loadScenarios().catch(() => undefined) : undefined, lab ? loadLabReader() : undefined])
        .then(() => answer(c))
        .catch(() => undefined);
      return;
    }
    const waiting = answer(c);
    if (waiting) queue = waiting.catch(() => undefined);
  };
  win.addEventListener('message', onMessage);

  // Keys the deck needs go to the deck (key events never leave an iframe by themselves).
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !opts.passKeys.includes(e.key)) return;
    const t = e.target instanceof Element ? e.target : null;
    if (t?.closest('input, select, textarea')) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    send('key', { key: e.key, code: e.code, shiftKey: e.shiftKey, keyCode: e.keyCode });
  };
  win.addEventListener('keydown', onKey, true);

  // Presenter and audience windows: each step taken here is said on the channel; a step heard there is taken.
  const channel = opts.channel !== null && typeof BroadcastChannel === 'function' ? new BroadcastChannel(`packet-journey:${opts.channel}`) : null;
  if (channel) {
    channel.onmessage = (e: MessageEvent) => {
      const d = e.data as { event?: unknown } | null;
      const ev = typeof d?.event === 'number' ? d.event : null;
      if (ev !== null && ev !== store.getState().index) store.getState().reveal(ev);
    };
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.index === prev.index && s.result === prev.result && s.lang === prev.lang) return;
    sendStep();
    if (s.index !== prev.index || s.result !== prev.result) channel?.postMessage({ event: s.index });
    const step = embedStep(s);
    if (step?.atEnd && (s.index !== prev.index || s.result !== prev.result)) send('finished', { total: step.total, events: step.events });
  });
  const first = embedStep(store.getState());
  send('ready', { ...(first ? { step: first } : {}), lang: store.getState().lang });
  for (const m of linkErrors) sendError({ code: 'link', message: m }, null);
  if (opts.autoplay) store.getState().play();

  return () => {
    win.removeEventListener('message', onMessage);
    win.removeEventListener('keydown', onKey, true);
    unsubscribe();
    channel?.close();
  };
}
