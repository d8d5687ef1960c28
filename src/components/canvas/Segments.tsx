import type { LinkLayout, SegmentLayout } from '../../geometry/layoutTypes';

/** Width of a lane's invisible hit line in edit mode, in drawing units: a cable is let go on it. */
const HIT_W = 20;

/**
 * L2 segments (lanes and trunks with their label) and the links: veth pairs and NIC drops. In edit
 * mode each lane has a wide invisible twin a cable can be let go on, and `over` (the segment a cable
 * is over) is outlined.
 */
export function Segments({ segments, links, editing = false, over = null }: { segments: SegmentLayout[]; links: LinkLayout[]; editing?: boolean; over?: string | null }) {
  return (
    <g className="links">
      {links.map((l) => (
        <path key={l.id} className={`link link-${l.kind}`} d={l.d} />
      ))}
      {segments.map((s) => (
        <g key={s.id} data-segment={s.id} className={over === s.id ? 'is-cable-target' : undefined}>
          {s.lanes.map((lane) => (
            <line key={lane.row} className="segment-lane" x1={lane.x1} x2={lane.x2} y1={lane.y} y2={lane.y} />
          ))}
          {s.trunk && <line className="segment-lane" x1={s.trunk.x} x2={s.trunk.x} y1={s.trunk.y1} y2={s.trunk.y2} />}
          {editing && s.lanes.map((lane) => <line key={`hit${lane.row}`} className="segment-hit" x1={lane.x1} x2={lane.x2} y1={lane.y} y2={lane.y} strokeWidth={HIT_W} />)}
          <text className="segment-label" x={s.labelAt.x} y={s.labelAt.y}>
            {s.label}
          </text>
        </g>
      ))}
    </g>
  );
}
