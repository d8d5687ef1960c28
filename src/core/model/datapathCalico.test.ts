import { describe, expect, it } from 'vitest';
import { seedCalico, seedCalicoIpip, seedCalicoVxlan } from '../presets/calicoPresets';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { switchDatapath } from './datapathCalicoSwitch';
import { CALICO_IPIP_DEV, CALICO_VXLAN_DEV, calicoBlocks, calicoIpipMac, calicoPool, calicoTunnelMac, programCalico } from './datapathCalico';
import { TopologyEditError } from './editError';
import { addNode, removeNamespace } from './labEdits';
import { addPod } from './podNetwork';
import type { MachineSpec, Topology } from './topology';
import { validateTopology } from './validate';

const machine = (t: Topology, name: string): MachineSpec => {
  const m = t.machines.find((x) => x.name === name);
  if (!m) throw new Error(name);
  return m;
};

describe('calico-node\'s program', () => {
  it('routes each remote block via its node without encapsulation (BIRD), and installs Felix\'s static ARP entries', () => {
    const t = seedCalico();
    expect(calicoBlocks(t, calicoPool(t))).toEqual(new Map([['node1', ['10.10.10.0/26']], ['node2', ['10.10.11.0/26']]]));
    const node1 = machine(t, 'node1');
    expect(node1.routes).toContainEqual({ dst: '10.10.11.0/26', via: '172.16.100.2', dev: 'eth0' });
    const pod1 = node1.pods?.find((p) => p.name === 'pod1');
    expect(node1.neighbours).toContainEqual({ ip: '10.10.10.1', mac: pod1?.interfaces[0]?.mac, dev: 'calice0906292e2', state: 'PERMANENT' });
  });

  it('under VXLAN gives each node vxlan.calico with its tunnel address, and per remote node a neighbour, an FDB entry and an onlink route', () => {
    const t = seedCalicoVxlan();
    const node1 = machine(t, 'node1');
    expect(node1.interfaces.find((i) => i.name === CALICO_VXLAN_DEV)).toEqual({
      kind: 'vxlan', name: 'vxlan.calico', mac: calicoTunnelMac('node1'), addresses: ['10.10.10.0/32'], mtu: 1450, vni: 4096, port: 4789, local: '172.16.100.1', dev: 'eth0',
    });
    expect(node1.neighbours).toContainEqual({ ip: '10.10.11.0', mac: calicoTunnelMac('node2'), dev: 'vxlan.calico', state: 'PERMANENT' });
    expect(node1.fdb).toEqual([{ mac: calicoTunnelMac('node2'), dev: 'vxlan.calico', dst: '172.16.100.2' }]);
    expect(node1.routes).toContainEqual({ dst: '10.10.11.0/26', via: '10.10.11.0', dev: 'vxlan.calico', onlink: true });
    expect(node1.pods?.every((p) => p.interfaces[0]?.mtu === 1450)).toBe(true);
  });

  it('under IP-in-IP gives each node tunl0 (kind ipip, its tunnel address, MTU 1480) and BIRD\'s routes via the remote node through it, onlink', () => {
    const t = seedCalicoIpip();
    const node1 = machine(t, 'node1');
    expect(node1.interfaces.find((i) => i.name === CALICO_IPIP_DEV)).toEqual({ kind: 'ipip', name: 'tunl0', mac: calicoIpipMac('node1'), addresses: ['10.10.10.0/32'], mtu: 1480 });
    expect(node1.routes).toContainEqual({ dst: '10.10.11.0/26', via: '172.16.100.2', dev: 'tunl0', onlink: true });
    // No neighbour or FDB entry for the tunnel: IP-in-IP has no link layer to resolve.
    expect(node1.neighbours?.every((n) => n.dev.startsWith('cali'))).toBe(true);
    expect(node1.fdb).toBeUndefined();
    expect(node1.pods?.every((p) => p.interfaces[0]?.mtu === 1480)).toBe(true);
    expect(calicoPool(t).ipipMode).toBe('Always');
    expect(validateTopology(t)).toEqual([]);
  });

  it('switches between encapsulations both ways without leftovers, and is idempotent', () => {
    const none = seedCalico();
    const there = programCalico(none, { cni: 'calico', encapsulation: 'vxlan', pool: '10.10.0.0/16' });
    expect(programCalico(there, { cni: 'calico', encapsulation: 'none', pool: '10.10.0.0/16' })).toEqual(none);
    expect(programCalico(none, { cni: 'calico', encapsulation: 'none', pool: '10.10.0.0/16' })).toEqual(none);
    const ipip = programCalico(none, { cni: 'calico', encapsulation: 'ipip', pool: '10.10.0.0/16' });
    expect(ipip.machines).toEqual(seedCalicoIpip().machines);
    expect(programCalico(ipip, { cni: 'calico', encapsulation: 'ipip', pool: '10.10.0.0/16' })).toEqual(ipip);
    expect(programCalico(ipip, { cni: 'calico', encapsulation: 'none', pool: '10.10.0.0/16' })).toEqual(none);
    // VXLAN → IP-in-IP → VXLAN: the other mode's device goes each time, and the lab comes back as it was.
    const vxlan = seedCalicoVxlan();
    const via = programCalico(vxlan, { cni: 'calico', encapsulation: 'ipip', pool: '10.10.0.0/16' });
    expect(machine(via, 'node1').interfaces.map((i) => i.name)).not.toContain(CALICO_VXLAN_DEV);
    expect(machine(via, 'node1').fdb).toBeUndefined();
    expect(programCalico(via, { cni: 'calico', encapsulation: 'vxlan', pool: '10.10.0.0/16' })).toEqual(vxlan);
  });

  it('needs no shared segment for IP-in-IP: the outer packet is routed to the other node', () => {
    const t = seedCalicoIpip();
    const eth0 = machine(t, 'node2').interfaces[0];
    if (eth0?.kind === 'ether') eth0.segment = 'other';
    t.segments.push({ id: 'other' });
    expect(() => programCalico(t, { cni: 'calico', encapsulation: 'ipip', pool: '10.10.0.0/16' })).not.toThrow();
  });

  it('refuses BGP routes across a router (calico-bgp-no-l2)', () => {
    const t = seedCalico();
    const eth0 = machine(t, 'node2').interfaces[0];
    if (eth0?.kind === 'ether') eth0.segment = 'other';
    t.segments.push({ id: 'other' });
    expect(() => programCalico(t, { cni: 'calico', encapsulation: 'none' })).toThrow(TopologyEditError);
    expect(() => switchDatapath(seedTopology(), { cni: 'calico', encapsulation: 'none' })).not.toThrow();
  });
});

