import { domAnimation, LazyMotion, MotionConfig, useReducedMotion } from 'motion/react';
import { useMemo, useRef } from 'react';
import { focusBox } from '../../geometry/focus';
import { packetSceneAt } from '../../geometry/packetScene';
import { stepMs } from '../../store/slices/playbackSlice';
import { selectEvent } from '../../store/selectors';
import { useAppStore } from '../../store/StoreContext';
import { useStrings } from '../i18n/useStrings';
import { Legend } from './Legend';
import { MachineBox } from './MachineBox';
import { PacketLayer } from './PacketLayer';
import { Segments } from './Segments';
import { useZoom } from './useZoom';

/**
 * The network drawing with the moving packet; pan with drag, zoom with the wheel or the buttons.
 * "Follow" moves the camera to the machines of each step, so labels stay legible on a projector and
 * in big clusters.
 */
export function NetworkCanvas() {
  const t = useStrings();
  const layout = useAppStore((s) => s.layout);
  const ev = useAppStore(selectEvent);
  const events = useAppStore((s) => s.result?.events);
  const index = useAppStore((s) => s.index);
  const speed = useAppStore((s) => s.speed);
  const follow = useAppStore((s) => s.follow);
  const setFollow = useAppStore((s) => s.setFollow);
  const reduced = useReducedMotion() === true;
  const focus = useMemo(() => (follow && events ? focusBox(layout, packetSceneAt(layout, events, index)) : null), [follow, layout, events, index]);
  const svgRef = useRef<SVGSVGElement>(null);
  const { transform, zoomBy, fit } = useZoom(svgRef, layout, {
    follow,
    focus,
    animate: !reduced,
    moveMs: Math.min(450, 0.3 * stepMs(speed)),
    onUserZoom: () => setFollow(false),
  });
  const activeNs = ev?.ns ?? null;
  const activeIface = ev && (ev.type === 'frame' || (ev.type === 'drop' && ev.iface !== undefined)) ? `${ev.ns}/${ev.iface ?? ''}` : null;
  return (
    <div className="canvas">
      <svg ref={svgRef} className="canvas-svg" role="img" aria-label={t.view.drawing} data-testid="network-canvas" data-follow={follow ? 'true' : 'false'}>
        <g transform={transform.toString()} data-testid="camera" data-scale={transform.k.toFixed(3)}>
          <Segments segments={layout.segments} links={layout.links} />
          {layout.machines.map((m) => (
            <MachineBox key={m.name} machine={m} ifaces={layout.ifaces} activeNs={activeNs} activeIface={activeIface} />
          ))}
          {/* LazyMotion with the DOM animation features only: `m.g` instead of `motion.g` keeps the
              first page's JavaScript within its budget (about 20 KiB less than the full bundle). */}
          <LazyMotion features={domAnimation} strict>
            <MotionConfig reducedMotion="user">
              <PacketLayer />
            </MotionConfig>
          </LazyMotion>
        </g>
      </svg>
      <div className="zoom-controls">
        <button
          type="button"
          className="follow-btn"
          aria-pressed={follow}
          onClick={() => {
            setFollow(!follow);
            if (follow) fit();
          }}
          title={t.view.followHelp}
          data-testid="follow"
        >
          <span aria-hidden="true">◎ </span>
          {t.view.follow}
        </button>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={t.view.zoomIn} title={t.view.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={t.view.zoomOut} title={t.view.zoomOut}>
          −
        </button>
        <button
          type="button"
          onClick={() => {
            setFollow(false);
            fit();
          }}
          aria-label={t.view.fit}
          title={t.view.fit}
          data-testid="fit"
        >
          ⤢
        </button>
      </div>
      <Legend />
    </div>
  );
}
