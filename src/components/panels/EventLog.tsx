import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { LogFilterKey } from '../../store/appState';
import type { HopEvent } from '../../core';
import { floodFolds, type DisplayStep } from '../../store/floods';
import { logFilterKey, selectSteps } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { KIND_VAR } from '../kindColours';
import { useStrings } from '../i18n/useStrings';
import { eventLine } from './eventLine';
import { foldLine } from './foldLine';

const FILTERS: LogFilterKey[] = ['arp', 'request', 'reply', 'icmp-error', 'decision'];

/** The filter a step falls under: a folded flood goes with the frames it folds. */
function stepFilterKey(events: readonly HopEvent[], st: DisplayStep): LogFilterKey {
  const e = events[st.fold?.members[0] ?? st.index];
  return e ? logFilterKey(e) : 'decision';
}

/** Rows a Page Up / Page Down moves by. */
const PAGE = 10;

/** The nearest box that scrolls `el` vertically, inside its app (never the page: an embed must not scroll the slide). */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p && !p.matches('[data-testid="app"]'); p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && p.scrollHeight > p.clientHeight + 1) return p;
  }
  return null;
}

/** Scroll `row` into view inside `box`, centred or just enough. */
function reveal(box: HTMLElement, row: HTMLElement, centre: boolean): void {
  const r = row.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  if (centre) box.scrollTop += r.top + r.height / 2 - (b.top + b.height / 2);
  else if (r.top < b.top) box.scrollTop += r.top - b.top;
  else if (r.bottom > b.bottom) box.scrollTop += r.bottom - b.bottom;
}

/**
 * Every step of the journey, filterable by kind. One Tab stop: a listbox whose arrow keys move a
 * cursor over the steps (Home/End, Page Up/Down too) and whose Enter or a click jumps to that
 * step; the step shown is the selected option. The cursor is announced through
 * aria-activedescendant, so focus stays on the list. A folded flood is one row (→ unfolds it,
 * ← folds it again); with "hide events to come" the list ends at the step shown.
 */
