import type { HopEvent, NeighState } from './events';
import type { MachineRole } from './model/topology';

/** What to send, from where, to where. */
export interface JourneySpec {
  /** Source: a pod name, or a machine name (its root namespace). */
  from: string;
  /** Destination: a pod name, a machine name, or any IPv4 address. */
  to: string;
  /** Protocol: ICMP echo (ping), one UDP datagram, or a TCP connection attempt (SYN). Default icmp. */
  proto?: 'icmp' | 'udp' | 'tcp';
  /** UDP/TCP destination port. Default 80 for TCP, 53 for UDP. */
  port?: number;
  /** Number of packets (pings, datagrams or connection attempts). Default 1. */
  count?: number;
  /** Interval between packets in milliseconds. Default 1000, as ping. */
  intervalMs?: number;
  /** IP TTL of the packets sent. Default: the source namespace's ip_default_ttl (64). */
  ttl?: number;
  /** Payload bytes: ICMP data as `ping -s` (default 56: an 84-byte packet), or the UDP datagram's (default 2, bash's `echo x`). TCP ignores it. */
  size?: number;
  /** Start with the caches (ARP, FDB) a previous identical journey left, instead of empty ones. Default false. */
  warm?: boolean;
  /**
   * Path MTU discovery of the sending socket, as `ping -M` (IP_MTU_DISCOVER, `ip(7)`): `want` (the
   * default of ping and UDP sockets: DF on what fits the path, a bigger packet fragmented by the
   * sender), `do` (DF always; a packet bigger than the path fails with EMSGSIZE before anything is
   * sent), `dont` (no DF: any router fragments it). TCP always sets DF and ignores it.
   */
  pmtudisc?: 'want' | 'do' | 'dont';
}

/** A neighbour table row. */
export interface NeighRow {
  ip: string;
  iface: string;
  mac: string | null;
  state: NeighState;
}

/** A bridge FDB row (learned or local). */
export interface FdbRow {
  mac: string;
  port: string;
  /** `local`: the bridge's or a port's own MAC (frames to it go up to the host). */
  local: boolean;
}

/** A routing table row, as `ip route` prints it. */
export interface RouteRow {
  /** The whole line, e.g. `default via 10.10.10.254 dev eth0`. RouteEvent.route uses the same text. */
  text: string;
  dst: string;
  via?: string;
  dev: string;
  /** `kernel`: a connected or local route derived from an address. */
  proto: 'kernel' | 'static';
  /**
   * `main`; `local` for the kernel's table of the namespace's own addresses and broadcasts; `cache`
   * for a route exception the host learned (a path MTU), as `ip route show cache` lists it.
   */
  table: 'main' | 'local' | 'cache';
}

/** The tables of one namespace. */
export interface NsTables {
  routes: RouteRow[];
  neigh: NeighRow[];
  /** One FDB per bridge in this namespace, by bridge name. */
  fdb: Record<string, FdbRow[]>;
}

/** Every namespace's tables, plus each segment switch's FDB. */
export interface NetState {
  ns: Record<string, NsTables>;
  segments: Record<string, FdbRow[]>;
}

/**
 * An interface of a namespace the journey touched, as the narrator needs to name it. Every
 * namespace also has `lo` (kind `loopback`, MAC all zero), where traffic to its own addresses goes.
 */
export interface IfacePlace {
  kind: 'veth' | 'ether' | 'bridge' | 'vxlan' | 'openvswitch' | 'wireguard' | 'ipip' | 'loopback';
  mac: string;
  /** Addresses as `10.10.10.254/24` (none listed for lo: its 127.0.0.1/8 is every namespace's). */
  addrs: string[];
  /** The bridge this device is a port of. */
  master?: string;
  /** For a veth: the other end, as `ns/iface`, and that namespace. */
  peer?: string;
  peerNs?: string;
  /** For an ether NIC: the L2 segment it is plugged into. */
  segment?: string;
  /** The OVS datapath it is a vport of (Weave Net's fastdp). */
  vport?: string;
}

/** A namespace the journey touched: whose it is and what its devices are. */
export interface Place {
  /** The machine it lives on (itself, for a root namespace). */
  machine: string;
  role: MachineRole;
  /** A pod's namespace (not a machine's root namespace). */
  pod: boolean;
  ifaces: Record<string, IfacePlace>;
}

/** A finished simulation: the event log and what is needed to show any point in it. Plain data. */
export interface JourneyResult {
  spec: Required<Omit<JourneySpec, 'port' | 'size'>> & { port: number; size?: number };
  /** Destination IPv4 address the name in `to` resolved to. */
  dstIp: string;
  /** The namespace that owns `dstIp`, if any. */
  dstNs: string | null;
  events: HopEvent[];
  /** Tables before the first event. */
  initial: NetState;
  /** Every namespace that appears in the log, by name. */
  places: Record<string, Place>;
  /** Packets still waiting for an ARP answer when the journey's time ran out. */
  pending: { ns: string; iface: string; nexthop: string; pkt: number }[];
}

/**
 * How long a journey keeps running after its last packet is sent, in milliseconds: long enough for
 * an unanswered ARP to fail (3 probes, 1 s apart) and the ICMP error to come back, short enough that
 * the 5 s DELAY→PROBE confirmation of a single ping stays outside. The kernel lab captures as long.
 */
export const SETTLE_MS = 3500;

/** Total virtual duration of a journey in milliseconds. */
export function journeyDurationMs(spec: Pick<JourneySpec, 'count' | 'intervalMs'>): number {
  const count = spec.count ?? 1;
  const interval = spec.intervalMs ?? 1000;
  return (count - 1) * interval + SETTLE_MS;
}
