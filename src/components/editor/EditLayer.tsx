import { useEffect, useRef, type RefObject } from 'react';
import type { Box, TopologyLayout } from '../../geometry/layoutTypes';
import { CableLayer } from './CableLayer';
import { useBoxSelect } from './useBoxSelect';
import { useLinkDrag } from './useLinkDrag';
import { useMachineDrag } from './useMachineDrag';

/** Props of {@link EditLayer}. */
export interface EditLayerProps {
  svg: RefObject<SVGSVGElement>;
  /** The camera group: drags measure in its drawing units. */
  camera: RefObject<SVGGElement>;
  layout: TopologyLayout;
  /** While a machine moves: the drawing's extent when the move began (the camera holds it), else null. */
  onFrozen: (box: Box | null) => void;
}

/**
 * Everything edit mode adds to the drawing itself, in one chunk loaded when edit mode first opens
 * (the player's first page does not carry it): machines dragged (`useMachineDrag`), cables drawn
 * from interfaces (`useLinkDrag`, `CableLayer`), the Shift+drag selection box (`useBoxSelect`).
 * Rendered inside the camera group, over the machines.
 */
export function EditLayer({ svg, camera, layout, onFrozen }: EditLayerProps) {
  const frozen = useMachineDrag(camera, layout, true);
  useEffect(() => {
    onFrozen(frozen);
  }, [frozen, onFrozen]);
  // Leaving edit mode unmounts this layer: the camera must not stay frozen.
  useEffect(() => () => onFrozen(null), [onFrozen]);
  const grips = useRef<SVGGElement>(null);
  const cable = useLinkDrag(grips, camera, layout, true);
  const lasso = useBoxSelect(svg, camera, layout, true);
  return (
    <>
      <CableLayer layout={layout} draft={cable} layer={grips} />
      {lasso && <rect className="select-box" x={lasso.x} y={lasso.y} width={lasso.w} height={lasso.h} data-testid="select-box" />}
    </>
  );
}
