import { useId } from 'react';
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
              className="tab"
              onClick={() => setTab(x.id)}
              data-testid={`tab-${x.id}`}
            >
              {x.label}
            </button>
          ))}
        </div>
        {/* Focusable so keyboard users can scroll long tables (axe: scrollable-region-focusable). */}
        <div role="tabpanel" id={`${uid}-tabpanel-${tab}`} aria-labelledby={`${uid}-tab-${tab}`} className="tabpanel" tabIndex={0}>
          {tab === 'tables' ? <TablesPanel /> : <EventLog />}
        </div>
      </section>
    </aside>
  );
}
