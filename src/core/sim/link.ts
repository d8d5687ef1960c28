import type { FdbEvent, Frame, FrameEvent } from '../events';
import { BROADCAST_MAC, isGroupMac } from '../net/ipv4';
import { arpRcv } from './arp';
import { WIRE_DELAY_NS, type Sim } from './engine';
import { ipRcv } from './ip';
import { broadcastRcv, takenAsBroadcast } from './broadcast';
import type { WireFrame } from './packet';
import type { TunnelKey } from './vxlan';
import { pack } from './packs';
import { hearQuietly, portPath } from './hear';
import type { Bridge, Iface, PortRef, Segment } from './world';

/*
 * Layer 2: veth pairs, Linux bridges and the L2 segment's switch. Frame events are emitted where
 * `tcpdump -p` on that interface would see them: `out` in dev_queue_xmit, `in` in netif_receive.
 */

/**
 * Logs `frame` as seen on `dev`, as one object literal per layer combination the engine builds
 * (ARP, or IPv4 with ICMP, UDP or TCP) with the fields in the order events always had. The header
 * objects are shared with the frame and with the other events of its journey: nothing mutates a
 * header once a frame carries it (forwarding copies the packet to change its TTL, see withTtl).
 */
export function emitFrame(sim: Sim, dev: Iface, dir: 'in' | 'out', wire: number, f: WireFrame): void {
  if (dev.kind === 'wireguard' || dev.kind === 'ipip') {
    // No link-layer header on a WireGuard device or an IPIP tunnel (LINKTYPE_RAW): the IP packet alone, marked raw.
    const { eth, ipv4, icmp, udp, tcp, kind, pkt, len, df, encap } = f;
    const layers: Frame = { eth };
    if (ipv4) layers.ipv4 = ipv4;
    if (icmp) layers.icmp = icmp;
    if (udp) layers.udp = udp;
    if (tcp) layers.tcp = tcp;
    if (encap?.vxlan) {
      layers.vxlan = encap.vxlan;
      layers.inner = encap.inner;
    }
    sim.emit({ type: 'frame', ns: dev.ns.name, iface: dev.name, dir, wire, kind, pkt, ...layers, raw: true, len, df, seq: sim.seq, t: sim.now });
    return;
  }
  logFrame(sim, dev.ns.name, dev.name, dir, wire, f);
}

/** `emitFrame` for a device named by its namespace and name (a NIC hearing a flood quietly, hear.ts). */
function logFrame(sim: Sim, ns: string, iface: string, dir: 'in' | 'out', wire: number, f: WireFrame): void {
  const { eth, arp, ipv4, icmp, udp, tcp, kind, pkt, len, df, encap } = f;
  let e: FrameEvent;
  if (encap?.wireguard) {
    // A WireGuard datagram: its outer layers and the message's cleartext header; the rest is ciphertext.
    const wireguard = encap.wireguard;
    e = ipv4 && udp ? { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, ipv4, udp, wireguard, len, df, seq: sim.seq, t: sim.now } : { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, ...(ipv4 ? { ipv4 } : {}), len, df, seq: sim.seq, t: sim.now };
  } else if (encap) {
    // A VXLAN datagram: its outer layers, then the VXLAN header and the frame it carries; an
    // IP-in-IP packet: its outer layers, the mark, and the packet it holds (a fragment: its outer layers only).
    const { vxlan, ipip, inner } = encap;
    if (ipv4 && udp && vxlan) e = { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, ipv4, udp, vxlan, inner, len, df, seq: sim.seq, t: sim.now };
    else if (ipv4 && ipip && ipv4.fragOffset === undefined) e = { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, ipv4, ipip, inner, len, df, seq: sim.seq, t: sim.now };
    else e = { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, ...(ipv4 ? { ipv4 } : {}), len, df, seq: sim.seq, t: sim.now };
  } else if (arp && !ipv4 && !icmp && !udp && !tcp) e = { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, arp, seq: sim.seq, t: sim.now };
  else if (ipv4 && !arp && icmp && !udp && !tcp) e = { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, ipv4, icmp, len, df, seq: sim.seq, t: sim.now };
  else if (ipv4 && !arp && udp && !icmp && !tcp) e = { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, ipv4, udp, len, df, seq: sim.seq, t: sim.now };
  else if (ipv4 && !arp && tcp && !icmp && !udp) e = { type: 'frame', ns, iface, dir, wire, kind, pkt, eth, ipv4, tcp, len, df, seq: sim.seq, t: sim.now };
  else {
    // Any other combination (none today): its layers in the usual order, without `s` and `d`.
    const layers: Frame = { eth };
    if (arp) layers.arp = arp;
    if (ipv4) layers.ipv4 = ipv4;
    if (icmp) layers.icmp = icmp;
    if (udp) layers.udp = udp;
    if (tcp) layers.tcp = tcp;
    e = ipv4 ? { type: 'frame', ns, iface, dir, wire, kind, pkt, ...layers, len, df, seq: sim.seq, t: sim.now } : { type: 'frame', ns, iface, dir, wire, kind, pkt, ...layers, seq: sim.seq, t: sim.now };
  }
  sim.emit(e);
}

