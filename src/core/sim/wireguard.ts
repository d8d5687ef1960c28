import type { WireguardHeader } from '../events';
import type { MachineSpec } from '../model/topology';
import { WG_DATA_HEADER, WG_INITIATION_LEN, WG_OUTER_IP_UDP, WG_PORT, WG_RESPONSE_LEN, wgDataLen, wgPadded, wgPeers, type WgPeer } from '../model/wireguard';
import { formatIp, ZERO_MAC } from '../net/ipv4';
import { neighOutput } from './arp';
import { ciliumEndpoint } from './bpfCilium';
import type { Sim } from './engine';
import type { PackHooks } from './packs';
import { fragmentOut } from './fragment';
import { routeFacts } from './ip';
import { emitFrame, rx } from './link';
import type { Packet, WireFrame } from './packet';
import { lookupRoute, routeMatch, selectSource, type Iface, type Ns, type TopologyIndex } from './world';

/*
 * A WireGuard device (drivers/net/wireguard) as Cilium uses it (model/wireguard.ts), run by the
 * engine. What happens to a packet, from the kernel's code:
 * - Cilium's cil_to_netdev at the NIC's tc egress (bpf/bpf_host.c, wg_maybe_redirect_to_encrypt in
 *   bpf/lib/wireguard.h) redirects to cilium_wg0 every VXLAN datagram (ctx_is_overlay: tunnel mode
 *   encrypts after encapsulating, Cilium ≥ 1.15, PR #29000), and, under native routing, every packet
 *   from a pod to a pod of a node that announced a WireGuard key (`dst->key`). The NIC's tcpdump tap
 *   comes after tc egress, so the redirected packet is never seen on the NIC.
 * - wg_xmit (device.c): tcpdump on cilium_wg0 sees the packet leave (LINKTYPE_RAW: no Ethernet
 *   header); the peer is the one whose AllowedIPs hold the destination (wg_allowedips_lookup_dst),
 *   none: the packet is dropped (-ENOKEY) and ICMP host unreachable sent back (icmp_ndo_send).
 * - wg_packet_send_staged_packets (send.c): without a current session with the peer the packet is
 *   staged and a handshake initiation (148 bytes) sent (wg_packet_send_queued_handshake_initiation);
 *   the peer answers with a response (92 bytes), after which the initiator derives its keys and
 *   sends what was staged. The responder may send only once the initiator's first data message
 *   confirmed the keys (wg_noise_received_with_keypair). Every journey starts with no session (the
 *   lab's "cold" case; a session lives REJECT_AFTER_TIME, 180 s, in the kernel); the cookie reply
 *   (under load) and rekeying are not modelled.
 * - encrypt_packet: header (type 4, the receiver's index, the counter), the packet padded to 16
 *   (calculate_skb_padding), the tag; sent by wg_socket_send_skb_to_peer from the node's address,
 *   port 51871 to the peer's endpoint, routed like any datagram of the node (TTL ip4_dst_hoplimit, no
 *   DF: too big for the NIC, it leaves in fragments).
 * - wg_receive on the socket: handshakes answered or completed; data decrypted, its source checked
 *   against the sending peer's AllowedIPs, then received on cilium_wg0 (napi_gro_receive: tcpdump
 *   sees it `in`, without Ethernet) where cil_from_wireguard runs (bpf/bpf_wireguard.c).
 * Indices are the engine's own (the kernel picks random ones): a hash of the two nodes' names.
 */

/** One direction of a session: the index the other side gave, and the next counter to send. */
interface Session {
  remoteIndex: number;
  localIndex: number;
  counter: number;
  /** The responder sends only once the initiator's first data message arrived. */
  confirmed: boolean;
}

interface WgState {
  sessions: Map<string, Session>;
  /** Packets waiting for a session, per `node>peer`, with the MTU they were routed with. */
  staged: Map<string, { frame: WireFrame; mtu: number }[]>;
  /** Handshakes this node started and not yet completed: `node>peer` → the index it picked. */
  initiated: Map<string, number>;
}

const states = new WeakMap<Sim, WgState>();

function stateOf(sim: Sim): WgState {
  let s = states.get(sim);
  if (!s) states.set(sim, (s = { sessions: new Map(), staged: new Map(), initiated: new Map() }));
  return s;
}

/** A 32-bit index the engine picks for `node`'s side of a handshake with `peer` (the kernel's is random). */
function indexFor(node: string, peer: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${node}>${peer}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h >>> 0;
}

/** The WireGuard device of a namespace (its runtime form), if it has one. */
export function wgDevice(ns: Ns): Iface | null {
  for (const ci of ns.compiled.ifaces) if (ci.spec.kind === 'wireguard') return ns.ifaces.get(ci.spec.name) ?? null;
  return null;
}

