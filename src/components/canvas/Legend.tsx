import type { PacketKind } from '../../core';
import { KIND_VAR } from '../kindColours';
import { usePlayerStrings } from '../i18n/usePlayerStrings';

const KINDS: PacketKind[] = ['arp', 'request', 'reply', 'icmp-error'];

/** What the packet colours mean. */
export function Legend() {
  const t = usePlayerStrings();
  return (
    <div className="legend" aria-label={t.legend.title} role="group">
      <span className="legend-title">{t.legend.title}</span>
      {KINDS.map((k) => (
        <span key={k} className="legend-item">
          <span className="swatch" style={{ background: KIND_VAR[k] }} aria-hidden="true" />
          {t.kinds[k]}
        </span>
      ))}
      <span className="legend-item">
        <span className="swatch swatch-drop" aria-hidden="true">
          ✕
        </span>
        {t.legend.drop}
      </span>
    </div>
  );
}
