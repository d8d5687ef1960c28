import type { World } from '../../sim/world';
import type { LabCheck } from '../labChecks';
import type { Topology } from '../topology';
import { outsideSubnetOn } from './addressing';
import { forwardsOn, type LabFacts } from './facts';
import { absentGatewaysIn, detachedFrom, detachedVethsIn, proxies, routesNowhereIn } from './links';
import { routingTargets, unroutedMachine, unroutedPod } from './routing';

/*
 * The design checks that read one namespace (or one link, or one machine) at a time, kept per
 * namespace between runs. After an edit of a few machines of the same shape (facts.ts
 * `layeredFacts`), a namespace's findings are found again only when the edit can change them:
 * - routes through nothing and detached veths read the namespace alone: the replaced namespaces;
 * - absent gateways and unrouted pods also read what the links of their interfaces hold (who has
 *   which address, proxies, forwards, is cut off): also every namespace on a link the replaced
 *   namespaces' interfaces are on; for absent gateways only when a replaced namespace proxies,
 *   forwards or is cut off otherwise than before (`sameToNeighbours`: an edit of routes alone
 *   leaves the 5,000 other nodes of a segment as they were);
 * - addresses outside their link's subnets are found per link: those links;
 * - unrouted machines: a machine's findings read its own routes and the lab's subnets (which a
 *   same-shape edit keeps), their fixes other machines' routes and sysctls: the replaced machines
 *   and those that had findings.
 * Everything else is the same namespace object, on the same links, with the same findings.
 */

/** Findings by position (a namespace's in `spaces`, a machine's, or a link's id), only the non-empty. */
type ByKey = Map<number, LabCheck[]>;

interface Kept {
  facts: LabFacts;
  outside: ByKey;
  absent: ByKey;
  detached: ByKey;
  nowhere: ByKey;
  machines: ByKey;
  pods: ByKey;
}

let kept: Kept | undefined;

/**
 * Whether each replaced namespace shows its links' other hosts what it showed before, as absent
 * gateways read them (links.ts): the same sysctls (proxy_arp, forwarding, ip_forward), the same
 * eBPF programs that answer ARP, and the same interfaces cut off (detachedFrom, which reads routes).
 * A same-shape edit keeps every address, so who has which address on a link is unchanged.
 */
function sameToNeighbours(base: LabFacts, facts: LabFacts, changed: Iterable<number>): boolean {
  for (const k of changed) {
    const a = base.spaces[k];
    const b = facts.spaces[k];
    if (!a || !b || a.name !== b.name || a.ifaces.length !== b.ifaces.length) return false;
    if (JSON.stringify(a.spec.sysctls ?? null) !== JSON.stringify(b.spec.sysctls ?? null)) return false;
    const same = a.ifaces.every((f, j) => {
      const g = b.ifaces[j];
      return g !== undefined && forwardsOn(f) === forwardsOn(g) && proxies(f) === proxies(g) && JSON.stringify(f.spec.sysctls ?? null) === JSON.stringify(g.spec.sysctls ?? null) &&
        (detachedFrom(base, f) === undefined) === (detachedFrom(facts, g) === undefined);
    });
    if (!same) return false;
  }
  return true;
}

/** The findings of `keys` anew over `old`'s (`compute` gives each key's list). */
function redo(old: ByKey, keys: Iterable<number>, compute: (k: number) => LabCheck[]): ByKey {
  const out = new Map(old);
  for (const k of keys) {
    const list = compute(k);
    if (list.length > 0) out.set(k, list);
    else out.delete(k);
  }
  return out;
}

/** Every key's list, keys in ascending order (the order the full checks walk namespaces, machines and links in). */
function flat(by: ByKey): LabCheck[] {
  return [...by.keys()].sort((a, b) => a - b).flatMap((k) => by.get(k) ?? []);
}

/** A full run: each check over every namespace, link or machine. */
function fresh(t: Topology, facts: LabFacts, world: World): Kept {
  const all = routingTargets(t);
  const over = (f: (k: number) => LabCheck[], n: number): ByKey => redo(new Map(), Array.from({ length: n }, (_, k) => k), f);
  const spaces = facts.spaces;
  const outside: ByKey = new Map();
  for (const [link, on] of facts.links) {
    const list = outsideSubnetOn(t, on);
    if (list.length > 0) outside.set(link, list);
  }
  return {
    facts,
    outside,
    absent: over((k) => absentGatewaysIn(facts, spaces[k] as LabFacts['spaces'][number]), spaces.length),
    detached: over((k) => detachedVethsIn(facts, spaces[k] as LabFacts['spaces'][number]), spaces.length),
    nowhere: over((k) => routesNowhereIn(facts, spaces[k] as LabFacts['spaces'][number]), spaces.length),
    machines: over((k) => unroutedMachine(t, world, all, t.machines[k] as Topology['machines'][number], k), t.machines.length),
    pods: over((k) => unroutedPod(world, facts, all, spaces[k] as LabFacts['spaces'][number]), spaces.length),
  };
}

/**
 * outsideSubnet, absentGateways, detachedVeths, routesNowhere, unroutedMachines and unroutedPods
 * of `t` (each in its full function's order), reusing the last run's findings where the edit from
 * its facts to `facts` cannot change them (see the top of this file).
 */
export function spaceChecks(t: Topology, facts: LabFacts, world: World): Record<'outside' | 'absent' | 'detached' | 'nowhere' | 'machines' | 'pods', LabCheck[]> {
  const edit = facts.edit;
  const base = kept && edit && edit.base === kept.facts ? kept : undefined;
  let now: Kept;
  if (!base || !edit) now = fresh(t, facts, world);
  else {
    const spaces = facts.spaces;
    const at = (k: number): LabFacts['spaces'][number] => spaces[k] as LabFacts['spaces'][number];
    const changed = new Set(edit.spaces);
    const nearby = new Set(changed);
    for (const link of edit.links) for (const f of facts.links.get(link) ?? []) nearby.add(f.ns.pos);
    const machines = new Set([...changed].map((k) => at(k).machineIndex));
    for (const k of base.machines.keys()) machines.add(k);
    const all = routingTargets(t);
    now = {
      facts,
      outside: redo(base.outside, edit.links, (link) => outsideSubnetOn(t, facts.links.get(link) ?? [])),
      absent: redo(base.absent, sameToNeighbours(base.facts, facts, changed) ? changed : nearby, (k) => absentGatewaysIn(facts, at(k))),
      detached: redo(base.detached, changed, (k) => detachedVethsIn(facts, at(k))),
      nowhere: redo(base.nowhere, changed, (k) => routesNowhereIn(facts, at(k))),
      machines: redo(base.machines, machines, (k) => unroutedMachine(t, world, all, t.machines[k] as Topology['machines'][number], k)),
      pods: redo(base.pods, nearby, (k) => unroutedPod(world, facts, all, at(k))),
    };
  }
  kept = now;
  return { outside: flat(now.outside), absent: flat(now.absent), detached: flat(now.detached), nowhere: flat(now.nowhere), machines: flat(now.machines), pods: flat(now.pods) };
}
