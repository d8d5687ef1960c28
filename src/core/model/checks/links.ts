import { problem } from '../../i18n/problems';
import { formatIp, networkOf, parseCidr } from '../../net/ipv4';
import type { LabCheck, LabFix } from '../labChecks';
import type { Topology } from '../topology';
import { covers, forwardsOn, labFacts, neighboursOf, onLink, type IfaceFact, type LabFacts, type NsFact } from './facts';

/*
 * Link checks: an interface that leads nowhere, and a gateway nobody on the link answers for.
 * "No link" means, for each kind of interface:
 * - a NIC (`ether`): no other namespace has a NIC on its segment, so its frames reach nobody
 *   (`link-alone`, warning; routes through it need no second warning);
 * - a veth: Linux creates both ends together, so a missing peer is a validation error; here, the
 *   host end of a pod's veth that is in no bridge, has no address and no route through it: the
 *   pod's frames arrive in the node and go nowhere (`veth-detached`, warning); one running an
 *   eBPF program (Cilium's lxc) is attached through it;
 * - a bridge: one without ports is how a node's cni0 is before its first pod, and its own address
 *   still works; only a static route through it, which sends to hosts that cannot be there, is
 *   reported (`route-no-link`, warning).
 */

/** NICs whose segment no other namespace is plugged into. */
export function aloneOnSegment(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  const holders = new Map<string, Set<NsFact>>();
  for (const ns of facts.spaces) {
    for (const f of ns.ifaces) {
      if (f.spec.kind !== 'ether') continue;
      const set = holders.get(f.spec.segment) ?? new Set();
      set.add(ns);
      holders.set(f.spec.segment, set);
    }
  }
  const out: LabCheck[] = [];
  for (const ns of facts.spaces) {
    for (const f of ns.ifaces) {
      if (f.spec.kind === 'ether' && (holders.get(f.spec.segment)?.size ?? 0) < 2) {
        out.push({ problem: problem(`${f.path}.segment`, 'link-alone', { iface: f.spec.name, segment: f.spec.segment }) });
      }
    }
  }
  return out;
}

/**
 * Host ends of pods' veths attached to nothing. The fix makes it a port of the node's one bridge
 * whose subnet holds the pod's address (`ip link set veth… master cni0`), when there is one.
 */
export function detachedVeths(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  return facts.spaces.flatMap((ns) => detachedVethsIn(facts, ns));
}

/** {@link detachedVeths} of one namespace: reads its own interfaces and routes, and its pods' addresses. */
export function detachedVethsIn(facts: LabFacts, ns: NsFact): LabCheck[] {
  const out: LabCheck[] = [];
  if (ns.isPod) return out;
  for (const f of ns.ifaces) {
    const s = f.spec;
    const pod = detachedFrom(facts, f);
    if (s.kind !== 'veth' || !pod) continue;
    const podAddrs = pod.ifaces.find((i) => i.spec.name === s.peer.iface)?.addrs ?? [];
    const bridges = ns.ifaces.filter((b) => b.spec.kind === 'bridge' && b.addrs.some((a) => podAddrs.some((p) => covers(a, p.ip))));
    const check: LabCheck = { problem: problem(`${f.path}`, 'veth-detached', { iface: s.name, pod: pod.name }) };
    const [bridge] = bridges;
    if (bridge && bridges.length === 1) check.fix = { kind: 'set-master', machine: ns.name, iface: s.name, master: bridge.spec.name };
    out.push(check);
  }
  return out;
}

/** The pod whose veth's host end `f` is, when `f` is attached to nothing: in no bridge, without addresses or routes. */
export function detachedFrom(facts: LabFacts, f: IfaceFact): NsFact | undefined {
  const s = f.spec;
  // A veth with an eBPF program at its ingress (Cilium's lxc) is attached: the program forwards what arrives.
  if (s.kind !== 'veth' || f.ns.isPod || s.master !== undefined || s.bpf !== undefined || f.addrs.length > 0 || f.ns.routes.some((r) => r.spec.dev === s.name)) return undefined;
  const pod = facts.byName.get(s.peer.ns);
  return pod?.isPod ? pod : undefined;
}

/** Static routes through a bridge (or another non-NIC device) whose link holds no other namespace. */
export function routesNowhere(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  return facts.spaces.flatMap((ns) => routesNowhereIn(facts, ns));
}

/** {@link routesNowhere} of one namespace: reads its own routes and the links of its interfaces. */
export function routesNowhereIn(facts: LabFacts, ns: NsFact): LabCheck[] {
  const out: LabCheck[] = [];
  for (const r of ns.routes) {
    const f = ns.byName.get(r.spec.dev);
    // A VXLAN device or an IPIP tunnel reaches its peers through its underlay, not a link of its own.
    if (!f || f.spec.kind === 'ether' || f.spec.kind === 'vxlan' || f.spec.kind === 'ipip' || neighboursOf(facts, f).length > 0) continue;
    out.push({ problem: problem(`${ns.at}.routes[${r.k}].dev`, 'route-no-link', { dev: r.spec.dev, dst: r.spec.dst }) });
  }
  return out;
}

/**
 * Whether an interface answers ARP for addresses it routes elsewhere (`proxy_arp`: `all` or its
 * own), or its eBPF program does (Cilium's cil_from_container answers any address but the pod's).
 */
export function proxies(f: IfaceFact): boolean {
  return f.spec.sysctls?.proxy_arp === true || f.ns.spec.sysctls?.all?.proxy_arp === true || f.spec.bpf?.prog === 'cil_from_container';
}

