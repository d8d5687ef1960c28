import type { Bilingual, Frame, PacketKind } from '../events';

/** What the UI needs to follow a frame: its colour class and its packet id. */
export interface Tag {
  kind: PacketKind;
  pkt: number;
}
import { lazy } from '../explain/lazy';
import { bi, frameSummary } from '../explain/describe';
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
  const what = (): Bilingual => frameSummary(frame);
  if (dev.bridge) {
    sim.emit({ type: 'frame', ns: dev.ns.name, iface: dev.name, dir: 'out', wire, kind: tag.kind, pkt: tag.pkt, ...frame,
      explain: lazy(() => bi(`${dev.ns.name} sends ${what().en} out of the bridge device ${dev.name}; the bridge now picks the port.`,
        `${dev.ns.name} отправляет ${what().ru} через устройство моста ${dev.name}; мост выбирает порт.`)) });
    bridgeFromHost(sim, dev.bridge, frame, tag);
    return;
  }
  const peer = dev.peerRef ? sim.world.peer(dev) : null;
  const peerText = peer ? `${peer.ns.name}/${peer.name}` : dev.segment ? `segment ${dev.segment.id}` : 'nowhere';
  sim.emit({ type: 'frame', ns: dev.ns.name, iface: dev.name, dir: 'out', wire, kind: tag.kind, pkt: tag.pkt, ...frame,
    explain: lazy(() => dev.kind === 'veth'
      ? bi(`${what().en} leaves ${dev.ns.name} through ${dev.name}, one end of a veth pair: whatever enters one end comes out of the other (${peerText}).`,
          `${what().ru} покидает ${dev.ns.name} через ${dev.name} — конец пары veth: всё, что входит в один конец, выходит из другого (${peerText}).`)
      : bi(`${what().en} leaves ${dev.ns.name} through its NIC ${dev.name} onto the L2 segment.`,
          `${what().ru} покидает ${dev.ns.name} через сетевую карту ${dev.name} в L2-сегмент.`)) });
  if (peer) {
    sim.after(WIRE_DELAY_NS, () => rx(sim, peer, frame, wire, tag));
  } else if (dev.segment) {
    const seg = dev.segment;
    sim.after(WIRE_DELAY_NS, () => segmentRx(sim, seg, dev, frame, wire, tag));
  }
}

/** A frame arrives on a device: a bridge port hands it to its bridge, any other device to its IP stack. */
export function rx(sim: Sim, dev: Iface, frame: Frame, wire: number, tag: Tag): void {
  const what = (): Bilingual => frameSummary(frame);
  sim.emit({ type: 'frame', ns: dev.ns.name, iface: dev.name, dir: 'in', wire, kind: tag.kind, pkt: tag.pkt, ...frame,
    explain: lazy(() => dev.master
      ? bi(`${what().en} arrives on ${dev.name} in ${dev.ns.name}. ${dev.name} is a port of bridge ${dev.master.dev.name}, so the bridge, not IP, decides what happens next.`,
          `${what().ru} приходит на ${dev.name} в ${dev.ns.name}. ${dev.name} — порт моста ${dev.master.dev.name}, поэтому дальше решает мост, а не IP.`)
      : bi(`${what().en} arrives on ${dev.name} in ${dev.ns.name}.`, `${what().ru} приходит на ${dev.name} в ${dev.ns.name}.`)) });
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
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'learn', mac: src, ports: [port.name],
      explain: lazy(() => bi(`Bridge ${br.dev.name} learns that ${src} is behind port ${port.name}, from the frame's source address.`,
        `Мост ${br.dev.name} запоминает, что ${src} находится за портом ${port.name}, по адресу отправителя кадра.`)) });
  }
  if (isGroupMac(dst)) {
    const ports = br.ports.filter((p) => p !== port);
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'flood', mac: dst, ports: ports.map((p) => p.name),
      explain: lazy(() => bi(`${dst} is a broadcast address: bridge ${br.dev.name} floods the frame to every other port (${ports.map((p) => p.name).join(', ') || 'none'}) and also passes a copy up to ${br.dev.name} itself, the host's interface on this bridge.`,
        `${dst} — широковещательный адрес: мост ${br.dev.name} рассылает кадр во все остальные порты (${ports.map((p) => p.name).join(', ') || 'нет'}) и передаёт копию наверх, самому ${br.dev.name} — интерфейсу хоста на этом мосту.`)) });
    for (const p of ports) xmit(sim, p, frame, tag);
    passUp(sim, br, frame, wire, tag);
    return;
  }
  if (isLocalMac(br, dst)) {
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'local', mac: dst, ports: [br.dev.name],
      explain: lazy(() => bi(`${dst} belongs to the bridge itself, so the frame is not switched to a port: it goes up to ${br.dev.name} and into ${ns}'s IP stack.`,
        `${dst} принадлежит самому мосту, поэтому кадр не коммутируется в порт, а поднимается на ${br.dev.name} в IP-стек ${ns}.`)) });
    passUp(sim, br, frame, wire, tag);
    return;
  }
  const out = br.fdb.get(dst);
  if (out === port) {
    sim.emit({ type: 'drop', ns, iface: port.name, reason: 'bridge-no-port', pkt: tag.pkt,
      explain: lazy(() => bi(`${dst} is behind the port the frame came in on; without hairpin mode a bridge never sends a frame back out of its ingress port.`,
        `${dst} находится за тем же портом, откуда пришёл кадр; без режима hairpin мост не отправляет кадр обратно во входной порт.`)) });
    return;
  }
  if (out) {
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'forward', mac: dst, ports: [out.name],
      explain: lazy(() => bi(`Bridge ${br.dev.name} knows ${dst} is behind ${out.name} and switches the frame there only. The IP stack never sees it: no routing, no TTL change.`,
        `Мост ${br.dev.name} знает, что ${dst} за портом ${out.name}, и коммутирует кадр только туда. IP-стек его не видит: ни маршрутизации, ни изменения TTL.`)) });
    xmit(sim, out, frame, tag);
    return;
  }
  const ports = br.ports.filter((p) => p !== port);
  sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'flood', mac: dst, ports: ports.map((p) => p.name),
    explain: lazy(() => bi(`Bridge ${br.dev.name} has not learned ${dst} yet, so it floods this unknown unicast frame to every other port.`,
      `Мост ${br.dev.name} ещё не знает ${dst}, поэтому рассылает этот кадр с неизвестным адресатом во все остальные порты.`)) });
  for (const p of ports) xmit(sim, p, frame, tag);
}

