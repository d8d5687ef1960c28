import { describe, expect, it } from 'vitest';
import { tellOutcome } from '../narrate/index';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { formatProblem } from '../i18n/problems';
import { autoConfigure, labChecks } from './labChecks';
import { addNode, addSegment } from './labEdits';
import { linkInterfaces, linkToSegment, removeNic } from './linkEdits';
import { addPod, TopologyEditError } from './podNetwork';
import type { Topology } from './topology';
import { validateTopology } from './validate';

/** The seed lab, a second segment on the router (lan1, 172.16.101.0/24) and a node3 with two pods on the first. */
function labWithSecondSegment(): Topology {
  const seg = addSegment(seedTopology(), 'router');
  const node = seg && addNode(seg.topology);
  if (!node) throw new Error('refused');
  return addPod(addPod(node.topology, 'node3').topology, 'node3').topology;
}

/** The refusal an edit throws, in both languages. */
function refusal(f: () => unknown): { code: string | undefined; en: string; ru: string } {
  try {
    f();
  } catch (e) {
    if (!(e instanceof TopologyEditError)) throw e;
    const p = e.problems[0];
    return { code: p?.code, en: p ? formatProblem(p, 'en') : '', ru: p ? formatProblem(p, 'ru') : '' };
  }
  throw new Error('not refused');
}

