import { useId, useMemo } from 'react';
import { tellChapters, tellEvent, tellOutcome } from '../../core';
import { floodFolds } from '../../store/floods';
import { chapterIndexAt, selectAtEnd, selectEvent, selectUnfolded } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { KIND_VAR } from '../kindColours';
import { useStrings } from '../i18n/useStrings';
import { CorrectionBox, CorrectionRead } from './CorrectionBox';
import { eventLine } from './eventLine';
import { foldLine } from './foldLine';
import { ProofFold } from '../proof/ProofFold';

/** Props of {@link ExplainPanel}. */
export interface ExplainPanelProps {
  /** Drawn in the caption under the drawing (a small screen, or the panels hidden), a few lines high. @default false */
  inCaption?: boolean;
}

/**
 * What happens at this event, told by the core's narrator in the app's language, at the chosen
 * level (one line for a projector, or with the reasons); announced to screen readers as it changes.
 */
export function ExplainPanel({ inCaption = false }: ExplainPanelProps) {
  const t = useStrings();
  const headingId = useId();
  const lang = useAppStore((s) => s.lang);
  const chosen = useAppStore((s) => s.level);
  const panels = useAppStore((s) => s.panels);
  // Projector mode (panels hidden) shows one line under the drawing: the short level.
  const level = panels ? chosen : 'short';
  const setLevel = useAppStore((s) => s.setLevel);
  const ev = useAppStore(selectEvent);
  const result = useAppStore((s) => s.result);
  const index = useAppStore((s) => s.index);
  const chapters = useMemo(() => (result ? tellChapters(result, lang) : []), [result, lang]);
  const text = useMemo(() => (result && ev ? tellEvent(result, index, lang, level) : ''), [result, ev, index, lang, level]);
  const atEnd = useAppStore(selectAtEnd);
  const isLast = result !== null && atEnd;
  const chapter = chapters[chapterIndexAt(chapters, index)];
  // The course notes simplify some steps: at a chapter's first event say what really happens, in
  // full; at its later events keep it one click away.
  const correction = chapter?.correction;
  const atStart = chapter?.start === index;
  // A flood of many copies: say it in one sentence, and offer its events one by one (or folded again).
  const unfolded = useAppStore(selectUnfolded);
  const toggleFold = useAppStore((s) => s.toggleFold);
  const fold = result ? floodFolds(result.events).find((f) => f.at === index || f.members.includes(index)) : undefined;
  const isOpen = fold !== undefined && unfolded.includes(fold.at);
  const foldNote = fold && (
    <p className={`fold-note${isOpen ? '' : ' is-folded'}`} data-testid="fold-note">
      {foldLine(fold, t)}.{' '}
      <button type="button" className="link-button" aria-expanded={isOpen} onClick={() => toggleFold(fold.at)} data-testid="fold-toggle">
        {isOpen ? t.anySize.fold.foldLabel : t.anySize.fold.unfoldLabel(fold.members.length)}
      </button>
    </p>
  );
  const kind = ev && (ev.type === 'frame' || ev.type === 'send' || ev.type === 'deliver') ? ev.kind : null;
  return (
    <section className="panel explain" aria-labelledby={headingId}>
      <div className="explain-head">
        <h2 id={headingId} className="panel-title">
          {t.panels.explain}
          {ev && (
            <span className="event-tag">
              {kind && <span className="dot" style={{ background: KIND_VAR[kind] }} aria-hidden="true" />}
              {ev.ns} · {t.types[ev.type]}
            </span>
          )}
        </h2>
        {inCaption && correction && chapter && <CorrectionRead n={chapter.n} text={correction} />}
      </div>
      {panels && (
      <div className="level-switch seg-buttons" role="group" aria-label={t.panels.level}>
        {(['short', 'detailed'] as const).map((l) => (
          <button key={l} type="button" aria-pressed={level === l} onClick={() => setLevel(l)}>
            {l === 'short' ? t.panels.levelShort : t.panels.levelDetailed}
          </button>
        ))}
      </div>
      )}
      <div aria-live="polite" aria-atomic="true" data-testid="explanation">
        {/* Folded, the flood's one sentence leads (a projector's caption shows its first lines); opened, it follows. */}
        {fold && !isOpen && foldNote}
        {ev && <p className="explain-text">{text}</p>}
        {ev && !(fold && !isOpen) && <p className="explain-line">{eventLine(ev, t, lang)}</p>}
        {fold && isOpen && foldNote}
        {correction && atStart && chapter && <CorrectionBox n={chapter.n} text={correction} atStart />}
        {isLast && result && (
          <p className="outcome" data-testid="outcome">
            <strong>{t.panels.outcome}:</strong> {tellOutcome(result, lang)}
          </p>
        )}
      </div>
      {correction && !atStart && chapter && <CorrectionBox n={chapter.n} text={correction} atStart={false} />}
      {/* Folded: its commands load when it is opened (components/proof/ProofFold.tsx). */}
      {ev && level === 'detailed' && <ProofFold />}
    </section>
  );
}