/** Each node's peers, derived as Cilium's agent does (model/wireguard.ts wgPeers), per topology index. */
const peerCache = new WeakMap<TopologyIndex, Map<string, WgPeer[]>>();

function peersOf(sim: Sim, ns: Ns): WgPeer[] {
  const index = sim.world.index;
  let byNode = peerCache.get(index);
  if (!byNode) peerCache.set(index, (byNode = new Map()));
  const hit = byNode.get(ns.name);
  if (hit) return hit;
  const machines: MachineSpec[] = [];
  for (const [, e] of index.specs.entries()) if (!e.isPod) machines.push(e.spec as MachineSpec);
  // Tunnel mode (a collect_md VXLAN device on the node) needs only the nodes' addresses (needsIPCache).
  const tunnel = ns.compiled.ifaces.some((ci) => ci.spec.kind === 'vxlan' && ci.spec.external === true);
  const out = wgPeers(machines, ns.name, tunnel ? 'tunnel' : 'native');
  byNode.set(ns.name, out);
  return out;
}

/** The peer whose AllowedIPs (all /32 here) hold `ip`, with the entry that matched. */
function peerFor(peers: readonly WgPeer[], ip: number): { peer: WgPeer; allowed: string } | null {
  const text = `${formatIp(ip)}/32`;
  for (const peer of peers) if (peer.allowedIps.includes(text)) return { peer, allowed: text };
  return null;
}

/** The frame as a device without a link-layer header carries it: the IP packet, with zero MACs. */
function rawFrame(f: WireFrame): WireFrame {
  return { eth: { src: ZERO_MAC, dst: ZERO_MAC, type: 'ipv4' }, arp: undefined, ipv4: f.ipv4, icmp: f.icmp, udp: f.udp, tcp: f.tcp, s: f.s, d: f.d, kind: f.kind, pkt: f.pkt, l2: 0, len: f.len, df: f.df, encap: f.encap };
}

/**
 * cil_to_netdev's WireGuard hook (wg_maybe_redirect_to_encrypt) for a frame about to leave NIC `dev`:
 * returns true when it redirected the frame to the namespace's WireGuard device (after logging it),
 * false when the frame leaves the NIC as usual.
 */
export function wgEgress(sim: Sim, dev: Iface, frame: WireFrame): boolean {
  if (!frame.ipv4 || frame.encap?.wireguard) return false;
  const wg = wgDevice(dev.ns);
  if (!wg) return false;
  let identity: number | undefined;
  if (!frame.encap?.vxlan) {
    // Native routing: a pod's packet to a pod of a node with a key; the host's own traffic stays clear.
    const dst = ciliumEndpoint(sim.world.index, frame.d);
    const src = ciliumEndpoint(sim.world.index, frame.s);
    // (The source must be a pod: identity_is_cluster and not the host's, unless node-to-node encryption is on.)
    if (!dst || !src || dst.node === dev.ns.name) return false;
    const remote = sim.world.index.specs.get(dst.node)?.spec;
    if (!remote || !remote.interfaces.some((i) => i.kind === 'wireguard')) return false;
    identity = src.identity;
  }
  sim.emit({ type: 'bpf', prog: 'cil_to_netdev', action: 'to-wireguard', ns: dev.ns.name, iface: dev.name, pkt: frame.pkt, dev: wg.name, ...(identity !== undefined ? { identity } : {}), seq: sim.seq, t: sim.now });
  wgXmit(sim, wg, rawFrame(frame), dev.mtu);
  return true;
}

/**
 * wg_xmit: `frame` (already without Ethernet) leaves through WireGuard device `wg`, routed with
 * MTU `mtu` (the limit of its padding): logged on the device, then encrypted for its peer, or staged
 * behind a handshake, or dropped when no peer's AllowedIPs hold its destination.
 */
