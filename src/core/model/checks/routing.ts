import { problem } from '../../i18n/problems';
import { formatIp, networkOf, parseCidr } from '../../net/ipv4';
import { indexTopology, lookupRoute, World } from '../../sim/world';
import { compileNs, type CompiledNs } from '../../sim/compile';
import type { LabCheck } from '../labChecks';
import type { MachineSpec, Topology } from '../topology';
import { labFacts, neighboursOf, subnetText, type LabFacts, type NsFact } from './facts';
import { gatewayOn } from './links';

/*
 * Reachability: every namespace needs a route to every pod subnet and every segment's subnet of
 * the lab, looked up with the engine's own FIB (sim/world.ts lookupRoute), so a check agrees with
 * what a journey will do. A missing route is a warning: what exists works, a piece is missing.
 */

/** A subnet the rest of the lab must reach: a node's pod subnet, or a segment's. */
export interface Target {
  net: number;
  prefix: number;
  /** An address inside it to look routes up for: the pods' gateway, or a NIC's address. */
  probe: number;
  /** The node whose pods it holds, or the segment it is on. */
  node?: string;
  segment?: string;
}

/** One machine's share of the targets: its pod subnets, then its NICs' subnets (cached by the machine object). */
const shares = new WeakMap<MachineSpec, { pods: Target[]; nics: Target[] }>();

function shareOf(m: MachineSpec): { pods: Target[]; nics: Target[] } {
  const hit = shares.get(m);
  if (hit) return hit;
  const out: { pods: Target[]; nics: Target[] } = { pods: [], nics: [] };
  const pods = (m.pods ?? []).flatMap((p) => p.interfaces.flatMap((i) => (i.addresses ?? []).map((a) => parseCidr(a)?.ip ?? -1)));
  for (const i of m.interfaces) {
    const c = i.kind === 'bridge' ? parseCidr(i.addresses?.[0] ?? '') : null;
    // A pod subnet is a bridge's subnet that pods have addresses in.
    if (c && c.prefix < 32 && pods.some((ip) => ip >= 0 && networkOf(ip, c.prefix) === networkOf(c.ip, c.prefix))) {
      out.pods.push({ net: networkOf(c.ip, c.prefix), prefix: c.prefix, probe: c.ip, node: m.name });
    }
  }
  for (const i of m.interfaces) {
    if (i.kind !== 'ether') continue;
    for (const a of i.addresses ?? []) {
      const c = parseCidr(a);
      if (c && c.prefix < 32) out.nics.push({ net: networkOf(c.ip, c.prefix), prefix: c.prefix, probe: c.ip, segment: i.segment });
    }
  }
  shares.set(m, out);
  return out;
}

