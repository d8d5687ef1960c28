import { problem, shown, type Problem, type ProblemCode, type ProblemParams } from '../i18n/problems';
import { LINUX } from './linux';
import { TopologyEditError } from './podNetwork';
import { ifnameKernel, isIfaceName, isNsName } from './names';
// The inspector's values are typed by hand: validation checks their shapes (./shapes.ts).
import './schema';
import type { IfaceSpec, MachineSpec, NamespaceSpec, PodSpec, Topology } from './topology';
import { validateTopology } from './validate';
import { nsPaths } from './renames';

/*
 * The inspector's edits of one namespace (a machine's root namespace or a pod), as pure functions:
 * each returns a new topology (the same object when nothing changes) and never changes the one it
 * is given. A value Linux refuses throws a TopologyEditError naming the field (`Problem.path`, as
 * validation writes it) and the reason in both languages, with Linux's own answer where it has one.
 *
 * This file holds what every such edit shares (finding a namespace or an interface, putting a
 * changed one back, refusing what the result would break) and the renames; addresses, MACs and the
 * pod subnet are in ifaceEdits.ts, routes in routeEdits.ts, sysctls in sysctlEdits.ts.
 */

/** Where a namespace is: its machine (index), its pod index (null for the machine's root), itself and its path. */
export interface NsPlace {
  machine: number;
  pod: number | null;
  ns: MachineSpec | PodSpec;
  /** `machines[0]` or `machines[0].pods[1]`, as problems write it. */
  path: string;
}

/** An interface of a namespace: where it is, its index and path (`machines[0].interfaces[2]`). */
export interface IfacePlace extends NsPlace {
  index: number;
  iface: IfaceSpec;
  ifacePath: string;
}

/** A refusal with one problem. */
export function refuse<C extends ProblemCode>(path: string, code: C, params: ProblemParams[C]): never {
  throw new TopologyEditError([problem(path, code, params)]);
}

/**
 * The namespace named `name`.
 *
 * @throws TopologyEditError `peer-ns-missing` (path `machines`) when no machine or pod has that name.
 */
export function findNs(t: Topology, name: string): NsPlace {
  for (let m = 0; m < t.machines.length; m++) {
    const machine = t.machines[m] as MachineSpec;
    if (machine.name === name) return { machine: m, pod: null, ns: machine, path: `machines[${m}]` };
    const pods = machine.pods ?? [];
    for (let p = 0; p < pods.length; p++) {
      const pod = pods[p] as PodSpec;
      if (pod.name === name) return { machine: m, pod: p, ns: pod, path: `machines[${m}].pods[${p}]` };
    }
  }
  return refuse('machines', 'peer-ns-missing', { ns: name });
}

/**
 * Interface `iface` of namespace `ns`.
 *
 * @throws TopologyEditError `peer-ns-missing` for an unknown namespace, `peer-iface-missing` for an
 *   interface it does not have.
 */
export function findIface(t: Topology, ns: string, iface: string): IfacePlace {
  const place = findNs(t, ns);
  const index = place.ns.interfaces.findIndex((i) => i.name === iface);
  const found = place.ns.interfaces[index];
  if (!found) return refuse(`${place.path}.interfaces`, 'peer-iface-missing', { ns, iface });
  return { ...place, index, iface: found, ifacePath: `${place.path}.interfaces[${index}]` };
}

/** The lab with the namespace at `place` replaced by `next` (a machine keeps its pods unless `next` says otherwise). */
export function putNs(t: Topology, place: NsPlace, next: NamespaceSpec): Topology {
  const machines = t.machines.map((m, k): MachineSpec => {
    if (k !== place.machine) return m;
    if (place.pod === null) return { ...(next as MachineSpec) };
    return { ...m, pods: (m.pods ?? []).map((p, j) => (j === place.pod ? { ...(next as PodSpec) } : p)) };
  });
  return { ...t, machines };
}

/**
 * The lab with `fn` applied to every namespace; a namespace `fn` returns unchanged keeps its
 * object (validation and compilation caches stay warm), and so does the lab when nothing changed.
 */
export function mapNamespaces(t: Topology, fn: <N extends NamespaceSpec>(ns: N) => N): Topology {
  let changed = false;
  const machines = t.machines.map((m) => {
    const root = fn(m);
    let podsChanged = false;
    const pods = m.pods?.map((p) => {
      const next = fn(p);
      if (next !== p) podsChanged = true;
      return next;
    });
    if (root === m && !podsChanged) return m;
    changed = true;
    return podsChanged && pods ? { ...root, pods } : root;
  });
  return changed ? { ...t, machines } : t;
}

/** A problem's identity apart from where it is: an error the lab had before an edit is not the edit's doing. */
function problemKey(p: Problem): string {
  return `${p.code}|${JSON.stringify(p.params)}`;
}

/**
 * The errors `after` has that `before` did not (by code and values, so an error that only moved,
 * as routes do when one above them is deleted, is not new). Validation is cached per machine and
 * pod object, so only what the edit replaced is checked again.
 */
export function newErrors(before: Topology, after: Topology): Problem[] {
  const had = new Map<string, number>();
  for (const p of validateTopology(before)) had.set(problemKey(p), (had.get(problemKey(p)) ?? 0) + 1);
  const out: Problem[] = [];
  for (const p of validateTopology(after)) {
    const key = problemKey(p);
    const n = had.get(key) ?? 0;
    if (n > 0) had.set(key, n - 1);
    else out.push(p);
  }
  return out;
}

