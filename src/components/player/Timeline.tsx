import { useMemo } from 'react';
import { tellChapters } from '../../core';
import { stepPosition, stepSpan } from '../../store/floods';
import { chapterIndexAt, selectSteps } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { usePlayerStrings } from '../i18n/usePlayerStrings';
import { ChapterToc } from './ChapterToc';

/** More chapters than this and the marks are thin bars without numbers (16 numbered marks fit a 960 px footer). */
export const MANY_CHAPTERS = 16;

/**
 * A scrubbable step slider with the journey's chapters above it, each as wide as its share of the
 * steps (never too narrow to click); a chapter click seeks to its first step.
 */
export function Timeline() {
  const t = usePlayerStrings();
  const lang = useAppStore((s) => s.lang);
  const result = useAppStore((s) => s.result);
  const index = useAppStore((s) => s.index);
  const seek = useAppStore((s) => s.seek);
  // A chapter may begin on an event a folded flood hides: its jump opens that flood.
  const reveal = useAppStore((s) => s.reveal);
  const n = result?.events.length ?? 0;
  const chapters = useMemo(() => (result ? tellChapters(result, lang) : []), [result, lang]);
  const current = chapterIndexAt(chapters, index);
  const chapter = chapters[current];
  // A folded flood is one step standing for several events: the counter names them all.
  const steps = useAppStore(selectSteps);
  const step = steps[stepPosition(steps, index)];
  const span = step?.fold ? stepSpan(step) : null;
  const counter = t.controls.step(index + 1, n) + (span ? ` · ${t.anySize.fold.steps(`${span.first + 1}–${span.last + 1}`)}` : '');
  return (
    <div className="timeline">
      <div className="timeline-head">
        {/* The contents first: a narrow window clips the end of this line, never the button. */}
        <ChapterToc chapters={chapters} current={current} />
        <span className="step-count" data-testid="step-count">
          {counter}
        </span>
        {chapter && (
          <span className="chapter-now" data-testid="chapter-now">
            {t.controls.chapter(chapter.n)}: {chapter.title}
          </span>
        )}
      </div>
      {/* A journey of many chapters (a packet looping until its TTL runs out: 69) draws them as thin marks without numbers, so the row never pushes the page sideways; the contents list them all. */}
      <div className={`chapter-marks${chapters.length > MANY_CHAPTERS ? ' is-many' : ''}`} role="group" aria-label={t.controls.chapters} data-testid="chapter-marks">
        {chapters.map((c, k) => {
          const next = chapters[k + 1];
          const end = next ? next.start : n;
          const label = `${t.controls.chapter(c.n)}: ${c.title}${c.correction ? ` (${t.controls.hasCorrection})` : ''}`;
          return (
            <button
              key={c.n}
              type="button"
              className={`chapter${k === current ? ' is-current' : ''}${c.correction ? ' has-correction' : ''}`}
              style={{ flexGrow: Math.max(1, end - c.start) }}
              onClick={() => reveal(c.start)}
              title={label}
              aria-label={label}
              aria-current={k === current ? 'step' : undefined}
              data-testid={`chapter-${c.n}`}
            >
              {c.n}
              {c.correction && <span className="chapter-flag" aria-hidden="true">!</span>}
            </button>
          );
        })}
      </div>
      <input
        type="range"
        className="scrubber"
        min={0}
        max={Math.max(0, n - 1)}
        step={1}
        value={index}
        onChange={(e) => seek(Number(e.target.value))}
        aria-label={t.controls.timeline}
        aria-valuetext={counter}
        data-testid="timeline"
      />
    </div>
  );
}