export function wgXmit(sim: Sim, wg: Iface, frame: WireFrame, mtu = wg.mtu): void {
  emitFrame(sim, wg, 'out', sim.nextWire(), frame);
  const ns = wg.ns;
  const hit = peerFor(peersOf(sim, ns), frame.d);
  if (!hit) {
    sim.emit({ type: 'drop', ns: ns.name, iface: wg.name, reason: 'wg-no-peer', pkt: frame.pkt, ...(frame.ipv4 ? { ipv4: frame.ipv4 } : {}), nexthop: formatIp(frame.d), seq: sim.seq, t: sim.now });
    return;
  }
  const { peer, allowed } = hit;
  const st = stateOf(sim);
  const key = `${ns.name}>${peer.node}`;
  const session = st.sessions.get(key);
  if (session?.confirmed) {
    encryptOut(sim, wg, peer, allowed, session, frame, mtu);
    return;
  }
  let queue = st.staged.get(key);
  if (!queue) st.staged.set(key, (queue = []));
  queue.push({ frame, mtu });
  sim.emit({ type: 'wireguard', action: 'stage', ns: ns.name, iface: wg.name, pkt: frame.pkt, peer: peer.node, endpoint: peer.endpoint, allowed, staged: queue.length, seq: sim.seq, t: sim.now });
  if (st.initiated.has(key)) return;
  const sender = indexFor(ns.name, peer.node);
  st.initiated.set(key, sender);
  const pkt = sim.nextPacket();
  sim.emit({ type: 'wireguard', action: 'initiation', dir: 'send', ns: ns.name, iface: wg.name, pkt, peer: peer.node, endpoint: peer.endpoint, sender, seq: sim.seq, t: sim.now });
  udpOut(sim, wg, peer.ip, pkt, 'request', { type: 'initiation', sender, len: WG_INITIATION_LEN, opaque: WG_INITIATION_LEN - 8 }, undefined);
}

/** encrypt_packet + wg_socket_send_skb_to_peer for one packet with an established session. */
function encryptOut(sim: Sim, wg: Iface, peer: WgPeer, allowed: string, session: Session, frame: WireFrame, mtu: number): void {
  const counter = session.counter++;
  const innerLen = frame.len;
  const padded = wgPadded(innerLen, mtu);
  const payload = wgDataLen(innerLen, mtu);
  const outerLen = WG_OUTER_IP_UDP + payload;
  sim.emit({ type: 'wireguard', action: 'encrypt', ns: wg.ns.name, iface: wg.name, pkt: frame.pkt, peer: peer.node, endpoint: peer.endpoint, allowed, receiver: session.remoteIndex, counter, innerLen, padded, outerLen, mtu, seq: sim.seq, t: sim.now });
  udpOut(sim, wg, peer.ip, frame.pkt, frame.kind, { type: 'data', receiver: session.remoteIndex, counter, len: payload, opaque: payload - WG_DATA_HEADER }, frame);
}

/** A WireGuard message leaves the node: UDP 51871 → the peer's port, routed by the node's table. */
function udpOut(sim: Sim, wg: Iface, dst: number, pkt: number, kind: WireFrame['kind'], header: WireguardHeader, frame: WireFrame | undefined): void {
  const ns = wg.ns;
  const dstText = formatIp(dst);
  const route = lookupRoute(ns, dst);
  if (!route) {
    sim.emit({ type: 'route', pkt, ns: ns.name, dst: dstText, direction: 'output', route: null, result: 'unreachable', seq: sim.seq, t: sim.now });
    sim.emit({ type: 'drop', pkt, ns: ns.name, iface: wg.name, reason: 'no-route', direction: 'output', seq: sim.seq, t: sim.now });
    return;
  }
  const nexthop = route.gw ?? dst;
  const nhText = route.gwText ?? dstText;
  sim.emit({ type: 'route', pkt, ns: ns.name, dst: dstText, direction: 'output', route: route.text, result: 'send', nexthop: nhText, dev: route.dev.name, match: routeMatch(route), ...routeFacts(route), seq: sim.seq, t: sim.now });
  const local = selectSource(route, dst) ?? 0;
  // From the device's own port to the peer's endpoint, always Cilium's 51871 (agent.go updatePeer).
  const spec = ns.compiled.ifaces[ns.compiled.ifaceIndex.get(wg.name) ?? -1]?.spec;
  const sport = spec?.kind === 'wireguard' ? spec.listenPort : WG_PORT;
  const len = WG_OUTER_IP_UDP + header.len;
  const outer: Packet = {
    ipv4: { src: formatIp(local), dst: dstText, ttl: ns.defaultTtl, proto: 'udp' }, icmp: undefined, udp: { sport, dport: WG_PORT }, tcp: undefined,
    kind, s: local, d: dst, id: pkt, len, df: false, encap: { wireguard: header, frame },
  };
  const mtu = route.dev.mtu;
  if (len > mtu) fragmentOut(sim, ns, route.dev, outer, mtu, false, false, false, (f) => neighOutput(sim, route.dev, nexthop, nhText, f));
  else neighOutput(sim, route.dev, nexthop, nhText, outer);
}

/**
 * wg_receive: a UDP datagram `p` delivered in `ns`. Returns false when no WireGuard device of the
 * namespace listens on its port (then it is an ordinary datagram); otherwise the message is handled.
 */
