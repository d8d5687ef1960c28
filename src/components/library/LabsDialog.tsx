import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { LAB_FORMAT_VERSION, writeLabFile } from '../../core/model/labFile';
import { seedLab, type Problem, type Scenario, type Topology } from '../../core';
import type { Keeper } from '../../store/keeper';
import type { LabSummary } from '../../store/shelf';
import { useHost } from '../../store/link';
import { withScenarios } from '../../store/presets';
import { selectOpenEntry } from '../../store/slices/shelfSlice';
import { useAppStore, useAppStoreApi } from '../../store/StoreContext';
import { EXPORTS_EN, EXPORTS_RU } from '../i18n/exportStrings';
import { downloadText, fileNameOf, nameOfFile } from './download';
import { openLabName } from './labName';
import { LabRow, type LabRowActions } from './LabRow';
import { PresetList } from './PresetList';
import { ProblemList } from './ProblemList';
import { useLibraryStrings } from '../i18n/libraryStrings';
import { stringsOf } from '../i18n/langStrings';
import { useModal } from '../useModal';

// The cluster import (and the CNI model it builds with) loads when it is asked for.
const ImportDialog = lazy(() => import('../import/ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** Props of {@link LabsDialog}. */
export interface LabsDialogProps {
  /** The keeper (null: its code or storage could not load; the dialog says so and offers the presets). */
  keeper: Keeper | null;
  /** The dialog closed (Escape, Close, or a lab opened). */
  onClose: () => void;
}

/** What the dialog says after an action: a note, or an error with its problems (and a damaged lab's text to download and entry to delete). */
interface Note {
  tone: 'ok' | 'error';
  text: string;
  problems?: Problem[];
  raw?: string;
  lab?: LabSummary;
}

/** What a picture that does not open says, in `lang` (the drop note's own words). */
const pictureTexts = (lang: 'en' | 'ru') => (lang === 'ru' ? EXPORTS_RU : EXPORTS_EN).drop;

/** An empty lab named `name`, to build in the editor. */
function emptyLab(name: string): Topology {
  return { version: 1, name, machines: [], segments: [] };
}

/**
 * "My labs": the labs kept in this browser (open, rename, duplicate, export, delete; each with the
 * date it last changed, in the user's language), the presets read-only beside them, a new lab,
 * import of a lab file (a bad one is refused with its problems, the open lab untouched) and export
 * of the open lab. A modal `<dialog>`: Tab stays inside, Escape closes it, and the focus goes back
 * to the button that opened it. The app's keys do not act while it is open.
 */
export function LabsDialog({ keeper, onClose }: LabsDialogProps) {
  const t = useLibraryStrings();
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const { readLink } = useHost();
  const revision = useAppStore((s) => s.shelf.revision);
  const status = useAppStore((s) => s.shelf.status);
  const savedAt = useAppStore((s) => s.shelf.savedAt);
  const entry = useAppStore(selectOpenEntry);
  const name = useAppStore(openLabName);
  const [labs, setLabs] = useState<LabSummary[] | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [importing, setImporting] = useState(false);
  const dialog = useModal();
  const file = useRef<HTMLInputElement>(null);
  const mineHeading = useRef<HTMLHeadingElement>(null);
  const busy = useRef(false);
  const titleId = useId();
  const mineId = useId();
  const presetsId = useId();
  const date = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }), [lang]);
  const time = useMemo(() => new Intl.DateTimeFormat(lang, { timeStyle: 'medium' }), [lang]);

  useEffect(() => {
    if (!keeper) return;
    let live = true;
    void keeper.list().then((l) => live && setLabs(l));
    return () => {
      live = false;
    };
  }, [keeper, revision]);

  const close = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function' && d.open) d.close();
    else onClose();
  };
  /** One action at a time: a double click never keeps two copies. */
  const once = (f: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    void f().finally(() => {
      busy.current = false;
    });
  };

  const actions: LabRowActions = {
    open: (lab) =>
      once(async () => {
        const r = await keeper?.open(lab.id);
        if (r?.ok) close();
        else if (r) setNote({ tone: 'error', text: t.unreadable(lab.name), problems: r.problems, raw: r.raw, lab });
      }),
    rename: async (lab, next) => {
      const ok = (await keeper?.rename(lab.id, next)) ?? false;
      if (ok) setNote({ tone: 'ok', text: t.renamed(next) });
      return ok;
    },
    duplicate: (lab) =>
      once(async () => {
        const copy = await keeper?.duplicate(lab.id, t.copyName(lab.name));
        if (copy) setNote({ tone: 'ok', text: t.duplicated(copy.name) });
      }),
    exportLab: (lab) =>
      once(async () => {
        const text = await keeper?.text(lab.id);
        if (typeof text === 'string') downloadText(fileNameOf(lab.name), text);
      }),
    remove: (lab) =>
      once(async () => {
        if (!(await keeper?.remove(lab.id))) return;
        setNote({ tone: 'ok', text: t.removed(lab.name) });
        // The row is gone: the focus goes to the list's heading, not to the page.
        mineHeading.current?.focus();
      }),
  };
  const newLab = () =>
    once(async () => {
      await keeper?.create(t.newLab, emptyLab(t.newLab));
      store.getState().setMode('edit');
      close();
    });
  const importFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    // The same file chosen again (after fixing it) must fire a change.
    e.target.value = '';
    if (!f || !keeper) return;
    once(async () => {
      const name = nameOfFile(f.name) || t.newLab;
      // A picture saved by the app carries its lab (SVG metadata, PNG iTXt): kept as a new lab, at its event.
      const pictures = await import('../export/openPicture');
      if (readLink && !(await pictures.isLabFile(f))) {
        const read = await pictures.readPicture(store, f, readLink);
        if (!read.ok) {
          const { dropText } = await import('../export/DropNote');
          setNote({ tone: 'error', text: dropText(read.result, pictureTexts(lang), lang) });
          return;
        }
        await keeper.create(name, read.topology, read.spec);
        if (read.step !== undefined) store.getState().reveal(read.step - 1);
        setNote({ tone: 'ok', text: t.imported(selectOpenEntry(store.getState())?.name ?? name) });
        return;
      }
      const r = await keeper.importText(await f.text(), name);
      if (!r.ok) {
        setNote({ tone: 'error', text: t.importFailed(f.name), problems: r.problems });
        return;
      }
      const kept = selectOpenEntry(store.getState())?.name ?? nameOfFile(f.name);
      setNote({ tone: 'ok', text: r.migratedFrom !== undefined ? t.migrated(kept, r.migratedFrom) : t.imported(kept) });
    });
  };
  const exportOpen = () => {
    const s = store.getState();
    downloadText(fileNameOf(openLabName(s)), writeLabFile(s.topology));
  };
  const openPreset = (sc: Scenario | null) => {
    // The picker may not have fetched the catalogue yet; this chunk holds it, so it loads at once.
    if (sc) withScenarios(() => store.getState().loadScenario(sc.id));
    else store.getState().openLab(seedLab());
    close();
  };
  const copyPreset = (sc: Scenario | null) =>
    once(async () => {
      if (sc) await keeper?.create(sc.title[lang], sc.topology(), sc.journey);
      else await keeper?.create(stringsOf(lang).library.seedLab, seedLab());
      close();
    });
  const dropEntry = (lab: LabSummary) =>
    once(async () => {
      if (!(await keeper?.remove(lab.id))) return;
      setNote({ tone: 'ok', text: t.removed(lab.name) });
      mineHeading.current?.focus();
    });

  const saved = status === 'saving' ? t.saving : status === 'failed' ? t.failed : status === 'saved' && entry && savedAt !== null ? t.saved(time.format(savedAt)) : '';
  return (
    <dialog ref={dialog} className="labs-dialog" aria-labelledby={titleId} onClose={onClose} onKeyDown={(e) => e.stopPropagation()} data-testid="labs-dialog">
      <div className="labs-head">
        <h2 id={titleId}>{t.title}</h2>
        <button type="button" className="notices-close" onClick={close} aria-label={t.close} title={t.close} data-testid="labs-close">
          ×
        </button>
      </div>
      <p className="labs-now" data-testid="labs-now">
        {t.openNow} <strong>{name}</strong> — {entry ? t.kept : t.notKept} <span role="status">{saved}</span>
      </p>
      <div className="labs-tools">
        <button type="button" onClick={newLab} title={t.newLabHelp} disabled={!keeper} data-testid="lab-new">
          <span aria-hidden="true">+ </span>
          {t.newLab}
        </button>
        <button type="button" onClick={() => file.current?.click()} title={t.importHelp} disabled={!keeper} data-testid="lab-import">
          {t.importFile}
        </button>
        <input ref={file} type="file" accept={readLink ? '.json,application/json,.svg,image/svg+xml,.png,image/png' : '.json,application/json'} hidden onChange={importFile} data-testid="lab-import-file" />
        <button type="button" onClick={() => setImporting(true)} title={stringsOf(lang).library.importClusterHelp} data-testid="lab-import-cluster">
          {stringsOf(lang).library.importCluster}
        </button>
        <button type="button" onClick={exportOpen} title={t.exportHelp(LAB_FORMAT_VERSION)} data-testid="lab-export-open">
          {t.exportOpen}
        </button>
      </div>
      <p className="labs-note" role="status" data-testid="labs-note">
        {note?.tone === 'ok' ? note.text : ''}
      </p>
      {note?.tone === 'error' && (
        <div className="labs-note is-error" role="alert" data-testid="labs-error">
          <p>{note.text}</p>
          <ProblemList problems={note.problems ?? []} lang={lang} />
          {(note.raw !== undefined || note.lab) && (
            <p className="shelf-trouble-actions">
              {note.raw !== undefined && (
                <button type="button" className="link-button" onClick={() => downloadText(fileNameOf(note.lab?.name ?? 'lab'), note.raw ?? '')} data-testid="labs-error-download">
                  {t.download}
                </button>
              )}
              {note.lab && (
                <button type="button" className="link-button" onClick={() => note.lab && dropEntry(note.lab)} data-testid="labs-error-delete">
                  {t.deleteIt}
                </button>
              )}
            </p>
          )}
        </div>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog keeper={keeper} onClose={() => setImporting(false)} onImported={close} />
        </Suspense>
      )}
      <div className="labs-columns">
        <section className="labs-mine" aria-labelledby={mineId}>
          <h3 id={mineId} ref={mineHeading} tabIndex={-1}>
            {t.mine}
          </h3>
          {!keeper ? (
            <p>{t.listFailed}</p>
          ) : labs === null ? null : labs.length === 0 ? (
            <p className="labs-help">{t.none}</p>
          ) : (
            <ul className="lab-list" data-testid="my-labs-list">
              {labs.map((lab) => (
                <LabRow key={lab.id} lab={lab} current={entry?.id === lab.id} date={(ms) => date.format(ms)} actions={actions} />
              ))}
            </ul>
          )}
        </section>
        <section className="labs-presets" aria-labelledby={presetsId}>
          <h3 id={presetsId}>{t.presets}</h3>
          <PresetList open={openPreset} copy={copyPreset} />
        </section>
      </div>
    </dialog>
  );
}
