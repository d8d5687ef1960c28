import type { EthHeader, Frame, IpipHeader } from '../events';
import { formatIp, ZERO_MAC } from '../net/ipv4';
import { neighOutput } from './arp';
import type { Sim } from './engine';
import type { PackHooks } from './packs';
import { fragmentOut } from './fragment';
import { icmpError } from './icmp';
import { ipRcv, routeFacts } from './ip';
import { emitFrame } from './link';
import type { Packet, WireFrame } from './packet';
import { lookupRoute, routeMatch, selectSource, type Iface, type Ns } from './world';

/*
 * The IPIP tunnel (net/ipv4/ipip.c on net/ipv4/ip_tunnel.c) as Calico uses it: `tunl0`, the fallback
 * tunnel the ipip module creates in every namespace with zeroed parameters (ip_tunnel_init_net: no
 * remote, no local, TTL 0, frag_off 0; `ip -d link` shows `ipip any remote any local any ttl inherit
 * nopmtudisc`). The kernel lab cannot run it (no ipip module), so these rules rest on the source:
 * - ipip_tunnel_xmit → ip_tunnel_xmit: the tunnel has no remote, so the outer destination is the
 *   next hop of the route the packet took into the device (the NBMA case: rt_nexthop(), the route's
 *   gateway: BIRD's `via <node IP> dev tunl0 onlink`). The outer route is looked up to it with no
 *   source, so the source is the one that route picks (inet_select_addr: the NIC's address). The
 *   outer TTL is the tunnel's, 0 meaning the inner packet's (as it leaves: already decremented by
 *   the forwarding node); DF is the tunnel's (none) or'ed with the inner packet's (`ignore_df` is
 *   off); the protocol is 4 (IPPROTO_IPIP), and nothing but the 20-byte header is added. A packet
 *   whose outer length passes the underlay's MTU leaves in fragments when it has no DF; with DF, the
 *   inner packet was already refused by the device's own MTU on the way in (ip_forward), which is the
 *   underlay's less 20 (tnl_update_pmtu keeps it so).
 * - ipip_rcv → ipip_tunnel_rcv: protocol 4 delivered locally is looked up among the namespace's
 *   tunnels (ip_tunnel_lookup), where the fallback tunl0 takes any source and destination; the outer
 *   header is stripped and the inner packet is received on tunl0 (ip_tunnel_rcv → gro_cells_receive),
 *   then routed as any received packet. Without an IPIP tunnel (no module), protocol 4 has no
 *   handler: ip_local_deliver_finish answers protocol unreachable.
 * tunl0 has no link-layer header (ARPHRD_TUNNEL, header_ops none): tcpdump on it shows bare IP
 * packets (LINKTYPE_RAW), so frames there carry `raw` and zero MACs that are not on the wire.
 */

/** The outer IPv4 header IP-in-IP adds (RFC 2003), and nothing else. */
export const IPIP_OVERHEAD = 20;

/** The mark every IP-in-IP packet carries (an empty object: the outer header is the encapsulation). Never mutated. */
const IPIP: IpipHeader = Object.freeze({}) as IpipHeader;

/** The placeholder link layer of a packet on an IPIP device: no header on the wire. Never mutated. */
const RAW_ETH: EthHeader = Object.freeze({ src: ZERO_MAC, dst: ZERO_MAC, type: 'ipv4' as const });

/** The packet as a frame on the tunnel device (no link-layer header). */
function rawFrame(p: Packet): WireFrame {
  return { eth: RAW_ETH, arp: undefined, ipv4: p.ipv4, icmp: p.icmp, udp: p.udp, tcp: p.tcp, s: p.s, d: p.d, kind: p.kind, pkt: p.id, l2: 0, len: p.len, df: p.df, encap: p.encap };
}

/** The raw frame's layers as events show them. */
function plainRaw(f: WireFrame): Frame {
  const out: Frame = { raw: true, eth: f.eth };
  if (f.ipv4) out.ipv4 = f.ipv4;
  if (f.icmp) out.icmp = f.icmp;
  if (f.udp) out.udp = f.udp;
  if (f.tcp) out.tcp = f.tcp;
  return out;
}

/**
 * ipip_tunnel_xmit: packet `p`, routed out of the IPIP device `dev` to next hop `nexthop` (the
 * route's gateway), is seen leaving the device, then goes out in an outer IPv4 header, or is dropped
 * when nothing routes the outer packet.
 */
