import { useId, useMemo } from 'react';
import { formatProblem, problemSeverity, type Problem } from '../../core';
import { applyFix, autoConfigure, fixText, labChecks, routeTail, type LabCheck, type LabFix } from '../../core/editing';
import { useAppStore } from '../../store/StoreContext';
import type { Lang } from '../../store/types';
import { useInspectorStrings } from '../i18n/inspectorStrings';
import { useStrings } from '../i18n/useStrings';
import { EditHistory } from './EditToolbar';
import { Inspector } from './Inspector';
import { CniOfferNote } from './CniOfferNote';
import { useEditorStrings } from '../i18n/editorStrings';

/** One line of the checks list: a problem, where it is, and its fix when one is clear. */
export interface CheckRow {
  key: string;
  severity: 'error' | 'warning';
  text: string;
  /** The namespace its button selects (a machine's or a pod's name), if the problem is in one. */
  ns: string | null;
  /** Which part of it: an interface's name, a route as `ip route` prints it, the routing table, a sysctl. */
  at: string | null;
  fix?: LabFix;
}

/** The sentence of a problem without its path (the row names its namespace by a button). */
function sentence(p: Problem, lang: Lang): string {
  const full = formatProblem(p, lang);
  return p.path && full.startsWith(`${p.path}: `) ? full.slice(p.path.length + 2) : full;
}

/** The part of the namespace a check points at, as the row shows it. */
function partOf(c: LabCheck, words: { route: string; routes: string }): string | null {
  const at = c.place;
  if (!at) return null;
  if (at.iface !== undefined) return at.iface;
  if (at.route) return `${words.route} ${at.route.dst} ${routeTail(at.route)}`;
  if (at.routes) return words.routes;
  return at.sysctl ?? null;
}

/**
 * The checks list's rows, from `labChecks`: errors first (what Linux refuses, what cannot work),
 * then warnings, each with its namespace, the part of it, and its fix.
 */
export function checkRows(checks: readonly LabCheck[], lang: Lang, words: { route: string; routes: string }): CheckRow[] {
  return checks.map((c, k) => ({
    key: `${c.problem.path}:${c.problem.code}:${k}`,
    severity: problemSeverity(c.problem.code),
    text: sentence(c.problem, lang),
    ns: c.place?.ns ?? null,
    at: partOf(c, words),
    ...(c.fix ? { fix: c.fix } : {}),
  }));
}

/**
 * Edit mode's live checks: what is wrong with the lab, in the UI's language, recomputed on every
 * edit. A row's machine button selects it on the drawing; Fix applies the row's fix, and
 * Auto-configure every fix offered, each as one undo step.
 */
export function ChecksPanel() {
  const t = useStrings();
  const e = useEditorStrings();
  const inspector = useInspectorStrings();
  const lang = useAppStore((s) => s.lang);
  const topology = useAppStore((s) => s.topology);
  const selected = useAppStore((s) => s.selected);
  const selection = useAppStore((s) => s.selection);
  const select = useAppStore((s) => s.select);
  const edit = useAppStore((s) => s.edit);
  const editError = useAppStore((s) => s.editError);
  const lastEdit = useAppStore((s) => s.lastEdit);
  const titleId = useId();
  // Cached per lab, and across a drag (a move changes no finding): the rows are rebuilt only when it changes.
  const checks = labChecks(topology);
  const rows = useMemo(() => checkRows(checks, lang, { route: e.checkRoute, routes: e.checkRoutes }), [checks, lang, e.checkRoute, e.checkRoutes]);
  const fixable = rows.some((r) => r.fix);
  const status = lastEdit ? (lastEdit.how === 'undo' ? e.undone : lastEdit.how === 'redo' ? e.redone : e.done(e.actions[lastEdit.label] ?? inspector.actions[lastEdit.label] ?? lastEdit.label)) : '';
  return (
    <aside className={`side editor-side${selected !== null ? ' has-inspector' : ''}`} data-testid="editor-panel">
      <section className="panel edit-selection">
        <EditHistory />
        <CniOfferNote />
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
                {r.ns !== null && (
                  <button type="button" className="check-where" onClick={() => select(r.ns)} aria-label={e.show(r.ns)}>
                    {r.ns}
                  </button>
                )}
                {r.at !== null && <code className="check-at">{r.at}</code>}
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
