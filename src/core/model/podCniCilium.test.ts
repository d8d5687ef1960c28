import { describe, expect, it } from 'vitest';
import { runJourney } from '../index';
import { seedCilium } from '../presets/ciliumScenarios';
import { addPod } from './podNetwork';

describe('Add pod in a Cilium lab: cilium-cni through the one CNI path', () => {
  it('runs 05-cilium.conflist: an lxc device with eBPF and the next identity, a /32 from the agent, the two routes; no bridge', () => {
    const added = addPod(seedCilium(), 'node1', { name: 'pod5' });
    expect(added.cni.conflist.name).toBe('cilium');
    expect(added.cni.conflist.plugins.map((p) => p.type)).toEqual(['cilium-cni']);
    expect(added.cni.events.some((e) => e.type === 'exec' && e.plugin === 'host-local')).toBe(false);
    expect(added.address).toBe('10.10.10.3/32');
    expect(added.gateway).toBe('10.10.10.254');
    // lxc + the first 12 hex digits of sha256("pod5") (printf pod5 | sha256sum).
    expect(added.hostIface).toBe('lxc368df12902d5');
    expect(added.pod.routes).toEqual([{ dst: '10.10.10.254/32', dev: 'eth0' }, { dst: 'default', via: '10.10.10.254', dev: 'eth0' }]);
    const node1 = added.topology.machines.find((m) => m.name === 'node1');
    const lxc = node1?.interfaces.find((i) => i.name === added.hostIface);
    expect(lxc?.bpf).toEqual({ prog: 'cil_from_container', identity: 260 });
    expect(lxc?.kind === 'veth' && lxc.master).toBeUndefined();
    expect(node1?.interfaces.some((i) => i.kind === 'bridge')).toBe(false);
    // The new pod is reachable at once: eBPF answers its ARP and the tunnel carries it.
    const r = runJourney(added.topology, { from: 'pod5', to: 'pod3' });
    expect(r.events.filter((e) => e.type === 'deliver').map((e) => e.ns)).toEqual(['pod3', 'pod5']);
    expect(r.events.some((e) => e.type === 'bpf' && e.action === 'encap' && e.identity === 260)).toBe(true);
  });
});