/** Logs an FDB decision; `ingress` is null when the host sent through the bridge device. */
function emitFdb(sim: Sim, scope: FdbEvent['scope'], ns: string, bridge: string, action: FdbEvent['action'], mac: string, ports: string[], ingress: string | null, pkt: number): void {
  sim.emit(
    ingress === null
      ? { type: 'fdb', scope, ns, bridge, action, mac, ports, pkt, seq: sim.seq, t: sim.now }
      : { type: 'fdb', scope, ns, bridge, action, mac, ports, ingress, pkt, seq: sim.seq, t: sim.now },
  );
}

/*
 * L2 loops. A bridge floods a broadcast (or a frame to an unknown MAC) out of every other port; if
 * two of its ports meet (a veth pair inside one bridge, two bridged NICs on one segment, two hosts
 * bridging the same two segments), the copies come back and are flooded again, forever: Linux
 * without STP storms too. A frame that reaches bridges and switches more often than the topology has
 * them has gone round a loop; the engine lets the storm run for STORM_COPIES more crossings, then
 * stops copying that frame with an `l2-loop` drop at the switch where it is cut. Each new frame (the
 * next ARP retry) storms and is cut the same way; the run's budget bounds the rest (engine.ts).
 */
export const STORM_COPIES = 16;

/**
 * Counts one more crossing of a bridge or switch by `frame`. Returns false, after logging the cut,
 * once the frame has gone round a loop STORM_COPIES times too often: then nothing forwards it.
 * A frame that crosses no more switches than there are segments is cleared without a lookup.
 */
function crossing(sim: Sim, frame: WireFrame, ns: string, bridge: string, iface: string): boolean {
  const n = ++frame.l2;
  if (n <= sim.world.segments.size) return true;
  if (sim.l2Free < 0) sim.l2Free = sim.world.index.switches;
  if (n <= sim.l2Free + STORM_COPIES) return true;
  sim.emit({ type: 'drop', ns, iface, reason: 'l2-loop', pkt: frame.pkt, bridge, copies: n, seq: sim.seq, t: sim.now });
  return false;
}

/** Transmits a frame on a device: a veth hands it to its peer, a NIC to its segment, a bridge to its ports, a VXLAN device to its remote VTEP. */
export function xmit(sim: Sim, dev: Iface, frame: WireFrame): void {
  // Cilium's cil_to_netdev at a NIC's tc egress may hand the frame to WireGuard before tcpdump's tap.
  if (dev.kind === 'ether' && dev.ns.hasWireguard && pack('wireguard').egress(sim, dev, frame)) return;
  if (dev.kind === 'wireguard') {
    pack('wireguard').xmit(sim, dev, frame);
    return;
  }
  const wire = sim.nextWire();
  if (dev.kind === 'vxlan') {
    emitFrame(sim, dev, 'out', wire, frame);
    pack('vxlan').xmit(sim, dev, frame);
    return;
  }
  if (dev.bridge) {
    emitFrame(sim, dev, 'out', wire, frame);
    bridgeFromHost(sim, dev.bridge, frame);
    return;
  }
  const peer = dev.peerRef ? sim.world.peer(dev) : null;
  emitFrame(sim, dev, 'out', wire, frame);
  if (peer) {
    sim.after(WIRE_DELAY_NS, { op: 'rx', dev: peer, frame, wire });
  } else if (dev.segment) {
    sim.after(WIRE_DELAY_NS, { op: 'switch', seg: dev.segment, from: dev, frame, wire });
  }
}

/**
 * A BPF program's redirect to a collect_md VXLAN device (Cilium's cilium_vxlan): tcpdump sees the
 * frame leave the device, which encapsulates it with the tunnel key the program set.
 */
