import { useId, useMemo } from 'react';
import { formatProblem, problemSeverity, validateTopology, validateTopologyWarnings, type Problem, type Topology } from '../../core';
import { applyFix, autoConfigure, fixText, labChecks, type LabFix } from '../../core/editing';
import { useAppStore } from '../../store/StoreContext';
import type { Lang } from '../../store/types';
import { useStrings } from '../i18n/useStrings';
import { EditHistory } from './EditToolbar';
import { Inspector } from './Inspector';

/** One line of the checks list: a problem, the machine it is about, and its fix when one is clear. */
interface CheckRow {
  key: string;
  severity: 'error' | 'warning';
  text: string;
  machine: string | null;
  fix?: LabFix;
}

/** The machine a problem's path points into (`machines[2]…`), if any. */
function machineOf(t: Topology, p: Problem): string | null {
  const m = /^machines\[(\d+)\]/.exec(p.path);
  return m ? (t.machines[Number(m[1])]?.name ?? null) : null;
}

/** The sentence of a problem without its path (the row names its machine by a button). */
function sentence(p: Problem, lang: Lang): string {
  const full = formatProblem(p, lang);
  return p.path && full.startsWith(`${p.path}: `) ? full.slice(p.path.length + 2) : full;
}

/** Every check of the lab: validation errors first, then warnings, then the design checks with their fixes. */
export function checkRows(t: Topology, lang: Lang): CheckRow[] {
  const rows: CheckRow[] = [];
  const add = (p: Problem, k: number, fix?: LabFix) =>
    rows.push({ key: `${p.path}:${p.code}:${k}`, severity: problemSeverity(p.code), text: sentence(p, lang), machine: machineOf(t, p), ...(fix ? { fix } : {}) });
  validateTopology(t).forEach((p, k) => add(p, k));
  validateTopologyWarnings(t).forEach((p, k) => add(p, k));
  labChecks(t).forEach((c, k) => add(c.problem, k, c.fix));
  return rows;
}

/**
 * Edit mode's live checks: what is wrong with the lab, in the UI's language, recomputed on every
 * edit. A row's machine button selects it on the drawing; Fix applies the row's fix, and
 * Auto-configure every fix offered, each as one undo step.
 */
export function ChecksPanel() {
  const t = useStrings();
  const e = t.editor;
  const lang = useAppStore((s) => s.lang);
  const topology = useAppStore((s) => s.topology);
  const selected = useAppStore((s) => s.selected);
  const selection = useAppStore((s) => s.selection);
  const select = useAppStore((s) => s.select);
  const edit = useAppStore((s) => s.edit);
  const editError = useAppStore((s) => s.editError);
  const lastEdit = useAppStore((s) => s.lastEdit);
  const titleId = useId();
  const rows = useMemo(() => checkRows(topology, lang), [topology, lang]);
  const fixable = rows.some((r) => r.fix);
  const status = lastEdit ? (lastEdit.how === 'undo' ? e.undone : lastEdit.how === 'redo' ? e.redone : e.done(e.actions[lastEdit.label] ?? t.inspector.actions[lastEdit.label] ?? lastEdit.label)) : '';
  return (
    <aside className={`side editor-side${selected !== null ? ' has-inspector' : ''}`} data-testid="editor-panel">
      <section className="panel edit-selection">
        <EditHistory />
        <p className="edit-hint" data-testid="selection">{selection.length > 1 ? e.selectedMany(selection.join(', ')) : selected ? e.selected(selected) : e.noSelection}</p>
        <p className="edit-hint">{t.canvasEdit.cableHelp}</p>
        {editError && (
          <p className="edit-error" role="alert" data-testid="edit-error">
            {editError[lang]}
          </p>
        )}
        <p className="sr-only" aria-live="polite" data-testid="edit-status">
          {status}
        </p>
      </section>
      {/* The inspector sits between the selection and the checks (beside them on a small screen). */}
      {selected !== null && <Inspector />}
      {/* It scrolls on a small screen: a Tab stop, so the keyboard can scroll it too (axe: scrollable-region-focusable). */}
      <section className="panel checks" aria-labelledby={titleId} tabIndex={0}>
        <div className="checks-head">
          <h2 id={titleId} className="panel-title">
            {e.checks}
          </h2>
          <button type="button" onClick={() => edit('autoConfigure', autoConfigure)} disabled={!fixable} title={e.autoConfigureHelp} data-testid="auto-configure">
            {e.autoConfigure}
          </button>
        </div>
        {rows.length === 0 ? (
          <p className="checks-ok" data-testid="checks-ok">
            {e.checksOk}
          </p>
        ) : (
          <ul className="checks-list" data-testid="checks">
            {rows.map((r) => (
              <li key={r.key} className={`check is-${r.severity}`} data-code={r.key}>
                <span className="check-kind">{r.severity === 'error' ? e.error : e.warning}</span>
                {r.machine !== null && (
                  <button type="button" className="check-where" onClick={() => select(r.machine)} aria-label={e.show(r.machine)}>
                    {r.machine}
                  </button>
                )}
                <span className="check-text">{r.text}</span>
                {r.fix && (
                  <span className="check-fix-row">
                    <code className="check-fix-what">{fixText(r.fix, lang)}</code>
                    <button type="button" className="check-fix" onClick={() => r.fix && edit('fix', (x) => applyFix(x, r.fix as LabFix))} aria-label={e.fixHelp(fixText(r.fix, lang))}>
                      {e.fix}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
