import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology } from '../core';
import { focusBox, namedAddresses } from './focus';
import { layoutTopology } from './layout';
import { packetSceneAt } from './packetScene';

const t = seedTopology();
const layout = layoutTopology(t);
const events = runJourney(t, { from: 'pod1', to: 'pod3' }).events;
const box = (name: string) => {
  const m = layout.machines.find((mm) => mm.name === name);
  if (!m) throw new Error(name);
  return m.box;
};
const contains = (outer: { x: number; y: number; w: number; h: number }, inner: typeof outer) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

describe('focusBox', () => {
  it('keeps the next hop a route names in view with the machine that routes (teacher review, item 15)', () => {
    const i = events.findIndex((e) => e.type === 'route' && e.ns === 'node1' && e.nexthop === '172.16.100.254');
    expect(namedAddresses(events[i])).toEqual(['172.16.100.254']);
    const f = focusBox(layout, packetSceneAt(layout, events, i), namedAddresses(events[i]));
    if (!f) throw new Error('no focus');
    expect(contains(f, box('node1'))).toBe(true);
    const eth0 = layout.ifaces['router/eth0'];
    if (!eth0) throw new Error('router/eth0');
    expect(contains(f, eth0.labelBox)).toBe(true);
    expect(contains(f, { ...eth0.at, w: 0, h: 0 })).toBe(true);
    expect(contains(f, box('node2'))).toBe(false);
    // A step that names nothing else keeps to its own machine.
    expect(namedAddresses(events[0])).toEqual([]);
  });

  it('shows the machine of a step inside one machine, and only it', () => {
    const f = focusBox(layout, packetSceneAt(layout, events, 0));
    if (!f) throw new Error('no focus');
    expect(contains(f, box('node1'))).toBe(true);
    expect(contains(f, box('router'))).toBe(false);
  });

  it('shows both machines of a hop between machines, and stays inside the drawing', () => {
    const i = events.findIndex((e) => e.type === 'frame' && e.ns === 'router' && e.dir === 'out' && e.kind === 'request');
    const f = focusBox(layout, packetSceneAt(layout, events, i));
    if (!f) throw new Error('no focus');
    expect(contains(f, box('router'))).toBe(true);
    expect(contains(f, box('node2'))).toBe(true);
    expect(f.x).toBeGreaterThanOrEqual(0);
    expect(f.x + f.w).toBeLessThanOrEqual(layout.width);
  });

  it('has nothing to show for an empty scene', () => {
    expect(focusBox(layout, { glyphs: [], drop: null })).toBeNull();
  });
});