export function wgRcv(sim: Sim, ns: Ns, p: Packet): boolean {
  const header = p.encap?.wireguard;
  const udp = p.udp;
  if (!header || !udp) return false;
  const wg = wgDevice(ns);
  const spec = wg ? ns.compiled.ifaces[ns.compiled.ifaceIndex.get(wg.name) ?? -1]?.spec : undefined;
  if (!wg || spec?.kind !== 'wireguard' || spec.listenPort !== udp.dport) return false;
  // The peer is known by its static key in a handshake and by its index in data; here, by its address.
  const peer = peersOf(sim, ns).find((x) => x.ip === p.s);
  if (!peer) {
    sim.emit({ type: 'drop', ns: ns.name, iface: wg.name, reason: 'wg-no-peer', pkt: p.id, ipv4: p.ipv4, nexthop: p.ipv4.src, seq: sim.seq, t: sim.now });
    return true;
  }
  const st = stateOf(sim);
  const key = `${ns.name}>${peer.node}`;
  if (header.type === 'initiation') {
    sim.emit({ type: 'wireguard', action: 'initiation', dir: 'receive', ns: ns.name, iface: wg.name, pkt: p.id, peer: peer.node, endpoint: peer.endpoint, sender: header.sender ?? 0, seq: sim.seq, t: sim.now });
    const local = indexFor(ns.name, peer.node);
    st.sessions.set(key, { remoteIndex: header.sender ?? 0, localIndex: local, counter: 0, confirmed: false });
    const pkt = sim.nextPacket();
    sim.emit({ type: 'wireguard', action: 'response', dir: 'send', ns: ns.name, iface: wg.name, pkt, peer: peer.node, endpoint: peer.endpoint, sender: local, receiver: header.sender ?? 0, seq: sim.seq, t: sim.now });
    udpOut(sim, wg, peer.ip, pkt, 'reply', { type: 'response', sender: local, receiver: header.sender ?? 0, len: WG_RESPONSE_LEN, opaque: WG_RESPONSE_LEN - 12 }, undefined);
    return true;
  }
  if (header.type === 'response') {
    const mine = st.initiated.get(key);
    sim.emit({ type: 'wireguard', action: 'response', dir: 'receive', ns: ns.name, iface: wg.name, pkt: p.id, peer: peer.node, endpoint: peer.endpoint, sender: header.sender ?? 0, receiver: header.receiver ?? 0, seq: sim.seq, t: sim.now });
    if (mine === undefined || mine !== header.receiver) return true;
    st.initiated.delete(key);
    const session: Session = { remoteIndex: header.sender ?? 0, localIndex: mine, counter: 0, confirmed: true };
    st.sessions.set(key, session);
    const queue = st.staged.get(key) ?? [];
    st.staged.delete(key);
    sim.emit({ type: 'wireguard', action: 'session', ns: ns.name, iface: wg.name, pkt: p.id, peer: peer.node, endpoint: peer.endpoint, staged: queue.length, seq: sim.seq, t: sim.now });
    const peers = peersOf(sim, ns);
    for (const s of queue) encryptOut(sim, wg, peer, peerFor(peers, s.frame.d)?.allowed ?? '', session, s.frame, s.mtu);
    return true;
  }
  const session = st.sessions.get(key);
  const inner = p.encap?.frame;
  if (!session || !inner) return true;
  // The first data message under the responder's new keys confirms them (wg_noise_received_with_keypair).
  session.confirmed = true;
  const allowed = peer.allowedIps.includes(`${formatIp(inner.s)}/32`) ? `${formatIp(inner.s)}/32` : undefined;
  sim.emit({ type: 'wireguard', action: 'decrypt', ns: ns.name, iface: wg.name, pkt: p.id, peer: peer.node, endpoint: peer.endpoint, counter: header.counter ?? 0, innerLen: inner.len, ...(allowed ? { allowed } : {}), seq: sim.seq, t: sim.now });
  if (!allowed) {
    sim.emit({ type: 'drop', ns: ns.name, iface: wg.name, reason: 'wg-unallowed-src', pkt: p.id, ...(inner.ipv4 ? { ipv4: inner.ipv4 } : {}), nexthop: peer.endpoint, seq: sim.seq, t: sim.now });
    return true;
  }
  rx(sim, wg, rawFrame(inner), sim.nextWire());
  return true;
}

/** The WireGuard pack's hooks, registered by packs.ts's loader (or core/allPacks.ts). */
export const wireguardPack: PackHooks['wireguard'] = { egress: wgEgress, xmit: (sim, wg, frame) => wgXmit(sim, wg, frame), rcv: wgRcv };
