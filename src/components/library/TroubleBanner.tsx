import { useKeeperHost, type ShelfTrouble } from '../../store/shelf';
import { useAppStore } from '../../store/StoreContext';
import { downloadText, fileNameOf } from './download';
import { ProblemList } from './ProblemList';
import { useLibraryStrings } from '../i18n/libraryStrings';

/**
 * What the user must hear of about kept labs, above the drawing until closed: storage refused (said
 * once), the autosave or a link's lab that does not read, with its raw text to download (and the
 * autosave to delete). The page always opens: the seed lab stands in for a lab that does not read.
 */
export function TroubleBanner() {
  const t = useLibraryStrings();
  const lang = useAppStore((s) => s.lang);
  const troubles = useAppStore((s) => s.shelf.troubles);
  const dismiss = useAppStore((s) => s.dismissTrouble);
  const host = useKeeperHost();
  const shown = troubles.filter((x) => x.kind === 'storage' || x.kind === 'autosave' || x.kind === 'link');
  if (shown.length === 0) return null;
  const drop = (x: ShelfTrouble) => {
    if (!host) return;
    void host
      .load()
      .then((k) => k.clearAutosave())
      .then((ok) => ok && dismiss(x.key));
  };
  return (
    <div className="notices shelf-troubles" role="alert" data-testid="shelf-trouble">
      <ul className="shelf-trouble-list">
        {shown.map((x) => (
          <li key={x.key} data-kind={x.kind}>
            <div className="notices-text">
              <p className="notices-title">{t.trouble[x.kind as 'storage' | 'autosave' | 'link']}</p>
              {x.kind !== 'link' && <ProblemList problems={x.problems} lang={lang} />}
              {(x.raw !== undefined || (x.kind === 'autosave' && host)) && (
                <p className="shelf-trouble-actions">
                  {x.raw !== undefined && (
                    <button type="button" className="link-button" onClick={() => downloadText(fileNameOf(x.name ?? 'lab'), x.raw ?? '')} data-testid="trouble-download">
                      {t.download}
                    </button>
                  )}
                  {x.kind === 'autosave' && host && (
                    <button type="button" className="link-button" onClick={() => drop(x)} data-testid="trouble-delete">
                      {t.deleteIt}
                    </button>
                  )}
                </p>
              )}
            </div>
            <button type="button" className="notices-close" onClick={() => dismiss(x.key)} aria-label={t.trouble.close} title={t.trouble.close}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
