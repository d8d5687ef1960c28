import { problem, type Problem } from '../../i18n/problems';
import { parseCidr, parseIp } from '../../net/ipv4';
import type { LabCheck, LabFix } from '../labChecks';
import type { NamespaceSpec, Topology } from '../topology';
import { covers, labFacts, type LabFacts } from './facts';

/*
 * Forwarding, and the fixes of two refusals. A machine must forward when it is a router, when it
 * has pods (their traffic to anywhere else passes through it), or when another namespace routes
 * through one of its addresses. Linux decides per interface, on the one a packet arrives by
 * (ip_forward writes every interface's `forwarding`; a later per-interface value wins), so every
 * interface a packet can arrive by counts: all but bridge ports, whose frames arrive on the bridge.
 */

/**
 * Machines that must forward but do not: `forwarding-off` (ip_forward=0; fix: turn it on) or
 * `iface-forwarding-off` (ip_forward=1 but `forwarding` 0 on one interface; fix: turn that on).
 * Either way ip_forward() never runs for what arrives there: the packet is dropped without an ICMP
 * error (ip_error() stays silent when forwarding is off on the input device).
 */
export function forwardingChecks(t: Topology, facts: LabFacts = labFacts(t)): LabCheck[] {
  const gateways = new Map<number, Set<string>>();
  for (const ns of facts.spaces) {
    for (const r of ns.routes) {
      if (r.via === null) continue;
      const users = gateways.get(r.via) ?? new Set();
      users.add(ns.name);
      gateways.set(r.via, users);
    }
  }
  const out: LabCheck[] = [];
  for (const ns of facts.spaces) {
    if (ns.isPod) continue;
    const m = ns.machine;
    const isGateway = ns.ifaces.some((f) => f.addrs.some((a) => [...(gateways.get(a.ip) ?? [])].some((user) => user !== ns.name)));
    if (m.role !== 'router' && (m.pods ?? []).length === 0 && !isGateway) continue;
    const inbound = ns.ifaces.filter((f) => f.spec.master === undefined);
    if (m.sysctls?.ip_forward !== true) {
      if (inbound.some((f) => f.spec.sysctls?.forwarding !== true)) {
        out.push({ problem: problem(`${ns.at}.sysctls.ip_forward`, 'forwarding-off', { machine: m.name }), fix: { kind: 'enable-forwarding', machine: m.name } });
      }
      continue;
    }
    for (const f of inbound) {
      if (f.spec.sysctls?.forwarding !== false) continue;
      out.push({ problem: problem(`${f.path}.sysctls.forwarding`, 'iface-forwarding-off', { machine: m.name, iface: f.spec.name }), fix: { kind: 'enable-forwarding', machine: m.name, iface: f.spec.name } });
    }
  }
  return out;
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
