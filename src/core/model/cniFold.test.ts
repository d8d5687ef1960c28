import { describe, expect, it } from 'vitest';
import type { CniEvent } from '../cni/events';
import { buildCniStory, freshNodeLab } from '../presets/cniStories';
import { foldCniEvents } from './cniFold';
import type { MachineSpec, Topology } from './topology';

/*
 * The drawing of a CNI story at each step: the lab before plus what the events so far created,
 * changed or removed, so cni0, the veth pair and the pod appear when the plugins create them and
 * go when DEL removes them.
 */

const node1 = (t: Topology): MachineSpec => t.machines.find((m) => m.name === 'node1') as MachineSpec;
const names = (t: Topology) => node1(t).interfaces.map((i) => i.name);
const first = (events: readonly CniEvent[], p: (e: CniEvent) => boolean) => events.findIndex(p);

describe('folding CNI events onto the lab', () => {
  it('first pod: the pod at the namespace, cni0 at bridge\'s link add, the pair, the addresses and routes, ip_forward', () => {
    const s = buildCniStory('cni-add-first-pod');
    expect(names(s.before)).toEqual(['eth0']);
    expect(node1(s.before).pods ?? []).toEqual([]);
    const netns = first(s.events, (e) => e.type === 'netns');
    expect(node1(s.frames[netns] as Topology).pods?.map((p) => p.name)).toEqual(['pod1']);
    const bridge = first(s.events, (e) => e.type === 'link' && e.kind === 'bridge' && e.op === 'add');
    expect(names(s.frames[bridge - 1] as Topology)).toEqual(['eth0']);
    expect(names(s.frames[bridge] as Topology)).toEqual(['eth0', 'cni0']);
    // A frame is the previous one itself when its event draws nothing (an exec, a file).
    const exec = first(s.events, (e) => e.type === 'exec');
    expect(s.frames[exec]).toBe(s.frames[exec - 1]);
    const last = s.frames.at(-1) as Topology;
    const m = node1(last);
    const host = m.interfaces.find((i) => i.kind === 'veth');
    expect(m.interfaces.find((i) => i.name === 'cni0')).toMatchObject({ kind: 'bridge', addresses: ['10.10.10.1/24'] });
    expect(host).toMatchObject({ master: 'cni0', peer: { ns: 'pod1', iface: 'eth0' } });
    expect(host?.name).toMatch(/^veth[0-9a-f]{8}$/);
    expect(m.pods?.[0]).toMatchObject({ name: 'pod1', interfaces: [{ kind: 'veth', name: 'eth0', addresses: ['10.10.10.2/24'], peer: { ns: 'node1', iface: host?.name } }], routes: [{ dst: '10.10.0.0/16', via: '10.10.10.1', dev: 'eth0' }, { dst: 'default', via: '10.10.10.1', dev: 'eth0' }] });
    expect(m.sysctls?.ip_forward).toBe(true);
    // The rest of the lab is the same objects.
    expect(last.machines.filter((x) => x.name !== 'node1')).toEqual(s.before.machines.filter((x) => x.name !== 'node1'));
  });

  it('DEL: the pair goes at bridge\'s link del, the pod with its namespace, cni0 stays', () => {
    const s = buildCniStory('cni-del');
    expect(node1(s.before).pods?.map((p) => p.name)).toEqual(['pod1', 'pod2']);
    const del = first(s.events, (e) => e.type === 'link' && e.op === 'del' && e.ns !== 'host');
    const hostEnd = node1(s.before).interfaces.find((i) => i.kind === 'veth' && i.peer.ns === 'pod2')?.name;
    expect(names(s.frames[del - 1] as Topology)).toContain(hostEnd);
    expect(node1(s.frames[del] as Topology).pods?.find((p) => p.name === 'pod2')?.interfaces).toEqual([]);
    const last = node1(s.frames.at(-1) as Topology);
    expect(last.pods?.map((p) => p.name)).toEqual(['pod1']);
    expect(last.interfaces.map((i) => i.name)).not.toContain(hostEnd);
    expect(last.interfaces.find((i) => i.name === 'cni0')?.addresses).toEqual(['10.10.10.1/24']);
  });

  it('removing a namespace takes its veth pair with it; an unknown machine is refused', () => {
    const s = buildCniStory('cni-del-netns-gone');
    expect(node1(s.before).pods?.map((p) => p.name)).toEqual(['pod1']);
    expect(names(s.before).filter((n) => n.startsWith('veth'))).toHaveLength(1);
    expect(new Set(s.frames).size).toBe(1);
    expect(() => foldCniEvents(freshNodeLab(), 'node9', [])).toThrow('unknown-machine: node9');
  });
});
