import { problem, type Problem } from '../../i18n/problems';
import { parseCidr, parseIp } from '../../net/ipv4';
import type { LabCheck, LabFix } from '../labChecks';
import type { NamespaceSpec, Topology } from '../topology';
import { covers, labFacts, type LabFacts, type NsFact } from './facts';

/*
 * Forwarding, and the fixes of two refusals. A machine must forward when it is a router, when it
 * has pods (their traffic to anywhere else passes through it), or when another namespace routes
 * through one of its addresses. Linux decides per interface, on the one a packet arrives by
 * (ip_forward writes every interface's `forwarding`; a later per-interface value wins), so every
 * interface a packet can arrive by counts: all but bridge ports, whose frames arrive on the bridge.
 */

/** How many routes of each namespace go via each gateway address. */
type Users = Map<number, Map<string, number>>;

/** Counts `ns`'s routes in (or out of) `users`; an address's map shared with the last run's (not in `own`) is copied first. */
function countRoutes(users: Users, ns: NsFact, by: 1 | -1, own?: Set<number>): void {
  for (const r of ns.routes) {
    if (r.via === null) continue;
    let of = users.get(r.via);
    if (of && own && !own.has(r.via)) users.set(r.via, (of = new Map(of)));
    if (!of) users.set(r.via, (of = new Map()));
    own?.add(r.via);
    const n = (of.get(ns.name) ?? 0) + by;
    if (n > 0) of.set(ns.name, n);
    else of.delete(ns.name);
  }
}

/** One machine's forwarding findings (its root namespace `ns`), given who routes via which address. */
function machineForwarding(ns: NsFact, users: Users): LabCheck[] {
  const m = ns.machine;
  const isGateway = ns.ifaces.some((f) => f.addrs.some((a) => [...(users.get(a.ip)?.keys() ?? [])].some((user) => user !== ns.name)));
  if (m.role !== 'router' && (m.pods ?? []).length === 0 && !isGateway) return [];
  const inbound = ns.ifaces.filter((f) => f.spec.master === undefined);
  if (m.sysctls?.ip_forward !== true) {
    if (!inbound.some((f) => f.spec.sysctls?.forwarding !== true)) return [];
    return [{ problem: problem(`${ns.at}.sysctls.ip_forward`, 'forwarding-off', { machine: m.name }), fix: { kind: 'enable-forwarding', machine: m.name } }];
  }
  return inbound.flatMap((f) => (f.spec.sysctls?.forwarding !== false ? [] : [
    { problem: problem(`${f.path}.sysctls.forwarding`, 'iface-forwarding-off', { machine: m.name, iface: f.spec.name }), fix: { kind: 'enable-forwarding', machine: m.name, iface: f.spec.name } satisfies LabFix },
  ]));
}

/** The last run: its facts, who routes via what, and each machine's findings (by position, only the non-empty). */
let kept: { facts: LabFacts; users: Users; found: Map<number, LabCheck[]> } | undefined;

/**
 * Machines that must forward but do not: `forwarding-off` (ip_forward=0; fix: turn it on) or
 * `iface-forwarding-off` (ip_forward=1 but `forwarding` 0 on one interface; fix: turn that on).
 * Either way ip_forward() never runs for what arrives there: the packet is dropped without an ICMP
 * error (ip_error() stays silent when forwarding is off on the input device). After an edit of a
 * few machines of the same shape (facts layered over the last run's), only the replaced machines
 * and those owning a gateway address the replaced namespaces' routes used or use are looked at
 * again: nothing else a machine's finding reads has changed.
 */
export function forwardingChecks(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  const edit = facts.edit;
  const base = kept && edit && edit.base === kept.facts ? kept : undefined;
  let users: Users;
  let found: Map<number, LabCheck[]>;
  let look: Iterable<number>;
  if (base && edit) {
    // The last run's maps are kept as they were (another edit of the same lab may come next).
    users = new Map(base.users);
    const own = new Set<number>();
    found = new Map(base.found);
    const machines = new Set<number>();
    for (const k of edit.spaces) {
      const old = base.facts.spaces[k];
      const now = facts.spaces[k];
      for (const ns of [old, now]) {
        if (!ns) continue;
        machines.add(ns.machineIndex);
        for (const r of ns.routes) if (r.via !== null) for (const o of facts.owners.get(r.via) ?? []) machines.add(o.ns.machineIndex);
      }
      if (old) countRoutes(users, old, -1, own);
      if (now) countRoutes(users, now, 1, own);
    }
    look = machines;
  } else {
    users = new Map();
    for (const ns of facts.spaces) countRoutes(users, ns, 1);
    found = new Map();
    look = t.machines.keys();
  }
  for (const i of look) {
    const ns = facts.byName.get(t.machines[i]?.name ?? '');
    const list = ns && !ns.isPod && ns.machineIndex === i ? machineForwarding(ns, users) : [];
    if (list.length > 0) found.set(i, list);
    else found.delete(i);
  }
  kept = { facts, users, found };
  return [...found.keys()].sort((a, b) => a - b).flatMap((k) => found.get(k) ?? []);
}

const ROUTE_FIELD = /^machines\[(\d+)\](?:\.pods\[(\d+)\])?\.routes\[(\d+)\]\.(dev|via)$/;

/**
 * The fix of a route Linux refuses, when it is clear: a route through a device the namespace does
 * not have (`no-such-dev`, "Cannot find device"), or with a gateway its device does not reach
 * (`gateway-unreachable`, "Nexthop has invalid gateway"), whose gateway lies in the subnet of
 * exactly one other interface: the same route through that interface. Undefined otherwise.
 */
export function routeRefusalFix(t: Topology, p: Problem): LabFix | undefined {
  if (p.code !== 'no-such-dev' && p.code !== 'gateway-unreachable') return undefined;
  const m = ROUTE_FIELD.exec(p.path);
  if (!m) return undefined;
  const machine = t.machines[Number(m[1])];
  const ns: (NamespaceSpec & { name: string }) | undefined = m[2] === undefined ? machine : machine?.pods?.[Number(m[2])];
  const route = ns?.routes?.[Number(m[3])];
  const via = route?.via === undefined ? null : parseIp(route.via);
  if (!ns || !route || via === null) return undefined;
  const devs = new Set<string>();
  for (const i of ns.interfaces) {
    if (i.master !== undefined) continue;
    for (const a of i.addresses ?? []) {
      const c = parseCidr(a);
      if (c && covers({ ...c, text: a, n: 0 }, via)) devs.add(i.name);
    }
  }
  const [dev] = devs;
  if (devs.size !== 1 || dev === undefined || dev === route.dev) return undefined;
  return { kind: 'change-route', machine: ns.name, from: route, to: { ...route, dev } };
}
