import type { DropEvent } from '../events';

/*
 * Which function of the kernel (or of Cilium's eBPF, for `bpf-ttl`) drops a packet for each
 * reason: what the detailed narration cites. Kept apart so tellEvent.ts stays short.
 */

/** The kernel function where each drop happens. */
export const DROP_FN: Record<DropEvent['reason'], string> = {
  'no-route': 'ip_error',
  'ttl-exceeded': 'ip_forward',
  'frag-needed': 'ip_forward',
  'neigh-failed': 'neigh_invalidate',
  'not-for-us': 'ip_rcv_core',
  'forwarding-disabled': 'ip_error',
  'rp-filter': 'fib_validate_source',
  'local-source': 'fib_validate_source',
  'arp-rp-filter': 'fib_validate_source',
  'arp-local-source': 'fib_validate_source',
  'arp-martian': 'arp_process',
  'port-unreachable': '__udp4_lib_rcv',
  'tcp-no-listener': 'tcp_v4_rcv',
  'icmp-rate-limited': 'icmpv4_xrlim_allow',
  'bridge-no-port': 'br_forward',
  martian: 'ip_route_input_slow',
  'iface-down': 'dev_queue_xmit',
  'broadcast-ignored': 'icmp_rcv',
  'l2-loop': 'br_flood',
  'connect-timeout': 'tcp_write_timeout',
  emsgsize: 'ip_append_data',
  'vxlan-no-remote': 'vxlan_xmit',
  'vxlan-vni-unknown': 'vxlan_rcv',
  'ip-noproto': 'ip_protocol_deliver_rcu',
  'bpf-ttl': 'ipv4_l3',
  'wg-no-peer': 'wg_xmit',
  'wg-unallowed-src': 'wg_packet_consume_data_done',
};

/** Where a packet to a broadcast address is left unanswered, by protocol. */
export const BROADCAST_FN: Record<'icmp' | 'udp' | 'tcp', string> = { icmp: 'icmp_rcv', udp: '__udp4_lib_mcast_deliver', tcp: 'tcp_v4_rcv' };
