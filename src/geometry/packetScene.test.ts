import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, type HopEvent } from '../core';
import { layoutTopology } from './layout';
import { kindAt, packetSceneAt } from './packetScene';

const topology = seedTopology();
const layout = layoutTopology(topology);
const events = runJourney(topology, { from: 'pod1', to: 'pod3' }).events;

function indexOf(pred: (e: HopEvent) => boolean): number {
  const i = events.findIndex(pred);
  if (i < 0) throw new Error('event not found');
  return i;
}

describe('packetSceneAt on the seed ping', () => {
  it('rests a routing decision on what cni0 passed up beside the bridge\'s label, clear of the pods\' ports (teacher review, item 14)', () => {
    const i = indexOf((e) => e.type === 'route' && e.ns === 'node1' && e.iif === 'cni0');
    const g = packetSceneAt(layout, events, i).glyphs[0];
    const at = g?.points.at(-1);
    const cni0 = layout.ifaces['node1/cni0'];
    const node1 = layout.namespaces.node1?.box;
    if (!at || !cni0 || !node1) throw new Error('no glyph, cni0 or node1');
    expect(g?.to).toBe('node1/cni0');
    // On the label's first line, beside it, inside node1.
    const glyph = { x: at.x - 13, y: at.y - 9, w: 26, h: 18 };
    expect(glyph.y).toBeGreaterThanOrEqual(cni0.labelBox.y - 2);
    expect(glyph.x >= cni0.labelBox.x + cni0.labelBox.w || glyph.x + glyph.w <= cni0.labelBox.x).toBe(true);
    expect(glyph.x >= node1.x && glyph.x + glyph.w <= node1.x + node1.w).toBe(true);
    // Far from every port on the bar.
    for (const port of ['node1/veth-pod1', 'node1/veth-pod2']) {
      const p = layout.ifaces[port]?.at;
      expect(p && Math.hypot(p.x - at.x, p.y - at.y)).toBeGreaterThan(30);
    }
    // The decisions after it (TTL, neighbour) keep it there.
    const ttl = events.findIndex((e, k) => k > i && e.type === 'ttl' && e.ns === 'node1');
    expect(packetSceneAt(layout, events, ttl).glyphs[0]?.points.at(-1)).toEqual(at);
  });

  it('starts in pod1 when ping sends', () => {
    const s = packetSceneAt(layout, events, 0);
    expect(s.glyphs).toHaveLength(1);
    expect(s.glyphs[0]?.to).toBe('pod1');
    expect(s.glyphs[0]?.points).toHaveLength(1);
  });

  it('moves an out frame along its wire to the other end of the veth', () => {
    const i = indexOf((e) => e.type === 'frame' && e.ns === 'pod1' && e.dir === 'out');
    const s = packetSceneAt(layout, events, i);
    expect(s.glyphs.map((g) => [g.from, g.to, g.kind])).toEqual([['pod1/eth0', 'node1/veth-pod1', 'arp']]);
    expect(s.glyphs[0]?.points[0]).toEqual(layout.ifaces['pod1/eth0']?.at);
  });

  it('fans a broadcast out to every flooded port and up to the bridge', () => {
    const i = indexOf((e) => e.type === 'fdb' && e.ns === 'node1' && e.action === 'flood');
    const s = packetSceneAt(layout, events, i);
    expect(s.glyphs.map((g) => g.to)).toEqual(['node1/veth-pod2', 'node1/cni0']);
    expect(new Set(s.glyphs.map((g) => g.from))).toEqual(new Set(['node1/veth-pod1']));
  });

  it('fans an unknown destination out across the segment, along the lane', () => {
    const i = indexOf((e) => e.type === 'fdb' && e.ns === 'lan' && e.action === 'flood');
    const s = packetSceneAt(layout, events, i);
    expect(s.glyphs.map((g) => g.to).sort()).toEqual(['node2/eth0', 'router/eth0']);
    const lane = layout.segments[0]?.lanes[0]?.y;
    for (const g of s.glyphs) expect(g.points.some((p) => p.y === lane)).toBe(true);
  });

  it('keeps the packet where it is for a decision in the same namespace', () => {
    const i = indexOf((e) => e.type === 'route' && e.ns === 'router');
    const s = packetSceneAt(layout, events, i);
    expect(s.glyphs.map((g) => [g.from, g.to])).toEqual([['router/eth0', 'router/eth0']]);
    expect(kindAt(events, i)).toBe('request');
  });

  it('draws no drop for an ARP request a pod ignores (consume_skb is not a drop)', () => {
    const i = indexOf((e) => e.type === 'consume' && e.ns === 'pod2');
    const s = packetSceneAt(layout, events, i);
    expect(s.drop).toBeNull();
    expect(s.glyphs.length).toBeGreaterThan(0);
  });

  it('marks a drop where it happens', () => {
    const ttl1 = runJourney(topology, { from: 'pod1', to: 'pod3', ttl: 1 }).events;
    const i = ttl1.findIndex((e) => e.type === 'drop');
    const s = packetSceneAt(layout, ttl1, i);
    expect(s.drop?.where).toBe('node1/cni0');
    expect(s.drop?.reason).toBe('ttl-exceeded');
  });

  it('has a glyph at every step', () => {
    events.forEach((_, i) => expect(packetSceneAt(layout, events, i).glyphs.length, `step ${i}`).toBeGreaterThan(0));
  });
});
