import type { StateCreator } from 'zustand/vanilla';
import type { AppState, UiSlice } from '../appState';
import { hasLanguage, loadLanguage, type Bilingual, type Level } from '../../core';
import type { Lang, Theme } from '../types';

/** The view-preferences slice. The app decides the initial language and theme (it reads the browser). */
export function createUiSlice(init: { lang: Lang; theme: Theme; follow: boolean; panels: boolean; notices: Bilingual[]; level?: Level }): StateCreator<AppState, [], [], UiSlice> {
  return (set) => ({
    lang: init.lang,
    langWanted: null,
    theme: init.theme,
    logFilter: { arp: true, request: true, reply: true, 'icmp-error': true, decision: true },
    sideTab: 'tables',
    follow: init.follow,
    panels: init.panels,
    notices: init.notices,
    level: init.level ?? 'detailed',
    // The narrator's prose and the interface's texts load per language (core/i18n/languages.ts): the
    // switch waits for them, so nothing is ever drawn or told in a language not loaded.
    setLang: (lang) => {
      if (hasLanguage(lang)) {
        set({ lang, langWanted: null });
        return;
      }
      set({ langWanted: lang });
      void loadLanguage(lang).then(
        // A later click may have asked for another language meanwhile: the last wish wins.
        () => set((s) => (s.langWanted === lang ? { lang, langWanted: null } : {})),
        () => set((s) => (s.langWanted === lang ? { langWanted: null } : {})),
      );
    },
    setTheme: (theme) => set({ theme }),
    toggleLogFilter: (key) => set((s) => ({ logFilter: { ...s.logFilter, [key]: !s.logFilter[key] } })),
    setSideTab: (sideTab) => set({ sideTab }),
    setFollow: (follow) => set({ follow }),
    // Someone chose: a screen size no longer opens or closes them (see `fitPanels`).
    setPanels: (panels) => set({ panels, panelsAuto: false }),
    dismissNotices: () => set({ notices: [] }),
    setLevel: (level) => set({ level }),
  });
}
