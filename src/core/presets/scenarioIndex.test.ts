import { describe, expect, it } from 'vitest';
import { indexOfScenarios, SCENARIO_INDEX } from './scenarioIndex';
import { SCENARIOS } from './scenarios';

describe('the scenarios’ index kept as data', () => {
  it('lists every scenario of the catalogue with its titles, lab name and journey (else run `npm run presets`)', () => {
    expect(SCENARIO_INDEX).toEqual(indexOfScenarios(SCENARIOS));
  });

  it('names each scenario’s lab as its topology does', () => {
    const seedPing = SCENARIO_INDEX.find((s) => s.id === 'cold-ping-pod1-pod3');
    expect(seedPing).toMatchObject({ lab: 'seed', journey: { from: 'pod1', to: 'pod3' } });
    expect(SCENARIO_INDEX.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
  });
});