export function xmitTunnel(sim: Sim, dev: Iface, frame: WireFrame, key: TunnelKey): void {
  emitFrame(sim, dev, 'out', sim.nextWire(), frame);
  pack('vxlan').xmit(sim, dev, frame, key);
}

/**
 * A frame arrives on a device: tcpdump sees it, then a tc ingress program (Cilium's) may take it;
 * otherwise a bridge port hands it to its bridge, any other device to its IP stack.
 */
export function rx(sim: Sim, dev: Iface, frame: WireFrame, wire: number): void {
  emitFrame(sim, dev, 'in', wire, frame);
  if (dev.bpf !== null && pack('bpf').ingress(sim, dev, frame)) return;
  // A vport of an OVS datapath hands what it receives to the datapath (netdev_frame_hook).
  if (dev.vport !== null) {
    pack('ovs').receive(sim, dev, frame);
    return;
  }
  if (dev.master) bridgeRx(sim, dev.master, dev, frame, wire);
  else hostRx(sim, dev, frame);
}

/** Whether a MAC is the bridge's own or one of its ports' (a "local" FDB entry). */
function isLocalMac(br: Bridge, mac: string): boolean {
  if (br.dev.mac === mac) return true;
  for (const p of br.ports) if (p.mac === mac) return true;
  return false;
}

/*
 * A bridge's or segment's FDB only ever learns source MACs that are neither group addresses nor
 * (for a bridge) local ones: see the learning checks below. So a MAC found in an FDB is a plain
 * unicast address, and the FDB is consulted first; the group and local tests run only on a miss.
 */

/** br_handle_frame_finish: learn the source, then forward, flood, or pass up to the host. */
function bridgeRx(sim: Sim, br: Bridge, port: Iface, frame: WireFrame, wire: number): void {
  const ns = br.dev.ns.name;
  if (!crossing(sim, frame, ns, br.dev.name, port.name)) return;
  const { src, dst } = frame.eth;
  if (br.fdb.get(src) !== port && !isGroupMac(src) && !isLocalMac(br, src)) {
    br.fdb.set(src, port);
    emitFdb(sim, 'bridge', ns, br.dev.name, 'learn', src, [port.name], port.name, frame.pkt);
  }
  const out = br.fdb.get(dst);
  if (out === undefined) {
    if (isGroupMac(dst)) {
      flood(sim, br, port, frame);
      passUp(sim, br, frame, wire);
    } else if (isLocalMac(br, dst)) {
      emitFdb(sim, 'bridge', ns, br.dev.name, 'local', dst, [br.dev.name], port.name, frame.pkt);
      passUp(sim, br, frame, wire);
    } else {
      flood(sim, br, port, frame);
    }
    return;
  }
  if (out === port) {
    sim.emit({ type: 'drop', ns, iface: port.name, reason: 'bridge-no-port', pkt: frame.pkt, seq: sim.seq, t: sim.now });
    return;
  }
  emitFdb(sim, 'bridge', ns, br.dev.name, 'forward', dst, [out.name], port.name, frame.pkt);
  xmit(sim, out, frame);
}

/** Floods a frame that came in on `port` out of every other port (br_flood), newest port first. */
function flood(sim: Sim, br: Bridge, port: Iface, frame: WireFrame): void {
  const ports: Iface[] = [];
  const names: string[] = [];
  for (const p of br.ports) {
    if (p === port) continue;
    ports.push(p);
    names.push(p.name);
  }
  emitFdb(sim, 'bridge', br.dev.ns.name, br.dev.name, 'flood', frame.eth.dst, names, port.name, frame.pkt);
  for (const p of ports) xmit(sim, p, frame);
}

/** br_pass_frame_up: the frame is received again, now on the bridge device. */
function passUp(sim: Sim, br: Bridge, frame: WireFrame, wire: number): void {
  emitFrame(sim, br.dev, 'in', wire, frame);
  hostRx(sim, br.dev, frame);
}

/** br_dev_xmit: the host sends through the bridge device; the FDB picks the port. */
function bridgeFromHost(sim: Sim, br: Bridge, frame: WireFrame): void {
  const ns = br.dev.ns.name;
  if (!crossing(sim, frame, ns, br.dev.name, br.dev.name)) return;
  const dst = frame.eth.dst;
  const out = br.fdb.get(dst);
  if (out) {
    emitFdb(sim, 'bridge', ns, br.dev.name, 'forward', dst, [out.name], null, frame.pkt);
    xmit(sim, out, frame);
    return;
  }
  emitFdb(sim, 'bridge', ns, br.dev.name, 'flood', dst, br.ports.map((p) => p.name), null, frame.pkt);
  for (const p of br.ports) xmit(sim, p, frame);
}

