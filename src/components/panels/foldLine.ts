import type { FloodFold } from '../../store/floods';
import type { Strings } from '../i18n/strings';

/** One sentence for a folded flood: who floods it, how many ignore it, who answers. */
export function foldLine(f: FloodFold, t: Strings): string {
  const s = t.anySize.fold;
  const who = f.scope === 'segment' ? s.switchOf(f.bridge) : s.bridgeOf(f.bridge);
  const flooded = f.arp ? s.floodedArp(f.ports, who) : s.flooded(f.ports, who);
  const answer = f.answered[0] !== undefined ? s.answered(f.answered.join(', ')) : f.arp ? s.nobody : null;
  return [flooded, s.ignored(f.ignored.length), answer].filter((x) => x !== null).join('; ');
}