export function EventLog() {
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  const events = useAppStore((s) => s.result?.events);
  const index = useAppStore((s) => s.index);
  const filter = useAppStore((s) => s.logFilter);
  const toggle = useAppStore((s) => s.toggleLogFilter);
  const seek = useAppStore((s) => s.seek);
  const steps = useAppStore(selectSteps);
  const toggleFold = useAppStore((s) => s.toggleFold);
  const hideFuture = useAppStore((s) => s.hideFuture);
  const setHideFuture = useAppStore((s) => s.setHideFuture);
  const listRef = useRef<HTMLOListElement>(null);
  const uid = useId();
  // The keyboard cursor (an event index) while the list has focus; null: it sits on the event shown.
  const [cursor, setCursor] = useState<number | null>(null);
  // A click focuses the list too: then the click, not the focus, places the cursor (a scroll on
  // focus would move the row away from under the pointer before the click lands).
  const pointing = useRef(false);

  const all = events ?? [];
  const shown = steps
    .filter((st) => (!hideFuture || st.index <= index) && filter[stepFilterKey(all, st)])
    .flatMap((st) => {
      const e = all[st.index];
      return e ? [{ e, i: st.index, fold: st.fold }] : [];
    });
  const future = hideFuture ? steps.filter((st) => st.index > index).length : 0;
  const positionOf = (i: number) => shown.findIndex((x) => x.i === i);
  // Where the cursor is: the one the keys moved, else the event shown, else the next event the filter keeps.
  const at = (() => {
    if (cursor !== null && positionOf(cursor) >= 0) return cursor;
    const next = shown.find((x) => x.i >= index) ?? shown[shown.length - 1];
    return next?.i ?? null;
  })();
  const optionId = (i: number) => `${uid}-event-${i}`;

  useEffect(() => {
    // Keep the event shown in view (centred) in the list as the journey plays; only the list
    // scrolls, never the panel around it (that would take the explanation away at each event).
    const list = listRef.current;
    const row = list?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (row && list && cursor === null && scrollerOf(row) === list) reveal(list, row, true);
  }, [index, filter, cursor]);
  useEffect(() => {
    // The keyboard cursor stays in view as it moves, whatever scrolls it (the list, or a drawer).
    const row = cursor === null ? null : listRef.current?.querySelector<HTMLElement>(`[data-event="${cursor}"]`);
    const box = row ? scrollerOf(row) : null;
    if (row && box) reveal(box, row, false);
  }, [cursor]);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    if (shown.length === 0 || at === null || e.altKey || e.ctrlKey || e.metaKey) return;
    const p = Math.max(0, positionOf(at));
    const moves: Record<string, number> = { ArrowDown: p + 1, ArrowUp: p - 1, Home: 0, End: shown.length - 1, PageDown: p + PAGE, PageUp: p - PAGE };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      setCursor(shown[Math.max(0, Math.min(shown.length - 1, to))]?.i ?? at);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      seek(at);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      // Like a tree: → opens the folded flood under the cursor, ← closes the flood it belongs to.
      const f = floodFolds(all).find((x) => x.at === at || x.members.includes(at));
      const open = shown[p]?.fold === undefined;
      if (!f || (e.key === 'ArrowRight') !== !open) return;
      e.preventDefault();
      setCursor(f.at);
      toggleFold(f.at);
    }
  };

  return (
    <div className="event-log" data-testid="event-log">
      <div className="filters" role="group" aria-label={t.panels.filter}>
        {FILTERS.map((k) => (
          <button key={k} type="button" className="chip" aria-pressed={filter[k]} onClick={() => toggle(k)} data-testid={`filter-${k}`}>
            {k !== 'decision' && <span className="dot" style={{ background: KIND_VAR[k] }} aria-hidden="true" />}
            {t.kinds[k]}
          </button>
        ))}
        <label className="chip future-toggle" title={t.anySize.future.help}>
          <input type="checkbox" checked={hideFuture} onChange={(e) => setHideFuture(e.target.checked)} data-testid="hide-future" />
          {t.anySize.future.label}
        </label>
      </div>
      {shown.length === 0 && <p className="muted">{t.panels.noEvents}</p>}
      <ol
        className="log-list"
        ref={listRef}
        role="listbox"
        tabIndex={shown.length > 0 ? 0 : -1}
        aria-label={t.panels.log}
        aria-activedescendant={at !== null ? optionId(at) : undefined}
        onKeyDown={onKeyDown}
        onMouseDown={() => {
          pointing.current = true;
        }}
        onFocus={() => {
          if (!pointing.current) setCursor(at);
          pointing.current = false;
        }}
        onBlur={() => setCursor(null)}
        data-testid="log-list"
      >
        {shown.map(({ e, i, fold }) => {
          const key = fold ? stepFilterKey(all, { index: i, fold }) : logFilterKey(e);
          const cls = ['log-row', i === index ? 'is-current' : '', i === at && cursor !== null ? 'is-active' : '', fold ? 'is-fold' : ''].filter(Boolean).join(' ');
          const line = fold ? `${foldLine(fold, t)} (${t.anySize.fold.hidden(fold.members.length)})` : eventLine(e, t, lang);
          return (
            <li
              key={i}
              id={optionId(i)}
              role="option"
              aria-selected={i === index}
              className={cls}
              onClick={() => {
                setCursor(i);
                seek(i);
              }}
              data-event={i}
              data-fold={fold ? fold.members.length : undefined}
              data-testid={`log-${i}`}
            >
              <span className="log-n">{i + 1}</span>
              <span className="dot" style={key !== 'decision' ? { background: KIND_VAR[key] } : undefined} aria-hidden="true" />
              <span className="log-ns">{e.ns}</span>
              <span className="log-type">{fold ? t.fdbActions.flood : t.types[e.type]}</span>
              <span className="log-text" title={line}>
                {fold && <span aria-hidden="true">▸ </span>}
                {line}
              </span>
            </li>
          );
        })}
      </ol>
      {future > 0 && (
        <p className="muted future-hidden" data-testid="future-hidden">
          {t.anySize.future.hidden(future)}
        </p>
      )}
    </div>
  );
}