describe('linking a NIC to a segment', () => {
  it('moves node3 onto lan1 with the next free address there; the old default route goes as Linux flushes it', () => {
    const t = labWithSecondSegment();
    const out = linkToSegment(t, { ns: 'node3', iface: 'eth0' }, 'lan1');
    expect(out.readdressed).toBe(true);
    expect(out.address).toBe('172.16.101.2/24');
    expect(out.droppedRoutes).toEqual([{ dst: 'default', via: '172.16.100.254', dev: 'eth0' }]);
    const node3 = out.topology.machines.find((m) => m.name === 'node3');
    expect(node3?.interfaces[0]).toMatchObject({ name: 'eth0', segment: 'lan1', addresses: ['172.16.101.2/24'], mac: '02:00:ac:10:64:03' });
    expect(node3?.routes).toEqual([]);
    expect(validateTopology(out.topology)).toEqual([]);
    // The original is untouched (topologies are immutable).
    expect(t.machines.find((m) => m.name === 'node3')?.interfaces[0]).toMatchObject({ segment: 'lan' });
  });

  it('the checks then name the missing routes on both sides, and auto-configure makes pod1 reach the new pod', () => {
    const linked = linkToSegment(labWithSecondSegment(), { ns: 'node3', iface: 'eth0' }, 'lan1').topology;
    const before = runJourney(linked, { from: 'pod1', to: 'pod5' });
    expect(tellOutcome(before, 'en')).not.toMatch(/1 of 1/);
    const missing = labChecks(linked).map((c) => `${c.problem.code} ${c.fix?.kind === 'add-route' ? `${c.fix.machine}:${c.fix.route.dst} via ${c.fix.route.via ?? ''}` : ''}`);
    expect(missing).toContain('subnet-unrouted router:10.10.12.0/24 via 172.16.101.2');
    expect(missing.some((m) => m.startsWith('subnet-unrouted node3:10.10.10.0/24 via 172.16.101.1'))).toBe(true);
    const fixed = autoConfigure(linked);
    expect(labChecks(fixed)).toEqual([]);
    expect(tellOutcome(runJourney(fixed, { from: 'pod1', to: 'pod5' }), 'en')).toMatch(/Echo replies back at pod1: 1 of 1/);
  });

  it('a route the router already had to node3\'s pods (via its old address) is an error whose fix follows the cable', () => {
    const routed = autoConfigure(labWithSecondSegment());
    expect(routed.machines.find((m) => m.name === 'router')?.routes).toContainEqual({ dst: '10.10.12.0/24', via: '172.16.100.3', dev: 'eth0' });
    const moved = linkToSegment(routed, { ns: 'node3', iface: 'eth0' }, 'lan1').topology;
    const stale = labChecks(moved).find((c) => c.problem.code === 'gateway-absent');
    expect(stale?.fix).toEqual({ kind: 'change-route', machine: 'router', from: { dst: '10.10.12.0/24', via: '172.16.100.3', dev: 'eth0' }, to: { dst: '10.10.12.0/24', via: '172.16.101.2', dev: 'eth1' } });
    const fixed = autoConfigure(moved);
    expect(labChecks(fixed)).toEqual([]);
    expect(tellOutcome(runJourney(fixed, { from: 'pod1', to: 'pod5' }), 'en')).toMatch(/Echo replies back at pod1: 1 of 1/);
  });

  it('removing a NIC takes its routes and an emptied segment with it; a veth end or a bridge is refused', () => {
    const t = labWithSecondSegment();
    const out = removeNic(t, { ns: 'router', iface: 'eth1' });
    expect(out.machines.find((m) => m.name === 'router')?.interfaces.map((i) => i.name)).toEqual(['eth0']);
    expect(out.segments.map((s) => s.id)).toEqual(['lan']);
    const node1 = removeNic(t, { ns: 'node1', iface: 'eth0' }).machines.find((m) => m.name === 'node1');
    expect(node1?.routes?.filter((r) => r.dev === 'eth0')).toEqual([]);
    expect(validateTopology(removeNic(t, { ns: 'node1', iface: 'eth0' }))).toEqual([]);
    expect(refusal(() => removeNic(t, { ns: 'pod1', iface: 'eth0' })).code).toBe('link-veth');
    expect(refusal(() => removeNic(t, { ns: 'node1', iface: 'cni0' })).code).toBe('link-bridge');
  });

  it('keeps an address that is already in the segment subnet, and removes a segment left empty', () => {
    const t = labWithSecondSegment();
    // router's eth1 alone on lan1 goes to lan: its 172.16.101.1 is outside, so it is readdressed; lan1 is gone.
    const out = linkToSegment(t, { ns: 'router', iface: 'eth1' }, 'lan');
    expect(out.address).toBe('172.16.100.4/24');
    expect(out.topology.segments.map((s) => s.id)).toEqual(['lan']);
    // Back where it is: nothing changes, the same object comes back.
    expect(linkToSegment(out.topology, { ns: 'router', iface: 'eth1' }, 'lan').topology).toBe(out.topology);
  });

  it('refuses a veth end, a bridge, itself, an unknown segment and a full subnet, saying why in both languages', () => {
    const t = labWithSecondSegment();
    const veth = refusal(() => linkToSegment(t, { ns: 'pod1', iface: 'eth0' }, 'lan1'));
    expect(veth.code).toBe('link-veth');
    expect(veth.en).toMatch(/pod1\/eth0 is one end of a veth pair: its only link is its other end, node1\/veth-pod1/);
    expect(veth.ru).toMatch(/pod1\/eth0 — один конец пары veth/);
    expect(refusal(() => linkInterfaces(t, { ns: 'node1', iface: 'cni0' }, { ns: 'router', iface: 'eth0' })).code).toBe('link-bridge');
    expect(refusal(() => linkInterfaces(t, { ns: 'node1', iface: 'eth0' }, { ns: 'node1', iface: 'eth0' })).en).toMatch(/cannot be linked to itself/);
    expect(refusal(() => linkToSegment(t, { ns: 'node1', iface: 'eth0' }, 'nowhere')).code).toBe('unknown-segment');
    expect(refusal(() => linkToSegment(t, { ns: 'node9', iface: 'eth0' }, 'lan')).code).toBe('peer-ns-missing');
    const tiny: Topology = { ...t, segments: [...t.segments, { id: 'p2p', label: '192.168.0.0/30' }] };
    const one = linkToSegment(tiny, { ns: 'node1', iface: 'eth0' }, 'p2p').topology;
    const two = linkToSegment(one, { ns: 'node2', iface: 'eth0' }, 'p2p').topology;
    const full = refusal(() => linkToSegment(two, { ns: 'node3', iface: 'eth0' }, 'p2p'));
    expect(full.code).toBe('segment-full');
    expect(full.ru).toMatch(/не осталось свободных адресов подсети 192\.168\.0\.0\/30/);
  });

  it('a drag from one NIC to another plugs the first into the second one\'s segment', () => {
    const t = labWithSecondSegment();
    const out = linkInterfaces(t, { ns: 'node3', iface: 'eth0' }, { ns: 'router', iface: 'eth1' });
    expect(out.topology.machines.find((m) => m.name === 'node3')?.interfaces[0]).toMatchObject({ segment: 'lan1' });
    expect(linkInterfaces(t, { ns: 'node1', iface: 'eth0' }, { ns: 'node2', iface: 'eth0' }).topology).toBe(t);
  });
});
