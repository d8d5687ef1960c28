import { problem } from '../../i18n/problems';
import { formatIp, isLoopback, networkOf, parseCidr } from '../../net/ipv4';
import { freeHost, freePodSubnet } from '../labEdits';
import type { LabCheck } from '../labChecks';
import type { Topology } from '../topology';
import { ifaceName, labFacts, subnetText, type IfaceFact, type LabFacts, type NsFact } from './facts';

/*
 * Addressing checks: one address or MAC on two hosts, an address no neighbour on its link can
 * reach, two nodes claiming overlapping pod subnets. Linux accepts each of them (the namespaces are
 * separate), but what the lab says contradicts itself, so the packets that depend on it fail:
 * these are errors, except an address reused on separate networks, which may be deliberate.
 */

/** `f`'s address `text` moved to the lowest free address of `net/prefix`, or no fix when it is full. */
function readdress(t: Topology, f: IfaceFact, text: string, net: number, prefix: number): LabCheck['fix'] {
  const ip = freeHost(t, net, prefix);
  return ip === null ? undefined : { kind: 'set-address', machine: f.ns.name, iface: f.spec.name, from: text, to: `${formatIp(ip)}/${prefix}` };
}

/**
 * An address held by two namespaces. On one link (`duplicate-ip`, error): an ARP request for it
 * reaches both, the asker keeps whichever answer comes first, and each of the two drops what the
 * other sends (its source is one of its own addresses); the later holder gets the lowest free
 * address of its subnet. On separate links (`address-reused`, warning): the rest of the lab reaches
 * the one its routes lead to, and the two never reach each other; no fix, as it may be deliberate.
 * Loopback addresses are every namespace's own and never compared.
 */
export function duplicateAddresses(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  const out: LabCheck[] = [];
  for (const ns of facts.spaces) {
    for (const f of ns.ifaces) {
      for (const a of f.addrs) {
        if (isLoopback(a.ip)) continue;
        // The first holder in topology order, in another namespace: the later one is reported.
        const first = (facts.owners.get(a.ip) ?? []).find((o) => o.ns !== ns);
        if (!first || facts.spaces.indexOf(first.ns) > facts.spaces.indexOf(ns)) continue;
        // Two nodes' bridges with one address: their pod subnets overlap, and podSubnetOverlap says so.
        if (first.link !== f.link && podBridge(f) && podBridge(first)) continue;
        const path = `${f.path}.addresses[${a.n}]`;
        const params = { address: formatIp(a.ip), other: ifaceName(first) };
        if (first.link === f.link) out.push({ problem: problem(path, 'duplicate-ip', params), fix: readdress(t, f, a.text, networkOf(a.ip, a.prefix), a.prefix) });
        else out.push({ problem: problem(path, 'address-reused', params) });
      }
    }
  }
  return out;
}

/**
 * An interface whose addresses no neighbour on its link reaches directly (`address-outside-subnet`,
 * error): the others on the link have addresses, but none of their connected or device routes
 * covers any of its addresses, so what they send to it goes by their gateway instead, and its
 * replies never come back over this link (a pod outside its node's pod subnet, a NIC typed into the
 * wrong network). Links where nobody else has an address (Calico's host-side veths) are skipped.
 * The fix, when the link has exactly one subnet, is that subnet's lowest free address.
 */
export function outsideSubnet(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  const out: LabCheck[] = [];
  for (const on of facts.links.values()) out.push(...outsideSubnetOn(t, on));
  return out;
}

/** {@link outsideSubnet} on one link (its interfaces in topology order): reads their addresses and device routes. */
export function outsideSubnetOn(t: Topology, on: readonly IfaceFact[]): LabCheck[] {
  const out: LabCheck[] = [];
  const addressed = on.filter((f) => f.addrs.length > 0);
  if (new Set(addressed.map((f) => f.ns)).size < 2) return out;
  const reach = linkReach(on);
  for (const f of addressed) {
    const first = f.addrs[0];
    if (!first || f.spec.master !== undefined || f.addrs.some((a) => reach(a.ip, f))) continue;
    const others = addressed.filter((o) => o.ns !== f.ns);
    const subnets = [...new Set(others.flatMap((o) => o.addrs.filter((a) => a.prefix < 32).map((a) => subnetText(a.ip, a.prefix))))];
    const only = subnets.length === 1 ? others.flatMap((o) => o.addrs).find((a) => a.prefix < 32) : undefined;
    const check: LabCheck = { problem: problem(`${f.path}.addresses[${first.n}]`, 'address-outside-subnet', { address: first.text, subnets: subnets.join(', ') }) };
    const fix = only ? readdress(t, f, first.text, networkOf(only.ip, only.prefix), only.prefix) : undefined;
    if (fix) check.fix = fix;
    out.push(check);
  }
  return out;
}

