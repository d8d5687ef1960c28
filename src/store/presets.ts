import { SCENARIOS, type Scenario } from '../core';

/**
 * The kernel-verified scenario with this id (`?preset=` in links, the scenario picker), or
 * undefined. Each call of its `topology()` builds a fresh lab, so loading one never shares objects
 * with another app on the page.
 */
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
