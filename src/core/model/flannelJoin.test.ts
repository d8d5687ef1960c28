import { describe, expect, it } from 'vitest';
import { minikubeFlannel } from '../presets/minikube';
import { runJourney } from '../sim/runJourney';
import { setDatapath } from './datapath';
import { addNode, removeNamespace } from './labEdits';
import { addPod } from './podNetwork';
import { validateTopology } from './validate';

/*
 * A node joining or leaving a Flannel lab, as on a real cluster: the new node gets the next /24
 * of the cluster network as its lease and flannel.1, the others learn its subnet (neighbour, FDB
 * entry, route); its first pod creates cni0; a node that leaves takes its entries with it.
 */

describe('nodes joining and leaving a Flannel lab', () => {
  it('a new node gets the next lease and flannel.1, the others learn it, and its first pod is reachable', () => {
    const edit = addNode(minikubeFlannel());
    expect(edit).not.toBeNull();
    const t = edit?.topology ?? minikubeFlannel();
    const joined = t.machines.find((m) => m.name === edit?.name);
    expect(joined?.cni?.podCidr).toBe('10.244.3.0/24');
    expect(joined?.interfaces.map((i) => `${i.kind}:${i.name}`)).toEqual(['ether:eth0', 'vxlan:flannel.1']);
    expect(joined?.interfaces.find((i) => i.kind === 'vxlan')?.addresses).toEqual(['10.244.3.0/32']);
    const m02 = t.machines.find((m) => m.name === 'minikube-m02');
    expect(m02?.routes).toContainEqual({ dst: '10.244.3.0/24', via: '10.244.3.0', dev: 'flannel.1', onlink: true });
    expect(validateTopology(t)).toEqual([]);
    const added = addPod(t, edit?.name ?? '');
    expect(added.address).toBe('10.244.3.2/24');
    const r = runJourney(added.topology, { from: 'pod-a', to: added.pod.name });
    expect(r.events.some((e) => e.type === 'deliver' && e.cause === 'echo-request')).toBe(true);
  });

  it('under host-gw too, and a node that leaves takes its routes with it from every other node', () => {
    const hostGw = setDatapath(minikubeFlannel(), { cni: 'flannel', backend: 'host-gw', network: '10.244.0.0/16' });
    const edit = addNode(hostGw);
    const name = edit?.name ?? '';
    const t = edit?.topology ?? hostGw;
    const m02 = () => t.machines.find((m) => m.name === 'minikube-m02');
    expect(m02()?.routes?.some((r) => r.dst === '10.244.3.0/24' && r.dev === 'eth0')).toBe(true);
    const gone = removeNamespace(t, name);
    expect(gone.machines.find((m) => m.name === 'minikube-m02')?.routes?.some((r) => r.dst === '10.244.3.0/24')).toBe(false);
    expect(gone.datapath).toEqual(hostGw.datapath);
    expect(validateTopology(gone)).toEqual([]);
    const vx = removeNamespace(minikubeFlannel(), 'minikube-m03');
    const m02vx = vx.machines.find((m) => m.name === 'minikube-m02');
    expect(m02vx?.fdb?.map((f) => f.dst)).toEqual(['192.168.67.2']);
    expect(m02vx?.routes?.map((r) => r.dst)).toEqual(['10.244.0.0/24']);
  });
});
