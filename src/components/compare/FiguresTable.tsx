import { useMemo } from 'react';
import { useStore } from 'zustand';
import { journeyFigures, type JourneyFigures } from '../../core/compare/figures';
import type { PlayerStore } from '../../store/createPlayerStore';
import type { Lang } from '../../store/types';
import { stringsOf } from '../i18n/langStrings';
import { COMPARE } from '../i18n/compareStrings';

/**
 * The figures of a side's journey, recomputed when its result changes (never per step). A side
 * without a store (a refused mode) reads `standIn` and ignores it: hooks run the same every render.
 */
function useFigures(store: PlayerStore | null, standIn: PlayerStore): JourneyFigures | null | undefined {
  const result = useStore(store ?? standIn, (s) => (store ? s.result : null));
  return useMemo(() => (result ? journeyFigures(result) : undefined), [result]);
}

/** Props of {@link FiguresTable}. */
export interface FiguresTableProps {
  left: PlayerStore | null;
  right: PlayerStore | null;
  /** Column headings: the two modes' names. */
  heads: [string, string];
  lang: Lang;
  /** A store to stand in for a missing side (the dialog's main store: never read). */
  standIn: PlayerStore;
}

/**
 * The first packet under both modes, figure by figure: routers crossed, TTL on arrival, devices,
 * frames, bytes at the sender and on the wire, the overhead (VXLAN's 50 bytes explained),
 * encapsulation, ARP lookups, time and outcome. A figure that differs is marked.
 */
export function FiguresTable({ left, right, heads, lang, standIn }: FiguresTableProps) {
  const t = COMPARE[lang];
  const drops = stringsOf(lang).drops;
  const a = useFigures(left, standIn);
  const b = useFigures(right, standIn);
  const cell = (f: JourneyFigures | null | undefined, row: keyof typeof t.rows): string => {
    if (f === undefined) return '—';
    if (f === null) return t.noPacket;
    switch (row) {
      case 'hops': return String(f.hops);
      case 'ttl': return f.ttlAtReceiver === null ? t.notDelivered : `${f.ttlSent} → ${f.ttlAtReceiver}`;
      case 'devices': return `${f.devices.length}: ${f.devices.map((d) => `${d.ns}/${d.iface}`).join(' → ')}`;
      case 'frames': return String(f.frames);
      case 'source': return String(f.bytesAtSource);
      case 'wire': return String(f.bytesOnWire);
      case 'overhead':
        if (f.wireguard) return t.overheadWireguard(f.overheadBytes, f.wireguard.added, f.wireguard.padding, f.encapsulations.some((e) => e.kind === 'vxlan'));
        if (f.encapsulations.some((e) => e.kind === 'vxlan') && f.overheadBytes === 50) return t.overheadVxlan(50);
        if (f.encapsulations.some((e) => e.kind === 'ipip') && f.overheadBytes === 20) return t.overheadIpip(20);
        return String(f.overheadBytes);
      case 'encapsulation': return f.encapsulations.length === 0 ? t.none : f.encapsulations.map((e) => (e.kind === 'vxlan' ? t.vxlan(e.vni, e.port) : e.kind === 'ipip' ? t.ipip : t.wireguard(e.port))).join('; ');
      case 'arp': return String(f.arpResolutions);
      case 'time': return f.deliveredAfterNs === null ? t.notDelivered : t.microseconds((f.deliveredAfterNs / 1000).toLocaleString(lang));
      case 'outcome': return f.outcome.delivered ? t.delivered : t.dropped(f.outcome.reason ? drops[f.outcome.reason as keyof typeof drops] : '?');
    }
  };
  const rows = Object.keys(t.rows) as (keyof typeof t.rows)[];
  return (
    <table className="compare-figures" data-testid="compare-figures">
      <caption>{t.figures}</caption>
      <thead>
        <tr>
          <th scope="col">{t.figure}</th>
          <th scope="col">{heads[0]}</th>
          <th scope="col">{heads[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const x = cell(a, row);
          const y = cell(b, row);
          return (
            <tr key={row} data-row={row} className={x !== y ? 'differs' : undefined}>
              <th scope="row">{t.rows[row]}</th>
              <td>{x}</td>
              <td>{y}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
