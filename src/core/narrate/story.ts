import type { DropReason, SendEvent } from '../events';

/*
 * The story of a journey as plain data: chapters computed from what happened, corrections of the
 * course notes attached only where the event they correct happened, and the outcome. Catalogues
 * tell them; nothing here is prose.
 */

/** What happened to the packet in a namespace it visited. */
export type VisitResult = 'forward' | 'local' | 'unreachable' | 'drop' | 'pass';

/** The facts a chapter's title needs, by kind. */
export type ChapterFacts =
  /** connect()'s SYN sent again (`n`: which retransmission) after `waitedMs` without an answer. */
  | { kind: 'retry'; ns: string; n: number; waitedMs: number }
  /** The source sends the first packet: through which device, to which next hop. */
  | { kind: 'origin'; ns: string; dev: string | null; via: 'gateway' | 'default' | 'connected' | 'local' | 'broadcast' | 'none'; gw: string | null; what: 'ping' | 'udp' | 'tcp'; dst: string; dstIp: string; arpFailed: boolean; tooBig: { len: number; mtu: number } | null }
  /** The packet crosses a veth into a machine's root namespace. */
  | { kind: 'enter-root'; ns: string; iface: string }
  /** The bridge decides: up to the host (local), to one port (forward), or to all (flood). */
  | { kind: 'bridge'; ns: string; bridge: string; action: 'local' | 'forward' | 'flood'; port: string | null }
  /** A machine's IP stack decides what to do with it. */
  /**
   * `direct`: the next hop is the destination itself, so the ARP is the destination's; `deviceRoute`:
   * by a route a program added without a gateway (Calico's `<pod IP>/32 dev cali…`), not the
   * connected route of an address of that device.
   */
  | { kind: 'route'; ns: string; result: VisitResult; dev: string | null; nexthop: string | null; resolves: boolean; reason: DropReason | null; direct: boolean; deviceRoute?: boolean }
  /** The packet leaves the machine through its uplink. */
  | { kind: 'leave'; ns: string; iface: string }
  /** A VXLAN device wraps it in a UDP datagram to the remote VTEP (`remote`, port `port`). */
  | { kind: 'encap'; ns: string; dev: string; remote: string; port: number; vni: number }
  /** A machine takes a VXLAN datagram in on `iface`, and its VXLAN device `dev` unwraps the packet. */
  | { kind: 'decap'; ns: string; iface: string; dev: string }
  /** IP-in-IP: `dev` (tunl0) wraps the packet in an outer IPv4 header to the node `remote`; a node receives it on `iface` and `dev` unwraps it. */
  | { kind: 'ipip-encap'; ns: string; dev: string; remote: string }
  | { kind: 'ipip-decap'; ns: string; iface: string; dev: string }
  /**
   * WireGuard device `dev` encrypts the packet (a VXLAN datagram when `tunnel`) for `peer`, after a
   * handshake when `handshake` (no session yet), into a UDP datagram of `outerLen` bytes.
   */
  | { kind: 'encrypt'; ns: string; dev: string; peer: string; handshake: boolean; outerLen: number; tunnel: boolean }
  /** A machine takes a WireGuard datagram in on `iface`, and its WireGuard device `dev` decrypts the packet. */
  | { kind: 'decrypt'; ns: string; iface: string; dev: string }
  /**
   * Weave's OVS datapath `datapath` decides on the first packet: weaver answers its upcall and
   * installs a flow (`upcall`), or a flow it installed earlier matches (`hit`); `peer` and `vni`
   * when the frame goes into the tunnel, `port` the local vport otherwise.
   */
  | { kind: 'ovs'; ns: string; datapath: string; action: 'upcall' | 'hit'; peer: string | null; vni: number | null; port: string }
  /** A router receives it. */
  | { kind: 'router'; ns: string; result: VisitResult; dev: string | null; nexthop: string | null; reason: DropReason | null }
  /** A machine receives it on its uplink. */
  | { kind: 'arrive'; ns: string; iface: string; result: VisitResult; dev: string | null; reason: DropReason | null }
  /** The last machine asks by ARP for the destination's MAC. */
  | { kind: 'resolve-dst'; ns: string; ip: string; target: string; dev: string; failed: boolean }
  /** The packet crosses the veth into the destination pod. */
  | { kind: 'into-pod'; ns: string; iface: string; pod: string }
  /** The first answer (or error report) about the first packet. */
  /** `lost`: the answer never reached the source: where it was dropped, why, and the next hop that failed. */
  /** `self`: an ICMP error to the namespace's own address (the source itself), which goes over lo. */
  | { kind: 'answer'; ns: string; cause: SendEvent['cause']; type: number | null; code: number | null; to: string; self: boolean; lost: { ns: string; reason: DropReason; nexthop: string | null } | null }
  /** A later packet of the journey, and what the source's ARP table did for it. */
  /** `ns`: where ARP waits or starts again for this packet (the first such hop), if anywhere. */
  | { kind: 'packet'; n: number; arp: 'known' | 'waiting' | 'again' | 'first' | 'none'; ns: string | null }
  /**
   * After the journey's last packet: ARP entries used while STALE waited 5 s in DELAY and now
   * confirm their neighbour with unicast requests (DELAY → PROBE). `hosts`: who probes, in log order.
   */
  | { kind: 'recheck'; hosts: string[] };

