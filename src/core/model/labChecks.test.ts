import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { tellOutcome } from '../narrate/index';
import { formatProblem } from '../i18n/problems';
import { applyFix, autoConfigure, fixText, labChecks } from './labChecks';
import { addNode, addRouter, addSegment, moveMachine } from './labEdits';
import { linkToSegment } from './linkEdits';
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
    expect(fixText(check.fix, 'ru')).toBe('router: добавить маршрут 10.10.12.0/24 via 172.16.100.3 dev eth0');
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
    expect(labChecks(bare).map((c) => c.problem.code)).toEqual(['forwarding-off', 'subnet-unrouted']);
    const auto = autoConfigure(bare);
    expect(labChecks(auto)).toEqual([]);
    expect(auto.machines.find((m) => m.name === 'node3')?.sysctls?.ip_forward).toBe(true);
    expect(tellOutcome(runJourney(auto, { from: 'pod5', to: 'pod3' }), 'en')).toContain('1 of 1');
  });

  it('offers no fix when the two machines share no segment, and only refusals for a lab Linux refuses', () => {
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
    // A lab Linux refuses gets its refusals only: the design checks wait until it builds.
    expect(labChecks({ ...t, machines: [...t.machines, { name: 'node1', role: 'node', interfaces: [] }] }).map((c) => c.problem.code)).toEqual(['duplicate-name']);
  });
});

/** Every finding as `code path`, for comparing labs. */
const findings = (t: Topology): string[] => labChecks(t).map((c) => `${c.problem.code} ${c.problem.path}`);

/** Echo replies back out of one, as the outcome line says it. */
function delivered(t: Topology, from: string, to: string): boolean {
  return tellOutcome(runJourney(t, { from, to }), 'en').includes('1 of 1');
}

describe('auto-configure on labs built with the editor', () => {
  it('a third node with two pods: one round routes the router, and the lab then has nothing to say', () => {
    let t = addNode(seedTopology())?.topology;
    if (!t) throw new Error('refused');
    t = addPod(addPod(t, 'node3').topology, 'node3').topology;
    expect(findings(t)).toEqual(['subnet-unrouted machines[1].routes']);
    const auto = autoConfigure(t);
    expect(labChecks(auto)).toEqual([]);
    expect(autoConfigure(auto)).toBe(auto);
    expect(delivered(auto, 'pod1', 'pod6') && delivered(auto, 'pod6', 'pod3')).toBe(true);
  });

  it('a second segment behind a second router, with a node moved onto it: several rounds, then every pod reaches every other', () => {
    let t = seedTopology();
    t = addRouter(t)?.topology ?? t;
    t = addSegment(t, 'router1')?.topology ?? t;
    t = addNode(t)?.topology ?? t;
    t = addPod(addPod(t, 'node3').topology, 'node3').topology;
    t = linkToSegment(t, { ns: 'node3', iface: 'eth0' }, 'lan1').topology;
    // node3 lost its default route with the move; router1 knows no pod subnet yet.
    expect(findings(t)).toEqual(expect.arrayContaining(['subnet-unrouted machines[4].routes', 'segment-unrouted machines[4].routes', 'subnet-unrouted machines[3].routes', 'segment-unrouted machines[1].routes']));
    expect(labChecks(t).some((c) => c.problem.code === 'subnet-unrouted' && c.problem.path === 'machines[4].routes' && !c.fix)).toBe(true);
    const auto = autoConfigure(t);
    expect(labChecks(auto)).toEqual([]);
    expect(autoConfigure(auto)).toBe(auto);
    for (const [from, to] of [['pod1', 'pod5'], ['pod6', 'pod3'], ['pod2', 'node3'], ['pod5', 'router']]) expect(delivered(auto, from as string, to as string), `${from} → ${to}`).toBe(true);
  });

  it('a lab with a fault of every fixable kind reaches a fixed point where only fix-less findings stay', () => {
    const seed = seedTopology();
    const node1 = seed.machines[0] as MachineSpec;
    const [pod1, pod2] = node1.pods ?? [];
    if (!pod1 || !pod2) throw new Error('no pods');
    node1.sysctls = {};
    pod1.routes = [];
    pod2.interfaces = pod2.interfaces.map((i) => ({ ...i, addresses: ['10.10.10.1/24'], mac: '02:00:0a:0a:0a:01' }));
    node1.interfaces = node1.interfaces.map((i) => (i.name === 'cni0' ? { ...i, sysctls: { forwarding: false } } : i));
    const t = addSegment(seed, 'node2')?.topology ?? seed;
    const auto = autoConfigure(t);
    expect(findings(auto)).toEqual(['link-alone machines[2].interfaces[4].segment']);
    expect(autoConfigure(auto)).toBe(auto);
    expect(delivered(auto, 'pod1', 'pod3') && delivered(auto, 'pod2', 'pod4')).toBe(true);
  });
});

describe('the checks as the editor uses them', () => {
  it('are computed once per lab, and a move (positions only) keeps them', () => {
    const t = withNode3();
    const checks = labChecks(t);
    expect(labChecks(t)).toBe(checks);
    expect(labChecks(moveMachine(t, 'router', { x: 300, y: 40 }))).toBe(checks);
    expect(Object.isFrozen(checks)).toBe(true);
  });

  it('never change the lab they fix: applyFix returns a new one, and a fix naming nobody changes nothing', () => {
    const t = withNode3();
    const [check] = labChecks(t);
    if (!check?.fix) throw new Error('no fix');
    const before = JSON.stringify(t);
    expect(applyFix(t, check.fix)).not.toBe(t);
    expect(JSON.stringify(t)).toBe(before);
    expect(applyFix(t, { kind: 'enable-forwarding', machine: 'nobody' })).toBe(t);
  });
});
