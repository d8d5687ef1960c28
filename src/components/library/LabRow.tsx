import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { LabSummary } from '../../store/shelf';
import { useLibraryStrings } from '../i18n/libraryStrings';

/** What a row asks the dialog to do with its lab. */
export interface LabRowActions {
  open: (lab: LabSummary) => void;
  rename: (lab: LabSummary, name: string) => Promise<boolean>;
  duplicate: (lab: LabSummary) => void;
  exportLab: (lab: LabSummary) => void;
  remove: (lab: LabSummary) => void;
}

/** Props of {@link LabRow}. */
export interface LabRowProps {
  lab: LabSummary;
  /** The lab open now is this one. */
  current: boolean;
  /** Formats `updated` in the user's language. */
  date: (ms: number) => string;
  actions: LabRowActions;
}

/**
 * One kept lab: its name, when it last changed, and Open, Rename, Duplicate, Export, Delete. Rename
 * turns the name into a field (Enter keeps it, Escape gives up); Delete asks first, in the row.
 * Every button's name starts with its visible word and ends with the lab's, for screen readers and
 * voice control alike.
 */
export function LabRow({ lab, current, date, actions }: LabRowProps) {
  const t = useLibraryStrings();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [name, setName] = useState(lab.name);
  const [error, setError] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const renameBtn = useRef<HTMLButtonElement>(null);
  const removeBtn = useRef<HTMLButtonElement>(null);
  /** Which button gets the focus back when the row returns to its buttons. */
  const back = useRef<'rename' | 'remove' | null>(null);

  useEffect(() => {
    if (mode === 'rename') field.current?.select();
    else if (mode === 'confirm') keep.current?.focus();
    else if (back.current) (back.current === 'remove' ? removeBtn : renameBtn).current?.focus();
  }, [mode]);

  const view = (to: 'rename' | 'remove') => {
    back.current = to;
    setError(false);
    setMode('view');
  };
  const cancel = () => {
    setName(lab.name);
    view('rename');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = name.trim();
    if (next === '') {
      setError(true);
      field.current?.focus();
      return;
    }
    void actions.rename(lab, next).then(() => view('rename'));
  };
  const onFieldKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Escape gives up the new name; the dialog around stays open.
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    cancel();
  };
  const errorId = useId();
  return (
    <li className={`lab-row${current ? ' is-current' : ''}`} data-testid="lab-row" data-lab={lab.id} aria-current={current ? 'true' : undefined}>
      <div className="lab-row-head">
        {mode === 'rename' ? (
          <form className="lab-rename" onSubmit={submit}>
            <input
              ref={field}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={onFieldKey}
              aria-label={t.newName(lab.name)}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? errorId : undefined}
              maxLength={200}
              data-testid="lab-name-field"
            />
            <button type="submit">{t.save}</button>
            <button type="button" onClick={cancel}>
              {t.cancel}
            </button>
            {error && (
              <span id={errorId} className="lab-error" role="alert">
                {t.emptyName}
              </span>
            )}
          </form>
        ) : (
          <span className="lab-name" data-testid="lab-name">
            {lab.name}
          </span>
        )}
        {current && <span className="lab-badge">{t.current}</span>}
        <span className="lab-date">
          {t.changed} {lab.updated > 0 ? <time dateTime={new Date(lab.updated).toISOString()}>{date(lab.updated)}</time> : t.never}
        </span>
      </div>
      {mode === 'confirm' ? (
        <div className="lab-confirm" role="group" aria-label={t.removeLab(lab.name)}>
          <span>{t.confirmRemove(lab.name)}</span>
          <button type="button" className="is-danger" onClick={() => actions.remove(lab)} data-testid="lab-remove-confirm">
            {t.remove}
          </button>
          <button ref={keep} type="button" onClick={() => view('remove')}>
            {t.keep}
          </button>
        </div>
      ) : (
        <div className="lab-actions">
          <button type="button" onClick={() => actions.open(lab)} aria-label={t.openLab(lab.name)} data-testid="lab-open" disabled={mode === 'rename'}>
            {t.open}
          </button>
          <button ref={renameBtn} type="button" onClick={() => setMode('rename')} aria-label={t.renameLab(lab.name)} data-testid="lab-rename" disabled={mode === 'rename'}>
            {t.rename}
          </button>
          <button type="button" onClick={() => actions.duplicate(lab)} aria-label={t.duplicateLab(lab.name)} data-testid="lab-duplicate">
            {t.duplicate}
          </button>
          <button type="button" onClick={() => actions.exportLab(lab)} aria-label={t.exportLab(lab.name)} data-testid="lab-export">
            {t.exportOne}
          </button>
          <button ref={removeBtn} type="button" onClick={() => setMode('confirm')} aria-label={t.removeLab(lab.name)} data-testid="lab-remove">
            {t.remove}
          </button>
        </div>
      )}
    </li>
  );
}
