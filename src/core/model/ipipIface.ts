import type { IfaceBase } from './topology';

/**
 * An IPv4-in-IPv4 tunnel device (`ip -d link`: `ipip any remote any local any ttl inherit
 * nopmtudisc`), as Calico uses it: `tunl0`, the fallback tunnel the ipip module creates in every
 * namespace (net/ipv4/ip_tunnel.c ip_tunnel_init_net, zeroed parameters: no remote, no local, TTL 0
 * = inherit, no DF of its own). A packet routed through it leaves in an outer IPv4 header, protocol
 * 4, to the route's gateway (ip_tunnel_xmit's NBMA case: rt_nexthop); protocol 4 received by the
 * namespace comes in on it (ipip_rcv → ip_tunnel_lookup, which falls back to tunl0). It has no
 * link-layer header (ARPHRD_TUNNEL, `link/ipip 0.0.0.0`): tcpdump shows bare IP packets on it.
 * `mac` is kept for the lab's tables only and never reaches a frame. The engine: sim/ipip.ts.
 */
export interface IpipIface extends IfaceBase {
  kind: 'ipip';
}
