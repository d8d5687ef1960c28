import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../core/presets/scenarios';
import { STRINGS } from '../i18n/allStrings';
import { groupsOf, groupScenarios } from './scenarioGroups';

describe('scenario groups', () => {
  it('put every scenario in exactly one group', () => {
    const wrong = SCENARIOS.map((s) => [s.id, groupsOf(s.id)] as const).filter(([, g]) => g.length !== 1);
    expect(wrong).toEqual([]);
  });

  it('list every scenario once, with no "other" group, each group named in both languages', () => {
    const groups = groupScenarios(SCENARIOS);
    const ids = groups.flatMap((g) => g.scenarios.map((s) => s.id));
    expect(ids.sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
    expect(groups.map((g) => g.key)).not.toContain('other');
    for (const g of groups) {
      expect(STRINGS.en.form.groups[g.key]).toMatch(/\w/);
      expect(STRINGS.ru.form.groups[g.key]).toMatch(/\S/);
    }
    expect(groups.find((g) => g.key === 'listen')?.scenarios.map((s) => s.id)).toContain('tcp-handshake-listener');
  });

  it('keep a scenario no pattern knows, in "other", rather than hide it', () => {
    const stray = { ...SCENARIOS[0]!, id: 'brand-new-scenario' };
    expect(groupScenarios([stray]).map((g) => g.key)).toEqual(['other']);
  });
});
