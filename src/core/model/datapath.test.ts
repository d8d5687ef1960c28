import { describe, expect, it } from 'vitest';
import { seedHostGw, seedVxlan } from '../presets/datapathScenarios';
import { seedTopology } from '../presets/seed';
import { TopologyEditError } from './editError';
import { flannelProgram, setDatapath, vtepMac } from './datapath';
import type { Topology } from './topology';
import { validateTopology } from './validate';

const node = (t: Topology, name: string) => t.machines.find((m) => m.name === name);

describe('flannel datapath modes as lab transforms', () => {
  it('programs flannel.1 as flanneld does: /32 of the lease, VNI 1, port 8472, MTU 1450, then neighbour, FDB, onlink route per remote node', () => {
    const [p1, p2] = flannelProgram(seedTopology(), 'vxlan');
    expect(p1?.device).toEqual({
      kind: 'vxlan', name: 'flannel.1', mac: vtepMac('node1'), addresses: ['10.10.10.0/32'], mtu: 1450, vni: 1, port: 8472, local: '172.16.100.1', dev: 'eth0',
    });
    expect(p1?.neighbours).toEqual([{ ip: '10.10.11.0', mac: vtepMac('node2'), dev: 'flannel.1', state: 'PERMANENT' }]);
    expect(p1?.fdb).toEqual([{ mac: vtepMac('node2'), dev: 'flannel.1', dst: '172.16.100.2' }]);
    expect(p1?.routes).toEqual([{ dst: '10.10.11.0/24', via: '10.10.11.0', dev: 'flannel.1', onlink: true }]);
    expect(p2?.device?.addresses).toEqual(['10.10.11.0/32']);
    // A VTEP MAC is unicast and locally administered, and the same for the same node.
    expect(vtepMac('node1')).toMatch(/^[0-9a-f][26ae](:[0-9a-f]{2}){5}$/);
    expect(vtepMac('node1')).toBe(vtepMac('node1'));
    expect(vtepMac('node1')).not.toBe(vtepMac('node2'));
  });

  it('programs host-gw as a route to each remote subnet via that node\'s address on eth0', () => {
    expect(flannelProgram(seedTopology(), 'host-gw').map((p) => p.routes)).toEqual([
      [{ dst: '10.10.11.0/24', via: '172.16.100.2', dev: 'eth0' }],
      [{ dst: '10.10.10.0/24', via: '172.16.100.1', dev: 'eth0' }],
    ]);
  });

  it('switches a lab between modes, removing the other mode\'s devices, entries and routes, and leaves the given lab alone', () => {
    const vx = seedVxlan();
    expect(validateTopology(vx)).toEqual([]);
    expect(vx.datapath).toEqual({ cni: 'flannel', backend: 'vxlan' });
    expect(node(vx, 'node1')?.pods?.[0]?.interfaces[0]?.mtu).toBe(1450);
    const before = JSON.stringify(vx);
    const gw = setDatapath(vx, { cni: 'flannel', backend: 'host-gw' });
    expect(JSON.stringify(vx)).toBe(before);
    expect(gw).toEqual({ ...seedHostGw(), name: vx.name, description: vx.description });
    const n1 = node(gw, 'node1');
    expect(n1?.interfaces.some((i) => i.kind === 'vxlan')).toBe(false);
    expect(n1?.fdb).toBeUndefined();
    expect(n1?.neighbours).toBeUndefined();
    expect(n1?.pods?.[0]?.interfaces[0]?.mtu).toBeUndefined();
    const back = setDatapath(gw, { cni: 'flannel', backend: 'vxlan' });
    expect(back).toEqual(vx);
    const plain = setDatapath(back, { cni: 'bridge' });
    expect(plain.datapath).toBeUndefined();
    expect(node(plain, 'node1')?.routes).toBeUndefined();
  });

  it('refuses host-gw when the nodes share no layer-2 segment, in both languages', () => {
    const t = seedTopology();
    const apart: Topology = {
      ...t,
      segments: [...t.segments, { id: 'lan2' }],
      machines: t.machines.map((m) => (m.name === 'node2' ? { ...m, interfaces: m.interfaces.map((i) => (i.kind === 'ether' ? { ...i, segment: 'lan2' } : i)) } : m)),
    };
    let err: unknown;
    try {
      setDatapath(apart, { cni: 'flannel', backend: 'host-gw' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TopologyEditError);
    const e = err as TopologyEditError;
    expect(e.problems.map((p) => p.code)).toEqual(['hostgw-no-l2']);
    expect(e.text.en).toMatch(/host-gw.*direct layer-2 reachability/);
    expect(e.text.ru).toMatch(/host-gw.*канальном уровне/);
    // VXLAN needs only IP reachability between the nodes.
    expect(() => setDatapath(apart, { cni: 'flannel', backend: 'vxlan' })).not.toThrow();
  });
});
