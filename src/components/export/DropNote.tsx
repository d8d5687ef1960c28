import { useAppStore } from '../../store/StoreContext';
import { useExportStrings } from '../i18n/exportStrings';
import type { DropResult } from './openPicture';

/** What dropping a file on the page did, over the drawing until closed: opened, or why not. */
export function DropNote({ result, onClose }: { result: DropResult; onClose: () => void }) {
  const t = useExportStrings().drop;
  const lang = useAppStore((s) => s.lang);
  const text =
    result.kind === 'opened' ? t.opened(result.name, result.n) : result.kind === 'badLab' ? t.badLab(result.name, result.why[lang]) : result.kind === 'noLab' ? t.noLab(result.name) : t.notPicture(result.name);
  const error = result.kind !== 'opened';
  return (
    <div className={`notices drop-note${error ? '' : ' is-ok'}`} role={error ? 'alert' : 'status'} data-testid="drop-note" data-kind={result.kind}>
      <p className="notices-text">{text}</p>
      <button type="button" className="notices-close" onClick={onClose} aria-label={t.close} title={t.close}>
        ×
      </button>
    </div>
  );
}