/** br_pass_frame_up: the frame is received again, now on the bridge device. */
function passUp(sim: Sim, br: Bridge, frame: Frame, wire: number, tag: Tag): void {
  const what = (): Bilingual => frameSummary(frame);
  sim.emit({ type: 'frame', ns: br.dev.ns.name, iface: br.dev.name, dir: 'in', wire, kind: tag.kind, pkt: tag.pkt, ...frame,
    explain: lazy(() => bi(`${what().en} is received by ${br.dev.name}, the bridge's own interface: from here the host's IP stack handles it.`,
      `${br.dev.name}, собственный интерфейс моста, принимает ${what().ru}: дальше им занимается IP-стек хоста.`)) });
  hostRx(sim, br.dev, frame, tag);
}

/** br_dev_xmit: the host sends through the bridge device; the FDB picks the port. */
function bridgeFromHost(sim: Sim, br: Bridge, frame: Frame, tag: Tag): void {
  const ns = br.dev.ns.name;
  const dst = frame.eth.dst;
  const out = isGroupMac(dst) ? undefined : br.fdb.get(dst);
  if (out) {
    sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'forward', mac: dst, ports: [out.name],
      explain: lazy(() => bi(`The FDB of ${br.dev.name} says ${dst} is behind ${out.name}.`, `FDB моста ${br.dev.name}: ${dst} находится за ${out.name}.`)) });
    xmit(sim, out, frame, tag);
    return;
  }
  sim.emit({ type: 'fdb', scope: 'bridge', ns, bridge: br.dev.name, action: 'flood', mac: dst, ports: br.ports.map((p) => p.name),
    explain: lazy(() => isGroupMac(dst)
      ? bi(`A broadcast from the host goes out of every port of ${br.dev.name}.`, `Широковещательный кадр хоста уходит во все порты ${br.dev.name}.`)
      : bi(`${br.dev.name} has not learned ${dst}, so it floods the frame to all ports.`, `${br.dev.name} ещё не знает ${dst} и рассылает кадр во все порты.`)) });
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
    sim.emit({ type: 'fdb', scope: 'segment', ns: seg.id, bridge: seg.id, action: 'learn', mac: src, ports: [`${from.ns.name}/${from.name}`],
      explain: lazy(() => bi(`The switch of segment ${seg.id} learns ${src} on the port to ${from.ns.name}.`, `Коммутатор сегмента ${seg.id} запоминает ${src} на порту к ${from.ns.name}.`)) });
  }
  const known = isGroupMac(dst) ? undefined : seg.fdb.get(dst);
  const targets = known ? (known === from ? [] : [known]) : segmentPorts(sim, seg).filter((p) => p !== from);
  const names = targets.map((p) => `${p.ns.name}/${p.name}`);
  sim.emit({ type: 'fdb', scope: 'segment', ns: seg.id, bridge: seg.id, action: known ? 'forward' : 'flood', mac: dst, ports: names,
    explain: lazy(() => known
      ? bi(`The switch knows ${dst} and delivers the frame only to ${names.join(', ') || 'nobody'}; other machines never see it.`,
          `Коммутатор знает ${dst} и доставляет кадр только на ${names.join(', ') || 'никуда'}; остальные машины его не видят.`)
      : bi(`The switch floods the frame (${isGroupMac(dst) ? 'broadcast' : 'unknown destination'}) to ${names.join(', ') || 'nobody'}.`,
          `Коммутатор рассылает кадр (${isGroupMac(dst) ? 'широковещательный' : 'адресат неизвестен'}) на ${names.join(', ') || 'никуда'}.`)) });
  for (const p of targets) sim.after(WIRE_DELAY_NS, () => rx(sim, p, frame, wire, tag));
}

/** The host accepts frames to its MAC or broadcast (PACKET_HOST/BROADCAST); others are PACKET_OTHERHOST and dropped. */
function hostRx(sim: Sim, dev: Iface, frame: Frame, tag: Tag): void {
  const dst = frame.eth.dst;
  const mine = dst === dev.mac || (dev.bridge !== null && isLocalMac(dev.bridge, dst));
  if (!mine && dst !== BROADCAST_MAC) {
    sim.emit({ type: 'drop', ns: dev.ns.name, iface: dev.name, reason: 'not-for-us', pkt: tag.pkt,
      explain: lazy(() => bi(`${dev.ns.name} drops the frame: it is addressed to ${dst}, not to ${dev.name}'s ${dev.mac}. It only arrived because a switch flooded it.`,
        `${dev.ns.name} отбрасывает кадр: он адресован ${dst}, а не ${dev.mac} интерфейса ${dev.name}. Он пришёл лишь потому, что коммутатор разослал его всем.`)) });
    return;
  }
  if (frame.arp) arpRcv(sim, dev, frame, dst === dev.mac || mine, tag.pkt);
  else if (frame.ipv4) ipRcv(sim, dev, frame, tag.pkt);
}