export function ipipXmit(sim: Sim, dev: Iface, nexthop: number, p: Packet): void {
  const ns = dev.ns;
  const inner = rawFrame(p);
  emitFrame(sim, dev, 'out', sim.nextWire(), inner);
  const dstText = formatIp(nexthop);
  const route = lookupRoute(ns, nexthop);
  // ip_route_output_key failed (tx_carrier_errors), or the outer packet would loop into the tunnel itself (collisions).
  if (!route || route.dev === dev) {
    sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: dstText, direction: 'output', route: route?.text ?? null, result: 'unreachable', seq: sim.seq, t: sim.now });
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'no-route', direction: 'output', seq: sim.seq, t: sim.now });
    return;
  }
  const hop = route.gw ?? nexthop;
  const hopText = route.gwText ?? dstText;
  sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: dstText, direction: 'output', route: route.text, result: 'send', nexthop: hopText, dev: route.dev.name, match: routeMatch(route),
    ...routeFacts(route), seq: sim.seq, t: sim.now });
  const local = selectSource(route, nexthop) ?? 0;
  const localText = formatIp(local);
  const ttl = p.ipv4.ttl;
  const df = p.df;
  const len = p.len + IPIP_OVERHEAD;
  sim.emit({ type: 'ipip', action: 'encap', pkt: p.id, ns: ns.name, iface: dev.name, dev: route.dev.name, local: localText, remote: dstText, ttl, df, innerLen: p.len, outerLen: len, mtu: dev.mtu, seq: sim.seq, t: sim.now });
  const outer: Packet = {
    ipv4: { src: localText, dst: dstText, ttl, proto: 'ipip' }, icmp: undefined, udp: undefined, tcp: undefined,
    kind: p.kind, s: local, d: nexthop, id: p.id, len, df,
    encap: { vxlan: undefined, ipip: IPIP, inner: plainRaw(inner), frame: inner },
  };
  const mtu = route.dev.mtu;
  if (len <= mtu) return neighOutput(sim, route.dev, hop, hopText, outer);
  if (!df) return fragmentOut(sim, ns, route.dev, outer, mtu, false, false, false, (f) => neighOutput(sim, route.dev, hop, hopText, f));
  // A tunl0 whose MTU leaves no room for the 20 bytes: the outer packet, DF copied from the inner
  // one, is too big for the underlay, and ip_fragment refuses it (its ICMP goes to this node itself).
  sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: route.dev.name, reason: 'frag-needed', ipv4: outer.ipv4, direction: 'output', len, mtu, seq: sim.seq, t: sim.now });
}

/** The namespace's IPIP tunnel (tunl0), if it has one. */
function tunnelOf(ns: Ns): Iface | null {
  for (const ci of ns.compiled.ifaces) if (ci.spec.kind === 'ipip') return ns.ifaces.get(ci.spec.name) ?? null;
  return null;
}

/**
 * ipip_rcv: an IP-in-IP packet `p` delivered locally in `ns` gives up its inner packet, received on
 * the namespace's tunnel; without one, protocol unreachable.
 */
export function ipipRcv(sim: Sim, ns: Ns, p: Packet): void {
  const encap = p.encap;
  if (!encap?.frame) return;
  const dev = tunnelOf(ns);
  if (!dev) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'ip-noproto', ipv4: p.ipv4, seq: sim.seq, t: sim.now });
    icmpError(sim, ns, p, 3, 2);
    return;
  }
  const inner = encap.frame;
  // The underlay device it came in on: the one whose addresses hold the outer destination.
  const underlay = ns.compiled.ifaces.find((ci) => ci.addrs.some((a) => a.ip === p.d))?.name ?? '';
  sim.emit({ type: 'ipip', action: 'decap', pkt: p.id, ns: ns.name, iface: dev.name, dev: underlay, local: p.ipv4.dst, remote: p.ipv4.src, ttl: p.ipv4.ttl, df: p.df, innerLen: inner.len, outerLen: p.len, mtu: dev.mtu, seq: sim.seq, t: sim.now });
  emitFrame(sim, dev, 'in', sim.nextWire(), inner);
  ipRcv(sim, dev, inner, inner.pkt);
}

/** The IP-in-IP pack's hooks, registered by packs.ts's loader (or core/allPacks.ts). */
export const ipipPack: PackHooks['ipip'] = { xmit: ipipXmit, rcv: ipipRcv };
