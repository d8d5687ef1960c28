/**
 * Hop events: what the engine saw, as plain data (JSON- and `structuredClone`-safe, no text). The
 * UI is a function of this log and a playhead; the narrator (`src/core/narrate/`) tells it.
 *
 * Frame events mirror `tcpdump -p -i <iface> -Q in|out` in the event's namespace; decision events
 * record what the kernel decided between frames (route chosen, neighbour state, FDB, TTL, drops),
 * each with a machine-readable code and the facts a story needs (state before and after, the entry
 * consulted, counts).
 */

import type { Texts } from './i18n/lang';

/** A text in each of the app's languages (bad-input errors carry one). */
export type Bilingual = Texts;

/** Ethernet header. MACs lower-case `aa:bb:..`; `type` is `arp` or `ipv4`. */
export interface EthHeader {
  src: string;
  dst: string;
  type: 'arp' | 'ipv4';
}

/** ARP payload (Ethernet/IPv4 only). */
export interface ArpHeader {
  op: 'request' | 'reply';
  /** Sender hardware address. */
  sha: string;
  /** Sender protocol (IPv4) address. */
  spa: string;
  /** Target hardware address (00:00:00:00:00:00 in a request). */
  tha: string;
  /** Target protocol address. */
  tpa: string;
}

/** IPv4 protocol carried, by name. */
export type IpProto = 'icmp' | 'udp' | 'tcp';

/** IPv4 header fields that matter on the path. The IP id is not modelled (it is random per packet). */
export interface Ipv4Header {
  src: string;
  dst: string;
  ttl: number;
  proto: IpProto;
  /** Fragments only: the fragment's offset in bytes and the More Fragments bit (absent on whole packets). */
  fragOffset?: number;
  mf?: boolean;
}

/** ICMP header. Echo carries `seq`; errors carry the offending packet's headers in `quote`. */
export interface IcmpHeader {
  type: number;
  code: number;
  /** Echo sequence number (types 0 and 8). */
  seq?: number;
  /** Redirect gateway (type 5). */
  gateway?: string;
  /** Fragmentation needed (type 3 code 4): the next hop's MTU. */
  mtu?: number;
  /** For errors: the IPv4 header (and ports) of the packet that caused it, as quoted in the ICMP body. */
  quote?: { ipv4: Ipv4Header; sport?: number; dport?: number };
}

/** UDP header. */
export interface UdpHeader {
  sport: number;
  dport: number;
}

/** TCP flags as tcpdump prints them: S, S., R., . and so on. */
export interface TcpHeader {
  sport: number;
  dport: number;
  /** Flags in tcpdump's notation: `S` SYN, `S.` SYN-ACK, `R.` RST-ACK, `.` ACK. */
  flags: string;
}

/** A whole frame: each layer present when the frame carries it. */
export interface Frame {
  eth: EthHeader;
  arp?: ArpHeader;
  ipv4?: Ipv4Header;
  icmp?: IcmpHeader;
  udp?: UdpHeader;
  tcp?: TcpHeader;
}

/** What a frame is, for colouring and filtering. */
export type PacketKind = 'arp' | 'request' | 'reply' | 'icmp-error';

/** Fields every event has. */
export interface EventBase {
  /** Position in the log, from 0. */
  seq: number;
  /** Virtual time in nanoseconds since the journey started. */
  t: number;
  /** Namespace the event happened in (pod name, or machine name for a root namespace). */
  ns: string;
}

/** A frame seen on an interface, in the direction tcpdump -p would report it. */
export interface FrameEvent extends EventBase, Frame {
  type: 'frame';
  iface: string;
  dir: 'in' | 'out';
  /**
   * Id of the transmission: an `out` event and the `in` events it causes on the other end of the
   * wire share it, so the UI can animate the frame along that link.
   */
  wire: number;
  kind: PacketKind;
  /** Id of the packet (or ARP message) this frame carries; it stays the same across hops. */
  pkt: number;
}

