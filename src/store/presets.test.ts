import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module, without the catalogue test-setup.ts registers for every other test. */
async function freshPresets() {
  vi.resetModules();
  return import('./presets');
}

describe('the scenarios’ catalogue, loaded on demand', () => {
  it('knows no scenario before it is loaded, and every one after', async () => {
    const p = await freshPresets();
    expect(p.hasScenarios()).toBe(false);
    expect(p.findScenario('cold-ping-pod1-pod3')).toBeUndefined();
    await p.loadScenarios();
    expect(p.hasScenarios()).toBe(true);
    expect(p.findScenario('cold-ping-pod1-pod3')?.journey).toEqual({ from: 'pod1', to: 'pod3' });
    expect(p.findScenario('no-such-scenario')).toBeUndefined();
  });

  it('is loaded for an address that names a scenario, and only then', async () => {
    const p = await freshPresets();
    await p.loadScenariosFor('?from=pod1&to=pod2&step=3');
    expect(p.hasScenarios()).toBe(false);
    await p.loadScenariosFor('?preset=two-pings-warm-caches&step=2');
    expect(p.findScenario('two-pings-warm-caches')?.title.en).toMatch(/warm caches/);
  });
});
