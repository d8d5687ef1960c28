import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { RouteSpec } from '../../core';
import { addRoute, deleteRoute, routeInput, routeLine, updateRoute, type NsPlace, type RouteInput } from '../../core/editing';
import { useInspectorStrings } from '../i18n/inspectorStrings';
import { Reason } from './InspectorField';
import type { SectionProps } from './InspectorInterfaces';
import { useDraft, type LabCommit, type Refusal } from './useInspectorEdit';

type Col = 'dst' | 'via' | 'metric';

/** The namespace's devices for a route's select, with `current` kept when the lab names one it lacks. */
function devices(place: NsPlace, current: string): string[] {
  const names = place.ns.interfaces.map((i) => i.name);
  return current === '' || names.includes(current) ? names : [...names, current];
}

/** Props of one row of the route table. */
interface RowProps {
  place: NsPlace;
  commit: LabCommit;
  route: RouteSpec;
  index: number;
  onDelete: (index: number) => Refusal | null;
}

/** One route as an editable row: destination, gateway, device, metric, and its delete button; the reason of a refusal under it. */
function RouteRow({ place, commit, route, index, onDelete }: RowProps) {
  const t = useInspectorStrings();
  const id = useId();
  const row = routeInput(route);
  const n = index + 1;
  const at = `${place.path}.routes[${index}]`;
  const save = (change: Partial<RouteInput>) => commit('editRoute', (x) => updateRoute(x, place.ns.name, index, { ...row, ...change }));
  const cols: Record<Col, ReturnType<typeof useDraft>> = {
    dst: useDraft(row.dst, (v) => save({ dst: v })),
    via: useDraft(row.via, (v) => save({ via: v })),
    metric: useDraft(row.metric, (v) => save({ metric: v })),
  };
  const dev = useDraft(row.dev, (v) => save({ dev: v }));
  const [deleteRefusal, setDeleteRefusal] = useState<Refusal | null>(null);
  const refusal = [cols.dst, cols.via, dev, cols.metric].flatMap((d) => d.refusal ?? []).concat(deleteRefusal ?? []);
  const reasonId = `${id}-reason`;
  const label: Record<Col, string> = { dst: t.dst, via: t.via, metric: t.metric };
  return (
    <>
      <tr data-testid={`route-${index}`}>
        {(['dst', 'via'] as const).map((c) => (
          <td key={c}>
            <input type="text" className="mono" spellCheck={false} autoComplete="off" aria-label={t.routeField(label[c], n)} aria-describedby={reasonId} data-testid={`route-${c}-${index}`} {...cols[c].input} />
          </td>
        ))}
        <td>
          <select value={dev.text} onChange={(e) => dev.choose(e.target.value)} aria-label={t.routeField(t.dev, n)} aria-describedby={reasonId} aria-invalid={dev.input['aria-invalid']} data-testid={`route-dev-${index}`}>
            {devices(place, dev.text).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </td>
        <td>
          <input type="text" inputMode="numeric" className="mono" spellCheck={false} autoComplete="off" aria-label={t.routeField(t.metric, n)} aria-describedby={reasonId} data-testid={`route-metric-${index}`} {...cols.metric.input} />
        </td>
        <td>
          <button type="button" className="ns-route-delete" data-route-delete={index} aria-label={t.deleteRoute(n, routeLine(route))} title={t.deleteRoute(n, routeLine(route))} onClick={() => setDeleteRefusal(onDelete(index))} aria-describedby={reasonId}>
            <span aria-hidden="true">×</span>
          </button>
        </td>
      </tr>
      <tr className="ns-reason-row">
        <td colSpan={5}>
          <Reason id={reasonId} refusal={refusal.length > 0 ? refusal : null} nsPath={place.path} at={at} />
        </td>
      </tr>
    </>
  );
}

const EMPTY: RouteInput = { dst: '', via: '', dev: '', metric: '' };

/** The row that adds a route: typed like the others, added with its button or Enter; Escape empties it. */
function NewRoute({ place, commit }: SectionProps) {
  const t = useInspectorStrings();
  const id = useId();
  const [row, setRow] = useState<RouteInput>(EMPTY);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const routes = place.ns.routes ?? [];
  // A new route goes out the first interface with an address, as most are written.
  const dev = row.dev || (place.ns.interfaces.find((i) => (i.addresses ?? []).length > 0) ?? place.ns.interfaces[0])?.name || '';
  const add = () => {
    const r = commit('addRoute', (x) => addRoute(x, place.ns.name, { ...row, dev }));
    setRefusal(r);
    if (r) return;
    setRow(EMPTY);
    first.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    } else if (e.key === 'Escape' && (refusal || row !== EMPTY)) {
      e.preventDefault();
      e.stopPropagation();
      setRow(EMPTY);
      setRefusal(null);
    }
  };
  const field = (c: Col) => (
    <input
      ref={c === 'dst' ? first : undefined}
      type="text"
      className="mono"
      spellCheck={false}
      autoComplete="off"
      placeholder={c === 'dst' ? '10.0.0.0/8' : c === 'via' ? '172.16.100.254' : '0'}
      inputMode={c === 'metric' ? 'numeric' : undefined}
      aria-label={t.newField(c === 'dst' ? t.dst : c === 'via' ? t.via : t.metric)}
      aria-describedby={`${id}-reason`}
      aria-invalid={refusal ? true : undefined}
      value={row[c]}
      onChange={(e) => setRow({ ...row, [c]: e.target.value })}
      onKeyDown={onKeyDown}
      data-testid={`new-route-${c}`}
    />
  );
  return (
    <>
      <tr className="ns-new-route" data-testid="new-route">
        <td>{field('dst')}</td>
        <td>{field('via')}</td>
        <td>
          <select value={dev} onChange={(e) => setRow({ ...row, dev: e.target.value })} onKeyDown={onKeyDown} aria-label={t.newField(t.dev)} data-testid="new-route-dev">
            {devices(place, dev).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </td>
        <td>{field('metric')}</td>
        <td>
          <button type="button" className="ns-route-add" onClick={add} aria-label={t.addRoute} title={t.addRoute} data-testid="add-route">
            <span aria-hidden="true">+</span>
          </button>
        </td>
      </tr>
      <tr className="ns-reason-row">
        <td colSpan={5}>
          <Reason id={`${id}-reason`} refusal={refusal} nsPath={place.path} at={`${place.path}.routes[${routes.length}]`} />
        </td>
      </tr>
    </>
  );
}

/**
 * The selected namespace's static routes as an editable table: each cell commits on Enter or when
 * the focus leaves it (one undo step), the device is a select of the namespace's interfaces, a row
 * is deleted with its button, and the last row adds a route. Rows are keyed by position and the
 * table starts afresh when a row comes or goes, so a refusal never sticks to another route.
 */
export function InspectorRoutes({ place, commit }: SectionProps) {
  const t = useInspectorStrings();
  const id = useId();
  const routes = place.ns.routes ?? [];
  const body = useRef<HTMLTableSectionElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    // After a delete the focus goes to the next row's delete button, or to the new route's first field.
    const next = body.current?.querySelector<HTMLElement>(`[data-route-delete="${focusRow}"]`) ?? body.current?.closest('table')?.querySelector<HTMLElement>('[data-testid="new-route-dst"]');
    next?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const onDelete = (index: number): Refusal | null => {
    const r = commit('deleteRoute', (x) => deleteRoute(x, place.ns.name, index));
    if (!r) setFocusRow(Math.min(index, routes.length - 2));
    return r;
  };
  return (
    <div className="ns-routes-wrap">
      <p id={`${id}-caption`} className="ns-help">
        {t.routesCaption} {t.routeHelp}
      </p>
      <table className="ns-routes" aria-describedby={`${id}-caption`} data-testid="routes-table">
        <thead>
          <tr>
            <th scope="col">{t.dst}</th>
            <th scope="col">{t.via}</th>
            <th scope="col">{t.dev}</th>
            <th scope="col">{t.metric}</th>
            <th scope="col">
              <span className="sr-only">{t.routeButtons}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={body} key={routes.length}>
          {routes.map((r, k) => (
            <RouteRow key={k} place={place} commit={commit} route={r} index={k} onDelete={onDelete} />
          ))}
        </tbody>
        <tfoot>
          <NewRoute place={place} commit={commit} />
        </tfoot>
      </table>
      {routes.length === 0 && <p className="ns-help">{t.noRoutes}</p>}
    </div>
  );
}