/** Every node's pod subnet (a bridge's first address, in whose subnet pods have addresses), then every segment's subnets. */
function targets(t: Topology): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (x: Target): void => {
    const key = `${networkOf(x.net, x.prefix)}/${x.prefix}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(x);
  };
  for (const m of t.machines) for (const x of shareOf(m).pods) add(x);
  for (const m of t.machines) for (const x of shareOf(m).nics) add(x);
  return out;
}

/** `m`'s NIC and `other`'s address on a segment both are plugged into, in the same subnet: the next hop between them. */
function sharedLink(m: MachineSpec, other: MachineSpec): { dev: string; via: string } | null {
  for (const a of m.interfaces) {
    if (a.kind !== 'ether') continue;
    const mine = parseCidr(a.addresses?.[0] ?? '');
    if (!mine) continue;
    for (const b of other.interfaces) {
      if (b.kind !== 'ether' || b.segment !== a.segment) continue;
      for (const addr of b.addresses ?? []) {
        const theirs = parseCidr(addr);
        if (theirs && networkOf(theirs.ip, mine.prefix) === networkOf(mine.ip, mine.prefix)) return { dev: a.name, via: formatIp(theirs.ip) };
      }
    }
  }
  return null;
}

/** Whether `ip` (a gateway; null for a connected route) is one of `m`'s own addresses. */
function ownsAddress(m: MachineSpec, ip: number | null): boolean {
  if (ip === null) return false;
  return m.interfaces.some((i) => (i.addresses ?? []).some((a) => parseCidr(a)?.ip === ip));
}

/**
 * A next hop toward `dst` when `m` shares no segment with the subnet's owner: a machine that forwards,
 * shares a segment with `m` and itself has a route to `dst` (a router first). Null when none does.
 */
function viaForwarder(t: Topology, world: World, m: MachineSpec, dst: number): { dev: string; via: string } | null {
  const forwarders = t.machines.filter((x) => x !== m && x.sysctls?.ip_forward === true).sort((a, b) => Number(b.role === 'router') - Number(a.role === 'router'));
  for (const r of forwarders) {
    const ns = world.ns(r.name);
    const link = sharedLink(m, r);
    const route = ns && link ? lookupRoute(ns, dst) : null;
    // A forwarder whose own way there is back through `m` would make a loop, not a path.
    if (link && route && !ownsAddress(m, route.gw)) return link;
  }
  return null;
}

/** The machines that hold `x`: its node, or the machines with an address in it on its segment. */
function holders(t: Topology, x: Target): MachineSpec[] {
  if (x.node !== undefined) return t.machines.filter((m) => m.name === x.node);
  return t.machines.filter((m) => m.interfaces.some((i) => i.kind === 'ether' && i.segment === x.segment && (i.addresses ?? []).some((a) => {
    const c = parseCidr(a);
    return c !== null && networkOf(c.ip, x.prefix) === x.net;
  })));
}

/**
 * Whether a namespace has a default route whose device exists: lookupRoute() then finds a route for every
 * destination, so no subnet can be unrouted there. Skipping such namespaces keeps the checks linear
 * in a 150,000-pod lab (each pod against each of 5,000 pod subnets was 750 million lookups).
 */
function routesEverything(c: CompiledNs): boolean {
  return c.routes.some((r) => r.prefix === 0 && c.ifaceIndex.has(r.devName));
}

/**
 * Machines without a route to a pod subnet (`subnet-unrouted`) or a segment's subnet
 * (`segment-unrouted`): packets to it, from the machine or forwarded by it, are dropped with "no
 * route" (ICMP net unreachable to their source). The fix routes it via a machine that holds the
 * subnet on a segment they share, else via a forwarding machine on its segment that reaches the
 * subnet (a router first); none when no such next hop exists. Pods: see {@link unroutedPods}.
 */
export function unroutedMachines(t: Topology, world = new World(indexTopology(t))): LabCheck[] {
  const all = targets(t);
  return t.machines.flatMap((m, k) => unroutedMachine(t, world, all, m, k));
}

/**
 * {@link unroutedMachines} of machine `m` at position `k`, with the lab's targets: its findings read
 * its own routes; their fixes read the other machines' addresses, sysctls and routes (a forwarder).
 */
export function unroutedMachine(t: Topology, world: World, all: readonly Target[], m: MachineSpec, k: number): LabCheck[] {
  const out: LabCheck[] = [];
  if (routesEverything(compileNs(m))) return out;
  const ns = world.ns(m.name);
  // A namespace without an address sends nothing of its own (a pure switch): nothing to route.
  if (!ns || ns.compiled.localAddrs.length === 0) return out;
  for (const x of all) {
    if (x.node === m.name || lookupRoute(ns, x.probe) !== null) continue;
    const subnet = subnetText(x.net, x.prefix);
    const link = holders(t, x).filter((h) => h !== m).map((h) => sharedLink(m, h)).find((l) => l !== null) ?? viaForwarder(t, world, m, x.probe);
    const p = x.node !== undefined
      ? problem(`machines[${k}].routes`, 'subnet-unrouted', { machine: m.name, subnet, node: x.node })
      : problem(`machines[${k}].routes`, 'segment-unrouted', { machine: m.name, subnet, segment: x.segment ?? '' });
    const check: LabCheck = { problem: p };
    if (link) check.fix = { kind: 'add-route', machine: m.name, route: { dst: subnet, via: link.via, dev: link.dev } };
    out.push(check);
  }
  return out;
}

/** The subnets every namespace must reach (see `targets`), for the checks of one namespace at a time. */
export function routingTargets(t: Topology): readonly Target[] {
  return targets(t);
}

/**
 * Pods without a route to some pod subnet or segment beyond their own (`pod-unrouted`), reported
 * once per pod with the first such subnet: a pod sends everything beyond its own subnet through
 * its node, by a default route via its gateway. The fix adds that route via the one forwarding
 * host on the pod's link (its node's bridge address).
 */
export function unroutedPods(t: Topology, world = new World(indexTopology(t)), facts: LabFacts = labFacts(t)): LabCheck[] {
  const all = targets(t);
  return facts.spaces.flatMap((pod) => unroutedPod(world, facts, all, pod));
}

/** {@link unroutedPods} of one namespace (none unless a pod): reads its own routes and addresses, and who forwards on its links. */
export function unroutedPod(world: World, facts: LabFacts, all: readonly Target[], pod: NsFact): LabCheck[] {
  if (!pod.isPod) return [];
  // A default route on a device it has matches every target: nothing can be missing (most pods),
  // and the namespace need not even be built.
  if (routesEverything(compileNs(pod.spec))) return [];
  const ns = world.ns(pod.name);
  if (!ns) return [];
  const mine = pod.ifaces.flatMap((f) => f.addrs);
  const missing = mine.length > 0 ? all.find((x) => !mine.some((a) => networkOf(a.ip, x.prefix) === x.net) && lookupRoute(ns, x.probe) === null) : undefined;
  if (!missing) return [];
  const check: LabCheck = { problem: problem(`${pod.at}.routes`, 'pod-unrouted', { pod: pod.name, subnet: subnetText(missing.net, missing.prefix) }) };
  for (const f of pod.ifaces) {
    const gw = f.addrs.length > 0 ? gatewayOn(neighboursOf(facts, f), f) : null;
    if (gw) {
      check.fix = { kind: 'add-route', machine: pod.name, route: { dst: 'default', via: gw, dev: f.spec.name } };
      break;
    }
  }
  return [check];
}
