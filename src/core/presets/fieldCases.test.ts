import { describe, expect, it } from 'vitest';
import bridgePortAddress from '../model/cases/bridge-port-address.json';
import fibDuplicateAdd from '../model/cases/fib-duplicate-add.json';
import sharedHostMac from '../model/cases/shared-host-mac.json';
import type { Topology } from '../model/topology';
import { validateTopology } from '../model/validate';
import { runJourney } from '../sim/runJourney';
import { FIELD_SCENARIOS } from './fieldCases';
import { SCENARIOS } from './scenarios';

/*
 * The field cases as scenarios: the same labs as the copies validation is tested on (the shared
 * cases folder), every one a kernel-verified scenario, and fib-duplicate-add, which the kernel
 * refuses, a refusal rather than a scenario.
 */

const scenario = (id: string) => {
  const s = FIELD_SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};

/** A topology as JSON, without its name. */
const plain = (t: unknown): unknown => ({ ...(JSON.parse(JSON.stringify(t)) as object), name: undefined });

describe('field cases', () => {
  it('are reference scenarios with unique ids, each a lab validation accepts', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of FIELD_SCENARIOS) {
      expect(ids).toContain(s.id);
      expect(validateTopology(s.topology()), s.id).toEqual([]);
    }
  });

  it('are the labs of the shared cases, as validation knows them', () => {
    expect(plain(scenario('case-bridge-port-address').topology())).toEqual(plain(bridgePortAddress));
    expect(plain(scenario('case-shared-host-mac').topology())).toEqual(plain(sharedHostMac));
  });

  it('fib-prepend without its op is fib-duplicate-add: `ip route add` of the connected route\'s prefix and metric, refused with "File exists"', () => {
    const t = scenario('case-fib-prepend').topology();
    const route = t.machines[0]?.routes?.[0];
    expect(route?.op).toBe('prepend');
    if (route) delete route.op;
    expect(plain(t)).toEqual(plain(fibDuplicateAdd));
    const refusal = validateTopology(fibDuplicateAdd);
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toMatchObject({ path: 'machines[0].routes[0]', code: 'route-exists', params: { kernel: 'RTNETLINK answers: File exists' } });
    expect(() => runJourney(fibDuplicateAdd as Topology, { from: 'minion1', to: '10.10.176.2', proto: 'tcp', port: 80 })).toThrow(/File exists/);
  });
});
