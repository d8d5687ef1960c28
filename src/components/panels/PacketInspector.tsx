import { useId } from 'react';
import { icmpName, type Frame, type HopEvent, type WireguardHeader } from '../../core';
import { changedFields, frameAtOrBefore, previousFrameOfPacket } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';

type Layers = Partial<Pick<Frame, 'raw' | 'eth' | 'arp' | 'ipv4' | 'icmp' | 'udp' | 'tcp'>>;

const LAYER_TITLES: [keyof Layers, string][] = [
  ['eth', 'Ethernet'],
  ['arp', 'ARP'],
  ['ipv4', 'IPv4'],
  ['icmp', 'ICMP'],
  ['udp', 'UDP'],
  ['tcp', 'TCP'],
];

/** The headers to show at this event, and which event they come from. */
function headersAt(events: readonly HopEvent[], index: number): { layers: Layers; at: number; changed: Set<string>; vxlan?: { vni: number }; ipip?: boolean; inner?: Frame; len?: number; wireguard?: WireguardHeader; raw?: { ns: string; iface: string } } | null {
  const ev = events[index];
  if (ev && (ev.type === 'send' || ev.type === 'deliver')) {
    // Before it has a frame (or once delivered) a packet is just its IP and upper headers.
    const layers: Layers = { ipv4: ev.ipv4, ...(ev.icmp ? { icmp: ev.icmp } : {}), ...(ev.udp ? { udp: ev.udp } : {}), ...(ev.tcp ? { tcp: ev.tcp } : {}) };
    return { layers, at: index, changed: new Set() };
  }
  const cur = frameAtOrBefore(events, index);
  if (!cur) return null;
  const prev = previousFrameOfPacket(events, cur.index, cur.frame);
  const f = cur.frame;
  // A WireGuard device or an IPIP tunnel has no link layer: its frames show no Ethernet header (the event's is all zero).
  const { eth: _eth, ...l3 } = f;
  return {
    layers: f.raw ? l3 : f, at: cur.index, changed: changedFields(f, prev), ...(f.vxlan ? { vxlan: f.vxlan } : {}), ...(f.ipip ? { ipip: true } : {}), ...(f.inner ? { inner: f.inner } : {}), ...(f.len !== undefined ? { len: f.len } : {}),
    ...(f.wireguard ? { wireguard: f.wireguard } : {}), ...(f.raw ? { raw: { ns: f.ns, iface: f.iface } } : {}),
  };
}

