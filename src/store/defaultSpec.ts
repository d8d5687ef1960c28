import type { JourneySpec, Topology } from '../core';

/** The journey shown on opening: the course notes' cold ping across nodes. */
export const SEED_SPEC: JourneySpec = { from: 'pod1', to: 'pod3', proto: 'icmp', count: 1, ttl: 64, warm: false };

/** The seed journey when the topology has its pods, else the first pod to the first pod of the last node. */
export function defaultSpec(t: Topology): JourneySpec {
  const pods = t.machines.map((m) => (m.pods ?? []).map((p) => p.name));
  const all = pods.flat();
  if (all.includes(SEED_SPEC.from) && all.includes(SEED_SPEC.to)) return SEED_SPEC;
  const withPods = pods.filter((p) => p.length > 0);
  const from = withPods[0]?.[0];
  const to = withPods[withPods.length - 1]?.[0];
  return from && to ? { ...SEED_SPEC, from, to } : SEED_SPEC;
}