/** A routing decision: the table entry chosen, or none. */
export interface RouteEvent extends EventBase {
  type: 'route';
  /** Destination looked up. */
  dst: string;
  /** `output` for locally generated packets, `input` for received ones (forwarding or local delivery). */
  direction: 'output' | 'input';
  /** The chosen entry's text as `ip route` prints it, or null when nothing matched. */
  route: string | null;
  /**
   * Result: deliver locally, forward, send (local origin), unreachable, or proxy-arp (an ARP
   * request for an address this namespace routes elsewhere, answered with its own MAC).
   */
  result: 'local' | 'forward' | 'send' | 'unreachable' | 'proxy-arp';
  /** Next hop (gateway or the destination itself) and the output device, when routed. */
  nexthop?: string;
  dev?: string;
  /**
   * How the entry matched: `local` (an address of this namespace, table local), `loopback`
   * (127.0.0.0/8), `connected` (a directly connected network: the next hop is the destination),
   * `gateway` (a route via a gateway) or `default` (the default route's gateway), `broadcast` (a
   * `broadcast` route of table local, or 255.255.255.255: taken in as a broadcast). Absent when
   * nothing matched.
   */
  match?: 'local' | 'loopback' | 'connected' | 'gateway' | 'default' | 'broadcast';
  /** Input lookups: the device the packet (or ARP request) came in on. */
  iif?: string;
  /** Input lookups: the receiving device's `ip_forward` (IN_DEV_FORWARD), which made it route. */
  forwarding?: boolean;
  /** proxy-arp: the MAC answered with and the delay before answering a broadcast, in ns. */
  proxyMac?: string;
  proxyDelayNs?: number;
  /**
   * The chosen route names as gateway (`via`) this address, one of the output device's own: the
   * kernel does not use it as a gateway (fib_check_nh_v4_gw() finds it RTN_LOCAL, scope host, and
   * rt_set_nexthop() only uses a link-scope gateway), so `nexthop` is the destination itself,
   * resolved by ARP on `dev`, and `match` is `connected`.
   */
  ownGateway?: string;
  /** The chosen route joined the table by `ip route prepend`, `append` or `replace` (absent for a plain add). */
  op?: 'prepend' | 'append' | 'replace';
  /**
   * Routes of the same prefix and metric that come after the chosen one in the table, as `ip route`
   * prints them: fib_table_lookup() takes the first of them, so these lost.
   */
  tied?: readonly string[];
  /** The packet being routed. */
  pkt: number;
}

/** Linux neighbour states. */
export type NeighState = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'PERMANENT';

/** A neighbour (ARP cache) lookup or change. */
export interface NeighEvent extends EventBase {
  type: 'neigh';
  iface: string;
  ip: string;
  /** `lookup`: a packet consulted the entry; `update`: the entry changed (or was created). */
  action: 'lookup' | 'update';
  /** State before (null: no entry). */
  from: NeighState | null;
  /** State after. */
  to: NeighState;
  /** MAC after, if known. */
  mac: string | null;
  /** Packets waiting in the entry's queue after this event. */
  queued: number;
  /**
   * Why it changed or was consulted (neigh_event_send, neigh_timer_handler, neigh_update):
   * `resolve` a packet found no usable entry (none, or FAILED) and starts ARP; `queue` it waits
   * behind an open question; `stale-use` a STALE entry is used and goes to DELAY; `hit` a valid
   * entry is used; `timer` a timer moved the state; `failed` the probes ran out; `reply` an ARP
   * reply confirmed it; `learn-asker` a request for our address taught us the asker
   * (neigh_event_ns); `update` any other ARP-driven change.
   */
  cause: 'resolve' | 'queue' | 'stale-use' | 'hit' | 'timer' | 'failed' | 'reply' | 'learn-asker' | 'update';
  /** The packet that consulted the entry (resolve, queue, stale-use, hit). */
  pkt?: number;
  /** `failed`: ARP requests sent before giving up (3 broadcasts from INCOMPLETE). */
  probes?: number;
  /** `failed`: waiting packets dropped; `reply`/`update`: waiting packets sent now. */
  released?: number;
  dropped?: number;
}

/** A bridge (or segment switch) FDB event. */
export interface FdbEvent extends EventBase {
  type: 'fdb';
  /** `bridge`: a Linux bridge in namespace `ns`; `segment`: an L2 segment's switch (then `ns` and `bridge` are the segment id). */
  scope: 'bridge' | 'segment';
  /** The bridge device, or the segment id for a segment's switch. */
  bridge: string;
  /** learn: source MAC recorded; forward: known destination; flood: broadcast or unknown; local: up to the host. */
  action: 'learn' | 'forward' | 'flood' | 'local';
  mac: string;
  /** The port learned or forwarded to; for flood, the ports it went out of. */
  ports: string[];
  /** The port the frame came in on; absent when the host sent it through the bridge device (br_dev_xmit). */
  ingress?: string;
  /** The packet (or ARP message) the frame carries. */
  pkt: number;
}

/** TTL decremented while forwarding. */
export interface TtlEvent extends EventBase {
  type: 'ttl';
  pkt: number;
  from: number;
  to: number;
}

