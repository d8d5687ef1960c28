import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { tellOutcome } from '../narrate/index';
import { formatProblem } from '../i18n/problems';
import { applyFix, autoConfigure, fixText, labChecks } from './labChecks';
import { addPod } from './podNetwork';
import type { MachineSpec, Topology } from './topology';

/** The seed lab with a third node on the segment: 172.16.100.3, pods on 10.10.12.0/24, one pod. */
function withNode3(extra: Partial<MachineSpec> = {}): Topology {
  const seed = seedTopology();
  const node3: MachineSpec = {
    name: 'node3', role: 'node',
    interfaces: [
      { kind: 'ether', name: 'eth0', mac: '02:00:ac:10:64:03', addresses: ['172.16.100.3/24'], segment: 'lan' },
      { kind: 'bridge', name: 'cni0', mac: '02:00:0a:0a:0c:fe', addresses: ['10.10.12.254/24'] },
    ],
    routes: [{ dst: 'default', via: '172.16.100.254', dev: 'eth0' }],
    sysctls: { ip_forward: true },
  };
  // addPod runs the CNI ADD, whose bridge plugin (isGateway) turns ip_forward on: `extra` comes after it.
  const t = addPod({ ...seed, machines: [...seed.machines, node3] }, 'node3').topology;
  return { ...t, machines: t.machines.map((m) => (m.name === 'node3' ? { ...m, ...extra } : m)) };
}

describe('lab checks: what Linux accepts but will not work, with the fix', () => {
  it('the seed lab has nothing to say', () => {
    expect(labChecks(seedTopology())).toEqual([]);
  });

  it('a new node\'s pod subnet that the router cannot reach, fixed by a route via the node', () => {
    const t = withNode3();
    const checks = labChecks(t);
    expect(checks.map((c) => [c.problem.path, c.problem.code])).toEqual([['machines[1].routes', 'subnet-unrouted']]);
    const [check] = checks;
    if (!check?.fix) throw new Error('no fix offered');
    expect(fixText(check.fix, 'en')).toBe('add route 10.10.12.0/24 via 172.16.100.3 dev eth0 on router');
    expect(fixText(check.fix, 'ru')).toBe('добавить маршрут 10.10.12.0/24 via 172.16.100.3 dev eth0 на router');
    expect(formatProblem(check.problem, 'en')).toContain('router has no route to 10.10.12.0/24, the pods of node3');
    // Before the fix the router drops the ping; after it, the reply comes back.
    expect(tellOutcome(runJourney(t, { from: 'pod1', to: 'pod5' }), 'en')).toContain('0 of 1');
    const fixed = applyFix(t, check.fix);
    expect(labChecks(fixed)).toEqual([]);
    expect(tellOutcome(runJourney(fixed, { from: 'pod1', to: 'pod5' }), 'en')).toContain('1 of 1');
    expect(t.machines[1]?.routes).toHaveLength(2);
  });

  it('a node that does not forward, and auto-configure repairing a bare node', () => {
    const bare = withNode3({ sysctls: {} });
    expect(labChecks(bare).map((c) => c.problem.code).sort()).toEqual(['forwarding-off', 'subnet-unrouted']);
    const auto = autoConfigure(bare);
    expect(labChecks(auto)).toEqual([]);
    expect(auto.machines.find((m) => m.name === 'node3')?.sysctls?.ip_forward).toBe(true);
    expect(tellOutcome(runJourney(auto, { from: 'pod5', to: 'pod3' }), 'en')).toContain('1 of 1');
  });

  it('offers no fix when the two machines share no segment, and says nothing about invalid labs', () => {
    const t = withNode3();
    const node3 = t.machines.find((m) => m.name === 'node3');
    if (!node3) throw new Error('no node3');
    const apart: Topology = {
      ...t,
      segments: [...t.segments, { id: 'far' }],
      machines: t.machines.map((m) => (m === node3 ? { ...m, interfaces: m.interfaces.map((i) => (i.kind === 'ether' ? { ...i, segment: 'far', addresses: ['192.168.9.3/24'] } : i)), routes: [] } : m)),
    };
    const checks = labChecks(apart);
    expect(checks.filter((c) => c.problem.code === 'subnet-unrouted').every((c) => c.fix === undefined)).toBe(true);
    expect(checks.length).toBeGreaterThan(0);
    expect(labChecks({ ...t, machines: [...t.machines, { name: 'node1', role: 'node', interfaces: [] }] })).toEqual([]);
  });
});
