import type { BpfEvent, DropEvent, DropReason, Frame, IpProto, NeighState, OvsEvent, WgEvent } from '../events';

/*
 * What the narrator can say about one event, as plain data: a kind and the facts its sentence
 * needs. `narrate/tellEvent.ts` picks the message from the event and the journey; each language's
 * catalogue (`src/core/i18n/<lang>/events.ts`) turns it into a sentence. Nothing here is prose.
 */

/** Headers a summary can describe (a frame, or a packet before it has an Ethernet header). */
export type Headers = Pick<Frame, 'ipv4' | 'icmp' | 'udp' | 'tcp' | 'arp' | 'wireguard'>;

/** Who set a VXLAN packet's tunnel key on a collect_md device: Cilium's eBPF, Weave's OVS flow; null: the device's FDB. */
export type TunnelKeyer = 'bpf' | 'ovs' | null;

/** Every message the narrator tells about a single event. */
export type Msg =
  // Fragmentation (fragment.ts): a cut, a fragment held or a packet rebuilt, a path MTU learned.
  /** `sender`: who built the packet cut by its own host: the program (its socket's IP_MTU_DISCOVER) or the kernel (an echo reply). */
  | { k: 'fragment'; ns: string; dev: string; len: number; mtu: number; count: number; local: boolean; pmtu: boolean; sender: 'app' | 'kernel'; step: number }
  | { k: 'defrag'; ns: string; held: number; done: boolean; len: number; offset: number }
  | { k: 'pmtu'; ns: string; dst: string; dev: string; mtu: number; from: number; expiresS: number }
  // VXLAN (vxlan.ts): a frame sent through the device, its FDB lookup, encapsulation and decapsulation.
  /**
   * `keyed`: who set the tunnel key of a collect_md device, rather than flanneld's entries: a BPF
   * program (Cilium's cilium_vxlan) or an OVS flow (Weave Net's vxlan-6784); null for an FDB.
   */
  | { k: 'out-vxlan'; ns: string; iface: string; f: Headers; keyed: TunnelKeyer }
  /** `learn`: with learning on, a received frame's source MAC learned against the outer source (vxlan_snoop). */
  | { k: 'vxlan-fdb'; ns: string; dev: string; mac: string; remote: string; defaultEntry: boolean; learn: boolean }
  | { k: 'vxlan-encap'; ns: string; dev: string; underlay: string; vni: number; local: string; remote: string; port: number; sport: number; innerLen: number; outerLen: number; mtu: number; keyed: TunnelKeyer }
  // IP-in-IP (ipip.ts): a packet routed into tunl0, its outer header put on or taken off, the inner packet arriving on tunl0.
  /** `via`: the route's gateway, the remote node the outer header will be addressed to. */
  | { k: 'out-ipip'; ns: string; iface: string; f: Headers; via: string }
  | { k: 'ipip-encap'; ns: string; dev: string; underlay: string; local: string; remote: string; ttl: number; df: boolean; innerLen: number; outerLen: number; mtu: number }
  | { k: 'ipip-decap'; ns: string; dev: string; underlay: string; remote: string; ttl: number; innerLen: number; outerLen: number }
  | { k: 'in-ipip'; ns: string; iface: string; f: Headers }
  // Cilium's eBPF (bpfCilium.ts): what a tc ingress program decided; `node` is the namespace it runs in.
  | { k: 'bpf'; node: string; iface: string; prog: BpfEvent['prog']; action: BpfEvent['action']; pod: string; tpa: string; mac: string; endpoint: string; ttlFrom: number; ttlTo: number; remote: string; identity: number | null; dev: string }
  /** `vport`: the OVS datapath the device hands the frame to (Weave Net's vxlan-6784), or '' when the stack routes it. */
  | { k: 'vxlan-decap'; ns: string; dev: string; vni: number; remote: string; port: number; innerLen: number; outerLen: number; vport: string }
  // Weave Net's OVS datapath (ovs.ts): a flow miss, weaver's upcall, a flow hit; `node` is the namespace it runs in.
  | {
    k: 'ovs'; node: string; datapath: string; iface: string; action: OvsEvent['action']; src: string; dst: string; broadcast: boolean;
    tunnel: { vni: number; src: string; srcPeer: number; dstPeer: number } | null; learnedMac: string; learnedAt: string; install: boolean; flood: boolean;
    outs: { port: string; peer: string; dst: string; vni: number; srcPeer: number; dstPeer: number }[];
  }
  // WireGuard (sim/wireguard.ts): the plain packet leaving into or coming out of cilium_wg0 (no Ethernet), and the device's work.
  /** `tunnel`: the packet is a VXLAN datagram (tunnel mode encrypts after encapsulating). */
  | { k: 'out-wg'; ns: string; iface: string; f: Headers; tunnel: boolean }
  | { k: 'in-wg'; ns: string; iface: string; f: Headers; tunnel: boolean }
  | {
    k: 'wg'; ns: string; iface: string; action: WgEvent['action']; dir: 'send' | 'receive' | null; peer: string; endpoint: string; allowed: string;
    sender: number; receiver: number; counter: number; innerLen: number; padded: number; outerLen: number; mtu: number; staged: number; tunnel: boolean;
  }
  /** A frame received on a vport of an OVS datapath: the datapath takes it, not the stack. */
  | { k: 'in-vport'; ns: string; iface: string; datapath: string; f: Headers }
  // Frames, where tcpdump -p sees them.
  | { k: 'out-veth'; ns: string; iface: string; peer: string; f: Headers; repeat: boolean }
  | { k: 'out-nic'; ns: string; iface: string; segment: string; f: Headers }
  | { k: 'out-bridge-dev'; ns: string; bridge: string; f: Headers; broadcast: boolean }
  | { k: 'out-port'; ns: string; iface: string; bridge: string; peer: string; f: Headers }
  | { k: 'in-port'; ns: string; iface: string; bridge: string; f: Headers }
  | { k: 'in-up'; ns: string; bridge: string; f: Headers }
  /**
   * `arp`: for an ARP request, whether it asks for one of this namespace's own addresses (`own`, it
   * answers) or for another one while an entry for the asker exists (`known`, the entry is neither
   * confirmed nor changed; arp_process ends in neigh_update with STALE, which keeps a valid state).
   */
  | { k: 'in-host'; ns: string; iface: string; f: Headers; arp: 'own' | 'known' | null; unicast: boolean }
  /** A packet the namespace sent to itself comes back in on lo (loopback_xmit, then netif_rx). */
  | { k: 'in-lo'; ns: string; f: Headers }
  // Routing decisions (fib_lookup from ip_route_output_key and ip_route_input_noref).
  | { k: 'route-out-local'; ns: string; dst: string; loopback: boolean }
  | { k: 'route-out-none'; ns: string; dst: string }
  /** ip_route_output: a broadcast of one of the sender's networks (table local), or 255.255.255.255 out of `dev`. */
  | { k: 'route-out-broadcast'; ns: string; dst: string; route: string; dev: string; limited: boolean; tcp: boolean }
  | { k: 'route-out-connected'; ns: string; dst: string; route: string; dev: string; fib: FibFacts }
  | { k: 'route-out-gateway'; ns: string; dst: string; route: string; gw: string; dev: string; isDefault: boolean; fib: FibFacts }
  | { k: 'route-in-local'; ns: string; dst: string; iif: string }
  /** `proxyArp`: the lookup was proxy ARP's, for an ARP request that came in on this device (proxy_arp on there). */
  | { k: 'route-in-none'; ns: string; dst: string; proxyArp?: string }
  | { k: 'route-in-forward'; ns: string; dst: string; route: string; nexthop: string; dev: string; connected: boolean; isDefault: boolean; router: boolean; fib: FibFacts; deviceRoute?: boolean }
  | { k: 'proxy-arp'; ns: string; tpa: string; iif: string; via: string; mac: string; delayMs: number }
  // The neighbour subsystem.
  | { k: 'neigh-resolve'; ns: string; ip: string; iface: string; wasFailed: boolean; spa: string | null; pktSrc: string | null }
  | { k: 'neigh-queue'; ip: string; queued: number }
  | { k: 'neigh-stale-use'; ip: string; mac: string }
  | { k: 'neigh-hit'; ip: string; mac: string; state: NeighState }
  /** `warmup`: the timer ran since the warm-up run before the log began (so 5 s are not all visible). */
  | { k: 'neigh-timer'; ip: string; from: NeighState | null; to: NeighState; mac: string | null; warmup: boolean }
  /** `ignoredBy`: a host that received the requests and left them unanswered, and why (an `arp-*` drop). */
  | { k: 'neigh-failed'; ip: string; probes: number; dropped: number; ignoredBy: { ns: string; reason: DropReason; rpFilter: 1 | 2 | null } | null }
  | { k: 'neigh-reply'; ip: string; mac: string; released: number }
  | { k: 'neigh-learn-asker'; ns: string; ip: string; mac: string }
  | { k: 'neigh-update'; ip: string; mac: string; state: NeighState; released: number }
  // Bridges and the segment's switch.
  | { k: 'br-learn'; bridge: string; mac: string; port: string }
  | { k: 'br-flood'; bridge: string; mac: string; ports: string[]; broadcast: boolean; fromHost: boolean }
  | { k: 'br-local'; ns: string; bridge: string; mac: string }
  | { k: 'br-forward'; bridge: string; mac: string; port: string; fromHost: boolean }
  | { k: 'seg-learn'; segment: string; mac: string; machine: string }
  | { k: 'seg-forward'; segment: string; mac: string; to: string[] }
  | { k: 'seg-flood'; segment: string; to: string[]; broadcast: boolean }
  // TTL, sends and deliveries.
  | { k: 'ttl'; ns: string; from: number; to: number; router: boolean; first: boolean }
  /** `noRoute`: the route lookup that follows fails, so nothing is built or sent (ENETUNREACH). */
  /**
   * `broadcast`: the destination is a broadcast address, of one of the source's own networks (`local`:
   * ping -b, SO_BROADCAST are needed) or of a network further away (`remote`: the host that owns it
   * takes it in as one); null for any other destination.
   */
  | { k: 'send-ping'; ns: string; seq: number; dst: string; ttl: number; noRoute: boolean; broadcast: 'local' | 'remote' | null }
  | { k: 'send-udp'; ns: string; dst: string; port: number; ttl: number; noRoute: boolean; broadcast: 'local' | 'remote' | null }
  | { k: 'send-syn'; ns: string; dst: string; port: number; ttl: number; noRoute: boolean }
  /**
   * tcp_retransmit_timer sends connect()'s SYN again: which retransmission, the timeout that expired,
   * and whether an ICMP error was noted meanwhile (it came while connect() held the socket).
   */
  | { k: 'send-syn-retry'; ns: string; dst: string; port: number; retry: number; waitedMs: number; softError: boolean }
  | { k: 'send-echo-reply'; ns: string; ttl: number }
  | { k: 'send-synack'; ns: string }
  | { k: 'send-rst'; ns: string }
  | { k: 'send-ack'; ns: string }
  | { k: 'send-icmp-error'; ns: string; type: number; code: number; about: Headers | null; src: string; dst: string; gw: string | null; toSelf: boolean; dev: string | null }
  | { k: 'deliver-echo-request'; ns: string }
  | { k: 'deliver-echo-reply'; ns: string }
  /**
   * `about`: who made the packet the error reports on (`app` a program; `kernel` an echo reply or
   * RST the kernel built, so no socket waits for the error) and its protocol (a UDP socket only
   * sees an error when connected or with IP_RECVERR: __udp4_lib_err).
   */
  | { k: 'deliver-icmp-error'; ns: string; type: number; code: number; from: string; fromNs: string | null; about: 'app' | 'kernel'; proto: IpProto | null }
  /**
   * An ICMP error about connect()'s SYN (tcp_v4_err): `aborts` connect() fails with it; `soft` it came
   * back in the SYN's own softirq run, while connect() held the socket, so it is only noted; `gone`
   * the socket no longer exists. `held`: the SYN waited in this host's ARP queue all along, so the
   * retransmission timer fired `held` times without sending a copy (skb_still_in_host_queue).
   */
  | { k: 'deliver-tcp-error'; ns: string; type: number; code: number; from: string; fromNs: string | null; socket: 'aborts' | 'soft' | 'gone'; held: number }
  | { k: 'deliver-redirect'; ns: string; from: string; gw: string; accepted: boolean }
  | { k: 'deliver-udp'; ns: string; port: number; f: Headers; broadcast: boolean }
  /** ip_route_input: the destination is a broadcast address of this namespace (table local) or 255.255.255.255. */
  | { k: 'route-in-broadcast'; ns: string; dst: string; dev: string; iif: string; limited: boolean }
  /** The run reached the engine's budget of events or actions: the journey stops here. */
  | { k: 'halt'; reason: 'events' | 'actions'; limit: number; pending: number }
  | { k: 'deliver-syn'; ns: string; port: number }
  | { k: 'deliver-synack'; ns: string }
  | { k: 'deliver-rst'; ns: string }
  | { k: 'deliver-tcp'; ns: string }
  // Drops (SKB_DROP_REASON_*) and frames consumed without effect.
  | { k: 'drop'; reason: DropReason; ns: string; iface: string | null; f: Headers | null; facts: DropFacts }
  | { k: 'consume-arp-other'; ns: string; tpa: string; spa: string }
  | { k: 'consume-arp-unsolicited'; ns: string };

