import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import type { JourneyResult } from '../journey';
import { importCluster } from '../import';
import CILIUM from '../import/fixtures/minikube-cilium.json?raw';
import WG_IP from '../import/fixtures/minikube-cilium-wg-m02-ip.txt?raw';
import { SCENARIOS } from '../presets/scenarios';
import { runJourney } from '../sim/runJourney';
import type { Topology } from '../model/topology';
import { proofCommand, proofOf, tcpdumpInstall, wgInstall, type Proof } from './proofs';

/*
 * Cilium's WireGuard checked on real machines: wg show for the handshake's peer, cilium-dbg encrypt
 * status in the node's agent for an encryption, tcpdump of the UDP 51871 datagrams on the NIC and of
 * the clear packet on cilium_wg0 (no link layer, no -e).
 */

function scenario(id: string) {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  const topology = s.topology();
  return { topology, result: runJourney(topology, s.journey) };
}

function proofAt(r: JourneyResult, t: Topology, pick: (e: HopEvent) => boolean): Proof | null {
  const k = r.events.findIndex(pick);
  expect(k, 'the event exists').toBeGreaterThanOrEqual(0);
  return proofOf(r, k, t);
}

describe('proofs of WireGuard in the tunnel-mode lab', () => {
  const { topology: t, result: r } = scenario('cilium-wireguard-cold-ping-pod1-pod3');

  it('the handshake names its peer in wg show, with the latest handshake once the session exists', () => {
    const init = proofAt(r, t, (e) => e.type === 'wireguard' && e.action === 'initiation' && e.dir === 'send');
    expect(init).toMatchObject({ kind: 'wg-peer', ns: 'node1', command: 'wg show cilium_wg0', root: true, expect: ['listening port: 51871', 'endpoint: 172.16.100.2:51871', 'allowed ips: 172.16.100.2/32'] });
    expect(init && proofCommand(init, t)).toBe('sudo ip netns exec node1 wg show cilium_wg0');
    const responder = proofAt(r, t, (e) => e.type === 'wireguard' && e.action === 'response' && e.dir === 'send');
    expect(responder?.expect).toEqual(['listening port: 51871', 'endpoint: 172.16.100.1:51871', 'allowed ips: 172.16.100.1/32']);
    const session = proofAt(r, t, (e) => e.type === 'wireguard' && e.action === 'session');
    expect(session?.expect).toContain('latest handshake:');
  });

  it('an encryption is checked with cilium-dbg encrypt status in the agent', () => {
    const p = proofAt(r, t, (e) => e.type === 'wireguard' && e.action === 'encrypt');
    expect(p).toMatchObject({ kind: 'wg-status', ns: 'node1', command: 'cilium-dbg encrypt status', agent: true, expect: ['Encryption: Wireguard', 'Interface: cilium_wg0', 'Public key:', 'Number of peers: 1'] });
    expect(p && proofCommand(p, t)).toBe('kubectl -n kube-system exec ds/cilium -- cilium-dbg encrypt status');
  });

  it('the datagram on eth0 is UDP 51871 from port to port, and nothing of the packet inside', () => {
    const p = proofAt(r, t, (e) => e.type === 'frame' && e.ns === 'node1' && e.iface === 'eth0' && e.wireguard !== undefined);
    expect(p).toMatchObject({ kind: 'wg-datagram', command: 'tcpdump -ni eth0 udp port 51871', expect: ['172.16.100.1.51871 > 172.16.100.2.51871: UDP'] });
    expect(p?.expect.join(' ')).not.toContain('ICMP');
  });

  it('the packet on cilium_wg0 is in clear and without MAC addresses', () => {
    const p = proofAt(r, t, (e) => e.type === 'frame' && e.ns === 'node1' && e.iface === 'cilium_wg0');
    expect(p).toMatchObject({ kind: 'wg-frame', command: 'tcpdump -ni cilium_wg0 -T vxlan udp port 8472' });
    expect(p?.expect).toEqual(['> 172.16.100.2.8472: VXLAN, flags [I] (0x08), vni 256', '10.10.10.1 > 10.10.11.1: ICMP echo request']);
  });

  it('every WireGuard event and frame has a proof', () => {
    r.events.forEach((e, k) => {
      if (e.type === 'wireguard' || (e.type === 'frame' && (e.wireguard !== undefined || e.raw === true))) expect(proofOf(r, k, t), `#${k} ${e.type}`).not.toBeNull();
    });
  });
});

describe('proofs of WireGuard in native routing', () => {
  it('wg show lists the peer\'s pods among its allowed ips', () => {
    const { topology: t, result: r } = scenario('cilium-native-wireguard-cold-ping-pod1-pod3');
    const p = proofAt(r, t, (e) => e.type === 'wireguard' && e.action === 'initiation' && e.dir === 'send');
    expect(p?.expect).toEqual(['listening port: 51871', 'endpoint: 172.16.100.2:51871', 'allowed ips:', '172.16.100.2/32']);
    const clear = proofAt(r, t, (e) => e.type === 'frame' && e.ns === 'node1' && e.iface === 'cilium_wg0');
    expect(clear).toMatchObject({ kind: 'wg-frame', command: 'tcpdump -ni cilium_wg0 icmp', expect: ['10.10.10.1 > 10.10.11.1: ICMP echo request'] });
  });
});

describe('proofs of WireGuard on an imported minikube cluster', () => {
  const t = importCluster([{ name: 'paste', text: CILIUM }, { name: 'm02.txt', text: WG_IP }]).topology;
  if (!t) throw new Error('the cluster did not import');
  const pods = t.machines.flatMap((m) => (m.pods ?? []).map((p) => ({ node: m.name, pod: p.name })));
  const a = pods.find((p) => p.node === 'minikube');
  const b = pods.find((p) => p.node === 'minikube-m02');
  if (!a || !b) throw new Error('no pods on both nodes');
  const r = runJourney(t, { from: a.pod, to: b.pod });

  it('wg show on the node through minikube ssh, with the tool\'s install', () => {
    const p = proofAt(r, t, (e) => e.type === 'wireguard' && e.action === 'initiation' && e.dir === 'send');
    expect(p && proofCommand(p, t)).toBe('minikube ssh -n minikube -- sudo wg show cilium_wg0');
    expect(p && wgInstall(p, t)).toBe("minikube ssh -n minikube -- 'sudo apt-get update && sudo apt-get install -y wireguard-tools'");
    expect(p && tcpdumpInstall(p, t)).toBeNull();
  });

  it('cilium-dbg in the node\'s own agent pod, with one peer for each other node', () => {
    const p = proofAt(r, t, (e) => e.type === 'wireguard' && e.action === 'encrypt');
    const agent = t.cluster?.pods.find((x) => x.node === 'minikube' && x.daemonSet === 'cilium');
    if (!agent) throw new Error('no cilium agent pod on minikube');
    expect(p && proofCommand(p, t)).toBe(`kubectl -n kube-system exec ${agent.name} -- cilium-dbg encrypt status`);
    expect(p?.expect).toContain(`Number of peers: ${t.machines.length - 1}`);
    expect(p && wgInstall(p, t)).toBeNull();
  });

  it('the datagrams on eth0 through minikube ssh with sudo', () => {
    const p = proofAt(r, t, (e) => e.type === 'frame' && e.ns === 'minikube' && e.iface === 'eth0' && e.wireguard !== undefined);
    expect(p && proofCommand(p, t)).toBe('minikube ssh -n minikube -- sudo tcpdump -ni eth0 udp port 51871');
  });
});
