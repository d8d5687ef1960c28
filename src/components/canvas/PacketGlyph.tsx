import { m, useReducedMotion } from 'motion/react';
import type { PacketGlyph as Glyph } from '../../geometry/packetScene';
import { KIND_VAR } from '../i18n/strings';

/** Relative time of each point along the path, so the glyph moves at constant speed. */
function keyTimes(points: Glyph['points']): number[] {
  const lens = points.map((p, k) => {
    const q = k > 0 ? points[k - 1] : undefined;
    return q ? Math.hypot(p.x - q.x, p.y - q.y) : 0;
  });
  const total = lens.reduce((a, b) => a + b, 0) || 1;
  let acc = 0;
  return lens.map((l) => (acc += l) / total);
}

/** A packet: a small envelope in its kind's colour travelling along `points` (declarative keyframes). */
export function PacketGlyph({ glyph, duration }: { glyph: Glyph; duration: number }) {
  // MotionConfig's reducedMotion leaves keyframed transforms at their first frame, so with reduced
  // motion the glyph is simply drawn where it lands.
  const reduce = useReducedMotion() === true;
  const first = glyph.points[0];
  const lastPoint = glyph.points[glyph.points.length - 1];
  if (!first || !lastPoint) return null;
  const moving = glyph.points.length > 1 && !reduce;
  const body = (
    <>
      <rect x={-13} y={-9} width={26} height={18} rx={4} fill={KIND_VAR[glyph.kind]} className="packet-body" />
      <path d="M -13 -9 L 0 2 L 13 -9" className="packet-flap" />
    </>
  );
  if (!moving) {
    return (
      <g className="packet" data-packet={glyph.kind} data-at={glyph.to} data-from={glyph.from} transform={`translate(${lastPoint.x} ${lastPoint.y})`}>
        {body}
      </g>
    );
  }
  return (
    <m.g
      className="packet"
      data-packet={glyph.kind}
      data-at={glyph.to}
      data-from={glyph.from}
      initial={{ x: first.x, y: first.y }}
      animate={{ x: glyph.points.map((p) => p.x), y: glyph.points.map((p) => p.y) }}
      transition={{ duration, ease: 'linear', times: keyTimes(glyph.points) }}
    >
      {body}
    </m.g>
  );
}
