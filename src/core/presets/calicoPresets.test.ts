import { describe, expect, it } from 'vitest';
import { runJourney } from '../sim/runJourney';
import { validateTopology } from '../model/validate';
import { buildMinikubeCalico, buildSeedCalico } from './calicoBuild';
import { minikubeCalico, seedCalico, seedCalicoVxlan } from './calicoPresets';

describe('the Calico labs kept as data', () => {
  it('are what the one path makes now (else run `npm run presets`)', () => {
    expect(seedCalico()).toEqual(buildSeedCalico('none'));
    expect(seedCalicoVxlan()).toEqual(buildSeedCalico('vxlan'));
    expect(minikubeCalico()).toEqual(buildMinikubeCalico());
  });

  it('are valid labs without a bridge, the seed\'s pods keeping their names and addresses', () => {
    for (const t of [seedCalico(), seedCalicoVxlan(), minikubeCalico()]) {
      expect(validateTopology(t)).toEqual([]);
      expect(t.machines.flatMap((m) => m.interfaces).some((i) => i.kind === 'bridge')).toBe(false);
    }
    const pods = seedCalico().machines.flatMap((m) => (m.pods ?? []).map((p) => `${p.name} ${p.interfaces[0]?.addresses?.[0] ?? ''}`));
    expect(pods).toEqual(['pod1 10.10.10.1/32', 'pod2 10.10.10.2/32', 'pod3 10.10.11.1/32', 'pod4 10.10.11.2/32']);
  });

  it('delivers the first ping: proxy ARP for 169.254.1.1 answered with ee:ee:ee:ee:ee:ee, no ARP for the pod at the far node (Felix\'s static entry)', () => {
    for (const t of [seedCalico(), seedCalicoVxlan()]) {
      const r = runJourney(t, { from: 'pod1', to: 'pod3' });
      expect(r.events.some((e) => e.type === 'deliver' && e.ns === 'pod3')).toBe(true);
      const proxy = r.events.find((e) => e.type === 'route' && e.result === 'proxy-arp');
      expect(proxy?.type === 'route' ? proxy.proxyMac : '').toBe('ee:ee:ee:ee:ee:ee');
      const arpForPod3 = r.events.some((e) => e.type === 'frame' && e.ns === 'node2' && e.arp?.op === 'request' && e.arp.tpa === '10.10.11.1');
      expect(arpForPod3).toBe(false);
    }
    const m = runJourney(minikubeCalico(), { from: 'pod-a', to: 'pod-b' });
    expect(m.events.some((e) => e.type === 'deliver' && e.ns === 'pod-b')).toBe(true);
  });
});