/** What a layer-2 link holds, for absentGateways: every address on it, and the namespaces of its proxying and detached interfaces. */
interface LinkSummary {
  addrs: Set<number>;
  proxying: NsFact[];
  detached: NsFact[];
}

const summaries = new WeakMap<LabFacts, Map<number, LinkSummary>>();

function linkSummary(facts: LabFacts, link: number): LinkSummary {
  let byLink = summaries.get(facts);
  if (!byLink) summaries.set(facts, (byLink = new Map()));
  let s = byLink.get(link);
  if (!s) {
    s = { addrs: new Set(), proxying: [], detached: [] };
    for (const o of facts.links.get(link) ?? []) {
      for (const a of o.addrs) s.addrs.add(a.ip);
      if (proxies(o)) s.proxying.push(o.ns);
      if (detachedFrom(facts, o)) s.detached.push(o.ns);
    }
    byLink.set(link, s);
  }
  return s;
}

/**
 * A route whose gateway no other host on the device's link has (`gateway-absent`, error): Linux
 * accepted it because the address is on-link by prefix (or `onlink` was said), but the ARP request
 * for it gets no answer, so after three tries (about 3 s) every packet through the route is
 * dropped and the sender hears "No route to host". Skipped when a host on the link answers ARP by
 * proxy, when the namespace has a static neighbour entry for the gateway, and when the gateway is
 * one of its own addresses (the kernel then sends to the destination directly). The fix, when
 * clear, is the one forwarding host on the link (or the one router among several).
 */
export function absentGateways(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  return facts.spaces.flatMap((ns) => absentGatewaysIn(facts, ns));
}

/**
 * {@link absentGateways} of one namespace: reads its own routes, neighbours and addresses, and what
 * the links of its interfaces hold (addresses, who proxies, who forwards, detached pods).
 */
export function absentGatewaysIn(facts: LabFacts, ns: NsFact): LabCheck[] {
  const out: LabCheck[] = [];
  let own: Set<number> | undefined;
  for (const r of ns.routes) {
    const f = ns.byName.get(r.spec.dev);
    // An IPIP tunnel never ARPs: its gateway becomes the outer packet's destination, routed like any other.
    if (r.via === null || !f || f.spec.master !== undefined || f.spec.kind === 'ipip') continue;
    own ??= new Set(ns.ifaces.flatMap((g) => g.addrs.map((a) => a.ip)));
    if (own.has(r.via)) continue;
    const via = r.via;
    if ((ns.spec.neighbours ?? []).some((n) => n.dev === f.spec.name && n.ip === formatIp(via))) continue;
    // Another host on the link has the gateway, answers ARP for others, or is a pod cut off by
    // its detached veth (detachedVeths names the cause, and its fix). Asked of the link's summary:
    // a router with a route per node on a 5,000-node segment would otherwise compare 25 million pairs.
    const link = linkSummary(facts, f.link);
    if (link.addrs.has(via) || link.proxying.some((o) => o !== f.ns) || link.detached.some((o) => o !== f.ns)) continue;
    const others = neighboursOf(facts, f);
    const check: LabCheck = { problem: problem(`${ns.at}.routes[${r.k}].via`, 'gateway-absent', { via: formatIp(via), dev: f.spec.name }) };
    // First the host that owns the destination itself, on a link this namespace shares with it
    // (a node whose cable moved to another segment); else the one forwarding host on this link.
    const owner = ownerOnLink(facts, ns, r.spec.dst);
    const gw = owner ? null : gatewayOn(others, f);
    if (owner) check.fix = { kind: 'change-route', machine: ns.name, from: r.spec, to: { ...r.spec, via: owner.via, dev: owner.dev } } satisfies LabFix;
    else if (gw) check.fix = { kind: 'change-route', machine: ns.name, from: r.spec, to: { ...r.spec, via: gw } } satisfies LabFix;
    out.push(check);
  }
  return out;
}

/**
 * The host that has an address in `dst` (a node's pod subnet: its bridge's address) and shares a
 * link with `ns`: its address there as the gateway and `ns`'s interface on that link as the device.
 * Null for `default`, or when no such host, or more than one, is on a shared link.
 */
function ownerOnLink(facts: LabFacts, ns: NsFact, dst: string): { via: string; dev: string } | null {
  const c = dst === 'default' ? null : parseCidr(dst);
  if (!c) return null;
  const net = networkOf(c.ip, c.prefix);
  const found: { via: string; dev: string }[] = [];
  for (const g of ns.ifaces) {
    if (g.spec.master !== undefined) continue;
    for (const o of neighboursOf(facts, g)) {
      if (!o.ns.ifaces.some((h) => h.addrs.some((a) => networkOf(a.ip, c.prefix) === net))) continue;
      const a = o.addrs.find((x) => onLink(g, x.ip));
      if (a && !found.some((x) => x.via === formatIp(a.ip))) found.push({ via: formatIp(a.ip), dev: g.spec.name });
    }
  }
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The address of the one forwarding host among `others` that `f` reaches on-link, or of the one router among several. */
export function gatewayOn(others: IfaceFact[], f: IfaceFact): string | null {
  const found = new Map<NsFact, number>();
  for (const o of others) {
    if (!forwardsOn(o) || found.has(o.ns)) continue;
    const a = o.addrs.find((x) => onLink(f, x.ip));
    if (a) found.set(o.ns, a.ip);
  }
  const all = [...found];
  const routers = all.filter(([ns]) => ns.machine.role === 'router' && !ns.isPod);
  const pick = all.length === 1 ? all[0] : routers.length === 1 ? routers[0] : undefined;
  return pick ? formatIp(pick[1]) : null;
}
