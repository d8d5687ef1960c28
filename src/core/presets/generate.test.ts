import { describe, expect, it } from 'vitest';
import { JourneyError } from '../errors';
import { runJourney } from '../sim/runJourney';
import { validateTopology } from '../model/validate';
import { generateCluster, K8S_LIMITS } from './generate';

/** The refusal's two texts, or null when it builds. */
function refusal(nodes: number, podsPerNode: number): { en: string; ru: string } | null {
  try {
    generateCluster({ nodes, podsPerNode });
    return null;
  } catch (e) {
    if (!(e instanceof JourneyError)) throw e;
    return e.text;
  }
}

describe('generated clusters up to Kubernetes’ limits', () => {
  it('keeps the small clusters’ addresses and names', () => {
    const t = generateCluster({ nodes: 3, podsPerNode: 2 });
    const node3 = t.machines[2];
    expect(node3?.interfaces.map((i) => i.addresses ?? [])).toEqual([['172.16.1.3/16'], ['10.244.3.254/24'], [], []]);
    expect(node3?.pods?.map((p) => [p.name, p.interfaces[0]?.addresses])).toEqual([['pod3-1', ['10.244.3.1/24']], ['pod3-2', ['10.244.3.2/24']]]);
  });

  it('builds 5,000 nodes and 150,000 pods, every address and MAC once, and valid', () => {
    const t = generateCluster({ nodes: K8S_LIMITS.nodes, podsPerNode: 30 });
    expect(t.machines).toHaveLength(5001);
    const addrs = new Set<string>();
    const macs = new Set<string>();
    let n = 0;
    for (const m of t.machines) {
      for (const ns of [m, ...(m.pods ?? [])]) {
        for (const i of ns.interfaces) {
          macs.add(i.mac);
          n++;
          for (const a of i.addresses ?? []) addrs.add(a.split('/')[0] ?? a);
        }
      }
    }
    expect(macs.size).toBe(n);
    // Every node, bridge and pod has its own address, and the router one more.
    expect(addrs.size).toBe(5000 * 32 + 1);
    // A copy: the generated lab itself is vouched for (validation would take its word).
    expect(validateTopology(structuredClone(t))).toEqual([]);
    // Node 256 is the first past 10.244.255.0/24: it starts the next /24s.
    const node256 = t.machines[255];
    expect(node256?.interfaces.map((i) => i.addresses ?? []).slice(0, 2)).toEqual([['172.16.2.0/16'], ['10.245.0.254/24']]);
  }, 120_000); // a guard on a loaded machine, not a speed check: speed is measured by `npm run bench`

  it('gives the last node’s pod the same journey as in a small lab: the endpoints are all that differ', () => {
    const small = runJourney(generateCluster({ nodes: 3, podsPerNode: 2 }), { from: 'pod1-1', to: 'pod3-2' });
    const big = runJourney(generateCluster({ nodes: 5000, podsPerNode: 2 }), { from: 'pod1-1', to: 'pod3-2' });
    const path = (r: typeof small) => r.events.filter((e) => e.type === 'route' || e.type === 'deliver' || e.type === 'send').map((e) => `${e.type}@${e.ns}`);
    expect(path(big)).toEqual(path(small));
    expect(big.events.at(-1)?.type).toBe(small.events.at(-1)?.type);
  }, 120_000);

  it('refuses sizes over the limits in both languages, naming the value', () => {
    expect(refusal(5001, 1)?.en).toBe("nodes: expected a whole number from 1 to 5000 (Kubernetes' limit), got 5001");
    expect(refusal(2, 111)?.ru).toBe('pods: ожидается целое число от 1 до 110 (maxPods kubelet по умолчанию), получено 111');
    expect(refusal(2000, 76)).toEqual({
      en: "pods: 2000 nodes × 76 pods = 152000 pods, over Kubernetes' limit of 150000 pods in a cluster; with 2000 nodes ask for at most 75 pods per node",
      ru: 'pods: 2000 нод × 76 подов = 152000 подов, больше предела Kubernetes в 150000 подов на кластер; при 2000 нодах можно не больше 75 подов на ноде',
    });
    expect(refusal(5000, 30)).toBeNull();
    expect(refusal(1363, 110)).toBeNull();
  });
});
