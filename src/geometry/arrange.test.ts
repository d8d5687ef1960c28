import { describe, expect, it } from 'vitest';
import { seedTopology, type Topology } from '../core';
import { arrangementKey, arrangementsFor, defaultArrangement, fitLayout, layoutTopology } from './layout';
import type { Box, TopologyLayout } from './layoutTypes';
import { crossingPoints } from './paths';

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (i: Box, o: Box) => i.x >= o.x && i.y >= o.y && i.x + i.w <= o.x + o.w && i.y + i.h <= o.y + o.h;
const machine = (l: TopologyLayout, name: string) => {
  const m = l.machines.find((mm) => mm.name === name);
  if (!m) throw new Error(name);
  return m;
};

/** Nothing overlaps, every label is inside its namespace, everything is inside the drawing and its bounds. */
function checkClean(l: TopologyLayout) {
  const page = { x: 0, y: 0, w: l.width, h: l.height };
  expect(inside(l.bounds, page)).toBe(true);
  for (const [a, m] of l.machines.entries()) {
    expect(inside(m.box, l.bounds), `${m.name} inside the bounds`).toBe(true);
    for (const o of l.machines.slice(a + 1)) expect(overlap(m.box, o.box), `${m.name} / ${o.name}`).toBe(false);
  }
  const labels = Object.values(l.ifaces);
  for (const [a, la] of labels.entries()) {
    const ns = l.namespaces[la.ns]?.box;
    expect(ns && inside(la.labelBox, ns), `${la.id} label inside ${la.ns}`).toBe(true);
    for (const lb of labels.slice(a + 1)) expect(overlap(la.labelBox, lb.labelBox), `${la.id} / ${lb.id}`).toBe(false);
  }
  for (const s of l.segments) {
    const label = { x: s.labelAt.x, y: s.labelAt.y - 12, w: s.label.length * 7.3, h: 16 };
    expect(inside(label, l.bounds), `${s.id} label inside the bounds`).toBe(true);
    for (const m of l.machines) expect(overlap(label, m.box), `${s.id} label over ${m.name}`).toBe(false);
  }
}

describe('arrangements', () => {
  const t = seedTopology();

  it('offers rows of every width, and the facing one when some machines hold NICs only', () => {
    expect(arrangementsFor(t).map(arrangementKey)).toEqual(['rows:1', 'rows:2', 'rows:3', 'facing:router']);
    expect(arrangementKey(defaultArrangement(t))).toBe('rows:3');
  });

  it('facing: the nodes in a row, the router under the shared lane with its NIC on its top edge', () => {
    const l = layoutTopology(t, { arrangement: { kind: 'facing', bottom: ['router'] } });
    checkClean(l);
    const [node1, router, node2] = [machine(l, 'node1'), machine(l, 'router'), machine(l, 'node2')];
    expect(l.machines.map((m) => m.name)).toEqual(['node1', 'router', 'node2']);
    expect(node1.box.y).toBe(node2.box.y);
    expect(router.box.y).toBeGreaterThan(node1.box.y + node1.box.h);
    // Centred under the nodes; its title at the bottom, its NIC on top.
    expect(Math.abs(router.box.x + router.box.w / 2 - l.width / 2)).toBeLessThan(2);
    expect(router.titleY).toBeGreaterThan(router.box.y + router.box.h / 2);
    const nic = l.ifaces['router/eth0'];
    expect(nic?.placement).toBe('root-top');
    expect(nic?.at.y).toBe(router.box.y);
    // One lane between the rows: a crossing goes down from node1, along the lane, up to the router.
    const lane = l.segments[0]?.lanes;
    expect(lane).toHaveLength(1);
    const pts = crossingPoints(l, 'node1/eth0', 'router/eth0');
    expect(pts).toHaveLength(4);
    expect(pts[1]?.y).toBe(lane?.[0]?.y);
    expect((lane?.[0]?.y ?? 0) > node1.box.y + node1.box.h && (lane?.[0]?.y ?? 0) < router.box.y).toBe(true);
    // Less wide than one row, nearer a 16:9 screen's shape.
    const row = layoutTopology(t);
    expect(l.bounds.w).toBeLessThan(row.bounds.w * 0.8);
  });

  it('writes a veth’s host end across its line, under its pod', () => {
    for (const a of arrangementsFor(t)) {
      const l = layoutTopology(t, { arrangement: a });
      checkClean(l);
      for (const p of ['pod1', 'pod2', 'pod3', 'pod4']) {
        const host = Object.values(l.ifaces).find((i) => i.peer === `${p}/eth0`);
        const pod = l.namespaces[p]?.box;
        if (!host || !pod) throw new Error(p);
        expect(Math.abs(host.labelBox.x + host.labelBox.w / 2 - host.at.x)).toBeLessThan(0.01);
        expect(host.labelBox.x).toBeGreaterThanOrEqual(pod.x);
        expect(host.labelBox.x + host.labelBox.w).toBeLessThanOrEqual(pod.x + pod.w);
      }
    }
  });

  it('refuses an arrangement the lab cannot take, falling back to the default', () => {
    expect(layoutTopology(t, { arrangement: { kind: 'facing', bottom: ['node1'] } }).arrangement).toEqual(defaultArrangement(t));
    expect(layoutTopology(t, { arrangement: { kind: 'facing', bottom: ['nosuch'] } }).arrangement).toEqual(defaultArrangement(t));
  });

  it('fits the canvas’s shape: one row on a wide strip, the facing rows on a 4:3 or panelled projector canvas', () => {
    expect(arrangementKey(fitLayout(t, 950, 300).arrangement)).toBe('rows:3');
    expect(arrangementKey(fitLayout(t, 860, 400).arrangement)).toBe('facing:router');
    expect(arrangementKey(fitLayout(t, 790, 360).arrangement)).toBe('facing:router');
    expect(arrangementKey(fitLayout(t, 420, 800).arrangement)).toBe('rows:1');
    // Whatever it picks shows the lab at least as large as the default does.
    for (const [w, h] of [[950, 300], [860, 400], [420, 700], [300, 900], [1600, 500]] as const) {
      const k = (l: TopologyLayout) => Math.min(w / l.bounds.w, h / l.bounds.h);
      expect(k(fitLayout(t, w, h))).toBeGreaterThanOrEqual(k(layoutTopology(t)));
    }
  });

  it('lays out generated clusters cleanly in every arrangement it may pick', () => {
    const lab: Topology = {
      ...seedTopology(),
      machines: [...seedTopology().machines, { name: 'host9', role: 'host', interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:00:ac:10:64:09', addresses: ['172.16.100.9/24'], segment: 'lan' }] }],
    };
    for (const a of arrangementsFor(lab)) checkClean(layoutTopology(lab, { arrangement: a }));
    expect(arrangementsFor(lab).map(arrangementKey)).toContain('facing:router,host9');
  });
});
