import type { DropReason } from '../../core';

/**
 * What the drawing says of a dropped packet (the drop's label) and the log repeats: the reasons, and
 * the line that names one. Spread into the player's table (strings.ts), which every page loads.
 */
export const dropsEn = {
  drops: {
    'no-route': 'no route to the destination',
    'ttl-exceeded': 'TTL exceeded',
    'frag-needed': 'too big for the next hop (DF set)',
    'neigh-failed': 'ARP got no answer',
    'not-for-us': 'not addressed to this host',
    'forwarding-disabled': 'forwarding is off (ip_forward=0)',
    'rp-filter': 'reverse-path filter (rp_filter)',
    'port-unreachable': 'port unreachable',
    'tcp-no-listener': 'nothing listens on that TCP port',
    'icmp-rate-limited': 'ICMP error suppressed by the rate limit',
    'bridge-no-port': 'the bridge has no port to send it to',
    martian: 'martian address (127.0.0.0/8 from outside)',
    'iface-down': 'the interface is down',
    'local-source': 'source is one of this host\'s own addresses',
    'arp-rp-filter': 'ARP left unanswered: reverse-path filter (rp_filter)',
    'arp-local-source': 'ARP left unanswered: the sender is one of this host\'s addresses',
    'arp-martian': 'ARP with a martian address',
    'broadcast-ignored': 'sent to a broadcast address: nothing answers',
    'l2-loop': 'went round an L2 loop: the simulator stops copying it',
    'connect-timeout': 'connect() gave up after its SYN retransmissions',
    emsgsize: 'larger than the MTU, and DF is demanded (EMSGSIZE)',
    'vxlan-no-remote': 'the VXLAN device has no FDB entry for this MAC',
    'vxlan-vni-unknown': 'no VXLAN device has this VNI',
    'ip-noproto': 'nothing here handles its IP protocol (no IPIP tunnel)',
    'bpf-ttl': 'TTL ran out in Cilium\'s eBPF (no ICMP is sent)',
    'wg-no-peer': 'no WireGuard peer for this address',
    'wg-unallowed-src': 'source not in the WireGuard peer\'s AllowedIPs',
  } satisfies Record<DropReason, string>,
  dropped: (reason: string) => `Dropped: ${reason}`,
};

/** The shape of {@link dropsEn}. */
export type DropsStrings = typeof dropsEn;
