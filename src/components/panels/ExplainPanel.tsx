import { useId } from 'react';
import { chapterIndexAt, selectEvent } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { KIND_VAR } from '../i18n/strings';
import { useStrings } from '../i18n/useStrings';
import { eventLine } from './eventLine';

/** What happens at this step, in words; announced to screen readers as the step changes. */
export function ExplainPanel() {
  const t = useStrings();
  const headingId = useId();
  const lang = useAppStore((s) => s.lang);
  const ev = useAppStore(selectEvent);
  const result = useAppStore((s) => s.result);
  const index = useAppStore((s) => s.index);
  const isLast = result !== null && index === result.events.length - 1;
  const chapter = result?.chapters[chapterIndexAt(result.chapters, index)];
  // The course notes simplify some steps: at a chapter's first step say what really happens, in full;
  // at its later steps keep it one click away.
  const correction = chapter?.correction;
  const atStart = chapter?.start === index;
  const kind = ev && (ev.type === 'frame' || ev.type === 'send' || ev.type === 'deliver') ? ev.kind : null;
  return (
    <section className="panel explain" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t.panels.explain}
        {ev && (
          <span className="event-tag">
            {kind && <span className="dot" style={{ background: KIND_VAR[kind] }} aria-hidden="true" />}
            {ev.ns} · {t.types[ev.type]}
          </span>
        )}
      </h2>
      <div aria-live="polite" aria-atomic="true" data-testid="explanation">
        {ev && <p className="explain-text">{ev.explain[lang]}</p>}
        {ev && <p className="explain-line">{eventLine(ev, t, lang)}</p>}
        {correction && atStart && (
          <div className="correction is-start" data-testid="correction" data-start="true">
            <p className="correction-title">{t.panels.correctionAt(chapter.n)}</p>
            <p>{correction[lang]}</p>
          </div>
        )}
        {isLast && result && (
          <p className="outcome" data-testid="outcome">
            <strong>{t.panels.outcome}:</strong> {result.outcome[lang]}
          </p>
        )}
      </div>
      {correction && !atStart && (
        <details className="correction is-later" data-testid="correction" data-start="false">
          <summary>{t.panels.correctionAt(chapter.n)}</summary>
          <p>{correction[lang]}</p>
        </details>
      )}
    </section>
  );
}
