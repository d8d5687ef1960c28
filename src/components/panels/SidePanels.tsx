import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';
import type { EventLog } from './EventLog';
import { ExplainPanel } from './ExplainPanel';
import { TablesPanel } from './TablesPanel';

/*
 * The event log is behind a tab the page opens on the tables: its chunk is fetched when the pointer
 * or the focus reaches its tab (so a click finds it there), or when the tab is chosen, never with
 * the first page (scripts/firstLoad.test.ts).
 */
type EventLogModule = { EventLog: typeof EventLog };
let eventLogModule: EventLogModule | null = null;
let eventLogLoading: Promise<EventLogModule> | null = null;

/** Starts fetching the event log's chunk (once); the module is kept for the next render. */
function loadEventLog(): Promise<EventLogModule> {
  eventLogLoading ??= import('./EventLog').then((m) => (eventLogModule = m));
  return eventLogLoading;
}

const LazyEventLog = lazy(() => loadEventLog().then((m) => ({ default: m.EventLog })));

/** The log: at once when its chunk is here (no fallback frame), else after it arrives, in a box of the same kind meanwhile. */
function EventLogTab() {
  // Read once per mount: a module that arrives later re-renders through Suspense.
  const [ready] = useState(() => eventLogModule);
  if (ready) return <ready.EventLog />;
  return (
    <Suspense fallback={<div className="event-log" aria-busy="true" data-testid="event-log-loading" />}>
      <LazyEventLog />
    </Suspense>
  );
}

/** The side column: this step's explanation, then the tables or the event log. */
export function SidePanels() {
  const t = useStrings();
  const tab = useAppStore((s) => s.sideTab);
  const setTab = useAppStore((s) => s.setSideTab);
  // Ids unique per mounted app: two players embedded on one slide must not share them.
  const uid = useId();
  const tabs = [
    { id: 'tables' as const, label: t.panels.tables },
    { id: 'log' as const, label: t.panels.log },
  ];
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  // WAI-ARIA tabs: one Tab stop (the selected tab); arrows, Home and End move to a tab and show it.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const k = tabs.findIndex((x) => x.id === tab);
    const to = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    if (!next) return;
    setTab(next.id);
    tabRefs.current.get(next.id)?.focus();
  };
  return (
    <aside className="side">
      <ExplainPanel />
      <section className="panel tabbed">
        <div className="tabs" role="tablist" aria-label={`${t.panels.tables} / ${t.panels.log}`}>
          {tabs.map((x) => (
            <button
              key={x.id}
              type="button"
              role="tab"
              id={`${uid}-tab-${x.id}`}
              aria-selected={tab === x.id}
              aria-controls={`${uid}-tabpanel-${x.id}`}
              tabIndex={tab === x.id ? 0 : -1}
              ref={(el) => {
                if (el) tabRefs.current.set(x.id, el);
                else tabRefs.current.delete(x.id);
              }}
              className="tab"
              onClick={() => setTab(x.id)}
              onKeyDown={onTabKey}
              onPointerEnter={x.id === 'log' ? () => void loadEventLog() : undefined}
              onFocus={x.id === 'log' ? () => void loadEventLog() : undefined}
              data-testid={`tab-${x.id}`}
            >
              {x.label}
            </button>
          ))}
        </div>
        {/* The tables' panel is focusable so keyboard users can scroll long tables (axe: scrollable-region-focusable);
            the log's list is a Tab stop of its own. */}
        <div role="tabpanel" id={`${uid}-tabpanel-${tab}`} aria-labelledby={`${uid}-tab-${tab}`} className="tabpanel" tabIndex={tab === 'tables' ? 0 : undefined}>
          {tab === 'tables' ? <TablesPanel /> : <EventLogTab />}
        </div>
      </section>
    </aside>
  );
}
