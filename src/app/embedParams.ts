import type { Bilingual } from '../core';
import { parseUrlParams, type UrlParams } from './urlParams';

/** Which controls the embed shows: none (the drawing and its caption), minimal (step buttons and the counter), full (the player's controls and timeline). */
export type EmbedControls = 'none' | 'minimal' | 'full';

/**
 * Keys an embed hands to the deck around it by default, even while it has the focus: presentation
 * clickers send PageUp/PageDown, decks move with the arrows. `?keys=` changes the list.
 */
export const DEFAULT_PASS_KEYS: readonly string[] = ['PageUp', 'PageDown', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/** What an embed's address asks of it beyond what any link asks (see {@link parseEmbedParams}). */
export interface EmbedOptions {
  controls: EmbedControls;
  /** Start playing once loaded. */
  autoplay: boolean;
  /** Show this step's one-line explanation under the drawing. */
  caption: boolean;
  /** Origins whose messages are obeyed and which receive events; the embedding page's own origin is always one. `*`: any. */
  origins: readonly string[];
  /** BroadcastChannel name: windows of the same deck with the same name stay on the same step. */
  channel: string | null;
  /** Keys passed to the parent page (as `key` events), never acted on here. */
  passKeys: readonly string[];
  /** Echoed in every event, so a page can tell its embeds apart without comparing windows. */
  id: string | null;
  /** Show a still picture (no controls, no animation), as when printing; decks printing to PDF set it. */
  still: boolean;
}

/** The embed's own parameters, in the order its documentation lists them. */
export const EMBED_PARAMS = ['controls', 'autoplay', 'caption', 'origins', 'channel', 'keys', 'id', 'still'] as const;

const KEY_NAME = /^([A-Za-z][A-Za-z0-9]{0,20}|Space)$/;
const NAME = /^[A-Za-z0-9_.:-]{1,64}$/;

function bad(name: string, value: string, en: string, ru: string): Bilingual {
  const v = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return { en: `?${name}=${v}: ${en}`, ru: `?${name}=${v}: ${ru}` };
}

function flag(q: URLSearchParams, name: string, errors: Bilingual[], fallback: boolean): boolean {
  const v = q.get(name);
  if (v === null) return fallback;
  if (v === '1' || v === '0') return v === '1';
  errors.push(bad(name, v, 'must be 1 or 0.', 'должно быть 1 или 0.'));
  return fallback;
}

/** An origin as browsers write it (`https://host[:port]`), or null. */
export function normalOrigin(v: string): string | null {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v.replace(/\/$/, '') ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Reads an embed's address: its own parameters ({@link EMBED_PARAMS}), then every link parameter
 * (`parseUrlParams`: lab, journey, step, language, theme…). As with links, a bad value is named
 * in `linkErrors` in both languages and its default is used. `origins` is a comma-separated list
 * of origins, or `*`; `keys` a comma-separated list of `KeyboardEvent.key` names (`Space` for the
 * space bar), or `none`.
 */
export function parseEmbedParams(search: string): { embed: EmbedOptions; link: UrlParams } {
  const q = new URLSearchParams(search);
  const errors: Bilingual[] = [];
  const rest = new URLSearchParams();
  for (const [k, v] of q) if (!(EMBED_PARAMS as readonly string[]).includes(k)) rest.append(k, v);
  let controls: EmbedControls = 'minimal';
  const c = q.get('controls');
  if (c !== null) {
    if (c === 'none' || c === 'minimal' || c === 'full') controls = c;
    else errors.push(bad('controls', c, 'must be none, minimal or full; showing minimal.', 'должно быть none, minimal или full; показаны minimal.'));
  }
  const origins: string[] = [];
  for (const o of (q.get('origins') ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const n = o === '*' ? '*' : normalOrigin(o);
    if (n === null) errors.push(bad('origins', o, 'is not an origin (https://host or https://host:port); it was left out.', 'не источник (https://host или https://host:port); он пропущен.'));
    else origins.push(n);
  }
  const channelRaw = q.get('channel');
  let channel: string | null = null;
  if (channelRaw !== null) {
    if (NAME.test(channelRaw)) channel = channelRaw;
    else errors.push(bad('channel', channelRaw, 'a channel name is 1 to 64 letters, digits, and . _ : -; windows are not kept in step.', 'имя канала — от 1 до 64 латинских букв, цифр и знаков . _ : -; окна не синхронизируются.'));
  }
  const idRaw = q.get('id');
  let id: string | null = null;
  if (idRaw !== null) {
    if (NAME.test(idRaw)) id = idRaw;
    else errors.push(bad('id', idRaw, 'an id is 1 to 64 letters, digits, and . _ : -; events carry none.', 'id — от 1 до 64 латинских букв, цифр и знаков . _ : -; события идут без него.'));
  }
  let passKeys = DEFAULT_PASS_KEYS;
  const keys = q.get('keys');
  if (keys !== null) {
    const list = keys === 'none' ? [] : keys.split(',').map((x) => x.trim()).filter(Boolean);
    const wrong = list.filter((k) => !KEY_NAME.test(k));
    if (wrong.length > 0) errors.push(bad('keys', keys, `${wrong.join(', ')}: not a key name (ArrowRight, PageDown, Space, n…); these were left out.`, `${wrong.join(', ')}: не имя клавиши (ArrowRight, PageDown, Space, n…); они пропущены.`));
    passKeys = list.filter((k) => KEY_NAME.test(k)).map((k) => (k === 'Space' ? ' ' : k));
  }
  const embed: EmbedOptions = {
    controls,
    autoplay: flag(q, 'autoplay', errors, false),
    caption: flag(q, 'caption', errors, true),
    origins,
    channel,
    passKeys,
    id,
    still: flag(q, 'still', errors, false),
  };
  const link = parseUrlParams(`?${rest.toString()}`);
  link.linkErrors.unshift(...errors);
  return { embed, link };
}
