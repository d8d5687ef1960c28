import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import { runJourney } from '../index';
import type { MachineSpec, Topology } from '../model/topology';
import { seedVxlan } from '../presets/datapathScenarios';

/** seed-vxlan with one machine changed. */
function withNode(name: string, change: (m: MachineSpec) => MachineSpec): Topology {
  const t = seedVxlan();
  return { ...t, machines: t.machines.map((m) => (m.name === name ? change(m) : m)) };
}

const of = <T extends HopEvent['type']>(events: readonly HopEvent[], type: T): Extract<HopEvent, { type: T }>[] =>
  events.filter((e): e is Extract<HopEvent, { type: T }> => e.type === type);

describe('the VXLAN device', () => {
  it('encapsulates by its FDB entry, 50 bytes more, and the peer takes the frame out on flannel.1; one flow keeps one source port', () => {
    const r = runJourney(seedVxlan(), { from: 'pod1', to: 'pod3' });
    const vx = of(r.events, 'vxlan');
    expect(vx.map((e) => `${e.ns} ${e.action} ${e.innerLen}→${e.outerLen}`)).toEqual(['node1 encap 98→134', 'node2 decap 98→134', 'node2 encap 98→134', 'node1 decap 98→134']);
    expect(vx.every((e) => e.outerLen - e.innerLen + 14 === 50 && e.vni === 1 && e.port === 8472)).toBe(true);
    expect(new Set(vx.map((e) => e.sport)).size).toBe(1);
    const fdb = of(r.events, 'fdb').filter((e) => e.scope === 'vxlan');
    expect(fdb.map((e) => `${e.ns} ${e.action} ${e.remote ?? ''}`)).toEqual(['node1 forward 172.16.100.2', 'node2 forward 172.16.100.1']);
    const outer = of(r.events, 'frame').find((e) => e.ns === 'node1' && e.iface === 'eth0' && e.vxlan);
    expect(outer?.ipv4).toEqual({ src: '172.16.100.1', dst: '172.16.100.2', ttl: 64, proto: 'udp' });
    expect(outer?.df).toBe(false);
    expect(outer?.inner?.ipv4?.ttl).toBe(63);
    expect(of(r.events, 'frame').some((e) => e.ns === 'node2' && e.iface === 'flannel.1' && e.dir === 'in' && e.icmp?.type === 8)).toBe(true);
    expect(of(r.events, 'deliver').map((e) => `${e.ns} ${e.cause}`)).toEqual(['pod3 echo-request', 'pod1 echo-reply']);
  });

  it('drops a frame whose MAC no FDB entry names (learning plays no part in sending), and uses the all-zero default entry', () => {
    const none = runJourney(withNode('node1', ({ fdb: _f, ...m }) => m), { from: 'pod1', to: 'pod3' });
    expect(of(none.events, 'drop').map((e) => `${e.ns} ${e.iface ?? ''} ${e.reason} ${e.dstMac ?? ''}`)).toContain(`node1 flannel.1 vxlan-no-remote ${seedVxlan().machines[1]?.interfaces.find((i) => i.kind === 'vxlan')?.mac ?? ''}`);
    expect(of(none.events, 'deliver')).toEqual([]);
    const dflt = runJourney(withNode('node1', (m) => ({ ...m, fdb: [{ mac: '00:00:00:00:00:00', dev: 'flannel.1', dst: '172.16.100.2' }] })), { from: 'pod1', to: 'pod3' });
    expect(of(dflt.events, 'fdb').find((e) => e.scope === 'vxlan' && e.ns === 'node1')?.defaultEntry).toBe(true);
    expect(of(dflt.events, 'deliver').map((e) => e.ns)).toEqual(['pod3', 'pod1']);
  });

  it('drops a datagram whose VNI no device has, and learns the sender when learning is on', () => {
    const vni = runJourney(withNode('node2', (m) => ({ ...m, interfaces: m.interfaces.map((i) => (i.kind === 'vxlan' ? { ...i, vni: 2 } : i)) })), { from: 'pod1', to: 'pod3' });
    expect(of(vni.events, 'drop').map((e) => `${e.ns} ${e.reason} ${e.vni ?? ''}`)).toEqual(['node2 vxlan-vni-unknown 1']);
    // node2 without its FDB entry for node1's VTEP, learning on: the request teaches it where to send the reply.
    const learning = withNode('node2', ({ fdb: _f, ...m }) => ({ ...m, interfaces: m.interfaces.map((i) => (i.kind === 'vxlan' ? { ...i, learning: true } : i)) }));
    const learn = runJourney(learning, { from: 'pod1', to: 'pod3' });
    expect(of(learn.events, 'fdb').filter((e) => e.scope === 'vxlan').map((e) => `${e.ns} ${e.action} ${e.remote ?? ''}`)).toEqual(['node1 forward 172.16.100.2', 'node2 learn 172.16.100.1', 'node2 forward 172.16.100.1']);
    expect(of(learn.events, 'deliver').map((e) => e.ns)).toEqual(['pod3', 'pod1']);
  });
});
