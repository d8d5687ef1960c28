import { lazy, Suspense } from 'react';
import type { PacketGlyph as Glyph } from '../../geometry/packetScene';
import { KIND_VAR } from '../kindColours';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

/** Loaded the first time a packet moves (see MovingGlyph.tsx). */
const MovingGlyph = lazy(() => import('./MovingGlyph'));

/** A packet: a small envelope in its kind's colour, standing where it is or travelling along `points`. */
export function PacketGlyph({ glyph, duration }: { glyph: Glyph; duration: number }) {
  // motion's reducedMotion leaves keyframed transforms at their first frame, so with reduced
  // motion the glyph is simply drawn where it lands.
  const reduce = usePrefersReducedMotion();
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
  const standing = (at: { x: number; y: number }) => (
    <g className="packet" data-packet={glyph.kind} data-at={glyph.to} data-from={glyph.from} transform={`translate(${at.x} ${at.y})`}>
      {body}
    </g>
  );
  if (!moving) return standing(lastPoint);
  // Until the animation module arrives (once per page), the packet waits at its start.
  return (
    <Suspense fallback={standing(first)}>
      <MovingGlyph glyph={glyph} duration={duration}>
        {body}
      </MovingGlyph>
    </Suspense>
  );
}
