import type { NamespaceSpec, RouteSpec, Topology } from '../topology';

/**
 * Where a problem is, as the editor shows it: the namespace (a machine's, or a pod's by the pod's
 * name) to select on the drawing, and within it the interface (a VXLAN FDB entry's device) or the route, or the routing table
 * or sysctl, the path leads to. Built from the problem's path and the lab it was found in.
 */
export interface ProblemPlace {
  /** The namespace: a machine's name, or a pod's. */
  ns: string;
  /** The machine it lives on (itself for a machine). */
  machine: string;
  /** The interface the path leads into (`interfaces[2]…`), by name. */
  iface?: string;
  /** The route the path leads into (`routes[1]…`). */
  route?: RouteSpec;
  /** The path leads to the routing table as a whole (`routes`): a route is missing. */
  routes?: true;
  /** The sysctl the path leads to (`sysctls.ip_forward`): its name. */
  sysctl?: string;
}

const PLACE = /^machines\[(\d+)\](?:\.pods\[(\d+)\])?(?:\.(.*))?$/;

/** The place `path` points to in `t`, or null when it names no namespace of `t` (a whole-file problem, a segment). */
export function problemPlace(t: Topology, path: string): ProblemPlace | null {
  const m = PLACE.exec(path);
  const machine = m ? t.machines[Number(m[1])] : undefined;
  if (!m || !machine) return null;
  const ns: (NamespaceSpec & { name: string }) | undefined = m[2] === undefined ? machine : machine.pods?.[Number(m[2])];
  if (!ns || typeof ns.name !== 'string') return null;
  const place: ProblemPlace = { ns: ns.name, machine: machine.name };
  const rest = m[3] ?? '';
  const iface = /^interfaces\[(\d+)\]/.exec(rest);
  const route = /^routes\[(\d+)\]/.exec(rest);
  const sysctl = /^sysctls\.([a-z_]+)$/.exec(rest);
  const fdb = /^fdb\[(\d+)\]/.exec(rest);
  // The lab may be one validation refuses: read its lists only if they are lists.
  if (iface && Array.isArray(ns.interfaces)) {
    const name = (ns.interfaces[Number(iface[1])] as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string') place.iface = name;
  } else if (route && Array.isArray(ns.routes)) {
    const r = ns.routes[Number(route[1])];
    if (r && typeof r === 'object' && typeof r.dst === 'string') place.route = r;
  } else if (fdb && Array.isArray(ns.fdb)) {
    // A VXLAN FDB entry is shown on its device.
    const dev = (ns.fdb[Number(fdb[1])] as { dev?: unknown } | undefined)?.dev;
    if (typeof dev === 'string') place.iface = dev;
  } else if (rest === 'routes') place.routes = true;
  else if (sysctl?.[1] !== undefined) place.sysctl = sysctl[1];
  return place;
}
