import { MotionConfig } from 'motion/react';
import { useRef } from 'react';
import { selectEvent } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';
import { Legend } from './Legend';
import { MachineBox } from './MachineBox';
import { PacketLayer } from './PacketLayer';
import { Segments } from './Segments';
import { useZoom } from './useZoom';

/** The network drawing with the moving packet; pan with drag, zoom with the wheel or the buttons. */
export function NetworkCanvas() {
  const t = useStrings();
  const layout = useAppStore((s) => s.layout);
  const ev = useAppStore(selectEvent);
  const svgRef = useRef<SVGSVGElement>(null);
  const { transform, zoomBy, fit } = useZoom(svgRef, layout);
  const activeNs = ev?.ns ?? null;
  const activeIface = ev && (ev.type === 'frame' || (ev.type === 'drop' && ev.iface !== undefined)) ? `${ev.ns}/${ev.iface ?? ''}` : null;
  return (
    <div className="canvas">
      <svg ref={svgRef} className="canvas-svg" role="img" aria-label={t.view.drawing} data-testid="network-canvas">
        <g transform={transform.toString()}>
          <Segments segments={layout.segments} links={layout.links} />
          {layout.machines.map((m) => (
            <MachineBox key={m.name} machine={m} ifaces={layout.ifaces} activeNs={activeNs} activeIface={activeIface} />
          ))}
          <MotionConfig reducedMotion="user">
            <PacketLayer />
          </MotionConfig>
        </g>
      </svg>
      <div className="zoom-controls">
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={t.view.zoomIn} title={t.view.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={t.view.zoomOut} title={t.view.zoomOut}>
          −
        </button>
        <button type="button" onClick={fit} aria-label={t.view.fit} title={t.view.fit}>
          ⤢
        </button>
      </div>
      <Legend />
    </div>
  );
}
