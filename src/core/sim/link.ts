import type { Frame, PacketKind } from '../events';

/** What the UI needs to follow a frame: its colour class and its packet id. */
export interface Tag {
  kind: PacketKind;
  pkt: number;
}
import { BROADCAST_MAC, isGroupMac } from '../net/ipv4';
import { arpRcv } from './arp';
import { WIRE_DELAY_NS, type Sim } from './engine';
import { ipRcv } from './ip';
import type { Bridge, Iface, Segment } from './world';

/*
 * Layer 2: veth pairs, Linux bridges and the L2 segment's switch. Frame events are emitted where
 * `tcpdump -p` on that interface would see them: `out` in dev_queue_xmit, `in` in netif_receive.
 */


/** Transmits a frame on a device: a veth hands it to its peer, a NIC to its segment, a bridge to its ports. */
export function xmit(sim: Sim, dev: Iface, frame: Frame, tag: Tag): void {
  const wire = sim.nextWire();
  if (dev.bridge) {
    sim.emit({ type: 'frame', ns: dev.ns.name, iface: dev.name, dir: 'out', wire, kind: tag.kind, pkt: tag.pkt, ...frame });
    bridgeFromHost(sim, dev.bridge, frame, tag);
    return;
  }
  const peer = dev.peerRef ? sim.world.peer(dev) : null;
  sim.emit({ type: 'frame', ns: dev.ns.name, iface: dev.name, dir: 'out', wire, kind: tag.kind, pkt: tag.pkt, ...frame });
  if (peer) {
    sim.after(WIRE_DELAY_NS, () => rx(sim, peer, frame, wire, tag));
  } else if (dev.segment) {
    const seg = dev.segment;
    sim.after(WIRE_DELAY_NS, () => segmentRx(sim, seg, dev, frame, wire, tag));
  }
}

/** A frame arrives on a device: a bridge port hands it to its bridge, any other device to its IP stack. */
export function rx(sim: Sim, dev: Iface, frame: Frame, wire: number, tag: Tag): void {
  sim.emit({ type: 'frame', ns: dev.ns.name, iface: dev.name, dir: 'in', wire, kind: tag.kind, pkt: tag.pkt, ...frame });
  if (dev.master) bridgeRx(sim, dev.master, dev, frame, wire, tag);
  else hostRx(sim, dev, frame, tag);
}

/** Whether a MAC is the bridge's own or one of its ports' (a "local" FDB entry). */
function isLocalMac(br: Bridge, mac: string): boolean {
  if (br.dev.mac === mac) return true;
  for (const p of br.ports) if (p.mac === mac) return true;
  return false;
}

/** br_handle_frame_finish: learn the source, then forward, flood, or pass up to the host. */
function bridgeRx(sim: Sim, br: Bridge, port: Iface, frame: Frame, wire: number, tag: Tag): void {
  const ns = br.dev.ns.name;
  const { src, dst } = frame.eth;
  if (!isGroupMac(src) && !isLocalMac(br, src) && br.fdb.get(src) !== port) {
    br.fdb.set(src, port);
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'learn', mac: src, ports: [port.name], ingress: port.name, pkt: tag.pkt });
  }
  if (isGroupMac(dst)) {
    const ports = br.ports.filter((p) => p !== port);
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'flood', mac: dst, ports: ports.map((p) => p.name), ingress: port.name, pkt: tag.pkt });
    for (const p of ports) xmit(sim, p, frame, tag);
    passUp(sim, br, frame, wire, tag);
    return;
  }
  if (isLocalMac(br, dst)) {
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'local', mac: dst, ports: [br.dev.name], ingress: port.name, pkt: tag.pkt });
    passUp(sim, br, frame, wire, tag);
    return;
  }
  const out = br.fdb.get(dst);
  if (out === port) {
    sim.emit({ type: 'drop', ns, iface: port.name, reason: 'bridge-no-port', pkt: tag.pkt });
    return;
  }
  if (out) {
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'forward', mac: dst, ports: [out.name], ingress: port.name, pkt: tag.pkt });
    xmit(sim, out, frame, tag);
    return;
  }
  const ports = br.ports.filter((p) => p !== port);
  sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'flood', mac: dst, ports: ports.map((p) => p.name), ingress: port.name, pkt: tag.pkt });
  for (const p of ports) xmit(sim, p, frame, tag);
}

