import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './appState';
import type { PlayerStore } from './createPlayerStore';

const StoreContext = createContext<PlayerStore | null>(null);

/**
 * Props of {@link AppStoreProvider}: the app's own store, made by its mount (`createAppStore`, or
 * `createPlayerStore` for a player that never edits). This module creates none, so a player's first
 * load never carries the editor's store.
 */
export type AppStoreProviderProps = { children: ReactNode; store: PlayerStore };

/** Gives the app below it its store, the one it was first mounted with. */
export function AppStoreProvider(props: AppStoreProviderProps) {
  const [store] = useState<PlayerStore>(() => props.store);
  return <StoreContext.Provider value={store}>{props.children}</StoreContext.Provider>;
}

/** The store of the app this component is mounted in (the app's `AppStore` or a player's). Throws outside an {@link AppStoreProvider}. */
export function useAppStoreApi(): PlayerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>: each app mounts its own store.');
  return store;
}

/** Select a value from this app's store; re-renders when it changes. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
