import { useEffect, useRef } from 'react';
import type { LogFilterKey } from '../../store/appState';
import { logFilterKey } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { KIND_VAR } from '../i18n/strings';
import { useStrings } from '../i18n/useStrings';
import { eventLine } from './eventLine';

const FILTERS: LogFilterKey[] = ['arp', 'request', 'reply', 'icmp-error', 'decision'];

/** Every event of the journey, filterable by kind; a click jumps to that step. */
export function EventLog() {
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  const events = useAppStore((s) => s.result?.events);
  const index = useAppStore((s) => s.index);
  const filter = useAppStore((s) => s.logFilter);
  const toggle = useAppStore((s) => s.toggleLogFilter);
  const seek = useAppStore((s) => s.seek);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    // Keep the current step in view without moving the page itself.
    const row = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    const list = listRef.current;
    if (row && list) list.scrollTop = Math.max(0, row.offsetTop - list.clientHeight / 2);
  }, [index, filter]);

  const shown = (events ?? []).map((e, i) => ({ e, i })).filter(({ e }) => filter[logFilterKey(e)]);
  return (
    <div className="event-log" data-testid="event-log">
      <div className="filters" role="group" aria-label={t.panels.filter}>
        {FILTERS.map((k) => (
          <button key={k} type="button" className="chip" aria-pressed={filter[k]} onClick={() => toggle(k)} data-testid={`filter-${k}`}>
            {k !== 'decision' && <span className="dot" style={{ background: KIND_VAR[k] }} aria-hidden="true" />}
            {t.kinds[k]}
          </button>
        ))}
      </div>
      {shown.length === 0 && <p className="muted">{t.panels.noEvents}</p>}
      <ol className="log-list" ref={listRef}>
        {shown.map(({ e, i }) => {
          const key = logFilterKey(e);
          return (
            <li key={i}>
              <button type="button" className={`log-row${i === index ? ' is-current' : ''}`} aria-current={i === index ? 'step' : undefined} onClick={() => seek(i)} data-testid={`log-${i}`}>
                <span className="log-n">{i + 1}</span>
                <span className="dot" style={key !== 'decision' ? { background: KIND_VAR[key] } : undefined} aria-hidden="true" />
                <span className="log-ns">{e.ns}</span>
                <span className="log-type">{t.types[e.type]}</span>
                <span className="log-text" title={eventLine(e, t, lang)}>
                  {eventLine(e, t, lang)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
