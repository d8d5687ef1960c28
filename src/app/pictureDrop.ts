import { useEffect, useState } from 'react';
import type { DropResult } from '../components/export/openPicture';
import type { AppStore } from '../store/createAppStore';
import type { KeeperHost } from '../store/shelf';
import { parseUrlParams } from './urlParams';

/** Loads the export chunk, where the picture reader lives (the first page does not carry it). */
const loadExports = () => import('../components/export/ExportButtons');

/**
 * Lets the page take a dropped file (see `openPicture`: a picture saved by the app, or a lab file
 * kept through `keeper` as My labs' Import does) when `enabled` (the page's main app). The reader
 * loads on the first drop. Returns the last drop's result and a way to dismiss it.
 */
export function usePictureDrop(store: AppStore, enabled: boolean, keeper: KeeperHost | null = null): { result: DropResult | null; dismiss: () => void } {
  const [result, setResult] = useState<DropResult | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const files = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent) => {
      if (!files(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      // The browser would otherwise open the file in place of the app.
      e.preventDefault();
      void loadExports()
        .then((m) => m.openPicture(store, file, parseUrlParams, keeper))
        .then(setResult, () => setResult({ kind: 'notPicture', name: file.name }));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [store, enabled, keeper]);
  return { result, dismiss: () => setResult(null) };
}
