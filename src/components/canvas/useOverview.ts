import { useMemo } from 'react';
import type { HopEvent, Topology } from '../../core';
import { machineOf } from '../../geometry/layout';
import type { OverviewLayout } from '../../geometry/layoutTypes';
import { journeyMachines, tileRange, type TileRange } from '../../geometry/overview';

/** The overview's machines to open in full: the journey's, and the one holding the pinned namespace. */
export function openedMachines(t: Topology, events: readonly HopEvent[], pinnedNs: string | null): readonly string[] {
  const names = journeyMachines(t, events);
  const pinned = pinnedNs === null ? null : machineOf(t, pinnedNs);
  return pinned === null || names.includes(pinned) ? names : [...names, pinned];
}

/**
 * The overview's cells the camera shows (null without an overview or before the canvas is
 * measured). The same object while the same cells are in view, so the tiles redraw only when the
 * view reaches other cells, not at every frame of a pan.
 */
export function useTileRange(ov: OverviewLayout | undefined, t: { k: number; x: number; y: number }, size: { w: number; h: number }): TileRange | null {
  const r = ov && size.w > 0 ? tileRange(ov, { x: -t.x / t.k, y: -t.y / t.k, w: size.w / t.k, h: size.h / t.k }) : null;
  const c0 = r?.c0 ?? -1;
  const c1 = r?.c1 ?? -1;
  const r0 = r?.r0 ?? -1;
  const r1 = r?.r1 ?? -1;
  const x1 = r?.x1 ?? 0;
  const x2 = r?.x2 ?? 0;
  return useMemo(() => (c0 < 0 ? null : { c0, c1, r0, r1, x1, x2 }), [c0, c1, r0, r1, x1, x2]);
}
