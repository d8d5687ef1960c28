import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import type { JourneyResult } from '../journey';
import { importCluster } from '../import';
import KIND from '../import/fixtures/kind-kindnet.json?raw';
import { SCENARIOS } from '../presets/scenarios';
import { runJourney } from '../sim/runJourney';
import { proofCommand, proofOf, tcpdumpInstall, type Proof } from './proofs';

/** The journey of scenario `id` and its lab. */
function scenario(id: string) {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  const topology = s.topology();
  return { topology, result: runJourney(topology, s.journey) };
}

/** The proof of the first event `pick` chooses. */
function proofAt(r: JourneyResult, t: Parameters<typeof proofOf>[2], pick: (e: HopEvent) => boolean): Proof | null {
  const k = r.events.findIndex(pick);
  expect(k, 'the event exists').toBeGreaterThanOrEqual(0);
  return proofOf(r, k, t);
}

describe('proofs on real machines: the seed lab', () => {
  const { topology, result } = scenario('cold-ping-pod1-pod3');

  it('pod1 asks the FIB with ip route get, and the answer names its gateway', () => {
    const p = proofAt(result, topology, (e) => e.type === 'route' && e.ns === 'pod1');
    expect(p).toMatchObject({ kind: 'route', ns: 'pod1', command: 'ip route get 10.10.11.1', expect: ['10.10.11.1 via 10.10.10.254 dev eth0'] });
    expect(p && proofCommand(p, topology)).toBe('sudo ip netns exec pod1 ip route get 10.10.11.1');
  });

  it('node1 forwards: ip route get with from and iif runs the input lookup the event shows', () => {
    const p = proofAt(result, topology, (e) => e.type === 'route' && e.ns === 'node1' && e.direction === 'input' && e.result === 'forward');
    expect(p).toMatchObject({ command: 'ip route get 10.10.11.1 from 10.10.10.1 iif cni0', expect: ['10.10.11.1 from 10.10.10.1 via 172.16.100.254 dev eth0'] });
  });

  it("pod1's ARP request is captured at the host end of its veth on node1", () => {
    const p = proofAt(result, topology, (e) => e.type === 'frame' && e.ns === 'pod1' && e.dir === 'out' && e.arp !== undefined);
    expect(p).toMatchObject({ kind: 'frame', ns: 'node1', command: 'tcpdump -eni veth-pod1 arp', viaHostVeth: { node: 'node1', iface: 'veth-pod1' } });
    expect(p?.expect).toEqual(['02:00:0a:0a:0a:01 > ff:ff:ff:ff:ff:ff', 'Request who-has 10.10.10.254 tell 10.10.10.1']);
    expect(p && proofCommand(p, topology)).toBe('sudo ip netns exec node1 tcpdump -eni veth-pod1 arp');
  });

  it('the neighbour entry the reply completes, with its MAC and state', () => {
    const p = proofAt(result, topology, (e) => e.type === 'neigh' && e.ns === 'pod1' && e.to === 'REACHABLE');
    expect(p).toMatchObject({ command: 'ip neigh show dev eth0', expect: ['10.10.10.254 lladdr 02:00:0a:0a:0a:fe', 'REACHABLE'], state: 'REACHABLE' });
  });

  it("cni0 learns pod1's MAC behind its port; the forwarding node has ip_forward on", () => {
    expect(proofAt(result, topology, (e) => e.type === 'fdb' && e.ns === 'node1' && e.action === 'learn')?.expect).toEqual(['02:00:0a:0a:0a:01 dev veth-pod1 master cni0']);
    expect(proofAt(result, topology, (e) => e.type === 'ttl' && e.ns === 'router')).toMatchObject({ ns: 'router', command: 'sysctl net.ipv4.ip_forward', expect: ['net.ipv4.ip_forward = 1'] });
  });

  it('every frame of every journey of the seed scenarios can be captured, and every proof says what to look for', () => {
    for (const s of SCENARIOS.filter((x) => !x.id.startsWith('flannel-'))) {
      const t = s.topology();
      const r = runJourney(t, s.journey);
      r.events.forEach((e, k) => {
        const p = proofOf(r, k, t);
        // WireGuard's datagrams and its device's clear packets have their own kinds (proofWg.ts).
        if (e.type === 'frame') expect(p?.kind, `${s.id} #${k}`).toBe(e.wireguard ? 'wg-datagram' : e.raw && e.iface === 'cilium_wg0' ? 'wg-frame' : 'frame');
        if (p) expect(p.expect.every((x) => x.length > 0), `${s.id} #${k}`).toBe(true);
      });
    }
  });

  it('an index outside the log has no proof', () => {
    expect(proofOf(result, result.events.length, topology)).toBeNull();
  });
});

