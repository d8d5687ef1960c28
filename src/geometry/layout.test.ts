import { describe, expect, it } from 'vitest';
import { seedTopology, type MachineSpec, type Topology } from '../core';
import { columnsFor, layoutTopology } from './layout';
import type { Box } from './layoutTypes';
import { crossingPoints } from './paths';

/** A lab of `n` machines: every third one a router, the others nodes with 1–3 pods; two segments. */
function lab(n: number): Topology {
  const machines: MachineSpec[] = [];
  for (let k = 0; k < n; k++) {
    const name = `m${k}`;
    const seg = k % 4 === 3 ? 'wan' : 'lan';
    const eth = { kind: 'ether' as const, name: 'eth0', mac: `02:00:00:00:00:${k.toString(16).padStart(2, '0')}`, addresses: [`172.16.${k}.1/24`], segment: seg };
    if (k % 3 === 1) {
      machines.push({ name, role: 'router', interfaces: [eth] });
      continue;
    }
    const pods = Array.from({ length: 1 + (k % 3) }, (_, p) => `${name}-pod${p}`);
    machines.push({
      name,
      role: 'node',
      interfaces: [
        eth,
        { kind: 'bridge', name: 'cni0', mac: '02:00:0a:00:00:fe', addresses: [`10.${k}.0.254/24`] },
        ...pods.map((p, i) => ({ kind: 'veth' as const, name: `veth${i}`, mac: `02:01:0a:00:00:0${i}`, master: 'cni0', peer: { ns: p, iface: 'eth0' } })),
      ],
      pods: pods.map((p, i) => ({
        name: p,
        interfaces: [{ kind: 'veth' as const, name: 'eth0', mac: `02:00:0a:00:00:0${i}`, addresses: [`10.${k}.0.${i + 1}/24`], peer: { ns: name, iface: `veth${i}` } }],
      })),
    });
  }
  return { version: 1, name: `lab${n}`, machines, segments: [{ id: 'lan', label: '172.16.0.0/16' }, { id: 'wan' }] };
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

describe('layoutTopology', () => {
  it('places every machine, namespace and interface of the seed lab', () => {
    const t = seedTopology();
    const l = layoutTopology(t);
    expect(l.machines.map((m) => m.name)).toEqual(['node1', 'router', 'node2']);
    expect(Object.keys(l.namespaces).sort()).toEqual(['node1', 'node2', 'pod1', 'pod2', 'pod3', 'pod4', 'router']);
    expect(l.ifaces['pod1/eth0']?.addresses).toEqual(['10.10.10.1/24']);
    expect(l.ifaces['node1/cni0']?.placement).toBe('bridge-self');
    expect(l.ifaces['node1/veth-pod1']?.placement).toBe('bridge-port');
    expect(l.segments).toHaveLength(1);
    expect(l.segments[0]?.members.sort()).toEqual(['node1/eth0', 'node2/eth0', 'router/eth0']);
    // One veth link per pair and one drop per NIC.
    expect(l.links.filter((k) => k.kind === 'veth')).toHaveLength(4);
    expect(l.links.filter((k) => k.kind === 'segment-drop')).toHaveLength(3);
  });

  it('puts the host end of a veth right under its pod end', () => {
    const l = layoutTopology(seedTopology());
    const pod = l.ifaces['pod3/eth0'];
    const host = l.ifaces['node2/veth-pod3'];
    expect(pod && host && host.at.x).toBe(pod?.at.x);
    expect(pod && host && host.at.y > pod.at.y).toBe(true);
  });

  it('routes a segment crossing down to the lane and back up', () => {
    const l = layoutTopology(seedTopology());
    const pts = crossingPoints(l, 'node1/eth0', 'router/eth0');
    const lane = l.segments[0]?.lanes[0];
    expect(pts).toHaveLength(4);
    expect(pts[1]?.y).toBe(lane?.y);
    expect(pts[3]).toEqual(l.ifaces['router/eth0']?.at);
  });

  it('is a pure function of the topology', () => {
    expect(layoutTopology(lab(7))).toEqual(layoutTopology(lab(7)));
  });

  for (let n = 2; n <= 20; n++) {
    it(`lays out ${n} machines with nothing overlapping`, () => {
      const l = layoutTopology(lab(n));
      const page = { x: 0, y: 0, w: l.width, h: l.height };
      expect(l.machines).toHaveLength(n);
      expect(Math.ceil(n / columnsFor(n))).toBe(new Set(Object.values(l.rowOf)).size);
      for (const [a, m] of l.machines.entries()) {
        expect(inside(m.box, page)).toBe(true);
        for (const other of l.machines.slice(a + 1)) expect(overlap(m.box, other.box)).toBe(false);
        for (const [p, pod] of m.pods.entries()) {
          expect(inside(pod.box, m.box)).toBe(true);
          for (const q of m.pods.slice(p + 1)) expect(overlap(pod.box, q.box)).toBe(false);
        }
      }
      const labels = Object.values(l.ifaces).map((i) => ({ id: i.id, box: i.labelBox }));
      for (const [a, la] of labels.entries()) {
        const ns = l.namespaces[la.id.split('/')[0] ?? '']?.box;
        expect(ns && inside(la.box, ns), `${la.id} label outside its namespace ${JSON.stringify([la.box, ns])}`).toBe(true);
        for (const lb of labels.slice(a + 1)) {
          expect(overlap(la.box, lb.box), `${la.id} overlaps ${lb.id}`).toBe(false);
        }
      }
      for (const s of l.segments) for (const lane of s.lanes) expect(lane.x2).toBeLessThanOrEqual(l.width);
    });
  }
});

describe('positions the user chose', () => {
  it('a machine with a position is drawn there; the others keep their automatic place', () => {
    const seed = seedTopology();
    const auto = layoutTopology(seed);
    const moved = { ...seed, machines: seed.machines.map((m) => (m.name === 'router' ? { ...m, position: { x: 900, y: 700 } } : m)) };
    const l = layoutTopology(moved);
    const box = (lay: typeof l, n: string) => lay.machines.find((m) => m.name === n)?.box;
    expect(box(l, 'router')).toMatchObject({ x: 900, y: 700 });
    expect(box(l, 'node1')).toEqual(box(auto, 'node1'));
    expect(box(l, 'node2')).toEqual(box(auto, 'node2'));
    // The drawing grows to hold it, and the router's NIC still drops to the segment's lane.
    const r = box(l, 'router');
    expect(l.width).toBeGreaterThanOrEqual((r?.x ?? 0) + (r?.w ?? 0));
    expect(l.height).toBeGreaterThanOrEqual((r?.y ?? 0) + (r?.h ?? 0));
    expect(l.links.some((k) => k.id === 'drop:router/eth0')).toBe(true);
  });
});

describe('a machine placed below its segment', () => {
  it('gets a wire that goes round it, never through it', () => {
    const seed = seedTopology();
    const moved = { ...seed, machines: seed.machines.map((m) => (m.name === 'node1' ? { ...m, position: { x: 40, y: 900 } } : m)) };
    const l = layoutTopology(moved);
    const box = l.machines.find((m) => m.name === 'node1')?.box;
    const drop = l.links.find((k) => k.id === 'drop:node1/eth0');
    if (!box || !drop) throw new Error('not drawn');
    const pts = [...drop.d.matchAll(/(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(pts.length).toBe(4);
    // Every segment of the wire stays outside the box (the first point is the NIC on its edge).
    for (const p of pts.slice(1)) expect(p.x > box.x + box.w || p.y > box.y + box.h).toBe(true);
    const lane = l.segments[0]?.lanes[0];
    expect(lane && lane.x2).toBeGreaterThanOrEqual(box.x + box.w);
    expect(l.width).toBeGreaterThanOrEqual(box.x + box.w + 14);
    // The camera fits the wire's leg under the machine too.
    expect(l.bounds.y + l.bounds.h).toBeGreaterThanOrEqual(box.y + box.h + 14);
  });
});
