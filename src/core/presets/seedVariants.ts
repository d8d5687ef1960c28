import type { ListenerSpec, NamespaceSpec, RouteSpec, Topology } from '../model/topology';
import { seedTopology } from './seed';

/*
 * The seed lab with one namespace changed: what most reference scenarios start from. Each call
 * builds a fresh seed, so changing it in place is safe (nothing else holds it yet).
 */

/** Namespace `ns` of `t`: a machine's root namespace or a pod. Throws when the lab has none. */
export function namespaceOf(t: Topology, ns: string): NamespaceSpec {
  for (const m of t.machines) {
    if (m.name === ns) return m;
    const pod = m.pods?.find((p) => p.name === ns);
    if (pod) return pod;
  }
  throw new Error(`seed lab without ${ns}`);
}

/** The seed lab, named `name`, with programs in `ns` listening on `listeners`. */
export function seedListening(ns: string, listeners: ListenerSpec[], name: string): Topology {
  const t = seedTopology();
  namespaceOf(t, ns).listeners = listeners;
  return { ...t, name };
}

/** The seed lab, named `name`, with `routes` added after `ns`'s own (in list order, as `ip route` would add them). */
export function seedWithRoutes(ns: string, routes: RouteSpec[], name: string): Topology {
  const t = seedTopology();
  const spec = namespaceOf(t, ns);
  spec.routes = [...(spec.routes ?? []), ...routes];
  return { ...t, name };
}
