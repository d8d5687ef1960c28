import { describe, expect, it } from 'vitest';
import { minikubeFlannel } from './minikube';
import { buildMinikubeFlannel } from './minikubeBuild';
import { minikubeCilium } from './minikubeCilium';
import { buildMinikubeCilium } from './minikubeCiliumBuild';

describe('the minikube lab kept as data', () => {
  it('is what the one path makes now (else run `npm run presets`)', () => {
    expect(minikubeFlannel()).toEqual(buildMinikubeFlannel());
    expect(minikubeCilium()).toEqual(buildMinikubeCilium());
  });

  it('under Cilium: cilium_host holds each node\'s router IP, the first of its /24; pods are /32s behind lxc devices', () => {
    const t = minikubeCilium();
    expect(t.datapath).toEqual({ cni: 'cilium', routing: 'tunnel' });
    expect(t.machines.map((m) => m.interfaces.find((i) => i.name === 'cilium_host')?.addresses?.[0])).toEqual(['10.244.0.1/32', '10.244.1.1/32', '10.244.2.1/32']);
    expect(t.machines.flatMap((m) => (m.pods ?? []).map((p) => `${p.name.replace(/-[0-9a-z]+-[0-9a-z]+$/, '')} ${p.interfaces[0]?.addresses?.[0] ?? ''}`))).toEqual(['coredns 10.244.0.2/32', 'pod-a 10.244.1.2/32', 'pod-b 10.244.2.2/32']);
    expect(t.cluster?.daemonSets.map((d) => `${d.namespace}/${d.name}`)).toEqual(['kube-system/cilium', 'kube-system/cilium-envoy', 'kube-system/kube-proxy']);
  });

  it('is a fresh copy each time, so a caller may change it', () => {
    const a = minikubeFlannel();
    a.machines.pop();
    expect(minikubeFlannel().machines).toHaveLength(3);
  });
});
