import type { ReactNode } from 'react';
import type { FdbRow, RouteRow } from '../../core';
import { consultedBy, newRows, rowKey, selectEvent, selectTablesNs } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';

/**
 * Row state, shown as a class and as visible badges on a line of their own under the row's last
 * value: inside the table's width, so a narrow panel never cuts them off.
 */
function Badges({ used, fresh, local = false }: { used: boolean; fresh: boolean; local?: boolean }) {
  const t = useStrings();
  if (!used && !fresh && !local) return null;
  return (
    <span className="badge-line">
      {local && <span className="badge">{t.panels.local}</span>}
      {used && <span className="badge badge-used">{t.panels.consulted}</span>}
      {fresh && <span className="badge badge-new">{t.panels.isNew}</span>}
    </span>
  );
}

function rowClass(used: boolean, fresh: boolean): string {
  return ['row', used ? 'is-used' : '', fresh ? 'is-new' : ''].filter(Boolean).join(' ');
}

/** A column header; a `wide` column gives way to a line inside the first cell when the panel is narrow. */
interface Head {
  key: string;
  label: ReactNode;
  wide?: boolean;
}

function Table({ title, testId, head, empty, children }: { title: string; testId: string; head: Head[]; empty: boolean; children: ReactNode }) {
  const t = useStrings();
  return (
    <div className="table-block" data-testid={testId}>
      {title && <h3 className="table-title">{title}</h3>}
      {empty ? (
        <p className="muted">{t.panels.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h.key} scope="col" className={h.wide ? 'col-wide' : undefined}>
                  {h.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </div>
  );
}

function FdbTable({ title, testId, rows, id, usedMac, fresh }: { title: string; testId: string; rows: FdbRow[]; id: string; usedMac: string | null; fresh: Set<string> }) {
  const t = useStrings();
  return (
    <Table title={title} testId={testId} head={[{ key: 'mac', label: t.panels.cols.mac }, { key: 'port', label: t.panels.cols.port }]} empty={rows.length === 0}>
      {rows.map((r) => {
        const used = r.mac === usedMac;
        const isNew = fresh.has(`fdb:${id}:${rowKey.fdb(r)}`);
        return (
          <tr key={rowKey.fdb(r)} className={rowClass(used, isNew)} data-used={used || undefined} data-new={isNew || undefined}>
            <td className="mono">{r.mac}</td>
            <td className="mono">
              {r.port}
              <Badges used={used} fresh={isNew} local={r.local} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

/** The tables of the device the current step happens in, with the entry it used and new entries marked. */
export function TablesPanel() {
  const t = useStrings();
  const ev = useAppStore(selectEvent);
  const index = useAppStore((s) => s.index);
  const stateAt = useAppStore((s) => s.stateAt);
  // Pinned from the drawing (canvas engineer, issue 8.4): a machine or pod clicked there shows its
  // tables here at every event until unpinned; rows the event used are marked only in its own namespace.
  const ns = useAppStore(selectTablesNs);
  const pinned = useAppStore((s) => s.pinnedNs);
  const unpin = useAppStore((s) => s.unpin);
  // Ports a program listens on here: what decides whether a SYN gets a SYN-ACK or a RST.
  const listeners = useAppStore((s) => (ns ? s.layout.namespaces[ns]?.listeners : undefined));
  const now = stateAt(index);
  const before = stateAt(index - 1);
  if (!ev || !now || !ns) return null;
  const used = ns === ev.ns ? consultedBy(ev) : {};
  const fresh = newRows(before, now, ns);
  const seg = now.segments[ns];
  if (seg) {
    return (
      <div className="tables" data-testid="tables" data-device={ns}>
        <FdbTable title={t.panels.segFdb(ns)} testId="table-fdb" rows={seg} id={ns} usedMac={used.fdb?.mac ?? null} fresh={fresh} />
      </div>
    );
  }
  const tables = now.ns[ns];
  if (!tables) return null;
  const routeRows = (rows: RouteRow[]) =>
    rows.map((r) => {
      const u = r.text === used.route;
      const isNew = fresh.has(`route:${rowKey.route(r)}`);
      return (
        <tr key={r.text} className={rowClass(u, isNew)} data-used={u || undefined} data-new={isNew || undefined}>
          <td className="mono route-text">
            {r.text}
            <Badges used={u} fresh={isNew} />
          </td>
        </tr>
      );
    });
  const main = tables.routes.filter((r) => r.table !== 'local');
  const local = tables.routes.filter((r) => r.table === 'local');
  const localUsed = local.some((r) => r.text === used.route);
  const routes = (
    <div key="routes">
      <Table title={t.panels.routes} testId="table-routes" head={[{ key: 'route', label: 'ip route' }]} empty={main.length === 0}>
        {routeRows(main)}
      </Table>
      {local.length > 0 && (
        // The local table (own and broadcast addresses) matters only when a packet is for us or a broadcast.
        <details className="local-routes" open={localUsed}>
          <summary>{t.panels.localRoutes(local.length)}</summary>
          <Table title="" testId="table-routes-local" head={[{ key: 'route', label: 'ip route show table local' }]} empty={false}>
            {routeRows(local)}
          </Table>
        </details>
      )}
    </div>
  );
  // Narrow, the MAC and the interface go under the IP address (the header says so), not off the edge.
  const neighHead: Head[] = [
    { key: 'ip', label: <>{t.panels.cols.ip}<span className="col-sub-head"> · {t.panels.cols.mac} · {t.panels.cols.iface}</span></> },
    { key: 'mac', label: t.panels.cols.mac, wide: true },
    { key: 'iface', label: t.panels.cols.iface, wide: true },
    { key: 'state', label: t.panels.cols.state },
  ];
  const neigh = (
    <Table key="neigh" title={t.panels.neigh} testId="table-neigh" head={neighHead} empty={tables.neigh.length === 0}>
      {tables.neigh.map((r) => {
        const u = used.neigh?.ip === r.ip && used.neigh.iface === r.iface;
        const isNew = fresh.has(`neigh:${rowKey.neigh(r)}`);
        return (
          <tr key={rowKey.neigh(r)} className={rowClass(u, isNew)} data-used={u || undefined} data-new={isNew || undefined}>
            <td className="mono">
              {r.ip}
              <span className="col-sub">
                {r.mac ?? '—'} {r.iface}
              </span>
            </td>
            <td className="mono col-wide">{r.mac ?? '—'}</td>
            <td className="mono col-wide">{r.iface}</td>
            <td className={`state state-${r.state.toLowerCase()}`}>
              {r.state}
              <Badges used={u} fresh={isNew} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
  const fdbs = Object.entries(tables.fdb).map(([br, rows]) => (
    <FdbTable key={`fdb:${br}`} title={t.panels.fdb(br)} testId={`table-fdb-${br}`} rows={rows} id={br} usedMac={used.fdb?.bridge === br ? used.fdb.mac : null} fresh={fresh} />
  ));
  // The table this step works on comes first, so it is in view without scrolling.
  const ordered = used.fdb ? [...fdbs, neigh, routes] : used.neigh ? [neigh, routes, ...fdbs] : [routes, neigh, ...fdbs];
  return (
    <div className="tables" data-testid="tables" data-device={ns} data-pinned={pinned !== null || undefined}>
      {pinned ? (
        <h3 className="device-title table-pin">
          {t.panels.pinned(ns)}
          <button type="button" onClick={unpin} title={t.panels.unpinHelp} data-testid="tables-unpin">
            {t.panels.unpin}
          </button>
        </h3>
      ) : (
        <h3 className="device-title">{t.panels.device(ns)}</h3>
      )}
      {listeners && listeners.length > 0 && (
        <p className="listens" data-testid="listens">
          {t.panels.listens(listeners.join(', '))}
        </p>
      )}
      {ordered}
    </div>
  );
}
