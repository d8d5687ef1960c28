import type { EventBase, Ipv4Header } from './events';

/*
 * Events of IPv4 fragmentation and path MTU discovery (sim/fragment.ts), kept beside events.ts so
 * that each file stays readable; HopEvent includes them.
 */

/**
 * A packet longer than the MTU it leaves by, without DF, is cut into fragments (ip_do_fragment, or
 * ip_append_data for a packet the host itself sends): each carries at most `mtu` bytes, data in
 * multiples of 8 bytes, the same IP id; only the first carries the transport header. `local`: the
 * host fragments its own packet (its socket allowed it, IP_PMTUDISC_WANT/DONT); `pmtu`: the MTU is
 * one the host learned for this destination (a route exception), not its device's.
 */
export interface FragmentEvent extends EventBase {
  type: 'fragment';
  pkt: number;
  /** The device the fragments leave by. */
  dev: string;
  ipv4: Ipv4Header;
  /** Total length of the whole packet (bytes), the MTU it is cut for, and how many fragments result. */
  len: number;
  mtu: number;
  count: number;
  local: boolean;
  pmtu: boolean;
}

/**
 * ip_defrag() at the destination (ip_local_deliver): a fragment is held until the whole packet is
 * there, then the packet is rebuilt and handed on. `held`: fragments of this packet held so far;
 * `done` with `len`, the rebuilt packet's total length (bytes). Routers never reassemble.
 */
export interface DefragEvent extends EventBase {
  type: 'defrag';
  pkt: number;
  iface?: string;
  ipv4: Ipv4Header;
  held: number;
  done: boolean;
  len?: number;
}

/**
 * The host learned a smaller path MTU for `dst` from an ICMP "fragmentation needed"
 * (icmp_err → ipv4_update_pmtu → __ip_rt_update_pmtu): a route exception, shown by `ip route show
 * cache` as `cache expires 600sec mtu N`, that its next packets to `dst` are sized for.
 * `mtu` is the new path MTU, `from` the one before (the device's), `expiresS` the exception's life
 * (ip_rt_mtu_expires, 600 s).
 */
export interface PmtuEvent extends EventBase {
  type: 'pmtu';
  pkt: number;
  dst: string;
  dev: string;
  via: string | null;
  mtu: number;
  from: number;
  expiresS: number;
}