/**
 * What the kernel's FIB rules add to a route decision (RouteEvent's `ownGateway`, `op`, `tied`): the
 * gateway written that is the device's own address (so not used as one), how the chosen route
 * joined the table, and the routes of equal prefix and metric it came before.
 */
export interface FibFacts {
  ownGw: string | null;
  op: 'prepend' | 'append' | 'replace' | null;
  tied: readonly string[];
  /** The route is `onlink` (RTNH_F_ONLINK): its gateway, taken as on the link without any address covering it. */
  onlink: string | null;
}

/** The facts a drop's sentence may need: the DropEvent's own, plus its packet's addresses and TTL there. */
export type DropFacts = Partial<Pick<DropEvent, 'direction' | 'nexthop' | 'rpFilter' | 'dstMac' | 'ifaceMac' | 'port' | 'icmp' | 'spa' | 'tpa' | 'martian' | 'len' | 'mtu' | 'vni'>> & {
  ttl?: number;
  src?: string;
  dst?: string;
  /** l2-loop: where the copying stops and how many crossings the frame made; connect-timeout: retransmissions. */
  bridge?: string;
  copies?: number;
  retries?: number;
};

/** A message's kind. */
export type MsgKind = Msg['k'];

/**
 * A sentence at two levels: `short` is one line for a projector; `why` is what the detailed level
 * adds (the reason, and what students tend to get wrong).
 */
export interface Told {
  short: string;
  why?: string;
}