/**
 * Who on a link reaches an address directly: an index of the link's connected routes (and static
 * device routes through its interfaces) by prefix length, so a link of 1,500 hosts is read once.
 * The answer is whether some namespace other than `f`'s does.
 */
function linkReach(on: readonly IfaceFact[]): (ip: number, f: IfaceFact) => boolean {
  const byPrefix = new Map<number, Map<number, Set<NsFact>>>();
  const add = (net: number, prefix: number, ns: NsFact): void => {
    let nets = byPrefix.get(prefix);
    if (!nets) byPrefix.set(prefix, (nets = new Map()));
    const key = networkOf(net, prefix);
    const holders = nets.get(key) ?? new Set<NsFact>();
    holders.add(ns);
    nets.set(key, holders);
  };
  for (const f of on) {
    for (const a of f.addrs) if (a.prefix < 32) add(a.ip, a.prefix, f.ns);
    for (const r of f.ns.routes) {
      if (r.via !== null || r.spec.dev !== f.spec.name) continue;
      const c = r.spec.dst === 'default' ? { ip: 0, prefix: 0 } : parseCidr(r.spec.dst);
      if (c) add(c.ip, c.prefix, f.ns);
    }
  }
  return (ip, f) => {
    for (const [prefix, nets] of byPrefix) {
      const holders = nets.get(networkOf(ip, prefix));
      if (holders && (holders.size > 1 || !holders.has(f.ns))) return true;
    }
    return false;
  };
}

/** Whether `f` is a bridge of a node (role `node`, or a machine with pods): its subnet is a pod subnet. */
function podBridge(f: IfaceFact): boolean {
  return f.spec.kind === 'bridge' && !f.ns.isPod && (f.ns.machine.role === 'node' || (f.ns.machine.pods ?? []).length > 0);
}

/** A node's pod subnet: its bridge's address (the pods' gateway) and where it is written. */
interface PodNet {
  f: IfaceFact;
  n: number;
  net: number;
  prefix: number;
}

/**
 * Two nodes whose pod subnets overlap (`pod-subnets-overlap`, error): host-local IPAM on each hands
 * out addresses of the overlap, and every other machine routes it to one of the two nodes, so the
 * other's pods there are never reached. A pod subnet is the network of a bridge's address on a
 * node (role `node`, or any machine with pods); bridges on one link (one subnet shared on purpose)
 * are not compared. The later node is reported, with the next free pod subnet as the remedy; the
 * fix moves its bridge there only while it has no pods (with pods, their addresses and every route
 * to them change too: a decision for the user).
 */
export function podSubnetOverlap(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  const nets: PodNet[] = [];
  for (const ns of facts.spaces) {
    for (const f of ns.ifaces) {
      if (!podBridge(f)) continue;
      for (const a of f.addrs) if (a.prefix < 32) nets.push({ f, n: a.n, net: networkOf(a.ip, a.prefix), prefix: a.prefix });
    }
  }
  const out: LabCheck[] = [];
  let free: number | null | undefined;
  nets.forEach((b, k) => {
    const a = nets.slice(0, k).find((o) => o.f.ns !== b.f.ns && o.f.link !== b.f.link && networkOf(b.net, Math.min(o.prefix, b.prefix)) === networkOf(o.net, Math.min(o.prefix, b.prefix)));
    if (!a) return;
    free = free === undefined ? freePodSubnet(t) : free;
    const suggestion = free === null ? '' : `${formatIp(free)}/24`;
    const check: LabCheck = {
      problem: problem(`${b.f.path}.addresses[${b.n}]`, 'pod-subnets-overlap', { machine: b.f.ns.name, subnet: subnetText(b.net, b.prefix), other: a.f.ns.name, otherSubnet: subnetText(a.net, a.prefix), free: suggestion }),
    };
    const from = b.f.addrs.find((x) => x.n === b.n)?.text;
    if (free !== null && from !== undefined && (b.f.ns.machine.pods ?? []).length === 0) {
      check.fix = { kind: 'set-address', machine: b.f.ns.name, iface: b.f.spec.name, from, to: `${formatIp(free + 254)}/24` };
    }
    out.push(check);
  });
  return out;
}

