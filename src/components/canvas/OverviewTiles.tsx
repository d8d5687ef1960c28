import { memo, useMemo } from 'react';
import type { Topology } from '../../core';
import type { OverviewLayout, TileLayout } from '../../geometry/layoutTypes';
import { clipTile, placedMachine, tileRange, type TileRange } from '../../geometry/overview';
import { usePlayerStrings } from '../i18n/usePlayerStrings';
import { MachineBox, type MachineBoxProps } from './MachineBox';

/** Scale from which the machines in view are drawn in full (their pods, veths and labels). */
export const DETAIL_K = 0.4;
/** On-screen height (px) of a tile's text from which tiles are drawn one by one with their name and pod count. */
const LABEL_PX = 9;

/** Props of {@link OverviewTiles}: the grid, the cells in view, the scale, and a machine box's handlers. */
export interface OverviewTilesProps extends Pick<MachineBoxProps, 'activeNs' | 'activeIface' | 'pinnedNs' | 'onPin' | 'onMenu' | 'onTabToActions' | 'tabStop'> {
  overview: OverviewLayout;
  topology: Topology;
  range: TileRange;
  /** The level of detail (see {@link lodOf}). */
  lod: 'marks' | 'tiles' | 'full';
  /** Machines drawn in full by the canvas itself (the journey's, the pinned one): skipped here. */
  opened: ReadonlySet<string>;
}

/** A tile's text size in drawing units: a third of its height, at most a twelfth of its width. */
function fontOf(tile: TileLayout): number {
  return Math.max(12, Math.min(tile.box.h / 3, tile.box.w / 12));
}

/** The level of detail for scale `k`: full machines, labelled tiles, or bare marks. */
export function lodOf(overview: OverviewLayout, k: number): OverviewTilesProps['lod'] {
  if (k >= DETAIL_K) return 'full';
  const sample = overview.tiles[0];
  return sample && fontOf(sample) * k >= LABEL_PX ? 'tiles' : 'marks';
}

/** A tile's box as path data. */
function markOf(s: TileLayout): string {
  return `M${s.box.x},${s.box.y}h${s.box.w}v${s.box.h}h${-s.box.w}z`;
}

function tilesOf(overview: OverviewLayout, r: TileRange, opened: ReadonlySet<string>): TileLayout[] {
  const out: TileLayout[] = [];
  for (let row = r.r0; row <= r.r1; row++) {
    for (let c = r.c0; c <= r.c1; c++) {
      const tile = overview.tiles[row * overview.cols + c];
      if (tile && !opened.has(tile.name)) out.push(tile);
    }
  }
  return out;
}

/**
 * The machines of an overview that are in view, each as much as the scale lets one read: from far,
 * one path of marks (a single element however many machines); closer, tiles with the machine's
 * name and pod count; close enough, the machine's real drawing, placed on demand. Re-renders only
 * when the cells in view or the level of detail change, not at every frame of a pan.
 */
function OverviewTilesView({ overview, topology, range, lod, opened, ...box }: OverviewTilesProps) {
  const t = usePlayerStrings();
  const tiles = useMemo(() => tilesOf(overview, range, opened), [overview, range, opened]);
  if (lod === 'marks') {
    const d = tiles.map(markOf).join('');
    // The journey's machines stand out: from far, their own drawing is a speck.
    const openTiles = overview.tiles.filter((s) => opened.has(s.name));
    return (
      <g>
        <path className="overview-marks" d={d} data-testid="overview-marks" data-tiles={tiles.length} />
        <path className="overview-open" d={openTiles.map(markOf).join('')} data-testid="overview-open" data-tiles={openTiles.length} />
      </g>
    );
  }
  if (lod === 'tiles') {
    return (
      <g data-testid="overview-tiles">
        {tiles.map((s) => {
          const font = fontOf(s);
          return (
            <g key={s.name} className={`overview-tile role-${s.role}`} data-tile={s.name}>
              <rect x={s.box.x} y={s.box.y} width={s.box.w} height={s.box.h} rx={font / 2} />
              <text x={s.box.x + font / 2} y={s.box.y + s.box.h / 2 + font / 3} fontSize={font}>
                {s.name} · {t.view[s.role]} · {t.anySize.overview.pods(s.pods)}
              </text>
            </g>
          );
        })}
      </g>
    );
  }
  const byName = new Map(topology.machines.map((m, i) => [m.name, i]));
  return (
    <g data-testid="overview-full">
      {tiles.map((s) => {
        const m = topology.machines[byName.get(s.name) ?? -1];
        if (!m) return null;
        const p = clipTile(placedMachine(m, s), range.x1, range.x2);
        return <MachineBox key={s.name} machine={p.placed.machine} ifaces={p.ifaces} links={p.links} {...box} />;
      })}
    </g>
  );
}

/** The machines of an overview in view (see {@link OverviewTilesView}). */
export const OverviewTiles = memo(OverviewTilesView);

export { tileRange };
