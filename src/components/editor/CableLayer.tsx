import type { RefObject } from 'react';
import type { TopologyLayout } from '../../geometry/layoutTypes';
import type { CableDraft } from './useLinkDrag';

/** Radius of an interface's grip, in drawing units: larger than the anchor, so a finger finds it. */
const GRIP_R = 9;
/** Width of a lane's invisible hit line while a cable is drawn, in drawing units. */
const HIT_W = 20;

/**
 * Edit mode's cabling layer, over the machines: a grip on every interface (drag from it to link
 * it), and, while a cable is drawn, the cable, a wide invisible twin of every segment lane to let it
 * go on (`data-segment`; they take the pointer only then, so they never cover a machine's clicks),
 * and the target under the pointer outlined. The grips are not focusable: the inspector links an
 * interface by keyboard.
 */
export function CableLayer({ layout, draft, layer }: { layout: TopologyLayout; draft: CableDraft | null; layer: RefObject<SVGGElement> }) {
  const target = draft?.target?.startsWith('iface:') ? layout.ifaces[draft.target.slice('iface:'.length)]?.at : undefined;
  const overSegment = draft?.target?.startsWith('segment:') ? draft.target.slice('segment:'.length) : null;
  return (
    <g ref={layer} className={`cable-layer${draft ? ' is-drawing' : ''}`} data-testid="cable-layer">
      {draft &&
        layout.segments.map((s) => (
          <g key={s.id} data-segment={s.id} className={overSegment === s.id ? 'segment-hits is-cable-target' : 'segment-hits'}>
            {s.lanes.map((lane) => (
              <line key={lane.row} className="segment-hit" x1={lane.x1} x2={lane.x2} y1={lane.y} y2={lane.y} strokeWidth={HIT_W} />
            ))}
          </g>
        ))}
      {Object.values(layout.ifaces).map((l) => (
        <circle key={l.id} className="iface-grip" cx={l.at.x} cy={l.at.y} r={GRIP_R} data-grip={l.id} />
      ))}
      {draft && (
        <g className="cable-draft" aria-hidden="true">
          <line x1={draft.from.x} y1={draft.from.y} x2={draft.to.x} y2={draft.to.y} className={draft.target ? 'cable is-over' : 'cable'} />
          {target && <circle cx={target.x} cy={target.y} r={GRIP_R + 3} className="cable-target" />}
        </g>
      )}
    </g>
  );
}
