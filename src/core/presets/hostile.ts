import type { JourneySpec } from '../journey';
import type { MachineSpec, Topology } from '../model/topology';
import { generateCluster } from './generate';
import { seedRpFilterBackRoute } from './tcpScenarios';

/*
 * Labs that push the engine to its bounds, for the tests that every journey ends and for the bench's
 * worst journey time: L2 loops (which storm in Linux too: the engine cuts each storm, link.ts), large
 * clusters with 100 packets, and a flat segment big enough to reach the engine's event budget.
 */

const mac = (n: number): string => `02:00:00:${((n >> 16) & 0xff).toString(16).padStart(2, '0')}:${((n >> 8) & 0xff).toString(16).padStart(2, '0')}:${(n & 0xff).toString(16).padStart(2, '0')}`;

/** A bridge whose two ports are the two ends of one veth pair (the fuzz report's F1). */
export function vethLoopLab(): Topology {
  return {
    version: 1, name: 'veth-loop', segments: [], machines: [{
      name: 'a', role: 'host', interfaces: [
        { kind: 'bridge', name: 'br0', mac: mac(1), addresses: ['10.0.0.1/24'] },
        { kind: 'veth', name: 'v1', mac: mac(2), master: 'br0', peer: { ns: 'a', iface: 'v2' } },
        { kind: 'veth', name: 'v2', mac: mac(3), master: 'br0', peer: { ns: 'a', iface: 'v1' } },
      ],
    }],
  };
}

/** Two NICs of one bridge plugged into the same segment, and a host `b` (10.0.0.2) on it. */
export function twoNicsOneSegmentLab(): Topology {
  return {
    version: 1, name: 'nic-loop', segments: [{ id: 's' }], machines: [
      { name: 'a', role: 'host', interfaces: [
        { kind: 'bridge', name: 'br0', mac: mac(1), addresses: ['10.0.0.1/24'] },
        { kind: 'ether', name: 'e1', mac: mac(2), master: 'br0', segment: 's' },
        { kind: 'ether', name: 'e2', mac: mac(3), master: 'br0', segment: 's' },
      ] },
      { name: 'b', role: 'host', interfaces: [{ kind: 'ether', name: 'eth0', mac: mac(9), segment: 's', addresses: ['10.0.0.2/24'] }] },
    ],
  };
}

/** Two hosts that each bridge the same two segments, with host `c` (10.0.0.3) on one and `d` (10.0.0.4) on the other. */
export function twoBridgesTwoSegmentsLab(): Topology {
  const bridging = (name: string, k: number): MachineSpec => ({
    name, role: 'host', interfaces: [
      { kind: 'bridge', name: 'br0', mac: mac(16 * k + 1) },
      { kind: 'ether', name: 'e1', mac: mac(16 * k + 2), master: 'br0', segment: 's1' },
      { kind: 'ether', name: 'e2', mac: mac(16 * k + 3), master: 'br0', segment: 's2' },
    ],
  });
  return {
    version: 1, name: 'two-bridges', segments: [{ id: 's1' }, { id: 's2' }], machines: [
      bridging('a', 1), bridging('b', 2),
      { name: 'c', role: 'host', interfaces: [{ kind: 'ether', name: 'eth0', mac: mac(100), segment: 's1', addresses: ['10.0.0.3/24'] }] },
      { name: 'd', role: 'host', interfaces: [{ kind: 'ether', name: 'eth0', mac: mac(101), segment: 's2', addresses: ['10.0.0.4/24'] }] },
    ],
  };
}

/** `n` plain hosts h1…hn on one segment, 10.1.0.0/16 (every ARP broadcast reaches all of them). */
export function flatSegmentLab(n: number): Topology {
  const machines: MachineSpec[] = Array.from({ length: n }, (_, k) => ({
    name: `h${k + 1}`, role: 'host', interfaces: [{ kind: 'ether', name: 'eth0', mac: mac(k + 1), segment: 's', addresses: [`10.1.${(k + 1) >> 8}.${(k + 1) & 0xff}/16`] }],
  }));
  return { version: 1, name: `flat-${n}`, segments: [{ id: 's' }], machines };
}

/** A hostile lab and a journey on it. */
export interface HostileCase {
  name: string;
  topology: () => Topology;
  journey: JourneySpec;
}

/** The hostile journeys `npm run bench` times (worst journey) and the bound tests run. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  { name: 'veth pair inside one bridge', topology: vethLoopLab, journey: { from: 'a', to: '10.0.0.2', count: 100 } },
  { name: 'two bridged NICs on one segment', topology: twoNicsOneSegmentLab, journey: { from: 'b', to: '10.0.0.1', count: 100 } },
  { name: 'two hosts bridging two segments, TCP', topology: twoBridgesTwoSegmentsLab, journey: { from: 'c', to: '10.0.0.9', proto: 'tcp', count: 100 } },
  { name: '20 nodes × 20 pods, 100 pings', topology: () => generateCluster({ nodes: 20, podsPerNode: 20 }), journey: { from: 'pod1-1', to: 'pod20-20', count: 100 } },
  { name: '20 nodes × 20 pods, 100 SYNs to a silent address', topology: () => generateCluster({ nodes: 20, podsPerNode: 20 }), journey: { from: 'pod1-1', to: '10.250.0.1', proto: 'tcp', count: 100 } },
  { name: '100 SYNs a minute apart, each dropped by rp_filter and sent again ten times', topology: () => seedRpFilterBackRoute('node2'), journey: { from: 'pod1', to: 'pod3', proto: 'tcp', count: 100, intervalMs: 60000 } },
  { name: '100 nodes × 20 pods, 100 pings a minute apart', topology: () => generateCluster({ nodes: 100, podsPerNode: 20 }), journey: { from: 'pod1-1', to: 'pod100-20', count: 100, intervalMs: 60000 } },
  { name: '1,500 hosts on one segment, 30 pings to nobody', topology: () => flatSegmentLab(1500), journey: { from: 'h1', to: '10.1.250.250', count: 30 } },
];
