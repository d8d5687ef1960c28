import { CATALOGS } from '../i18n/catalogs';
import type { Lang } from '../i18n/lang';
import { problem, type Problem } from '../i18n/problems';
import { formatIp, networkOf, parseCidr } from '../net/ipv4';
import { indexTopology, lookupRoute, World } from '../sim/world';
import type { MachineSpec, RouteSpec, Topology } from './topology';
import { validateTopology } from './validate';

/*
 * Design checks of a lab that Linux accepts: what will not work although every command succeeds
 * (a pod subnet some machine has no route to, a node that does not forward), each with the fix an
 * experienced admin would apply where it is clear. Routes are looked up with the engine's own FIB
 * (sim/world.ts lookupRoute), so a check agrees with what a journey will do.
 */

/** A change that repairs a check: plain data, applied by {@link applyFix}. */
export type LabFix =
  | { kind: 'add-route'; machine: string; route: RouteSpec }
  | { kind: 'enable-forwarding'; machine: string };

/** A check's finding: a warning (Problem) and, when the repair is clear, its fix. */
export interface LabCheck {
  problem: Problem;
  fix?: LabFix;
}

/** A node's pod subnet: the network of its bridge's first address, and that address (the pods' gateway). */
interface PodSubnet {
  machine: string;
  net: number;
  prefix: number;
  gateway: number;
}

function podSubnets(t: Topology): PodSubnet[] {
  const out: PodSubnet[] = [];
  for (const m of t.machines) {
    if ((m.pods ?? []).length === 0) continue;
    for (const i of m.interfaces) {
      if (i.kind !== 'bridge') continue;
      const c = parseCidr(i.addresses?.[0] ?? '');
      if (c) out.push({ machine: m.name, net: networkOf(c.ip, c.prefix), prefix: c.prefix, gateway: c.ip });
    }
  }
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
 * A next hop toward `dst` when `m` shares no segment with the subnet's node: a machine that forwards,
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

/**
 * The design checks of `topology`, in machine order: every machine's root namespace needs a route
 * to every other node's pod subnet (code `subnet-unrouted`; the fix routes it via that node's
 * address on a segment they share, else via a forwarding machine on its segment that reaches the
 * subnet, a router first), and a node with pods, or a router, needs `ip_forward`
 * (`forwarding-off`). A topology that fails validation gets no checks (its errors come first).
 */
export function labChecks(topology: Topology): LabCheck[] {
  if (validateTopology(topology).length > 0) return [];
  const world = new World(indexTopology(topology));
  const subnets = podSubnets(topology);
  const out: LabCheck[] = [];
  topology.machines.forEach((m, k) => {
    const forwards = m.sysctls?.ip_forward === true;
    if (!forwards && ((m.pods ?? []).length > 0 || m.role === 'router')) {
      out.push({ problem: problem(`machines[${k}].sysctls.ip_forward`, 'forwarding-off', { machine: m.name }), fix: { kind: 'enable-forwarding', machine: m.name } });
    }
    const ns = world.ns(m.name);
    if (!ns) return;
    for (const s of subnets) {
      if (s.machine === m.name || lookupRoute(ns, s.gateway) !== null) continue;
      const subnet = `${formatIp(s.net)}/${s.prefix}`;
      const owner = topology.machines.find((x) => x.name === s.machine);
      const link = (owner ? sharedLink(m, owner) : null) ?? viaForwarder(topology, world, m, s.gateway);
      const check: LabCheck = { problem: problem(`machines[${k}].routes`, 'subnet-unrouted', { machine: m.name, subnet, node: s.machine }) };
      if (link) check.fix = { kind: 'add-route', machine: m.name, route: { dst: subnet, via: link.via, dev: link.dev } };
      out.push(check);
    }
  });
  return out;
}

/** `topology` with `fix` applied (a new object; the input is never changed). Unknown machines change nothing. */
export function applyFix(topology: Topology, fix: LabFix): Topology {
  const machines = topology.machines.map((m) => {
    if (m.name !== fix.machine) return m;
    if (fix.kind === 'enable-forwarding') return { ...m, sysctls: { ...m.sysctls, ip_forward: true } };
    return { ...m, routes: [...(m.routes ?? []), fix.route] };
  });
  return { ...topology, machines };
}

/**
 * "Auto-configure routes": applies every fix the checks offer, again until none is left (forwarding
 * first, then routes), at most as many rounds as the lab has machines. Checks without a fix stay.
 */
export function autoConfigure(topology: Topology): Topology {
  let t = topology;
  for (let round = 0; round <= topology.machines.length; round++) {
    const fixes = labChecks(t).flatMap((c) => (c.fix ? [c.fix] : []));
    if (fixes.length === 0) break;
    for (const f of fixes) t = applyFix(t, f);
  }
  return t;
}

/** The fix as a short imperative line in `lang`: "add route 10.10.12.0/24 via 172.16.100.3 on router". */
export function fixText(fix: LabFix, lang: Lang): string {
  return CATALOGS[lang].problemList.fix(fix);
}
