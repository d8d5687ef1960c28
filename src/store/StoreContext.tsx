import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './appState';
import { createAppStore, type AppStore, type AppStoreInit } from './createAppStore';

const StoreContext = createContext<AppStore | null>(null);

/** Props of {@link AppStoreProvider}: either a ready store, or what to create one from. */
export type AppStoreProviderProps = { children: ReactNode } & ({ store: AppStore } | { init: AppStoreInit });

/** Gives the app below it its own store, created once per mount. */
export function AppStoreProvider(props: AppStoreProviderProps) {
  const [store] = useState<AppStore>(() => ('store' in props ? props.store : createAppStore(props.init)));
  return <StoreContext.Provider value={store}>{props.children}</StoreContext.Provider>;
}

/** The store of the app this component is mounted in. Throws outside an {@link AppStoreProvider}. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>: each app mounts its own store.');
  return store;
}

/** Select a value from this app's store; re-renders when it changes. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
