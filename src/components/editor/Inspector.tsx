import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Topology } from '../../core';
import { findNs, podSubnetOf, renameNamespace, setPodSubnet, type NsPlace } from '../../core/editing';
import { useAppStore } from '../../store/StoreContext';
import { useInspectorStrings } from '../i18n/inspectorStrings';
import { TextField } from './InspectorField';
import { InspectorInterfaces } from './InspectorInterfaces';
import { InspectorRoutes } from './InspectorRoutes';
import { InspectorSysctls } from './InspectorSysctls';
import { useLabCommit } from './useInspectorEdit';
import './inspector.css';

/** The inspector's sections, one shown at a time. */
type Section = 'interfaces' | 'routes' | 'sysctls';
const SECTIONS: Section[] = ['interfaces', 'routes', 'sysctls'];

/** The selected namespace, or null when nothing (or nothing that still exists) is selected. */
function placeOf(t: Topology, selected: string | null): NsPlace | null {
  if (selected === null) return null;
  try {
    return findNs(t, selected);
  } catch {
    return null;
  }
}

/**
 * Keys inside the inspector are the inspector's: a plain arrow, Delete or Backspace on one of its
 * checkboxes, buttons or tabs must not also move or delete the selected machine (edit mode's keys
 * on the selection). Undo and redo (with Ctrl) still reach the app.
 */
function keepKeys(e: KeyboardEvent<HTMLElement>): void {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Delete', 'Backspace', 'Home', 'End', ' '].includes(e.key)) e.stopPropagation();
}

/**
 * Edit mode's inspector: the selected machine or pod, to edit by keyboard or mouse. Its name and a
 * node's pod subnet on top; then, one at a time, its interfaces (name, IP/prefix, MAC; kind, link
 * and MTU to read), its routes as an editable table, and its sysctls with what each does. Every
 * commit is one edit through the store's gate (one undo step); a refused value stays in its field
 * with the reason beside it, in the UI's language, and the lab is unchanged.
 */
export function Inspector() {
  const t = useInspectorStrings();
  const topology = useAppStore((s) => s.topology);
  const selected = useAppStore((s) => s.selected);
  const count = useAppStore((s) => s.selection.length);
  const commit = useLabCommit();
  const uid = useId();
  const [section, setSection] = useState<Section>('interfaces');
  const tabRefs = useRef(new Map<Section, HTMLButtonElement>());
  const place = placeOf(topology, selected);
  if (!place) return null;
  const ns = place.ns;
  const machine = topology.machines[place.machine];
  const kind = place.pod === null ? (machine?.role ?? 'host') : 'pod';
  const pods = place.pod === null ? podSubnetOf(topology, ns.name) : null;
  const counts: Record<Section, number | null> = { interfaces: ns.interfaces.length, routes: (ns.routes ?? []).length, sysctls: null };
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const k = SECTIONS.indexOf(section);
    const to = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: SECTIONS.length - 1 }[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = SECTIONS[(to + SECTIONS.length) % SECTIONS.length] ?? section;
    setSection(next);
    tabRefs.current.get(next)?.focus();
  };
  return (
    <section className="panel ns-inspector" aria-labelledby={`${uid}-title`} data-testid="inspector" onKeyDown={keepKeys}>
      <h2 id={`${uid}-title`} className="panel-title">
        {t.title}
        <span className="ns-inspector-what">{t.what(t.kinds[kind] ?? kind, ns.name)}</span>
        {count > 1 && (
          <span className="ns-inspector-what" data-testid="inspector-one-of">
            {t.oneOf(count)}
          </span>
        )}
      </h2>
      {/* Keyed by place, not name: a rename keeps the field (and the focus in it). */}
      <div className="ns-top" key={place.path}>
        <TextField label={t.name} name={t.nameOf(ns.name)} value={ns.name} nsPath={place.path} at={`${place.path}.name`} testId="inspector-name" commit={(v) => commit('rename', (x) => renameNamespace(x, ns.name, v.trim()))} />
        {pods && (
          <TextField
            label={t.podSubnet}
            name={t.podSubnetLabel(pods.bridge)}
            value={pods.address}
            nsPath={place.path}
            at={`${place.path}.interfaces`}
            help={t.podSubnetHelp(pods.pods.join(', '))}
            testId="inspector-pod-subnet"
            commit={(v) => commit('podSubnet', (x) => setPodSubnet(x, ns.name, v))}
          />
        )}
      </div>
      <div className="tabs ns-tabs" role="tablist" aria-label={t.tabs}>
        {SECTIONS.map((s) => {
          const n = counts[s];
          return (
            <button
              key={s}
              type="button"
              role="tab"
              id={`${uid}-tab-${s}`}
              aria-selected={section === s}
              aria-controls={`${uid}-panel`}
              tabIndex={section === s ? 0 : -1}
              ref={(el) => {
                if (el) tabRefs.current.set(s, el);
                else tabRefs.current.delete(s);
              }}
              className="tab"
              onClick={() => setSection(s)}
              onKeyDown={onTabKey}
              data-testid={`inspector-tab-${s}`}
            >
              {n === null ? t[s] : t.count(t[s], n)}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${uid}-panel`} aria-labelledby={`${uid}-tab-${section}`} className="ns-panel" key={`${place.path}:${section}`}>
        {section === 'interfaces' && <InspectorInterfaces place={place} commit={commit} />}
        {section === 'routes' && <InspectorRoutes place={place} commit={commit} />}
        {section === 'sysctls' && <InspectorSysctls place={place} commit={commit} />}
      </div>
    </section>
  );
}