/** br_pass_frame_up: the frame is received again, now on the bridge device. */
function passUp(sim: Sim, br: Bridge, frame: Frame, wire: number, tag: Tag): void {
  sim.emit({ type: 'frame', ns: br.dev.ns.name, iface: br.dev.name, dir: 'in', wire, kind: tag.kind, pkt: tag.pkt, ...frame });
  hostRx(sim, br.dev, frame, tag);
}

/** br_dev_xmit: the host sends through the bridge device; the FDB picks the port. */
function bridgeFromHost(sim: Sim, br: Bridge, frame: Frame, tag: Tag): void {
  const ns = br.dev.ns.name;
  const dst = frame.eth.dst;
  const out = isGroupMac(dst) ? undefined : br.fdb.get(dst);
  if (out) {
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'forward', mac: dst, ports: [out.name], pkt: tag.pkt });
    xmit(sim, out, frame, tag);
    return;
  }
  sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'flood', mac: dst, ports: br.ports.map((p) => p.name), pkt: tag.pkt });
  for (const p of br.ports) xmit(sim, p, frame, tag);
}

/** Every NIC on the segment, in topology order. */
function segmentPorts(sim: Sim, seg: Segment): Iface[] {
  const out: Iface[] = [];
  for (const ref of seg.portRefs) {
    const p = sim.world.port(ref);
    if (p) out.push(p);
  }
  return out;
}

/** The segment's switch: a learning bridge between NICs, with no namespace of its own. */
function segmentRx(sim: Sim, seg: Segment, from: Iface, frame: Frame, wire: number, tag: Tag): void {
  const { src, dst } = frame.eth;
  if (!isGroupMac(src) && seg.fdb.get(src) !== from) {
    seg.fdb.set(src, from);
    sim.emit({ type: 'fdb', scope: 'segment', ns: seg.id, bridge: seg.id, action: 'learn', mac: src, ports: [`${from.ns.name}/${from.name}`], ingress: `${from.ns.name}/${from.name}`, pkt: tag.pkt });
  }
  const known = isGroupMac(dst) ? undefined : seg.fdb.get(dst);
  const targets = known ? (known === from ? [] : [known]) : segmentPorts(sim, seg).filter((p) => p !== from);
  const names = targets.map((p) => `${p.ns.name}/${p.name}`);
  sim.emit({ type: 'fdb', scope: 'segment', ns: seg.id, bridge: seg.id, action: known ? 'forward' : 'flood', mac: dst, ports: names, ingress: `${from.ns.name}/${from.name}`, pkt: tag.pkt });
  for (const p of targets) sim.after(WIRE_DELAY_NS, () => rx(sim, p, frame, wire, tag));
}

/** The host accepts frames to its MAC or broadcast (PACKET_HOST/BROADCAST); others are PACKET_OTHERHOST and dropped. */
function hostRx(sim: Sim, dev: Iface, frame: Frame, tag: Tag): void {
  const dst = frame.eth.dst;
  const mine = dst === dev.mac || (dev.bridge !== null && isLocalMac(dev.bridge, dst));
  if (!mine && dst !== BROADCAST_MAC) {
    sim.emit({ type: 'drop', ns: dev.ns.name, iface: dev.name, reason: 'not-for-us', pkt: tag.pkt, dstMac: dst, ifaceMac: dev.mac });
    return;
  }
  if (frame.arp) arpRcv(sim, dev, frame, dst === dev.mac || mine, tag.pkt);
  else if (frame.ipv4) ipRcv(sim, dev, frame, tag.pkt);
}
