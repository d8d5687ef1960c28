import type { StateCreator } from 'zustand/vanilla';
import type { AppState, UiSlice } from '../appState';
import type { Lang, Theme } from '../types';

/** The view-preferences slice. The app decides the initial language and theme (it reads the browser). */
export function createUiSlice(init: { lang: Lang; theme: Theme }): StateCreator<AppState, [], [], UiSlice> {
  return (set) => ({
    lang: init.lang,
    theme: init.theme,
    logFilter: { arp: true, request: true, reply: true, 'icmp-error': true, decision: true },
    sideTab: 'tables',
    setLang: (lang) => set({ lang }),
    setTheme: (theme) => set({ theme }),
    toggleLogFilter: (key) => set((s) => ({ logFilter: { ...s.logFilter, [key]: !s.logFilter[key] } })),
    setSideTab: (sideTab) => set({ sideTab }),
  });
}
