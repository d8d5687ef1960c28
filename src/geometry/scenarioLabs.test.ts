import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../core/presets/scenarios';
import { overlapArea } from './camera';
import { layoutTopology } from './layout';

describe('every scenario’s lab, as the picker opens it', () => {
  it('draws no interface label over another', () => {
    const bad: string[] = [];
    const seen = new Set<string>();
    for (const s of SCENARIOS) {
      const t = s.topology();
      if (seen.has(t.name)) continue;
      seen.add(t.name);
      const labels = Object.values(layoutTopology(t).ifaces);
      labels.forEach((a, i) =>
        labels.slice(i + 1).forEach((b) => {
          if (overlapArea(a.labelBox, b.labelBox) > 0) bad.push(`${t.name}: ${a.id} × ${b.id}`);
        }),
      );
    }
    expect(bad).toEqual([]);
  });
});
