import { domAnimation, LazyMotion, m, MotionConfig } from 'motion/react';
import type { ReactNode } from 'react';
import type { PacketGlyph as Glyph } from '../../geometry/packetScene';

/*
 * The travelling packet, animated with motion's DOM features only. It is its own module, loaded the
 * first time a packet moves, so the animation library stays out of the first page's JavaScript (a
 * journey opens on a packet standing in its source pod).
 */

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

/** A packet glyph travelling along `points` in `duration` seconds (declarative keyframes). */
export default function MovingGlyph({ glyph, duration, children }: { glyph: Glyph; duration: number; children: ReactNode }) {
  const first = glyph.points[0];
  if (!first) return null;
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">
        <m.g
          className="packet"
          data-packet={glyph.kind}
          data-at={glyph.to}
          data-from={glyph.from}
          initial={{ x: first.x, y: first.y }}
          animate={{ x: glyph.points.map((p) => p.x), y: glyph.points.map((p) => p.y) }}
          transition={{ duration, ease: 'linear', times: keyTimes(glyph.points) }}
        >
          {children}
        </m.g>
      </MotionConfig>
    </LazyMotion>
  );
}