/** A chapter's kind. */
export type ChapterKind = ChapterFacts['kind'];

/**
 * Where the course notes simplify, and the event that shows it happened in this chapter:
 * - `gateway-arp` (step 1): the pod ARPs for its gateway, not for the destination;
 * - `calico-gateway` (step 1, /32 pods): every destination goes via the fake gateway, answered by proxy ARP;
 * - `bridge-no-arp` (step 4): the node's IP stack ARPs for its next hop, the bridge never does;
 * - `routing-table-decides` (step 5): the default route, not "nobody here has the address", sends it out;
 * - `ip-stays-mac-changes` (step 6): a router keeps the IP addresses and rewrites MACs and TTL;
 * - `node-routes` (step 7): the destination node routes into its bridge's subnet, TTL decremented;
 * - `stack-arps-bridge-floods` (step 8): the node's IP stack asks, the bridge only floods.
 */
export type CorrectionCode =
  | 'gateway-arp'
  | 'calico-gateway'
  | 'bridge-no-arp'
  | 'routing-table-decides'
  | 'ip-stays-mac-changes'
  | 'node-routes'
  | 'stack-arps-bridge-floods';

/** The names a correction's text needs. */
export interface CorrectionFacts {
  code: CorrectionCode;
  /** The namespace the chapter is about. */
  ns: string;
  /** Source pod or machine, destination name (or address), destination address. */
  src: string;
  dst: string;
  dstIp: string;
  /** Next hop, device, gateway, bridge, and the address an ARP request said "tell". */
  nexthop: string | null;
  dev: string | null;
  bridge: string | null;
  spa: string | null;
  route: string | null;
  /** bridge-no-arp: the source asked for its gateway in chapter 1 (it may have known it already). */
  askedGateway: boolean;
}

/** One chapter: where it starts in the log, what it is about, and an optional correction. */
export interface StoryChapter {
  /** 1-based number shown to the user. */
  n: number;
  /** Index of the first event of this chapter in the log. */
  start: number;
  facts: ChapterFacts;
  correction?: CorrectionFacts;
}

/** How a journey ended, from the source's point of view. */
export interface OutcomeFacts {
  src: string;
  dst: string;
  dstIp: string;
  proto: 'icmp' | 'udp' | 'tcp';
  port: number;
  count: number;
  /** The source's own send failed: no route (ENETUNREACH). */
  localNoRoute: boolean;
  /** sendmsg() refused a packet longer than the path MTU with DF demanded (EMSGSIZE): that MTU. */
  localTooBig: number | null;
  /** Echo replies, or SYN-ACKs, that reached the source. */
  answers: number;
  /** RST-ACKs that reached the source (connection refused). */
  refused: number;
  /** UDP datagrams delivered to a listener. */
  udpDelivered: number;
  /** ICMP errors that reached the source, grouped by type, code and sender (and the namespace owning that address). */
  errors: { type: number; code: number; from: string; fromNs: string | null; n: number }[];
  /** The first answer was dropped on its way back: where, why, and the next hop that failed. */
  answerLost: { ns: string; reason: DropReason; nexthop: string | null } | null;
  /** The first packet's TTL: as sent, then after each router (ns that decremented it). */
  ttl: { start: number; hops: { ns: string; ttl: number }[] } | null;
  /** SYNs sent again by the source's retransmission timer, and connect()s that gave up (ETIMEDOUT). */
  retransmits: number;
  timedOut: number;
  /** ICMP errors that ended one of the source's connect()s (tcp_v4_err in SYN_SENT). */
  aborted: number;
  /** Packets of the source a host took in as a broadcast and left unanswered. */
  broadcastIgnored: number;
  /** connect() refused a broadcast address of the source's own networks (ENETUNREACH): nothing was sent. */
  connectBroadcast: boolean;
  /** The journey reached the engine's budget and stopped early. */
  halted: { reason: 'events' | 'actions'; limit: number } | null;
}
