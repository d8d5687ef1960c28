import { describe, expect, it } from 'vitest';
import { generateCluster, runJourney, seedTopology } from '../core';
import { layoutTopology } from './layout';
import { measureMachine } from './measureMachine';
import { clipTile, journeyMachines, needsOverview, openMachines, OVERVIEW_MACHINES, overviewLayout, placedMachine, tileRange } from './overview';

describe('the overview of a Kubernetes-sized lab', () => {
  it('is used only above 150 machines or 3,000 namespaces: classroom labs keep their drawing', () => {
    expect(needsOverview(seedTopology())).toBe(false);
    expect(needsOverview(generateCluster({ nodes: 20, podsPerNode: 10 }))).toBe(false);
    expect(needsOverview(generateCluster({ nodes: 100, podsPerNode: 20 }))).toBe(false);
    expect(needsOverview(generateCluster({ nodes: OVERVIEW_MACHINES, podsPerNode: 1 }))).toBe(true);
    expect(needsOverview(generateCluster({ nodes: 40, podsPerNode: 80 }))).toBe(true);
    expect(layoutTopology(seedTopology()).overview).toBeUndefined();
  });

  it('gives every machine a cell of one grid, in topology order, its real size, none overlapping', () => {
    const t = generateCluster({ nodes: 400, podsPerNode: 3 });
    const layout = layoutTopology(t);
    const ov = layout.overview;
    if (!ov) throw new Error('no overview');
    expect(ov.tiles.map((s) => s.name)).toEqual(t.machines.map((m) => m.name));
    expect(layout.machines).toEqual([]);
    const router = t.machines.at(-1);
    if (!router) throw new Error('no router');
    expect(ov.tiles.at(-1)?.box).toMatchObject({ w: measureMachine(router).w, h: measureMachine(router).h });
    for (const [i, s] of ov.tiles.entries()) {
      expect(s.box.x + s.box.w).toBeLessThanOrEqual(layout.width);
      expect(s.box.y + s.box.h).toBeLessThanOrEqual(layout.height);
      const next = ov.tiles[i + 1];
      // The next cell along the row starts past this machine, with the gap between.
      if (next && (i + 1) % ov.cols !== 0) expect(next.box.x).toBeGreaterThanOrEqual(s.box.x + s.box.w);
    }
    expect(ov.tiles[0]?.pods).toBe(3);
    // A grid about as wide as a 16:9 screen.
    expect(layout.width / layout.height).toBeGreaterThan(1);
    expect(layout.width / layout.height).toBeLessThan(3.5);
  });

  it('culls to the cells the camera shows', () => {
    const ov = overviewLayout(generateCluster({ nodes: 1000, podsPerNode: 2 })).overview;
    if (!ov) throw new Error('no overview');
    const first = ov.tiles[0];
    if (!first) throw new Error('no tile');
    // A view of the first cell and a bit of the next ones.
    const r = tileRange(ov, { x: 0, y: 0, w: ov.cellW * 1.5, h: ov.cellH * 0.5 });
    expect(r).toMatchObject({ c0: 0, c1: 1, r0: 0, r1: 0 });
    expect(r.x1).toBeLessThanOrEqual(0);
    expect(r.x2).toBeGreaterThanOrEqual(ov.cellW * 1.5);
    const all = tileRange(ov, { x: -1e6, y: -1e6, w: 1e9, h: 1e9 });
    expect(all).toMatchObject({ c0: 0, c1: ov.cols - 1, r0: 0, r1: ov.rows - 1 });
  });

  it('opens the machines a journey works in, not the 5,000 that ignore its flooded ARP requests', () => {
    const t = generateCluster({ nodes: 5000, podsPerNode: 2 });
    const r = runJourney(t, { from: 'pod1-1', to: 'pod5000-2' });
    const names = journeyMachines(t, r.events);
    expect(names).toEqual(['node1', 'node5000', 'router']);
    const layout = openMachines(layoutTopology(t), t, names);
    expect(layout.machines.map((m) => m.name)).toEqual(names);
    // Everything the packet passes has a place to be drawn at, inside its machine's tile.
    for (const e of r.events) {
      if (e.type !== 'send' && e.type !== 'deliver' && e.type !== 'route') continue;
      expect(layout.namespaces[e.ns], e.ns).toBeDefined();
    }
    const tile = layout.overview?.tiles[4999];
    expect(layout.namespaces['pod5000-2']?.box.x).toBeGreaterThanOrEqual(tile?.box.x ?? Infinity);
    expect(layout.ifaces['node5000/eth0']?.at.y).toBe((tile?.box.y ?? 0) + (tile?.box.h ?? 0));
    expect(layout.links.filter((l) => l.kind === 'veth')).toHaveLength(2 + 2);
  }, 120_000);

  it('cuts a long machine to the pods in view, with their veths and host ends, keeping its NICs and bridge', () => {
    const t = generateCluster({ nodes: 200, podsPerNode: 110 });
    const ov = overviewLayout(t).overview;
    const tile = ov?.tiles[0];
    const m = t.machines[0];
    if (!tile || !m) throw new Error('no tile');
    const whole = placedMachine(m, tile);
    const pod5 = whole.placed.machine.pods[4];
    const pod8 = whole.placed.machine.pods[7];
    if (!pod5 || !pod8) throw new Error('no pods');
    const cut = clipTile(whole, pod5.box.x + 1, pod8.box.x + 1);
    expect(cut.placed.machine.pods.map((p) => p.ns)).toEqual(['pod1-5', 'pod1-6', 'pod1-7', 'pod1-8']);
    expect(cut.links.map((l) => l.id).sort()).toEqual(['veth:node1/veth1-5', 'veth:node1/veth1-6', 'veth:node1/veth1-7', 'veth:node1/veth1-8']);
    expect(cut.placed.machine.root.ifaces).toEqual(['node1/cni0', 'node1/veth1-5', 'node1/veth1-6', 'node1/veth1-7', 'node1/veth1-8', 'node1/eth0']);
    expect(cut.placed.machine.bridges[0]?.ports).toHaveLength(4);
    expect(clipTile(whole, pod5.box.x + 2, pod8.box.x + 2)).toBe(cut);
  });
});
