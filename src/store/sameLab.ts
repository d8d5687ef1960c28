import type { Topology } from '../core';

/*
 * Which named lab a topology still is (the seed, a scenario's, a generated cluster's), for the links
 * (link.tsx). Apart from link.tsx so the address reader (app/urlParams.ts) can say a generated
 * cluster is one without loading the link writer, which brings lz-string.
 */

/** Size of a generated cluster (`?nodes=N&pods=M`): a link to it repeats the size, not the topology. */
export interface LabParams {
  nodes: number;
  pods: number;
}

const sameCache = new WeakMap<Topology, Map<string, boolean>>();

/**
 * Says that `t` is the generated cluster of `lab`'s size, as made for a `?nodes=&pods=` link: the
 * link then repeats the size without comparing a 150,000-pod lab with a second one, text to text.
 */
export function rememberGenerated(t: Topology, lab: LabParams): void {
  let byKey = sameCache.get(t);
  if (!byKey) sameCache.set(t, (byKey = new Map()));
  byKey.set(`lab:${lab.nodes}x${lab.pods}`, true);
}

/**
 * Whether `t` is still the lab `key` names (the seed, a scenario's, a generated cluster's), not an
 * edited one: then a short parameter opens it again; otherwise the link carries it whole. Cached
 * per topology object and key: links are built at every step, labs change only with an edit.
 */
export function isLab(t: Topology, key: string, make: () => Topology): boolean {
  let byKey = sameCache.get(t);
  if (!byKey) sameCache.set(t, (byKey = new Map()));
  let hit = byKey.get(key);
  if (hit === undefined) {
    hit = JSON.stringify(t) === JSON.stringify(make());
    byKey.set(key, hit);
  }
  return hit;
}

