import { useId } from 'react';
import { icmpName, type Frame, type HopEvent } from '../../core';
import { changedFields, frameAtOrBefore, previousFrameOfPacket } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';

type Layers = Partial<Pick<Frame, 'eth' | 'arp' | 'ipv4' | 'icmp' | 'udp' | 'tcp'>>;

const LAYER_TITLES: [keyof Layers, string][] = [
  ['eth', 'Ethernet'],
  ['arp', 'ARP'],
  ['ipv4', 'IPv4'],
  ['icmp', 'ICMP'],
  ['udp', 'UDP'],
  ['tcp', 'TCP'],
];

/** The headers to show at this event, and which event they come from. */
function headersAt(events: readonly HopEvent[], index: number): { layers: Layers; at: number; changed: Set<string> } | null {
  const ev = events[index];
  if (ev && (ev.type === 'send' || ev.type === 'deliver')) {
    // Before it has a frame (or once delivered) a packet is just its IP and upper headers.
    const layers: Layers = { ipv4: ev.ipv4, ...(ev.icmp ? { icmp: ev.icmp } : {}), ...(ev.udp ? { udp: ev.udp } : {}), ...(ev.tcp ? { tcp: ev.tcp } : {}) };
    return { layers, at: index, changed: new Set() };
  }
  const cur = frameAtOrBefore(events, index);
  if (!cur) return null;
  const prev = previousFrameOfPacket(events, cur.index, cur.frame);
  return { layers: cur.frame, at: cur.index, changed: changedFields(cur.frame, prev) };
}

/** The packet's layers and fields, with the fields that changed at this hop marked. */
export function PacketInspector() {
  const headingId = useId();
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  const events = useAppStore((s) => s.result?.events);
  const index = useAppStore((s) => s.index);
  const h = events ? headersAt(events, index) : null;
  return (
    <section className="panel inspector" aria-labelledby={headingId} data-testid="inspector" tabIndex={0}>
      <h2 id={headingId} className="panel-title">
        {t.panels.packet}
        {h && h.at !== index && <span className="event-tag">{t.panels.fromEvent(h.at + 1)}</span>}
      </h2>
      {!h && <p className="muted">{t.panels.noFrame}</p>}
      {h &&
        LAYER_TITLES.map(([key, title]) => {
          const layer = h.layers[key];
          if (!layer) return null;
          const rows = Object.entries(layer).filter(([, v]) => v !== undefined && typeof v !== 'object');
          return (
            <div key={key} className="layer" data-layer={key}>
              <h3 className="layer-title">{title}</h3>
              <dl>
                {rows.map(([k, v]) => {
                  const name = `${key}.${k}`;
                  const changed = h.changed.has(name);
                  return (
                    <div key={k} className={`field${changed ? ' is-changed' : ''}`} data-field={name} data-changed={changed ? 'true' : undefined}>
                      <dt>{t.fields[name] ?? k}</dt>
                      <dd>
                        {name === 'arp.op' && h.layers.arp ? t.arpOps[h.layers.arp.op] : typeof v === 'boolean' ? t.flagValue(v) : String(v)}
                        {name === 'icmp.type' && h.layers.icmp && <span className="muted"> · {icmpName(h.layers.icmp.type, h.layers.icmp.code, lang)}</span>}
                        {changed && <span className="badge badge-changed">{t.panels.changed}</span>}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </div>
          );
        })}
    </section>
  );
}
