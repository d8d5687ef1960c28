import { useEffect } from 'react';
import { stepMs } from '../../store/slices/playbackSlice';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';

/** While playing, advance one step every `stepMs(speed)`; the store stops at the last event. */
export function usePlaybackTimer(): void {
  const store = useAppStoreApi();
  const playing = useAppStore((s) => s.playing);
  const index = useAppStore((s) => s.index);
  const speed = useAppStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(() => store.getState().next(), stepMs(speed));
    return () => clearTimeout(id);
  }, [playing, index, speed, store]);
}