describe('a Calico lab being edited', () => {
  it('adds a pod through Calico\'s plugin: next address of the node\'s block, Felix\'s entry for it', () => {
    const { topology, address, hostIface } = addPod(seedCalico(), 'node1', { name: 'web' });
    expect(address).toBe('10.10.10.0/32');
    expect(hostIface).toMatch(/^cali[0-9a-f]{11}$/);
    expect(machine(topology, 'node1').neighbours?.some((n) => n.dev === hostIface && n.ip === '10.10.10.0')).toBe(true);
    expect(validateTopology(topology)).toEqual([]);
  });

  it('removes a pod with its /32 route and its static ARP entry', () => {
    const t = removeNamespace(seedCalico(), 'pod1');
    const node1 = machine(t, 'node1');
    expect(node1.routes?.some((r) => r.dev === 'calice0906292e2')).toBe(false);
    expect(node1.neighbours?.some((n) => n.dev === 'calice0906292e2')).toBe(false);
    expect(validateTopology(t)).toEqual([]);
  });

  it('lets a new node join without a bridge; its first pod claims a block the others then route to it', () => {
    const joined = addNode(seedCalico());
    if (!joined) throw new Error('no node');
    const node = machine(joined.topology, joined.name);
    expect(node.interfaces.map((i) => i.kind)).toEqual(['ether']);
    const { topology } = addPod(joined.topology, joined.name, { name: 'pod9' });
    const block = calicoBlocks(topology, calicoPool(topology)).get(joined.name)?.[0];
    expect(block).toMatch(/^10\.10\.\d+\.\d+\/26$/);
    expect(machine(topology, 'node1').routes?.some((r) => r.dst === block)).toBe(true);
    const r = runJourney(topology, { from: 'pod1', to: 'pod9' });
    expect(r.events.some((e) => e.type === 'deliver' && e.ns === 'pod9')).toBe(true);
  });
});
