import { describe, expect, it } from 'vitest';
import { flannelHostGwLab } from '../model/checks/datapathCases';
import { seedTopology } from '../presets/seed';
import { seedCilium, seedCiliumNativeWireguard, seedCiliumWireguard } from '../presets/ciliumScenarios';
import { runJourney } from '../sim/runJourney';
import { journeyFigures } from './figures';

/*
 * The compare view's figures, read from real journeys: the seed's pod1 → pod3 crosses three
 * routers (node1, the router, node2) and arrives with TTL 61; the minikube cluster under Flannel
 * host-gw crosses two (the two nodes), arriving with 62, with no byte added on the wire.
 */

describe('journeyFigures', () => {
  it('counts the routed seed journey\'s hops, devices and bytes', () => {
    const f = journeyFigures(runJourney(seedTopology(), { from: 'pod1', to: 'pod3' }));
    expect(f).toMatchObject({ hops: 3, ttlSent: 64, ttlAtReceiver: 61, bytesAtSource: 98, bytesOnWire: 98, overheadBytes: 0, encapsulations: [], outcome: { delivered: true } });
    // The notes' nine steps, device by device.
    expect(f?.devices.map((d) => `${d.ns}/${d.iface}`)).toEqual([
      'pod1/eth0', 'node1/veth-pod1', 'node1/cni0', 'node1/eth0', 'router/eth0', 'node2/eth0', 'node2/cni0', 'node2/veth-pod3', 'pod3/eth0',
    ]);
    // pod1 asks for its gateway, node1 for the router, the router for node2, node2 for pod3.
    expect(f?.arpResolutions).toBe(4);
    expect(f?.deliveredAfterNs).toBeGreaterThan(0);
  });

  it('counts one hop fewer under Flannel host-gw: the nodes route to each other directly', () => {
    const f = journeyFigures(runJourney(flannelHostGwLab(), { from: 'pod-a', to: 'pod-b' }));
    expect(f).toMatchObject({ hops: 2, ttlAtReceiver: 62, overheadBytes: 0, encapsulations: [], outcome: { delivered: true } });
    expect(f?.devices.map((d) => d.ns)).not.toContain('router');
  });

  it('says how an undelivered packet ended', () => {
    const f = journeyFigures(runJourney(seedTopology(), { from: 'pod1', to: '10.10.12.1' }));
    expect(f).toMatchObject({ ttlAtReceiver: null, deliveredAfterNs: null, outcome: { delivered: false } });
    expect(f?.outcome.delivered === false && f.outcome.reason).toBeTruthy();
  });
});

describe('journeyFigures under Flannel VXLAN', () => {
  it('finds the 50 bytes VXLAN adds on the wire, its VNI and port, and the same two hops as host-gw', async () => {
    const { flannelVxlanLab } = await import('../model/checks/datapathCases');
    const f = journeyFigures(runJourney(flannelVxlanLab(), { from: 'pod-a', to: 'pod-b' }));
    expect(f).toMatchObject({ hops: 2, ttlAtReceiver: 62, bytesAtSource: 98, bytesOnWire: 148, overheadBytes: 50, encapsulations: [{ kind: 'vxlan', vni: 1, port: 8472 }] });
    expect(f?.devices.map((d) => `${d.ns}/${d.iface}`)).toContain('minikube-m02/flannel.1');
  });
});

describe('figures under Cilium', () => {
  it('count the TTL decrement Cilium\'s eBPF makes as a hop, and the VNI its tunnel key carries', () => {
    const f = journeyFigures(runJourney(seedCilium(), { from: 'pod1', to: 'pod3' }));
    expect(f?.hops).toBe(1);
    expect(f?.ttlAtReceiver).toBe(63);
    expect(f?.encapsulations).toEqual([{ kind: 'vxlan', vni: 256, port: 8472 }]);
    expect(f?.overheadBytes).toBe(50);
    expect(f?.devices.map((d) => `${d.ns}/${d.iface}`)).toEqual(['pod1/eth0', 'node1/lxc5ea618a82d38', 'node1/cilium_vxlan', 'node1/eth0', 'node2/eth0', 'node2/cilium_vxlan', 'pod3/eth0']);
  });

  it('adds WireGuard\'s 60 bytes and its padding to 16: 72 under native routing, 50 + 70 in tunnel mode', () => {
    const native = journeyFigures(runJourney(seedCiliumNativeWireguard(), { from: 'pod1', to: 'pod3' }));
    // The 84-byte ping padded to 96: + IPv4 20 + UDP 8 + header 16 + tag 16.
    expect(native).toMatchObject({ bytesAtSource: 98, bytesOnWire: 170, overheadBytes: 72, wireguard: { added: 72, padding: 12 }, encapsulations: [{ kind: 'wireguard', port: 51871 }], hops: 2, ttlAtReceiver: 62 });
    expect(native?.devices.map((d) => `${d.ns}/${d.iface}`)).toEqual(['pod1/eth0', 'node1/lxc5ea618a82d38', 'node1/cilium_wg0', 'node1/eth0', 'node2/eth0', 'node2/cilium_wg0', 'pod3/eth0']);
    const tunnel = journeyFigures(runJourney(seedCiliumWireguard(), { from: 'pod1', to: 'pod3' }));
    // The 134-byte VXLAN datagram padded to 144, then 60 bytes: 218 on the wire.
    expect(tunnel).toMatchObject({ bytesOnWire: 218, overheadBytes: 120, wireguard: { added: 70, padding: 10 } });
    expect(tunnel?.encapsulations).toEqual([{ kind: 'vxlan', vni: 256, port: 8472 }, { kind: 'wireguard', port: 51871 }]);
  });
});
