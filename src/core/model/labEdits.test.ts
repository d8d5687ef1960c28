import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { tellOutcome } from '../narrate/index';
import { autoConfigure, labChecks } from './labChecks';
import { addNode, addRouter, addSegment, moveMachine, pinPositions, removeNamespace, samePositionsAside } from './labEdits';
import { addPod } from './podNetwork';
import { validateTopology } from './validate';

describe('lab edits: machines and segments wired as an admin would', () => {
  it('a new node gets the next segment address, the next pod subnet, a default route via the router and forwarding', () => {
    const seed = seedTopology();
    const out = addNode(seed, { x: 10.4, y: 20.6 });
    if (!out) throw new Error('refused');
    expect(out.name).toBe('node3');
    const node = out.topology.machines.at(-1);
    expect(node?.interfaces.map((i) => [i.name, i.addresses?.[0]])).toEqual([['eth0', '172.16.100.3/24'], ['cni0', '10.10.12.254/24']]);
    expect(node?.routes).toEqual([{ dst: 'default', via: '172.16.100.254', dev: 'eth0' }]);
    expect(node?.sysctls?.ip_forward).toBe(true);
    expect(node?.position).toEqual({ x: 10, y: 21 });
    expect(validateTopology(out.topology)).toEqual([]);
    expect(seed.machines).toHaveLength(3);
  });

  it('a node with two pods is reached once the router learns its subnet (auto-configure)', () => {
    let t = addNode(seedTopology())?.topology;
    if (!t) throw new Error('refused');
    t = addPod(addPod(t, 'node3').topology, 'node3').topology;
    expect(labChecks(t).map((c) => c.problem.code)).toEqual(['subnet-unrouted']);
    const fixed = autoConfigure(t);
    expect(labChecks(fixed)).toEqual([]);
    const r = runJourney(fixed, { from: 'pod1', to: 'pod5' });
    expect(tellOutcome(r, 'en')).toMatch(/Echo replies back at pod1: 1 of 1/);
  });

  it('a router and a segment with the router plugged in', () => {
    const r = addRouter(seedTopology());
    expect(r?.name).toBe('router1');
    const s = r && addSegment(r.topology, 'router1');
    expect(s?.name).toBe('lan1');
    const router = s?.topology.machines.find((m) => m.name === 'router1');
    expect(router?.interfaces.map((i) => [i.name, i.addresses?.[0]])).toEqual([['eth0', '172.16.100.3/24'], ['eth1', '172.16.101.1/24']]);
    expect(s && validateTopology(s.topology)).toEqual([]);
  });

  it('removing a pod takes its host veth; removing a machine its pods', () => {
    const t = removeNamespace(seedTopology(), 'pod1');
    expect(t.machines[0]?.interfaces.map((i) => i.name)).toEqual(['eth0', 'cni0', 'veth-pod2']);
    expect(validateTopology(t)).toEqual([]);
    const u = removeNamespace(t, 'node2');
    expect(u.machines.map((m) => m.name)).toEqual(['node1', 'router']);
  });

  it('moving changes only the position, which a journey ignores', () => {
    const seed = seedTopology();
    const moved = moveMachine(seed, 'router', { x: 5, y: -3 });
    expect(moved.machines[1]?.position).toEqual({ x: 5, y: 0 });
    expect(samePositionsAside(seed, moved)).toBe(true);
    expect(samePositionsAside(seed, removeNamespace(seed, 'pod1'))).toBe(false);
  });

  it('pins the machines without a position where they are drawn, and only those', () => {
    const seed = moveMachine(seedTopology(), 'router', { x: 1, y: 2 });
    const pinned = pinPositions(seed, (n) => (n === 'node1' ? { x: 10.4, y: 20 } : undefined));
    expect(pinned.machines.map((m) => m.position)).toEqual([{ x: 10, y: 20 }, { x: 1, y: 2 }, undefined]);
    expect(pinPositions(seed, () => undefined)).toBe(seed);
  });
});