/** One header field of a tunnel's layer (WireGuard, VXLAN): its label and value. */
function Field({ id, label, value }: { id: string; label: string; value: string | number }) {
  return (
    <div className="field" data-field={id}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** One list of layers (a frame's, or the frame a VXLAN datagram carries), each field marked when it changed at this hop. */
function LayerList({ layers, changed, prefix }: { layers: Layers; changed: ReadonlySet<string>; prefix: string }) {
  const t = useStrings();
  const lang = useAppStore((s) => s.lang);
  return (
    <>
      {LAYER_TITLES.map(([key, title]) => {
        const layer = layers[key];
        // A tunnel device's packet has no link layer (LINKTYPE_RAW): its placeholder Ethernet header is not shown.
        if (!layer || (key === 'eth' && layers.raw)) return null;
        const rows = Object.entries(layer).filter(([, v]) => v !== undefined && typeof v !== 'object');
        return (
          <div key={key} className="layer" data-layer={`${prefix}${key}`}>
            <h3 className="layer-title">{title}</h3>
            <dl>
              {rows.map(([k, v]) => {
                const name = `${key}.${k}`;
                const isChanged = changed.has(`${prefix}${name}`);
                return (
                  <div key={k} className={`field${isChanged ? ' is-changed' : ''}`} data-field={`${prefix}${name}`} data-changed={isChanged ? 'true' : undefined}>
                    <dt>{t.fields[name] ?? k}</dt>
                    <dd>
                      {name === 'arp.op' && layers.arp ? t.arpOps[layers.arp.op] : typeof v === 'boolean' ? t.flagValue(v) : String(v)}
                      {name === 'icmp.type' && layers.icmp && <span className="muted"> · {icmpName(layers.icmp.type, layers.icmp.code, lang)}</span>}
                      {isChanged && <span className="badge badge-changed">{t.panels.changed}</span>}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </div>
        );
      })}
    </>
  );
}

/** Outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14: what VXLAN adds to the packet it carries. */
const VXLAN_OVERHEAD = 50;

/** Outer IPv4 20: all that IP-in-IP adds (RFC 2003). */
const IPIP_OVERHEAD = 20;

/**
 * The packet's layers and fields, with the fields that changed at this hop marked. A VXLAN
 * datagram shows its outer layers, its VXLAN header, then the frame it carries as a nested list,
 * and how its length adds up (the 50 bytes behind the overlay's MTU); an IP-in-IP packet its outer
 * layers, then the IPv4 packet it carries and its 20 bytes.
 */
export function PacketInspector() {
  const headingId = useId();
  const t = useStrings();
  const events = useAppStore((s) => s.result?.events);
  const index = useAppStore((s) => s.index);
  const h = events ? headersAt(events, index) : null;
  const places = useAppStore((s) => s.result?.places);
  const rawKind = h?.raw ? places?.[h.raw.ns]?.ifaces[h.raw.iface]?.kind : undefined;
  return (
    <section className="panel inspector" aria-labelledby={headingId} data-testid="inspector" tabIndex={0}>
      <h2 id={headingId} className="panel-title">
        {t.panels.packet}
        {h && h.at !== index && <span className="event-tag">{t.panels.fromEvent(h.at + 1)}</span>}
      </h2>
      {!h && <p className="muted">{t.panels.noFrame}</p>}
      {h?.raw && <p className="muted raw-device" data-testid="raw-device">{t.panels.rawDevice(rawKind === 'ipip')}</p>}
      {h && <LayerList layers={h.layers} changed={h.changed} prefix="" />}
      {h?.wireguard && (
        <div className="layer" data-layer="wireguard">
          <h3 className="layer-title">WireGuard</h3>
          <dl>
            <Field id="wireguard.type" label={t.panels.wgType} value={t.panels.wgTypes[h.wireguard.type]} />
            {h.wireguard.sender !== undefined && (
              <Field id="wireguard.sender" label={t.panels.wgSender} value={`0x${h.wireguard.sender.toString(16).padStart(8, '0')}`} />
            )}
            {h.wireguard.receiver !== undefined && (
              <Field id="wireguard.receiver" label={t.panels.wgReceiver} value={`0x${h.wireguard.receiver.toString(16).padStart(8, '0')}`} />
            )}
            {h.wireguard.counter !== undefined && (
              <Field id="wireguard.counter" label={t.panels.wgCounter} value={h.wireguard.counter} />
            )}
          </dl>
          {h.len !== undefined && <p className="muted encap-bytes" data-testid="wg-bytes">{t.panels.wgOpaque(h.len, h.wireguard.opaque, h.wireguard.type === 'data')}</p>}
        </div>
      )}
      {h?.vxlan && (
        <div className="layer" data-layer="vxlan">
          <h3 className="layer-title">VXLAN</h3>
          <dl>
            <Field id="vxlan.vni" label={t.panels.vxlanVni} value={h.vxlan.vni} />
          </dl>
        </div>
      )}
      {h?.inner && (
        <div className="inner-frame" data-testid="inner-frame">
          <h3 className="layer-title">{h.ipip ? t.panels.innerPacket : t.panels.inner}</h3>
          <LayerList layers={h.inner} changed={h.changed} prefix="inner." />
          {h.len !== undefined && (
            <p className="muted encap-bytes" data-testid="encap-bytes">{h.ipip ? t.panels.ipipBytes(h.len, h.len - IPIP_OVERHEAD) : t.panels.encapBytes(h.len, h.len - VXLAN_OVERHEAD)}</p>
          )}
        </div>
      )}
    </section>
  );
}
