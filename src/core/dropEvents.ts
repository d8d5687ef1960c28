import type { EventBase, Ipv4Header } from './events';

/*
 * Drops: every reason the engine names, as the kernel names its SKB drop reasons, and the facts each
 * drop carries. Kept beside events.ts so that each file stays readable; HopEvent includes DropEvent.
 */

/**
 * Why a packet or frame was dropped. `frag-needed`: a forwarded packet with DF set is longer than the
 * MTU of the device it would leave by (ip_exceeds_mtu; the router reports ICMP_FRAG_NEEDED). `local-source`: a received packet claims one of the host's own
 * addresses as its source (fib_validate_source, IP_LOCAL_SOURCE). The `arp-*` reasons are ARP
 * requests the host leaves unanswered because of the sender's or target's address: arp_process()
 * routes each request with ip_route_input_noref(tip, sip, dev) as if it were a packet from the
 * sender, so the checks of IP input apply: `arp-rp-filter` (the reverse path filter rejects the
 * sender, IP_RPFILTER), `arp-local-source` (the sender is one of the host's own addresses), and
 * `arp-martian` (a multicast or loopback target, which arp_process() frees at once, or a martian
 * sender: 0.0.0.0/8, 127.0.0.0/8, multicast, broadcast). In the `arp-rp-filter` and
 * `arp-local-source` cases arp_process() still refreshes an entry it already has for the sender,
 * then ends in consume_skb(): the route lookup's drop reason is what makes the request go
 * unanswered.
 */
export type DropReason =
  | 'no-route'
  | 'ttl-exceeded'
  | 'frag-needed'
  | 'neigh-failed'
  | 'not-for-us'
  | 'forwarding-disabled'
  | 'rp-filter'
  | 'local-source'
  | 'port-unreachable'
  | 'tcp-no-listener'
  | 'icmp-rate-limited'
  | 'bridge-no-port'
  | 'martian'
  | 'iface-down'
  | 'arp-rp-filter'
  | 'arp-local-source'
  | 'arp-martian'
  /**
   * A packet to a broadcast address that nothing takes: an echo request (icmp_echo_ignore_broadcasts
   * = 1), a UDP datagram no socket is bound for, any TCP segment. Nothing answers a broadcast, not
   * even with an ICMP error or a RST.
   */
  | 'broadcast-ignored'
  /** The engine stops copying a frame that went round an L2 loop (Linux without STP never would). */
  | 'l2-loop'
  /** connect() gives up: its SYN was sent tcp_syn_retries + tcp_syn_linear_timeouts times again. */
  | 'connect-timeout'
  /**
   * A local program's packet is longer than the path MTU and its socket demands DF (IP_PMTUDISC_DO,
   * `ping -M do`): sendmsg() fails with EMSGSIZE before anything is built (ip_append_data).
   */
  | 'emsgsize'
  /**
   * A VXLAN device has no FDB entry for the frame's destination MAC and no default (all-zero) entry:
   * vxlan_xmit frees it (SKB_DROP_REASON_VXLAN_NO_REMOTE); `dstMac` is the MAC looked up.
   */
  | 'vxlan-no-remote'
  /** A datagram reached a VXLAN port of the namespace, but no VXLAN device there has its VNI (vxlan_rcv, SKB_DROP_REASON_VXLAN_VNI_NOT_FOUND). */
  | 'vxlan-vni-unknown'
  /**
   * An IPv4 packet of a protocol nothing in the namespace handles reached local delivery: IP-in-IP
   * (protocol 4) to a host without an IPIP tunnel (no ipip module, so no tunl0). ip_local_deliver_finish
   * answers ICMP protocol unreachable (type 3 code 2) and drops it (SKB_DROP_REASON_IP_NOPROTO).
   */
  | 'ip-noproto'
  /**
   * Cilium's BPF forwarded a packet whose TTL was 1 or 0: ipv4_l3() (bpf/lib/l3.h) drops it as
   * DROP_INVALID without an ICMP Time Exceeded (the code's "FIXME: Send ICMP TTL").
   */
  | 'bpf-ttl'
  /**
   * WireGuard found no peer for a packet: on sending, none whose AllowedIPs hold the destination
   * (wg_xmit: "No peer has allowed IPs matching", -ENOKEY, then ICMP host unreachable); on receiving,
   * a handshake or data message from an endpoint no peer has (`nexthop` the address looked up).
   */
  | 'wg-no-peer'
  /**
   * A decrypted packet's source is not in the AllowedIPs of the peer it came from
   * (wg_packet_consume_data_done: "Packet has unallowed src IP"); `nexthop` the peer's endpoint.
   */
  | 'wg-unallowed-src';

/** A packet or frame was dropped (the kernel's kfree_skb with an SKB_DROP_REASON; see DropReason for ARP). */
export interface DropEvent extends EventBase {
  type: 'drop';
  iface?: string;
  reason: DropReason;
  ipv4?: Ipv4Header;
  /** The packet dropped, when the drop is of a whole packet or ARP message. */
  pkt?: number;
  /** no-route: `output` a local program's send fails (ENETUNREACH), `input` a router drops it; frag-needed: `output` a tunnel's own outer packet (sim/ipip.ts). */
  direction?: 'output' | 'input';
  /** neigh-failed: the next hop that never answered. */
  nexthop?: string;
  /** rp-filter, arp-rp-filter: the mode in force (1 strict, 2 loose). */
  rpFilter?: 1 | 2;
  /** arp-*: the request's sender and target protocol addresses, and (arp-martian) which is at fault. */
  spa?: string;
  tpa?: string;
  martian?: 'sender' | 'target';
  /** not-for-us: the frame's destination MAC and the receiving device's own. */
  dstMac?: string;
  ifaceMac?: string;
  /** port-unreachable, tcp-no-listener: the port nobody listens on. */
  port?: number;
  /** frag-needed, emsgsize: the packet's total length, and the MTU of the device (or path) it would leave by. */
  len?: number;
  mtu?: number;
  /** icmp-rate-limited: the ICMP message held back. */
  icmp?: { type: number; code: number };
  /**
   * l2-loop: the bridge (or segment switch) where the engine stops copying a frame that went round
   * an L2 loop, and how many times that frame has crossed a bridge or switch by then.
   */
  bridge?: string;
  copies?: number;
  /** vxlan-vni-unknown: the VNI nobody has. */
  vni?: number;
  /** connect-timeout: the retransmissions connect() made before giving up with ETIMEDOUT. */
  retries?: number;
}
