import { describe, expect, it } from 'vitest';
import { datapathChoices, datapathKey } from './choices';
import { compareOffered } from './offered';
import { seedTopology } from '../presets/seed';
import { minikubeFlannel } from '../presets/minikube';
import { flannelHostGwLab } from '../model/checks/datapathCases';
import type { Topology } from '../model/topology';

describe('datapathChoices', () => {
  it('offers the seed lab routed as it is, under both Flannel backends and both Cilium routing modes (its nodes share a segment)', () => {
    const seed = seedTopology();
    const choices = datapathChoices(seed);
    expect(choices.map((c) => [c.key, c.refusal === null])).toEqual([['bridge', true], ['flannel-host-gw', true], ['flannel-vxlan', true], ['cilium-tunnel', true], ['cilium-native', true]]);
    expect(choices[3]?.lab?.datapath).toEqual({ cni: 'cilium', routing: 'tunnel' });
    expect(choices[3]?.lab?.machines.find((m) => m.name === 'node1')?.interfaces.map((i) => i.name)).toContain('cilium_vxlan');
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
