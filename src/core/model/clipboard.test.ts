import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { clipboardEmpty, copyNamespaces, PASTE_OFFSET, pasteNamespaces } from './clipboard';
import { addPod, TopologyEditError } from './podNetwork';
import type { Topology } from './topology';
import { validateTopology } from './validate';

const nowhere = () => undefined;

describe('copy and paste of machines and pods', () => {
  it('a copied node comes back as a new node with its own addresses, pod subnet and pods, next to the original', () => {
    const seed = seedTopology();
    const withPorts: Topology = { ...seed, machines: seed.machines.map((m) => (m.name === 'node1' ? { ...m, listeners: [{ proto: 'tcp', port: 22 }], pods: (m.pods ?? []).map((p) => ({ ...p, listeners: [{ proto: 'tcp' as const, port: 80 }] })) } : m)) };
    const clip = copyNamespaces(withPorts, ['node1']);
    expect(clip.machines.map((m) => m.name)).toEqual(['node1']);
    expect(clip.pods).toEqual([]);
    const out = pasteNamespaces(withPorts, clip, (n) => (n === 'node1' ? { x: 100, y: 50 } : undefined));
    expect(out.names).toEqual(['node3', 'pod5', 'pod6']);
    const node3 = out.topology.machines.find((m) => m.name === 'node3');
    expect(node3?.position).toEqual({ x: 100 + PASTE_OFFSET, y: 50 + PASTE_OFFSET });
    // The pods' host ends are named as the bridge plugin names them: veth and 8 hex digits.
    expect(node3?.interfaces.map((i) => `${i.name.replace(/^veth[0-9a-f]{8}$/, 'veth*')} ${i.addresses?.[0] ?? ''}`)).toEqual(['eth0 172.16.100.3/24', 'cni0 10.10.12.254/24', 'veth* ', 'veth* ']);
    expect(node3?.listeners).toEqual([{ proto: 'tcp', port: 22 }]);
    expect(node3?.pods?.map((p) => [p.name, p.interfaces[0]?.addresses?.[0], p.listeners])).toEqual([
      ['pod5', '10.10.12.1/24', [{ proto: 'tcp', port: 80 }]],
      ['pod6', '10.10.12.2/24', [{ proto: 'tcp', port: 80 }]],
    ]);
    expect(validateTopology(out.topology)).toEqual([]);
  });

  it('a pod copied alone goes onto the chosen node, else back onto its own; a router stays a router with its sysctls', () => {
    const seed = seedTopology();
    const clip = copyNamespaces(seed, ['pod3', 'router', 'nobody']);
    expect(clip.pods.map((p) => [p.pod.name, p.from])).toEqual([['pod3', 'node2']]);
    const onto = pasteNamespaces(seed, clip, nowhere, 'node1');
    expect(onto.names).toEqual(['router1', 'pod5']);
    expect(onto.topology.machines.find((m) => m.name === 'router1')).toMatchObject({ role: 'router', sysctls: seed.machines.find((m) => m.name === 'router')?.sysctls });
    expect(onto.topology.machines.find((m) => m.name === 'node1')?.pods?.at(-1)?.interfaces[0]?.addresses).toEqual(['10.10.10.3/24']);
    // The router as a target has no bridge: the pod goes home to node2.
    const home = pasteNamespaces(seed, copyNamespaces(seed, ['pod3']), nowhere, 'router');
    expect(home.topology.machines.find((m) => m.name === 'node2')?.pods?.at(-1)?.interfaces[0]?.addresses).toEqual(['10.10.11.3/24']);
    expect(validateTopology(home.topology)).toEqual([]);
  });

  it('an empty copy is empty; a pod whose node is gone is refused with the reason', () => {
    const seed = seedTopology();
    expect(clipboardEmpty(copyNamespaces(seed, []))).toBe(true);
    const clip = copyNamespaces(addPod(seed, 'node1').topology, ['pod5']);
    const gone: Topology = { ...seed, machines: seed.machines.filter((m) => m.name !== 'node1') };
    expect(() => pasteNamespaces(gone, clip, nowhere)).toThrow(TopologyEditError);
  });
});
