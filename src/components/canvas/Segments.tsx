import type { LinkLayout, SegmentLayout } from '../../geometry/layoutTypes';

/** L2 segments (lanes and trunks with their label) and the links: veth pairs and NIC drops. */
export function Segments({ segments, links }: { segments: SegmentLayout[]; links: LinkLayout[] }) {
  return (
    <g className="links">
      {links.map((l) => (
        <path key={l.id} className={`link link-${l.kind}`} d={l.d} />
      ))}
      {segments.map((s) => (
        <g key={s.id} data-segment={s.id}>
          {s.lanes.map((lane) => (
            <line key={lane.row} className="segment-lane" x1={lane.x1} x2={lane.x2} y1={lane.y} y2={lane.y} />
          ))}
          {s.trunk && <line className="segment-lane" x1={s.trunk.x} x2={s.trunk.x} y1={s.trunk.y1} y2={s.trunk.y2} />}
          <text className="segment-label" x={s.labelAt.x} y={s.labelAt.y}>
            {s.label}
          </text>
        </g>
      ))}
    </g>
  );
}
