import { useAppStore } from '../../store/StoreContext';
import { useExportStrings } from '../i18n/exportStrings';
import { ProblemList } from '../library/ProblemList';
import type { DropResult } from './openPicture';

/** What dropping a file on the page did, over the drawing until closed: opened, or why not. */
export function DropNote({ result, onClose }: { result: DropResult; onClose: () => void }) {
  const t = useExportStrings().drop;
  const lang = useAppStore((s) => s.lang);
  const text = dropText(result, t, lang);
  const error = result.kind !== 'opened' && result.kind !== 'imported';
  return (
    <div className={`notices drop-note${error ? '' : ' is-ok'}`} role={error ? 'alert' : 'status'} data-testid="drop-note" data-kind={result.kind}>
      <p className="notices-text">{text}</p>
      {result.kind === 'badFile' && <ProblemList problems={result.problems} lang={lang} />}
      <button type="button" className="notices-close" onClick={onClose} aria-label={t.close} title={t.close}>
        ×
      </button>
    </div>
  );
}

/** The note's sentence for a drop's result, in `lang` (a bad lab file's problems are listed below it). */
export function dropText(result: DropResult, t: ReturnType<typeof useExportStrings>['drop'], lang: 'en' | 'ru'): string {
  switch (result.kind) {
    case 'opened': return t.opened(result.name, result.n);
    case 'imported': return t.imported(result.name);
    case 'badLab': return t.badLab(result.name, result.why[lang]);
    case 'badFile': return t.badFile(result.name);
    case 'noLab': return t.noLab(result.name);
    case 'notPicture': return t.notPicture(result.name);
  }
}
