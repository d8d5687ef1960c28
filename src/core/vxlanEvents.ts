import type { EventBase } from './events';

/*
 * The VXLAN device's own event (sim/vxlan.ts), kept beside events.ts so that each file stays
 * readable; HopEvent includes it. The FDB lookup before it is an `fdb` event of scope `vxlan`.
 */

/**
 * A VXLAN device puts a frame into a UDP datagram (`encap`: vxlan_xmit_one → vxlan_build_skb →
 * udp_tunnel_xmit_skb) or takes one out of it (`decap`: vxlan_rcv, then the frame is received on
 * the device itself). `local` is this VTEP's address and `remote` the other's: an encapsulated packet
 * goes from `local` to `remote`, a decapsulated one came from `remote` to `local`; UDP source port `sport`
 * (udp_flow_src_port: a hash of the inner flow) to port `port`; `innerLen` is the inner frame's
 * length with its Ethernet header, `outerLen` the outer IPv4 packet's total length: 50 bytes more
 * (outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14, VXLAN_HEADROOM), `mtu` the VXLAN device's.
 */
export interface VxlanEvent extends EventBase {
  type: 'vxlan';
  action: 'encap' | 'decap';
  pkt: number;
  /** The VXLAN device (`flannel.1`) and its underlay device (`eth0`). */
  iface: string;
  dev: string;
  vni: number;
  local: string;
  remote: string;
  port: number;
  sport: number;
  innerLen: number;
  outerLen: number;
  mtu: number;
}