/** The segment's switch: a learning bridge between NICs, with no namespace of its own. */
export function segmentRx(sim: Sim, seg: Segment, from: Iface, frame: WireFrame, wire: number): void {
  if (!crossing(sim, frame, seg.id, seg.id, from.path)) return;
  const { src, dst } = frame.eth;
  if (seg.fdb.get(src) !== from && !isGroupMac(src)) {
    seg.fdb.set(src, from);
    emitFdb(sim, 'segment', seg.id, seg.id, 'learn', src, [from.path], from.path, frame.pkt);
  }
  const known = seg.fdb.get(dst);
  if (known) {
    // Forward to the known port (a frame back out of its own port goes nowhere).
    const names = known === from ? [] : [known.path];
    emitFdb(sim, 'segment', seg.id, seg.id, 'forward', dst, names, from.path, frame.pkt);
    if (known !== from) sim.after(WIRE_DELAY_NS, { op: 'rx', dev: known, frame, wire });
    return;
  }
  if (sim.world.hearEvery) return floodBuilt(sim, seg, from, frame, wire);
  // Flood to every other NIC on the segment in topology order. Each is reached now (where its
  // namespace used to be built) and hears the frame later, quietly when that changes nothing there.
  sim.world.reachAll(seg.portRefs);
  const targets: PortRef[] = [];
  const names: string[] = [];
  const fromNs = from.ns.name;
  for (const ref of seg.portRefs) {
    if (ref.iface === from.name && ref.ns === fromNs) continue;
    targets.push(ref);
    names.push(portPath(ref));
  }
  emitFdb(sim, 'segment', seg.id, seg.id, 'flood', dst, names, from.path, frame.pkt);
  for (const ref of targets) sim.after(WIRE_DELAY_NS, { op: 'hear', ref, frame, wire });
}

/** The flood as it was before quiet hearing: every NIC's namespace built at once, each NIC receiving through rx(). */
function floodBuilt(sim: Sim, seg: Segment, from: Iface, frame: WireFrame, wire: number): void {
  const targets: Iface[] = [];
  const names: string[] = [];
  for (const ref of seg.portRefs) {
    const p = sim.world.port(ref);
    if (!p || p === from) continue;
    targets.push(p);
    names.push(p.path);
  }
  emitFdb(sim, 'segment', seg.id, seg.id, 'flood', frame.eth.dst, names, from.path, frame.pkt);
  for (const p of targets) sim.after(WIRE_DELAY_NS, { op: 'rx', dev: p, frame, wire });
}

/** A flooded frame reaches the NIC `ref`: quietly when that changes nothing there (hear.ts), else through rx(). */
export function hear(sim: Sim, ref: PortRef, frame: WireFrame, wire: number): void {
  if (hearQuietly(sim, ref, frame, wire, logIn)) return;
  const dev = sim.world.port(ref);
  if (dev) rx(sim, dev, frame, wire);
}

function logIn(sim: Sim, ns: string, iface: string, wire: number, f: WireFrame): void {
  logFrame(sim, ns, iface, 'in', wire, f);
}

/** The host accepts frames to its MAC or broadcast (PACKET_HOST/BROADCAST); others are PACKET_OTHERHOST and dropped. */
function hostRx(sim: Sim, dev: Iface, frame: WireFrame): void {
  const dst = frame.eth.dst;
  const mine = dst === dev.mac || (dev.bridge !== null && isLocalMac(dev.bridge, dst));
  if (!mine && dst !== BROADCAST_MAC) {
    sim.emit({ type: 'drop', ns: dev.ns.name, iface: dev.name, reason: 'not-for-us', pkt: frame.pkt, dstMac: dst, ifaceMac: dev.mac, seq: sim.seq, t: sim.now });
    return;
  }
  if (frame.arp) arpRcv(sim, dev, frame, dst === dev.mac || mine, frame.pkt);
  else if (frame.ipv4) {
    // ip_route_input: a destination the local table calls broadcast is taken in as one (brd_input).
    if (takenAsBroadcast(dev, frame)) broadcastRcv(sim, dev, frame);
    else ipRcv(sim, dev, frame, frame.pkt);
  }
}
