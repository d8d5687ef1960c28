import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ToldChapter } from '../../core';
import { useAppStore } from '../../store/StoreContext';
import { usePlayerStrings } from '../i18n/usePlayerStrings';

/** Props of {@link ChapterToc}. */
export interface ChapterTocProps {
  chapters: readonly ToldChapter[];
  /** Index in `chapters` of the chapter the playhead is in (−1 before the first). */
  current: number;
}

/**
 * The table of contents: a button that opens the list of the journey's chapters, titles in full,
 * the current one marked, each a jump to its first event; under it, what the "!" marks mean.
 * One Tab stop inside (the current chapter); ↑ ↓ Home End move between chapters, Enter jumps,
 * Escape closes and gives the focus back to the button.
 */
export function ChapterToc({ chapters, current }: ChapterTocProps) {
  const t = usePlayerStrings();
  const id = useId();
  // A chapter may begin on an event a folded flood hides: its jump opens that flood.
  const reveal = useAppStore((s) => s.reveal);
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState(Math.max(0, current));
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef(new Map<number, HTMLButtonElement>());
  // Opening puts the focus on the chapter being shown, as a book opens at its bookmark.
  useEffect(() => {
    if (!open) return;
    const k = Math.max(0, current);
    setFocus(k);
    items.current.get(k)?.focus();
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps -- only when it opens, not on each step
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
      return;
    }
    const to = { ArrowDown: focus + 1, ArrowUp: focus - 1, Home: 0, End: chapters.length - 1 }[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const k = Math.max(0, Math.min(chapters.length - 1, to));
    setFocus(k);
    items.current.get(k)?.focus();
  };
  if (chapters.length === 0) return null;
  const hasMarks = chapters.some((c) => c.correction);
  return (
    <div className="toc">
      {/* On a small screen the button is an icon, so the chapter's title beside it keeps its room. */}
      <button ref={button} type="button" className="toc-btn" aria-label={t.anySize.toc.show} title={t.anySize.toc.show} aria-expanded={open} aria-controls={`${id}-toc`} onClick={() => setOpen(!open)} data-testid="toc">
        <span className="toc-icon" aria-hidden="true">☰</span>
        <span className="toc-label">{t.anySize.toc.show}</span>
        <span aria-hidden="true"> {open ? '▾' : '▴'}</span>
      </button>
      <div id={`${id}-toc`} className="toc-popover" hidden={!open} onKeyDown={onKeyDown} data-testid="toc-list">
        <p className="toc-title">{t.anySize.toc.title}</p>
        <ol role="list">
          {chapters.map((c, k) => (
            <li key={c.n}>
              <button
                type="button"
                ref={(el) => {
                  if (el) items.current.set(k, el);
                  else items.current.delete(k);
                }}
                tabIndex={k === focus ? 0 : -1}
                className={`toc-item${k === current ? ' is-current' : ''}`}
                aria-current={k === current ? 'step' : undefined}
                onClick={() => {
                  reveal(c.start);
                  setFocus(k);
                }}
                onFocus={() => setFocus(k)}
                data-testid={`toc-${c.n}`}
              >
                <span className="toc-n">{c.n}</span>
                <span className="toc-text">{c.title}</span>
                {c.correction && (
                  <span className="chapter-flag" title={t.controls.hasCorrection}>
                    !<span className="sr-only"> ({t.controls.hasCorrection})</span>
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
        {hasMarks && <p className="toc-marks" data-testid="toc-marks">{t.anySize.toc.marks}</p>}
      </div>
    </div>
  );
}
