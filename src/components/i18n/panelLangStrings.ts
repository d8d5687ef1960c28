import { perLanguage, type LanguagePart } from '../../core';
import type { Lang } from '../../store/types';
import { stringsOf } from './langStrings';
import type { PanelStrings } from './panelStrings';
import type { PlayerStrings, Strings } from './strings';

/*
 * The app's panels' texts (`panelStrings.ts`: form, side panels, log, CNI stories' names), one
 * language at a time, as a language part of their own (`PANEL_STRINGS_PART`). Only the app's page
 * loads them (for `useStrings`); the embed and <packet-journey> show the player's texts alone
 * (`usePlayerStrings`) and never load these. Tests and Node register both languages at once
 * (`allStrings.ts`).
 */

const PANEL_STRINGS_BY_LANG = perLanguage<PanelStrings>('panel-strings', {
  en: () => import('./panelStrings').then((m) => m.panelStringsEn),
  ru: () => import('./ru/panelStrings').then((m) => m.panelStringsRu),
});

/** Makes `lang`'s panels' table available at once (tests and Node, through allStrings.ts). */
export const registerPanelStrings: (lang: Lang, strings: PanelStrings) => void = PANEL_STRINGS_BY_LANG.register;

/** Whether `lang`'s panels' table is loaded. */
export const hasPanelStrings: (lang: Lang) => boolean = PANEL_STRINGS_BY_LANG.has;

const loading = new Map<Lang, Promise<void>>();

/** Loads `lang`'s panels' table (once; the same promise while it loads). */
export function loadPanelStrings(lang: Lang): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = PANEL_STRINGS_BY_LANG.load(lang).catch((e: unknown) => {
      // A chunk the network lost is asked for again next time.
      loading.delete(lang);
      throw e;
    });
    loading.set(lang, p);
  }
  return p;
}

/**
 * The panels' table as a part of every language (core/i18n/languages.ts): the app's entries
 * (main.tsx, player.tsx) add it, so `loadLanguage` fetches it before their first render and on every
 * switch. An entry does it, not this module on import: the bundler puts this module in the chunk
 * all three pages share (the app's lazy chunks import it too), and the embed and the element must
 * not fetch the table.
 */
export const PANEL_STRINGS_PART: LanguagePart = { has: hasPanelStrings, load: loadPanelStrings };

/**
 * The two tables as one: the panels' keys added to the player's, and the objects both have
 * (`panels`, `anySize`) merged one level down. No text is in both tables (strings.test.ts).
 */
export function mergeStrings(player: PlayerStrings, panel: PanelStrings): Strings {
  const out: Record<string, unknown> = { ...player };
  for (const [k, v] of Object.entries(panel)) {
    const mine = out[k];
    out[k] = mine !== null && typeof mine === 'object' && v !== null && typeof v === 'object' ? { ...mine, ...v } : v;
  }
  return out as Strings;
}

const merged = new Map<Lang, { player: PlayerStrings; panel: PanelStrings; all: Strings }>();

/**
 * Every text of the interface in `lang`: the player's and the panels' (one object per pair of
 * tables, so a component's texts keep their identity between renders).
 * @throws Error `strings-not-loaded` or `panel-strings-not-loaded` when either is not loaded yet (`loadLanguage` loads both).
 */
export function appStringsOf(lang: Lang): Strings {
  const player = stringsOf(lang);
  const panel = PANEL_STRINGS_BY_LANG.of(lang);
  const hit = merged.get(lang);
  if (hit && hit.player === player && hit.panel === panel) return hit.all;
  const all = mergeStrings(player, panel);
  merged.set(lang, { player, panel, all });
  return all;
}
