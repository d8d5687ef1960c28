/**
 * Hop events: what the engine saw, as data. The UI is a function of this log and a playhead.
 *
 * Frame events mirror `tcpdump -p -i <iface> -Q in|out` in the event's namespace; decision events
 * record what the kernel decided between frames (route chosen, neighbour state, FDB, TTL, drops).
 */

/** A text in both of the app's languages. */
export interface Bilingual {
  en: string;
  ru: string;
}

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
}

/** ICMP header. Echo carries `seq`; errors carry the offending packet's headers in `quote`. */
export interface IcmpHeader {
  type: number;
  code: number;
  /** Echo sequence number (types 0 and 8). */
  seq?: number;
  /** Redirect gateway (type 5). */
  gateway?: string;
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
  /** What happened and why, in both languages. */
  explain: Bilingual;
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
}

/** Why a packet or frame was dropped. */
export type DropReason =
  | 'no-route'
  | 'ttl-exceeded'
  | 'neigh-failed'
  | 'not-for-us'
  | 'forwarding-disabled'
  | 'rp-filter'
  | 'port-unreachable'
  | 'tcp-no-listener'
  | 'arp-not-for-us'
  | 'icmp-rate-limited'
  | 'bridge-no-port'
  | 'martian'
  | 'iface-down';

/** A packet or frame was dropped. */
export interface DropEvent extends EventBase {
  type: 'drop';
  iface?: string;
  reason: DropReason;
  ipv4?: Ipv4Header;
  /** The packet dropped, when the drop is of a whole packet or ARP message. */
  pkt?: number;
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
  | DropEvent;

/** The `type` tags, for filters. */
export type HopEventType = HopEvent['type'];
