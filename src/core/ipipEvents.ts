import type { EventBase } from './events';

/*
 * The IPIP tunnel's own event (sim/ipip.ts), kept beside events.ts so that each file stays readable;
 * HopEvent includes it.
 */

/**
 * An IPIP tunnel (Calico's `tunl0`) puts a packet inside a new IPv4 header (`encap`: ipip_tunnel_xmit
 * → ip_tunnel_xmit → iptunnel_xmit, net/ipv4/ipip.c and ip_tunnel.c) or takes it out (`decap`:
 * ipip_rcv → ip_tunnel_rcv, then the inner packet is received on the tunnel device itself).
 * `local` is this node's address and `remote` the other's: an encapsulated packet goes from `local` to
 * `remote`, a decapsulated one came from `remote` to `local`. `ttl` is the outer header's TTL (the
 * fallback tunnel's TTL is 0, "inherit": the inner packet's), `df` its DF bit (copied from the inner
 * packet: the tunnel's own frag_off is 0, `nopmtudisc`). `innerLen` is the inner IPv4 packet's total
 * length, `outerLen` the outer one's: 20 bytes more (one IPv4 header, no other). `mtu` is the
 * tunnel device's, `dev` the underlay device the outer packet leaves by (encap) or came in on (decap).
 */
export interface IpipEvent extends EventBase {
  type: 'ipip';
  action: 'encap' | 'decap';
  pkt: number;
  /** The tunnel device (`tunl0`) and the underlay device (`eth0`). */
  iface: string;
  dev: string;
  local: string;
  remote: string;
  ttl: number;
  df: boolean;
  innerLen: number;
  outerLen: number;
  mtu: number;
}
