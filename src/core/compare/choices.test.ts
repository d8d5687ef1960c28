import { describe, expect, it } from 'vitest';
import { datapathChoices, datapathKey } from './choices';
import { compareOffered } from './offered';
import { seedTopology } from '../presets/seed';
import { minikubeFlannel } from '../presets/minikube';
import { seedCalico } from '../presets/calicoPresets';
import { runJourney } from '../sim/runJourney';
import { flannelHostGwLab } from '../model/checks/datapathCases';
import type { Topology } from '../model/topology';

describe('datapathChoices', () => {
  it('offers the seed lab routed as it is, under both Flannel backends, the three Calico encapsulations, both Cilium routing modes and Weave Net (its nodes share a segment)', () => {
    const seed = seedTopology();
    const choices = datapathChoices(seed);
    expect(choices.map((c) => [c.key, c.refusal === null])).toEqual([['bridge', true], ['flannel-host-gw', true], ['flannel-vxlan', true], ['calico', true], ['calico-vxlan', true], ['calico-ipip', true], ['cilium-tunnel', true], ['cilium-native', true], ['weave', true], ['cilium-tunnel-wg', true], ['cilium-native-wg', true]]);
    expect(choices[6]?.lab?.datapath).toEqual({ cni: 'cilium', routing: 'tunnel' });
    expect(choices[6]?.lab?.machines.find((m) => m.name === 'node1')?.interfaces.map((i) => i.name)).toContain('cilium_vxlan');
    expect(choices[0]?.lab).toBe(seed);
    expect(choices[2]?.lab?.machines.find((m) => m.name === 'node1')?.interfaces.some((i) => i.kind === 'vxlan' && i.name === 'flannel.1')).toBe(true);
    expect(choices[1]?.lab?.datapath).toEqual({ cni: 'flannel', backend: 'host-gw' });
  });

  it('keeps the cluster network when switching the minikube lab, and says which mode it is in', () => {
    const lab = minikubeFlannel();
    expect(datapathKey(lab.datapath)).toBe('flannel-vxlan');
    const hostGw = datapathChoices(lab).find((c) => c.key === 'flannel-host-gw');
    expect(hostGw?.lab?.datapath).toEqual({ cni: 'flannel', backend: 'host-gw', network: '10.244.0.0/16' });
  });

  it('gives host-gw\'s refusal when a node is on a segment of its own', () => {
    const apart: Topology = flannelHostGwLab((t) => {
      const m03 = t.machines.find((m) => m.name === 'minikube-m03');
      const eth0 = m03?.interfaces.find((i) => i.name === 'eth0');
      if (eth0?.kind === 'ether') eth0.segment = 'elsewhere';
      t.segments.push({ id: 'elsewhere' });
      t.datapath = { cni: 'flannel', backend: 'vxlan', network: '10.244.0.0/16' };
    });
    const hostGw = datapathChoices(apart).find((c) => c.key === 'flannel-host-gw');
    expect(hostGw?.lab).toBeNull();
    expect(hostGw?.refusal?.map((p) => p.code)).toEqual(['hostgw-no-l2']);
  });

  it('offers Calico: the seed\'s pods re-created by Calico\'s plugin keep their names and addresses, and the way back restores the bridge', () => {
    const seed = seedTopology();
    const calico = datapathChoices(seed).find((c) => c.key === 'calico')?.lab;
    expect(calico?.datapath).toEqual({ cni: 'calico', encapsulation: 'none', pool: '10.10.0.0/16' });
    const pod1 = calico?.machines.find((m) => m.name === 'node1')?.pods?.find((p) => p.name === 'pod1');
    expect(pod1?.interfaces[0]?.addresses).toEqual(['10.10.10.1/32']);
    expect(pod1?.routes).toEqual([{ dst: '169.254.1.1/32', dev: 'eth0' }, { dst: 'default', via: '169.254.1.1', dev: 'eth0' }]);
    expect(calico?.machines.find((m) => m.name === 'node1')?.routes).toContainEqual({ dst: '10.10.11.0/26', via: '172.16.100.2', dev: 'eth0' });
    if (!calico) throw new Error('no lab');
    expect(datapathKey(calico.datapath)).toBe('calico');
    const back = datapathChoices(calico).find((c) => c.key === 'bridge')?.lab;
    const node1 = back?.machines.find((m) => m.name === 'node1');
    expect(node1?.pods?.map((p) => [p.name, p.interfaces[0]?.addresses?.[0]])).toEqual([['pod1', '10.10.10.1/24'], ['pod2', '10.10.10.2/24']]);
    expect(node1?.interfaces.filter((i) => i.kind === 'veth').every((i) => i.master === 'cni0')).toBe(true);
    expect(node1?.neighbours).toBeUndefined();
    const vxlan = datapathChoices(calico).find((c) => c.key === 'calico-vxlan')?.lab;
    expect(vxlan?.machines.find((m) => m.name === 'node1')?.interfaces.find((i) => i.name === 'vxlan.calico')).toMatchObject({ kind: 'vxlan', vni: 4096, port: 4789, addresses: ['10.10.10.0/32'], mtu: 1450 });
  });

  it('offers Calico IP-in-IP: tunl0 with the node\'s tunnel address and MTU 1480, BIRD\'s routes through it, pods at 1480, and back without leftovers', () => {
    const calico = seedCalico();
    const ipip = datapathChoices(calico).find((c) => c.key === 'calico-ipip')?.lab;
    if (!ipip) throw new Error('Calico lab refused IP-in-IP');
    expect(ipip.datapath).toEqual({ cni: 'calico', encapsulation: 'ipip', pool: '10.10.0.0/16' });
    const node1 = ipip.machines.find((m) => m.name === 'node1');
    expect(node1?.interfaces.find((i) => i.name === 'tunl0')).toMatchObject({ kind: 'ipip', addresses: ['10.10.10.0/32'], mtu: 1480 });
    expect(node1?.routes).toContainEqual({ dst: '10.10.11.0/26', via: '172.16.100.2', dev: 'tunl0', onlink: true });
    expect(node1?.routes?.some((r) => r.dst === '10.10.11.0/26' && r.dev === 'eth0')).toBe(false);
    expect(node1?.pods?.flatMap((p) => p.interfaces.map((i) => i.mtu))).toEqual([1480, 1480]);
    expect(datapathKey(ipip.datapath)).toBe('calico-ipip');
    // Back to no encapsulation: tunl0 and its routes go, the pods' MTU is 1500 again (absent), as seed-calico has it.
    const back = datapathChoices(ipip).find((c) => c.key === 'calico')?.lab;
    expect(back).toEqual(calico);
    // And to VXLAN: tunl0 gone, vxlan.calico takes the block's first free address.
    const vxlan = datapathChoices(ipip).find((c) => c.key === 'calico-vxlan')?.lab;
    const v1 = vxlan?.machines.find((m) => m.name === 'node1');
    expect(v1?.interfaces.some((i) => i.kind === 'ipip')).toBe(false);
    expect(v1?.interfaces.find((i) => i.name === 'vxlan.calico')).toMatchObject({ addresses: ['10.10.10.0/32'], mtu: 1450 });
  });

  it('gives Calico\'s refusal without encapsulation when a node is on a segment of its own', () => {
    const apart: Topology = flannelHostGwLab((t) => {
      const m03 = t.machines.find((m) => m.name === 'minikube-m03');
      const eth0 = m03?.interfaces.find((i) => i.name === 'eth0');
      if (eth0?.kind === 'ether') eth0.segment = 'elsewhere';
      t.segments.push({ id: 'elsewhere' });
      t.datapath = { cni: 'flannel', backend: 'vxlan', network: '10.244.0.0/16' };
    });
    const choices = datapathChoices(apart);
    expect(choices.find((c) => c.key === 'calico')?.refusal?.map((p) => p.code)).toEqual(['calico-bgp-no-l2']);
    expect(choices.find((c) => c.key === 'calico-vxlan')?.refusal).toBeNull();
    // IP-in-IP's outer packets go to the node addresses by the nodes' own routes: no shared segment needed.
    expect(choices.find((c) => c.key === 'calico-ipip')?.refusal).toBeNull();
  });

  it('switches between Calico and Cilium both ways, the pods keeping their names and the ping delivered', () => {
    const calico = seedCalico();
    const cilium = datapathChoices(calico).find((c) => c.key === 'cilium-tunnel')?.lab;
    if (!cilium) throw new Error('Calico lab refused Cilium');
    expect(cilium.datapath).toEqual({ cni: 'cilium', routing: 'tunnel' });
    expect(cilium.machines.flatMap((m) => (m.pods ?? []).map((p) => p.name)).sort()).toEqual(['pod1', 'pod2', 'pod3', 'pod4']);
    expect(cilium.machines.find((m) => m.name === 'node1')?.interfaces.some((i) => i.kind === 'veth' && i.name.startsWith('lxc'))).toBe(true);
    expect(runJourney(cilium, { from: 'pod1', to: 'pod3' }).events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(true);
    const back = datapathChoices(cilium).find((c) => c.key === 'calico')?.lab;
    if (!back) throw new Error('Cilium lab refused Calico');
    expect(back.datapath?.cni).toBe('calico');
    expect(runJourney(back, { from: 'pod1', to: 'pod3' }).events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(true);
  });

  it('offers nothing for a lab without two Kubernetes nodes', () => {
    const seed = seedTopology();
    const one = { ...seed, machines: seed.machines.filter((m) => m.name !== 'node2') };
    expect(datapathChoices(one)).toEqual([]);
    // The player's cheap question agrees with the full list.
    expect(compareOffered(one)).toBe(false);
    expect(compareOffered(seed)).toBe(true);
    expect(compareOffered(minikubeFlannel())).toBe(true);
  });
});