describe('proofs on real machines: Flannel VXLAN and the minikube cluster', () => {
  it('the VXLAN device, its FDB entry and the outer datagram decoded with -T vxlan on port 8472', () => {
    const { topology, result } = scenario('flannel-vxlan-cold-ping-pod1-pod3');
    expect(proofAt(result, topology, (e) => e.type === 'vxlan' && e.action === 'encap')).toMatchObject({ ns: 'node1', command: 'ip -d link show flannel.1', expect: ['vxlan id 1', 'dstport 8472'] });
    expect(proofAt(result, topology, (e) => e.type === 'fdb' && e.scope === 'vxlan')).toMatchObject({ command: 'bridge fdb show dev flannel.1', expect: [expect.stringMatching(/^[0-9a-f:]{17} dst 172\.16\.100\.2 self permanent$/)] });
    const outer = proofAt(result, topology, (e) => e.type === 'frame' && e.ns === 'node1' && e.iface === 'eth0' && e.vxlan !== undefined);
    expect(outer?.command).toBe('tcpdump -eni eth0 -T vxlan udp port 8472');
    expect(outer?.expect[1]).toBe('> 172.16.100.2.8472: VXLAN, flags [I] (0x08), vni 1');
    expect(outer?.expect).toContain('10.10.10.1 > 10.10.11.1: ICMP echo request');
  });

  it('in the notes’ cluster a node is reached with minikube ssh, a pod with kubectl exec', () => {
    const { topology, result } = scenario('flannel-minikube-ping-pod-a-pod-b');
    const pod = proofAt(result, topology, (e) => e.type === 'route' && e.ns === 'pod-a');
    const node = proofAt(result, topology, (e) => e.type === 'neigh' && e.ns === 'minikube-m02' && e.iface === 'cni0');
    expect(pod && proofCommand(pod, topology)).toMatch(/^kubectl exec -n default pod-a -- ip route get 10\.244\.2\.\d+$/);
    expect(node && proofCommand(node, topology)).toBe('minikube ssh -n minikube-m02 -- ip neigh show dev cni0');
    const capture = proofAt(result, topology, (e) => e.type === 'frame' && e.ns === 'minikube-m02' && e.iface === 'flannel.1');
    expect(capture && proofCommand(capture, topology)).toBe('minikube ssh -n minikube-m02 -- sudo tcpdump -eni flannel.1 icmp');
    // kicbase has no tcpdump: the one-time install on that node; none for a command other than tcpdump.
    expect(capture && tcpdumpInstall(capture, topology)).toBe("minikube ssh -n minikube-m02 -- 'sudo apt-get update && sudo apt-get install -y tcpdump'");
    expect(node && tcpdumpInstall(node, topology)).toBeNull();
  });
});

describe('proofs on real machines: a drop by rp_filter', () => {
  it('names the two sysctls whose higher value is the mode in force', () => {
    const { topology, result } = scenario('tcp-syn-retries-rp-filter-node2');
    const p = proofAt(result, topology, (e) => e.type === 'drop' && e.reason === 'rp-filter');
    expect(p).toMatchObject({ kind: 'rp-filter', ns: 'node2', command: expect.stringMatching(/^sysctl net\.ipv4\.conf\.all\.rp_filter net\.ipv4\.conf\.\S+\.rp_filter$/), expect: ['rp_filter = 1'] });
  });
});

describe('proofs on real machines: an imported kind cluster', () => {
  it('enters a node with docker exec (kind nodes are containers, root inside) and a pod with kubectl exec', () => {
    const t = importCluster([{ name: 'kind.json', text: KIND }], { mode: 'flannel-host-gw' }).topology;
    if (!t) throw new Error('the kind cluster did not import');
    const r = runJourney(t, { from: 'web-0', to: 'web-1' });
    const capture = proofAt(r, t, (e) => e.type === 'frame' && e.ns === 'web-0' && e.dir === 'out');
    expect(capture && proofCommand(capture, t)).toMatch(/^docker exec kind-worker2? tcpdump -eni veth[0-9a-f]{8} arp$/);
    const route = proofAt(r, t, (e) => e.type === 'route' && e.ns === 'web-0');
    expect(route && proofCommand(route, t)).toMatch(/^kubectl exec -n default web-0 -- ip route get 10\.244\.\d+\.\d+$/);
  });
});
