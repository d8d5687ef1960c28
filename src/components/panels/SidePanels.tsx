import { useId, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';
import { EventLog } from './EventLog';
import { ExplainPanel } from './ExplainPanel';
import { TablesPanel } from './TablesPanel';

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
              data-testid={`tab-${x.id}`}
            >
              {x.label}
            </button>
          ))}
        </div>
        {/* The tables' panel is focusable so keyboard users can scroll long tables (axe: scrollable-region-focusable);
            the log's list is a Tab stop of its own. */}
        <div role="tabpanel" id={`${uid}-tabpanel-${tab}`} aria-labelledby={`${uid}-tab-${tab}`} className="tabpanel" tabIndex={tab === 'tables' ? 0 : undefined}>
          {tab === 'tables' ? <TablesPanel /> : <EventLog />}
        </div>
      </section>
    </aside>
  );
}
