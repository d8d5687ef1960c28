import { describe, expect, it } from 'vitest';
import { problemSeverity } from '../i18n/problems';
import { generateCluster } from '../presets/generate';
import bridgePortAddress from './cases/bridge-port-address.json';
import sharedHostMac from './cases/shared-host-mac.json';
import type { MachineSpec, NamespaceSpec } from './topology';
import { validateTopology as validateProblems, validateTopologyWarnings } from './validate';
import { host, mac, seed, validateTopology, warnings, withIfaces } from './validateTestKit';

/* Warnings (what Linux accepts but is unwise) and incremental validation, split from validate.test.ts. */

describe('what Linux accepts but is unwise: warnings, never errors', () => {
  it('an address on a bridge port (field case bridge-port-address)', () => {
    expect(validateTopology(bridgePortAddress)).toEqual([]);
    const w = validateTopologyWarnings(bridgePortAddress);
    expect(w.map((p) => [p.path, p.code, p.params.bridge])).toEqual([['machines[0].interfaces[1].addresses', 'port-address', 'br0']]);
    expect(w.every((p) => problemSeverity(p.code) === 'warning')).toBe(true);
  });

  it('one MAC on several host-side veths, as Calico does (field case shared-host-mac)', () => {
    expect(validateTopology(sharedHostMac)).toEqual([]);
    expect(validateTopologyWarnings(sharedHostMac)).toEqual([
      { path: 'machines[0].interfaces[2].mac', code: 'shared-mac', params: { mac: 'ee:ee:ee:ee:ee:ee', other: 'node1/cali1' } },
    ]);
  });

  it('a MAC used twice in one layer-2 segment, but not a bridge sharing its port\'s MAC', () => {
    // pod2's eth0 takes pod1's MAC: both hang off node1's cni0.
    const t = seed();
    const pod2 = t.machines[0]?.pods?.[1]?.interfaces[0];
    if (!pod2) throw new Error('seed changed');
    pod2.mac = '02:00:0a:0a:0a:01';
    expect(validateTopology(t)).toEqual([]);
    expect(warnings(t)).toEqual([
      'machines[0].pods[1].interfaces[0].mac: 02:00:0a:0a:0a:01 is also used by pod1/eth0 on the same layer-2 segment; Linux accepts this, but bridges and switches then deliver frames for one to the other ' +
        '(and a bridge takes frames for its port\'s MAC as its own); give one of them another MAC',
    ]);
    // Two NICs on one segment.
    const lan = seed();
    const eth0 = lan.machines[2]?.interfaces[0];
    if (!eth0) throw new Error('seed changed');
    eth0.mac = '02:00:ac:10:64:01';
    expect(validateTopologyWarnings(lan).map((p) => [p.path, p.code, p.params.other])).toEqual([['machines[2].interfaces[0].mac', 'duplicate-mac', 'node1/eth0']]);
    // A bridge with its port's MAC is what Linux does by default: no warning.
    const own = withIfaces((ifs) => ifs.map((i) => (i.name === 'cni0' ? { ...i, mac: '02:01:0a:0a:0a:01' } : i)));
    expect(validateTopologyWarnings(own)).toEqual([]);
    // The same MAC on separate links of separate namespaces is nothing to Linux.
    const far = seed();
    const pod3 = far.machines[2]?.pods?.[0]?.interfaces[0];
    if (!pod3) throw new Error('seed changed');
    pod3.mac = '02:00:0a:0a:0a:01';
    expect(validateTopologyWarnings(far)).toEqual([]);
  });

  it('a loop at layer 2: a veth pair in one bridge, two NICs of a bridge on one segment', () => {
    const pair = host([
      { kind: 'bridge', name: 'br0', mac: mac(1), addresses: ['10.0.0.1/24'] },
      { kind: 'veth', name: 'v1', mac: mac(2), master: 'br0', peer: { ns: 'a', iface: 'v2' } },
      { kind: 'veth', name: 'v2', mac: mac(3), master: 'br0', peer: { ns: 'a', iface: 'v1' } },
    ]);
    expect(validateTopology(pair)).toEqual([]);
    expect(validateTopologyWarnings(pair).map((p) => [p.path, p.code])).toEqual([['machines[0].interfaces[2].master', 'l2-loop']]);
    const nics = host([
      { kind: 'bridge', name: 'br0', mac: mac(1) },
      { kind: 'ether', name: 'e1', mac: mac(2), master: 'br0', segment: 'lan' },
      { kind: 'ether', name: 'e2', mac: mac(3), master: 'br0', segment: 'lan' },
    ]);
    expect(validateTopology(nics)).toEqual([]);
    expect(validateTopologyWarnings(nics).map((p) => [p.path, p.code])).toEqual([['machines[0].interfaces[2].segment', 'l2-loop']]);
  });
});

describe('incremental validation', () => {
  it('re-validates a 2,000-pod cluster after one pod changed in a few milliseconds', () => {
    const t = generateCluster({ nodes: 100, podsPerNode: 20 });
    expect(validateProblems(t)).toEqual([]);
    const times: number[] = [];
    let current = t;
    for (let n = 0; n < 21; n++) {
      const i = n % 100;
      const m = current.machines[i] as MachineSpec;
      const pods = m.pods ?? [];
      const pod = pods[5] as NamespaceSpec & { name: string };
      const edited = { ...pod, listeners: [{ proto: 'tcp' as const, port: 1000 + n }] };
      const machine = { ...m, pods: pods.map((p, j) => (j === 5 ? edited : p)) };
      current = { ...current, machines: current.machines.map((x, j) => (j === i ? machine : x)) };
      const start = performance.now();
      const problems = validateProblems(current);
      times.push(performance.now() - start);
      expect(problems).toEqual([]);
    }
    times.sort((a, b) => a - b);
    // The median, generous for a loaded CI machine; the figure itself is about 0.5 ms.
    expect(times[10]).toBeLessThan(5);
  });
});
