import { problem } from '../../i18n/problems';
import { lookupRoute, type World } from '../../sim/world';
import type { LabCheck } from '../labChecks';
import type { Topology } from '../topology';
import { calicoOverhead, calicoTunnelDev } from '../datapathCalico';
import { labFacts, type LabFacts } from './facts';

/*
 * Checks that know Calico's datapath (`topology.datapath.cni === 'calico'`): what Linux accepts
 * but what leaves a Calico pod without an answer to its one ARP request. A Calico pod sends
 * everything to 169.254.1.1, an address no interface has; its node answers by proxy ARP on the
 * pod's cali* veth (cni-plugin dataplane_linux.go sets proxy_arp=1 there), and the kernel answers
 * only for an address it would route out of another device (net/ipv4/arp.c arp_process:
 * ip_route_input_noref must find a unicast route, arp_fwd_proxy wants another output device). So:
 * - a node whose table has no route for 169.254.1.1 (usually: no default route) answers none of
 *   its pods' requests;
 * - a cali* host end with proxy_arp off answers nothing for its pod;
 * - a pod whose default route names another gateway than 169.254.1.1 is not wired Calico's way;
 * - without encapsulation, BIRD's routes name each remote node as the next hop, so a node that
 *   shares no layer-2 network with the first node is unreachable by them (the error switchDatapath
 *   refuses a switch with, `calico-bgp-no-l2`, here for a lab already in that mode);
 * - with encapsulation, a pod whose interface MTU passes its node's tunnel's (tunl0: the NIC's less
 *   20; vxlan.calico: less 50) sends full-size packets the node cannot forward whole (ip_forward:
 *   DF set, ICMP fragmentation needed; else ip_fragment), `calico-pod-mtu`.
 * The node's own route lookup is the engine's (lookupRoute), so the check agrees with the journey.
 */

/** Calico's placeholder gateway as a number (169.254.1.1). */
const GATEWAY = ((169 << 24) | (254 << 16) | (1 << 8) | 1) >>> 0;

/** Every Calico check of `t` (none unless its datapath is Calico). */
export function calicoChecks(t: Topology, world: World, facts: LabFacts = labFacts(t)): LabCheck[] {
  if (t.datapath?.cni !== 'calico') return [];
  const out: LabCheck[] = [];
  if (t.datapath.encapsulation === 'none') {
    const nodes = facts.spaces.filter((ns) => !ns.isPod && ns.machine.role === 'node').map((ns) => ({ ns, links: new Set(ns.ifaces.filter((f) => f.spec.kind === 'ether').map((f) => f.link)) }));
    const [first, ...rest] = nodes;
    for (const n of first ? rest : []) {
      if (![...n.links].some((l) => first?.links.has(l))) out.push({ problem: problem(n.ns.at, 'calico-bgp-no-l2', { node: n.ns.name, other: first?.ns.name ?? '' }) });
    }
  }
  for (const ns of facts.spaces) {
    if (ns.isPod || ns.machine.role !== 'node' || (ns.machine.pods ?? []).length === 0) continue;
    const host = world.ns(ns.name);
    const route = host ? lookupRoute(host, GATEWAY) : null;
    if (host && (route === null || route.dev.name.startsWith('cali'))) out.push({ problem: problem(`${ns.at}.routes`, 'calico-gateway-unrouted', { node: ns.name }) });
    const all = ns.machine.sysctls?.all?.proxy_arp === true;
    for (const f of ns.ifaces) {
      const i = f.spec;
      if (i.kind !== 'veth' || i.master !== undefined || !i.name.startsWith('cali')) continue;
      if (!all && i.sysctls?.proxy_arp !== true) out.push({ problem: problem(`${f.path}.sysctls.proxy_arp`, 'calico-proxy-arp-off', { node: ns.name, iface: i.name, pod: i.peer.ns }) });
    }
  }
  const tunnelName = calicoTunnelDev(t.datapath.encapsulation);
  for (const ns of tunnelName === null ? [] : facts.spaces) {
    if (!ns.isPod) continue;
    const tunnel = facts.byName.get(ns.machine.name)?.byName.get(tunnelName as string);
    if (!tunnel) continue;
    const limit = tunnel.spec.mtu ?? 1500;
    for (const f of ns.ifaces) {
      const mtu = f.spec.mtu ?? 1500;
      if (mtu > limit) out.push({ problem: problem(`${f.path}.mtu`, 'calico-pod-mtu', { pod: ns.name, iface: f.spec.name, mtu, tunnel: tunnelName as string, limit, overhead: calicoOverhead(t.datapath.encapsulation) }) });
    }
  }
  for (const ns of facts.spaces) {
    if (!ns.isPod) continue;
    const def = ns.routes.find((r) => r.spec.dst === 'default' || r.spec.dst === '0.0.0.0/0');
    if (def?.spec.via !== undefined && def.spec.via !== '169.254.1.1') out.push({ problem: problem(`${ns.at}.routes[${def.k}].via`, 'calico-pod-gateway', { pod: ns.name, gw: def.spec.via }) });
  }
  return out;
}