/** A packet created by a local program or the kernel (ping, an ICMP error, a TCP reply). */
export interface SendEvent extends EventBase {
  type: 'send';
  /** The packet as built, before routing (no Ethernet header yet). */
  ipv4: Ipv4Header;
  icmp?: IcmpHeader;
  udp?: UdpHeader;
  tcp?: TcpHeader;
  kind: PacketKind;
  /** A fresh packet id. */
  pkt: number;
  /**
   * Who made it: `app` a program (ping, a UDP send, connect()); the kernel itself for the rest:
   * `echo-reply` (icmp_echo), `tcp-synack`, `tcp-rst` (tcp_v4_send_reset), `tcp-ack`, `icmp-error`
   * (icmp_send), `tcp-retransmit` (tcp_retransmit_timer: connect()'s SYN again, nothing answered it
   * within the retransmission timeout).
   */
  cause: 'app' | 'echo-reply' | 'tcp-synack' | 'tcp-rst' | 'tcp-ack' | 'icmp-error' | 'tcp-retransmit';
  /** The packet this one answers or reports on; for `tcp-retransmit`, connect()'s first SYN. */
  about?: number;
  /** icmp-error: the erring packet's source is this namespace itself (it goes over loopback). */
  toSelf?: boolean;
  /** tcp-retransmit: which retransmission (1 for the first) and the timeout that expired, in ms. */
  retry?: number;
  rtoMs?: number;
}

/** A packet handed to a local socket (or answered by the kernel itself). */
export interface DeliverEvent extends EventBase {
  type: 'deliver';
  ipv4: Ipv4Header;
  icmp?: IcmpHeader;
  udp?: UdpHeader;
  tcp?: TcpHeader;
  kind: PacketKind;
  pkt: number;
  /**
   * What received it: `echo-request` (the kernel answers), `echo-reply` (ping), `icmp-error` (the
   * sending socket learns of the error), `redirect`, `udp` (a listening socket), `tcp-syn` (a
   * listener), `tcp-synack`, `tcp-rst` (connect() fails: ECONNREFUSED), `tcp` (any other segment).
   */
  cause: 'echo-request' | 'echo-reply' | 'icmp-error' | 'redirect' | 'udp' | 'tcp-syn' | 'tcp-synack' | 'tcp-rst' | 'tcp';
  /** redirect: whether this namespace accepts redirects (IN_DEV_RX_REDIRECTS). */
  accepted?: boolean;
  /**
   * icmp-error about a TCP segment of this namespace's connect(): `aborts` connect() fails with the
   * error; `soft` it arrived while connect() itself still held the socket (the SYN's own softirq run),
   * so it is only noted (sk_err_soft) and the SYN will be sent again; `gone` no socket is left.
   */
  tcpSocket?: 'aborts' | 'soft' | 'gone';
  /** udp: the datagram was sent to a broadcast address (every socket bound to the port gets it). */
  broadcast?: boolean;
}

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
  | 'emsgsize';

/** A packet or frame was dropped (the kernel's kfree_skb with an SKB_DROP_REASON; see DropReason for ARP). */
export interface DropEvent extends EventBase {
  type: 'drop';
  iface?: string;
  reason: DropReason;
  ipv4?: Ipv4Header;
  /** The packet dropped, when the drop is of a whole packet or ARP message. */
  pkt?: number;
  /** no-route: `output` a local program's send fails (ENETUNREACH), `input` a router drops it. */
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
  /** connect-timeout: the retransmissions connect() made before giving up with ETIMEDOUT. */
  retries?: number;
}

/**
 * A frame the kernel consumed without error and without effect (consume_skb, not a drop):
 * `arp-other-target` an ARP request for someone else's address, from an asker we have no entry
 * for; `arp-unsolicited` an ARP reply nobody asked for (arp_accept=0 creates no entry).
 */
export interface ConsumeEvent extends EventBase {
  type: 'consume';
  iface: string;
  reason: 'arp-other-target' | 'arp-unsolicited';
  pkt: number;
}

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

/**
 * The journey stopped early: it reached the engine's budget of events (`events`) or of queued
 * actions (`actions`) for one run, `limit`. Whatever was still queued (`pending` actions) never runs.
 * Ordinary journeys stay far below; an L2 loop or a very large lab can reach it.
 */
export interface HaltEvent extends EventBase {
  type: 'halt';
  reason: 'events' | 'actions';
  limit: number;
  pending: number;
}

/** Any hop event. */
export type HopEvent =
  | FrameEvent
  | RouteEvent
  | NeighEvent
  | FdbEvent
  | TtlEvent
  | SendEvent
  | DeliverEvent
  | DropEvent
  | ConsumeEvent
  | FragmentEvent
  | DefragEvent
  | PmtuEvent
  | HaltEvent;

/** The `type` tags, for filters. */
export type HopEventType = HopEvent['type'];
