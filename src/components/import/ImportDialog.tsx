import { useDeferredValue, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { IMPORT_MODES, importCatalog, importCluster, noteKind, tellSummary, tellNote, tellWhere, type ImportMode, type ImportSource } from '../../core/import';
import type { Keeper } from '../../store/keeper';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { useImportStrings } from '../i18n/importStrings';
import './import.css';
import { useModal } from '../useModal';

/** Props of {@link ImportDialog}. */
export interface ImportDialogProps {
  /** The keeper that keeps the new lab (null: storage failed; the lab opens without being kept). */
  keeper: Keeper | null;
  /** The dialog closed without importing (Escape, Cancel). */
  onClose: () => void;
  /** A lab was imported and opened. */
  onImported: () => void;
}

/**
 * "Import a cluster": a modal `<dialog>` with a paste box and files, a datapath mode, and the live
 * summary of what the input gives (recognised, assumed, listed and not placed), errors first and
 * beside the input, in the user's language. Import keeps the lab as a new lab in My labs and opens
 * it with a ping between two pods on different nodes; the lab open before stays as it was.
 */
export function ImportDialog({ keeper, onClose, onImported }: ImportDialogProps) {
  const t = useImportStrings();
  const lang = useAppStore((s) => s.lang);
  const store = useAppStoreApi();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<ImportSource[]>([]);
  const [mode, setMode] = useState<ImportMode | ''>('');
  const [busy, setBusy] = useState(false);
  const [trouble, setTrouble] = useState('');
  const dialog = useModal();
  const fileInput = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const pasteId = useId();
  const errorsId = useId();
  const modeId = useId();


  // The summary follows the input as it is typed, a render behind when typing is fast.
  const sources = useMemo(() => [{ name: 'paste', text }, ...files], [text, files]);
  const deferred = useDeferredValue(sources);
  const outcome = useMemo(() => importCluster(deferred, mode === '' ? {} : { mode }), [deferred, mode]);
  const empty = deferred.every((s) => s.text.trim() === '');
  const errors = empty ? [] : outcome.notes.filter((n) => noteKind(n.code) === 'error');
  const groups = empty ? [] : tellSummary(outcome.notes, lang).filter((g) => g.kind !== 'error');
  const catalog = importCatalog(lang);
  const detectedMode = mode === '' ? outcome.mode : null;

  const close = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function' && d.open) d.close();
    else onClose();
  };
  const addFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    void Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() }))).then(
      (read) => setFiles((old) => [...old.filter((o) => !read.some((r) => r.name === o.name)), ...read]),
      () => setTrouble(t.notText(chosen.map((f) => f.name).join(', '))),
    );
  };
  const doImport = () => {
    const lab = outcome.topology;
    if (!lab || busy) return;
    setBusy(true);
    const name = t.labName(lab.cluster?.profile ?? lab.name);
    const spec = outcome.journey ?? undefined;
    // The keeper keeps and opens it (or only opens it when storage fails, as for a lab file).
    if (keeper) void keeper.create(name, lab, spec).then(onImported, onImported);
    else {
      store.getState().openLab(lab, spec ? { spec } : {});
      onImported();
    }
  };

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby={titleId} onClose={onClose} onKeyDown={(e) => e.stopPropagation()} data-testid="import-dialog">
      <div className="labs-head">
        <h2 id={titleId}>{t.title}</h2>
        <button type="button" className="notices-close" onClick={close} aria-label={t.close} title={t.close}>
          ×
        </button>
      </div>
      <p className="import-intro">{t.intro}</p>
      <div className="import-columns">
        <div className="import-input">
          <label htmlFor={pasteId}>{t.paste}</label>
          <textarea
            id={pasteId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t.placeholder}
            spellCheck={false}
            rows={12}
            aria-invalid={errors.length > 0}
            aria-describedby={errors.length > 0 ? errorsId : undefined}
            data-testid="import-paste"
          />
          <div className="import-files">
            <button type="button" onClick={() => fileInput.current?.click()} title={t.filesHelp} data-testid="import-add-files">
              {t.files}
            </button>
            <input ref={fileInput} type="file" multiple hidden onChange={addFiles} data-testid="import-files" />
            {files.map((f) => (
              <span key={f.name} className="import-file">
                {f.name}
                <button type="button" className="link-button" aria-label={t.removeFile(f.name)} title={t.removeFile(f.name)} onClick={() => setFiles(files.filter((x) => x !== f))}>
                  ×
                </button>
              </span>
            ))}
          </div>
          {errors.length > 0 && (
            <ul id={errorsId} className="import-errors" role="alert" data-testid="import-errors">
              {errors.map((n, k) => (
                <li key={k}>
                  {tellWhere(n, lang) !== '' && <span className="import-where">{tellWhere(n, lang)}: </span>}
                  {tellNote(n, lang)}
                </li>
              ))}
            </ul>
          )}
          <p className="import-mode">
            <label htmlFor={modeId}>{t.mode}</label>{' '}
            <select id={modeId} value={mode} onChange={(e) => setMode(e.target.value as ImportMode | '')} data-testid="import-mode">
              <option value="">{detectedMode ? t.modeDetected(catalog.modes[detectedMode] ?? detectedMode) : t.modePick}</option>
              {IMPORT_MODES.map((m) => (
                <option key={m} value={m}>
                  {catalog.modes[m]}
                </option>
              ))}
            </select>
          </p>
        </div>
        <section className="import-summary" aria-label={t.summary} aria-live="polite" tabIndex={0} data-testid="import-summary">
          <h3>{t.summary}</h3>
          {empty ? (
            <p className="labs-help">{t.nothingYet}</p>
          ) : (
            <>
              {outcome.topology && <p className="import-counts" data-testid="import-counts">{t.counts(outcome.counts.nodes, outcome.counts.pods, outcome.counts.hostNetwork, outcome.counts.notPlaced)}</p>}
              {groups.map((g) => (
                <div key={g.kind} className={`import-group is-${g.kind}`}>
                  <h4>{g.title}</h4>
                  <ul>
                    {g.lines.map((l, k) => (
                      <li key={k}>
                        {l.where !== '' && <span className="import-where">{l.where}: </span>}
                        {l.text}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          )}
        </section>
      </div>
      {trouble !== '' && (
        <p className="labs-note is-error" role="alert">
          {trouble}
        </p>
      )}
      <div className="import-actions">
        <button type="button" onClick={close}>
          {t.cancel}
        </button>
        <button type="button" className="import-go" onClick={doImport} disabled={!outcome.topology || busy || empty} title={t.importHelp} data-testid="import-go">
          {t.importIt}
        </button>
      </div>
    </dialog>
  );
}