/**
 * `after`, unless it has errors `before` did not have: then the edit is refused with them, as Linux
 * would refuse building the lab that way. `explain` may put a problem in the edit's own words (a
 * route an address change strands); the others are thrown as validation found them.
 *
 * @throws TopologyEditError with every new error.
 */
export function unlessBroken(before: Topology, after: Topology, explain?: (p: Problem) => Problem | null): Topology {
  if (after === before) return after;
  const added = newErrors(before, after);
  if (added.length > 0) throw new TopologyEditError(added.map((p) => explain?.(p) ?? p));
  return after;
}

/**
 * The lab with namespace `from` (a machine or a pod) named `to`, and every reference to it
 * following: the veth ends whose `peer.ns` named it. A pod's host-side veth named after it as
 * addPod names it (`veth-pod1`) is renamed with it (`veth-web`) when the new name fits IFNAMSIZ and
 * is free, so the drawing keeps reading; any other interface keeps its name. Renaming to the same
 * name changes nothing.
 *
 * @throws TopologyEditError at `<ns>.name`: `ns-name` for a name that breaks the naming rule (empty,
 *   longer than 31 characters, or with characters other than letters, digits, `_`, `.`, `-`; this
 *   is narrower than `ip netns add`, which refuses only `/`, `.` and `..`), `duplicate-name` for a
 *   name another machine or pod has; `peer-ns-missing` for an unknown `from`.
 */
export function renameNamespace(t: Topology, from: string, to: string): Topology {
  const place = findNs(t, from);
  if (to === from) return t;
  if (!isNsName(to)) refuse(`${place.path}.name`, 'ns-name', { got: shown(to) });
  const other = nsPaths(t).get(to);
  if (other !== undefined) refuse(`${place.path}.name`, 'duplicate-name', { name: to, where: other });
  const hostEnd = place.pod === null ? undefined : (t.machines[place.machine] as MachineSpec).interfaces.find((i) => i.kind === 'veth' && i.peer.ns === from && i.name === `veth-${from}`);
  const named: MachineSpec | PodSpec = { ...place.ns, name: to };
  let next = putNs(t, place, named);
  next = mapNamespaces(next, (ns) => {
    if (!ns.interfaces.some((i) => i.kind === 'veth' && i.peer.ns === from)) return ns;
    return { ...ns, interfaces: ns.interfaces.map((i) => (i.kind === 'veth' && i.peer.ns === from ? { ...i, peer: { ...i.peer, ns: to } } : i)) };
  });
  const owner = (t.machines[place.machine] as MachineSpec).name;
  const wanted = `veth-${to}`;
  if (hostEnd && isIfaceName(wanted) && !findNs(next, owner).ns.interfaces.some((i) => i.name === wanted)) next = renameInterface(next, owner, hostEnd.name, wanted);
  return unlessBroken(t, next);
}

/**
 * The lab with interface `from` of namespace `ns` named `to` (`ip link set dev FROM name TO`, on a
 * lab built from scratch: the device is down then, so Linux's EBUSY for a running device does not
 * apply), and every reference following: ports' `master`, routes' and neighbours' `dev` in the
 * namespace, and the `peer.iface` of a veth's other end. Renaming to the same name changes nothing.
 *
 * @throws TopologyEditError at `<iface>.name`: `iface-name` (empty, over 15 bytes as IFNAMSIZ
 *   allows, `.`/`..`, or a character outside letters, digits, `_`, `.`, `-`; with iproute2's or the
 *   kernel's answer when Linux refuses it too), `iface-lo` for `lo`, `duplicate-iface` for a name
 *   the namespace has ("RTNETLINK answers: File exists"); `peer-ns-missing`, `peer-iface-missing`
 *   for what does not exist.
 */
export function renameInterface(t: Topology, ns: string, from: string, to: string): Topology {
  const place = findIface(t, ns, from);
  if (to === from) return t;
  const at = `${place.ifacePath}.name`;
  if (to === 'lo') refuse(at, 'iface-lo', { kernel: LINUX.fileExists });
  if (!isIfaceName(to)) refuse(at, 'iface-name', { got: shown(to), kernel: ifnameKernel(to) });
  if (place.ns.interfaces.some((i) => i.name === to)) refuse(at, 'duplicate-iface', { name: to, kernel: LINUX.fileExists });
  const dev = <R extends { dev: string }>(r: R): R => (r.dev === from ? { ...r, dev: to } : r);
  const own = place.ns;
  const renamed: NamespaceSpec = {
    ...own,
    interfaces: own.interfaces.map((i) => (i === place.iface ? { ...i, name: to } : i.master === from ? { ...i, master: to } : i)),
    ...(own.routes ? { routes: own.routes.map(dev) } : {}),
    ...(own.neighbours ? { neighbours: own.neighbours.map(dev) } : {}),
  };
  let next = putNs(t, place, renamed);
  const me = place.iface;
  if (me.kind === 'veth') {
    next = mapNamespaces(next, (other) => {
      if ((other as { name?: string }).name !== me.peer.ns) return other;
      if (!other.interfaces.some((i) => i.kind === 'veth' && i.name === me.peer.iface && i.peer.ns === ns && i.peer.iface === from)) return other;
      return { ...other, interfaces: other.interfaces.map((i) => (i.kind === 'veth' && i.name === me.peer.iface && i.peer.ns === ns && i.peer.iface === from ? { ...i, peer: { ns, iface: to } } : i)) };
    });
  }
  return unlessBroken(t, next);
}
