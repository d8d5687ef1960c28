import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { tellOutcome } from '../narrate/index';
import { addPod, TopologyEditError } from './podNetwork';
import { validateTopology } from './validate';
import type { Topology } from './topology';

function refusal(f: () => unknown): TopologyEditError {
  try {
    f();
  } catch (e) {
    if (e instanceof TopologyEditError) return e;
    throw e;
  }
  throw new Error('no refusal');
}

describe('addPod: a pod gets its network as the bridge plugin with host-local IPAM gives it', () => {
  it('takes the next free address after the last one handed out: 10.10.10.3 on the seed\'s node1', () => {
    const seed = seedTopology();
    const added = addPod(seed, 'node1');
    expect([added.pod.name, added.address, added.gateway, added.hostIface]).toEqual(['pod5', '10.10.10.3/24', '10.10.10.254', 'veth-pod5']);
    expect(added.pod.routes).toEqual([{ dst: 'default', via: '10.10.10.254', dev: 'eth0' }]);
    const node1 = added.topology.machines.find((m) => m.name === 'node1');
    expect(node1?.interfaces.at(-1)).toEqual({ kind: 'veth', name: 'veth-pod5', mac: '02:01:0a:0a:0a:03', master: 'cni0', peer: { ns: 'pod5', iface: 'eth0' } });
    // The input is never changed, and the result is a lab Linux accepts.
    expect(seed).toEqual(seedTopology());
    expect(validateTopology(added.topology)).toEqual([]);
    // A second one continues after it; node2 has its own subnet.
    expect(addPod(added.topology, 'node1').address).toBe('10.10.10.4/24');
    expect(addPod(added.topology, 'node2', { name: 'web' }).address).toBe('10.10.11.3/24');
  });

  it('wraps round past the end of the range and skips the gateway and addresses in use', () => {
    const t = seedTopology();
    const node1 = t.machines[0];
    if (!node1?.pods?.[1]) throw new Error('seed changed');
    // pod2 was last given 10.10.10.253: the next is 10.10.10.1's neighbour after wrapping (.1 is pod1).
    const pod2 = { ...node1.pods[1], interfaces: node1.pods[1].interfaces.map((i) => ({ ...i, addresses: ['10.10.10.253/24'] })) };
    const moved: Topology = { ...t, machines: t.machines.map((m, k) => (k === 0 ? { ...node1, pods: [node1.pods?.[0] ?? pod2, pod2] } : m)) };
    expect(addPod(moved, 'node1').address).toBe('10.10.10.2/24');
  });

  it('a new pod is reachable at once: pod1 pings it and the reply comes back', () => {
    const added = addPod(addPod(seedTopology(), 'node2').topology, 'node1');
    const r = runJourney(added.topology, { from: 'pod1', to: 'pod6' });
    expect(tellOutcome(r, 'en')).toContain('Echo replies back at pod1: 1 of 1.');
    const across = runJourney(added.topology, { from: 'pod6', to: 'pod5' });
    expect(tellOutcome(across, 'en')).toContain('1 of 1');
  });

  it('refuses what it cannot do, naming the field, in both languages', () => {
    const seed = seedTopology();
    const noBridge = refusal(() => addPod(seed, 'router'));
    expect(noBridge.problems.map((p) => [p.path, p.code])).toEqual([['machines[1].interfaces', 'pod-no-bridge']]);
    expect(noBridge.text.en).toContain('router has no bridge with an IPv4 address');
    expect(noBridge.text.ru).toContain('на router нет моста с IPv4-адресом');
    expect(refusal(() => addPod(seed, 'node9')).text.en).toBe('no machine named "node9"');
    expect(refusal(() => addPod(seed, 'node1', { name: 'pod3' })).problems[0]?.code).toBe('duplicate-name');
    const tiny: Topology = { ...seed, machines: seed.machines.map((m) => (m.name === 'node2' ? { ...m, interfaces: m.interfaces.map((i) => (i.name === 'cni0' ? { ...i, addresses: ['10.10.11.254/29'] } : i)), pods: [] } : m)) };
    let lab = tiny;
    // A /29 has six usable addresses; the gateway takes one.
    for (let k = 0; k < 5; k++) lab = addPod(lab, 'node2').topology;
    const full = refusal(() => addPod(lab, 'node2'));
    expect(full.text.en).toContain('no IP addresses available in range set: 10.10.11.249-10.10.11.254');
  });
});
