import type { PacketScene } from '../../geometry/packetScene';
import { stepMs } from '../../store/slices/playbackSlice';
import { useAppStore } from '../../store/StoreContext';
import { usePlayerStrings } from '../i18n/usePlayerStrings';
import { PacketGlyph } from './PacketGlyph';

/**
 * The packet(s) of the current step, and the drop mark if the step is a drop: `scene` is the
 * canvas's (computed on the layout it draws, an overview's opened machines included).
 */
export function PacketLayer({ scene }: { scene: PacketScene | null }) {
  const t = usePlayerStrings();
  const speed = useAppStore((s) => s.speed);
  if (!scene) return null;
  // The flight takes most of a step, so at any speed the packet lands before the next step begins.
  const duration = Math.min(0.9, (0.7 * stepMs(speed)) / 1000);
  const drop = scene.drop;
  const reason = drop ? t.dropped(t.drops[drop.reason]) : '';
  return (
    <g className="packets">
      {scene.glyphs.map((g) => (
        <PacketGlyph key={g.key} glyph={g} duration={duration} />
      ))}
      {drop && (
        <g className="drop-mark" data-drop={drop.reason} data-at={drop.where} transform={`translate(${drop.at.x} ${drop.at.y})`}>
          <path d="M -10 -10 L 10 10 M 10 -10 L -10 10" className="drop-x" />
          <rect x={14} y={-12} width={reason.length * 7.3 + 12} height={24} rx={5} className="drop-label-bg" />
          <text x={20} y={4} className="drop-label">
            {reason}
          </text>
        </g>
      )}
    </g>
  );
}
