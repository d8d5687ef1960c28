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
import type { DropEvent } from './dropEvents';
import type { DefragEvent, FragmentEvent, PmtuEvent } from './fragmentEvents';
import type { VxlanEvent } from './vxlanEvents';
import type { WgEvent, WireguardHeader } from './wgEvents';
import type { IpipEvent } from './ipipEvents';
import type { BpfEvent } from './bpfEvents';
import type { OvsEvent } from './ovsEvents';

export type { DropEvent, DropReason } from './dropEvents';
export type { DefragEvent, FragmentEvent, PmtuEvent } from './fragmentEvents';
export type { VxlanEvent } from './vxlanEvents';
export type { WgEvent, WireguardHeader } from './wgEvents';
export type { IpipEvent } from './ipipEvents';
export type { BpfEvent } from './bpfEvents';
export type { OvsEvent, OvsOutput } from './ovsEvents';

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

/** IPv4 protocol carried, by name: `ipip` is IPv4 in IPv4, protocol 4 (RFC 2003), an IPIP tunnel's outer header. */
export type IpProto = 'icmp' | 'udp' | 'tcp' | 'ipip';

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

/** The VXLAN header (RFC 7348) of an encapsulated frame: its network identifier. */
export interface VxlanHeader {
  vni: number;
}

/**
 * The mark of an IPv4-in-IPv4 packet (RFC 2003): the outer IPv4 header (protocol 4) is the whole
 * encapsulation, so the mark carries nothing; the packet it holds is the frame's `inner`.
 */
export type IpipHeader = Record<string, never>;

/**
 * A whole frame: each layer present when the frame carries it. A VXLAN datagram carries its outer
 * layers (Ethernet, IPv4, UDP to the VXLAN port), `vxlan` and the frame it encapsulates, `inner`; an
 * IP-in-IP packet its outer Ethernet and IPv4 (protocol `ipip`), `ipip` and the packet it holds, `inner`.
 * A WireGuard datagram carries its outer layers and the message's cleartext header, `wireguard`:
 * the packet inside is ciphertext, never shown.
 */
export interface Frame {
  /**
   * `raw`: the packet has no link-layer header (a WireGuard device, or an IPIP tunnel device,
   * ARPHRD_TUNNEL: tcpdump's LINKTYPE_RAW); `eth` then holds zero MACs and is not on the wire.
   */
  raw?: true;
  eth: EthHeader;
  arp?: ArpHeader;
  ipv4?: Ipv4Header;
  icmp?: IcmpHeader;
  udp?: UdpHeader;
  tcp?: TcpHeader;
  vxlan?: VxlanHeader;
  ipip?: IpipHeader;
  inner?: Frame;
  wireguard?: WireguardHeader;
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
  /** IPv4 frames: the IP total length in bytes (header and payload; a fragment's own), and the DF bit. */
  len?: number;
  df?: boolean;
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

/** A bridge (or segment switch, or VXLAN device) FDB event. */
export interface FdbEvent extends EventBase {
  type: 'fdb';
  /**
   * `bridge`: a Linux bridge in namespace `ns`; `segment`: an L2 segment's switch (then `ns` and
   * `bridge` are the segment id); `vxlan`: a VXLAN device's FDB (vxlan_find_mac in vxlan_xmit), whose
   * entry names the remote VTEP (`remote`) a frame to `mac` is sent to (action `forward`), or
   * (`learn`, with learning on) the VTEP a received frame from `mac` came from (vxlan_snoop).
   */
  scope: 'bridge' | 'segment' | 'vxlan';
  /** The bridge device, or the segment id for a segment's switch, or the VXLAN device. */
  bridge: string;
  /** learn: source MAC recorded; forward: known destination; flood: broadcast or unknown; local: up to the host. */
  action: 'learn' | 'forward' | 'flood' | 'local';
  mac: string;
  /** The port learned or forwarded to; for flood, the ports it went out of. */
  ports: string[];
  /** The port the frame came in on; absent when the host sent it through the bridge device (br_dev_xmit). */
  ingress?: string;
  /** vxlan: the remote VTEP's address; `defaultEntry` when no entry names `mac` and the all-zero one is used. */
  remote?: string;
  defaultEntry?: boolean;
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
  | VxlanEvent
  | IpipEvent
  | BpfEvent
  | OvsEvent
  | WgEvent
  | HaltEvent;

/** The `type` tags, for filters. */
export type HopEventType = HopEvent['type'];
