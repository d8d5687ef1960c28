import type { Frame } from '../events';
import type { VxlanIface } from '../model/topology';
import { formatIp, parseIp, ZERO_MAC } from '../net/ipv4';
import { neighOutput } from './arp';
import type { Sim } from './engine';
import type { PackHooks } from './packs';
import { fragmentOut } from './fragment';
import { routeFacts } from './ip';
import { rx } from './link';
import type { Packet, WireFrame } from './packet';
import { lookupRoute, routeMatch, selectSource, type Iface, type Ns } from './world';

/*
 * The VXLAN device (drivers/net/vxlan/vxlan_core.c), as the kernel lab showed it on 6.18 with
 * flannel's settings (`flannel-vxlan-*` fixtures):
 * - vxlan_xmit: the frame sent through the device (seen there by tcpdump as it is) is looked up in
 *   the device's FDB by its destination MAC (vxlan_find_mac); without an entry, the all-zero
 *   default entry; without that, it is dropped (SKB_DROP_REASON_VXLAN_NO_REMOTE). Learning plays no
 *   part in sending.
 * - vxlan_xmit_one: the outer route is looked up to the remote VTEP (vxlan_get_route); the outer
 *   IPv4 header has TTL ip4_dst_hoplimit() (the namespace's ip_default_ttl, as `ttl` is unset), TOS
 *   0 (`tos` unset), no DF (`df` unset), an IP id from __ip_select_ident (random, not modelled),
 *   and a UDP checksum (udp_sum: the lab's captures carry one). The UDP source port is
 *   udp_flow_src_port(): a flow hash of the inner packet scaled into 32768-60999. The kernel seeds
 *   that hash once per boot (hashrnd), so its value changes from boot to boot while one flow keeps
 *   one port, the same both ways (the hash orders the addresses): the engine uses its own fixed
 *   seed, and the kernel comparison masks the port by identity (verify/compareTraces.ts).
 * - vxlan_rcv: a datagram to the device's port, delivered locally, whose VNI a device of the
 *   namespace has, gives up its inner frame, which is received on the VXLAN device itself (tcpdump
 *   sees it there as `in`, with the outer frame's timestamp) and routed normally; with learning on,
 *   the inner source MAC is learned against the outer source address (vxlan_snoop).
 */

/** UDP and VXLAN headers, and the outer IPv4 header, around the inner frame (bytes). */
const UDP_VXLAN_LEN = 8 + 8;
const IP_LEN = 20;
const ETH_LEN = 14;

/** The local port range udp_flow_src_port() scales into (ip_local_port_range's default). */
const PORT_MIN = 32768;
const PORT_MAX = 61000;

/** The device's own settings (from its spec). */
function specOf(dev: Iface): VxlanIface | null {
  const c = dev.ns.compiled;
  const s = c.ifaces[c.ifaceIndex.get(dev.name) ?? -1]?.spec;
  return s?.kind === 'vxlan' ? s : null;
}

/** Entries learned this run (learning on), per device: MAC → remote VTEP. */
const learned = new WeakMap<Ns, Map<string, Map<string, number>>>();

/** vxlan_find_mac(): the remote VTEP for `mac` on `dev`, learned or static, else the default entry's. */
function findRemote(dev: Iface, mac: string): { dst: number; defaultEntry: boolean } | null {
  const l = learned.get(dev.ns)?.get(dev.name)?.get(mac);
  if (l !== undefined) return { dst: l, defaultEntry: false };
  let fallback: number | null = null;
  for (const f of dev.ns.compiled.fdb) {
    if (f.dev !== dev.name) continue;
    if (f.mac === mac) return { dst: f.dst, defaultEntry: false };
    if (f.mac === ZERO_MAC && fallback === null) fallback = f.dst;
  }
  return fallback === null ? null : { dst: fallback, defaultEntry: true };
}

/**
 * udp_flow_src_port(): a hash of the inner flow, scaled as the kernel does
 * (`((u64)hash * (max - min)) >> 32) + min`). The addresses go in ordered, so both directions of a
 * flow get one port; ports join only for a UDP or TCP packet that is not a fragment (ICMP echo's
 * fragments and whole packets got one port in the lab). The seed is the engine's own.
 */
export function flowPort(f: WireFrame): number {
  const lo = Math.min(f.s >>> 0, f.d >>> 0);
  const hi = Math.max(f.s >>> 0, f.d >>> 0);
  const l4 = f.ipv4?.fragOffset === undefined ? (f.udp ?? f.tcp) : undefined;
  const words = [lo, hi, f.ipv4 ? f.ipv4.proto.length : 0, l4 ? Math.min(l4.sport, l4.dport) : 0, l4 ? Math.max(l4.sport, l4.dport) : 0];
  let h = 0x5bd1e995;
  for (const w of words) {
    h = Math.imul(h ^ w, 0x01000193) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
  }
  return Math.floor((h * (PORT_MAX - PORT_MIN)) / 2 ** 32) + PORT_MIN;
}

/** The frame's layers as events show them (no engine fields). */
function plainFrame(f: WireFrame): Frame {
  const out: Frame = { eth: f.eth };
  if (f.arp) out.arp = f.arp;
  if (f.ipv4) out.ipv4 = f.ipv4;
  if (f.icmp) out.icmp = f.icmp;
  if (f.udp) out.udp = f.udp;
  if (f.tcp) out.tcp = f.tcp;
  if (f.encap?.wireguard) out.wireguard = f.encap.wireguard;
  else if (f.encap) {
    if (f.encap.vxlan) out.vxlan = f.encap.vxlan;
    if (f.encap.ipip) out.ipip = f.encap.ipip;
    out.inner = f.encap.inner;
  }
  return out;
}

/** The inner frame's length with its Ethernet header: an IPv4 packet's total length, or ARP's 28 bytes. */
function frameLen(f: WireFrame): number {
  return ETH_LEN + (f.ipv4 ? f.len : 28) + (f.encap?.vxlan ? UDP_VXLAN_LEN + IP_LEN : 0);
}

/**
 * The tunnel key a BPF program sets on a packet for a collect_md device (bpf_skb_set_tunnel_key):
 * the remote VTEP and the VNI. The device then skips its FDB (vxlan_xmit: `info` from the skb's
 * dst metadata).
 */
export interface TunnelKey {
  dst: number;
  vni: number;
}

/**
 * vxlan_xmit → vxlan_xmit_one: the frame (already seen leaving `dev`) goes out in a UDP datagram,
 * or is dropped. `key`: the tunnel key of a collect_md device's packet (no FDB lookup).
 */
export function vxlanXmit(sim: Sim, dev: Iface, frame: WireFrame, key?: TunnelKey): void {
  const spec = specOf(dev);
  if (!spec) return;
  const ns = dev.ns;
  const mac = frame.eth.dst;
  const remote = key ? { dst: key.dst, defaultEntry: false } : findRemote(dev, mac);
  if (!remote) {
    sim.emit({ type: 'drop', ns: ns.name, iface: dev.name, reason: 'vxlan-no-remote', pkt: frame.pkt, dstMac: mac, seq: sim.seq, t: sim.now });
    return;
  }
  const vni = key ? key.vni : spec.vni;
  const dstText = formatIp(remote.dst);
  // A collect_md device's packet brought its key: no FDB lookup.
  if (!key) {
    if (remote.defaultEntry) sim.emit({ type: 'fdb', scope: 'vxlan', ns: ns.name, bridge: dev.name, action: 'forward', mac, ports: [], remote: dstText, defaultEntry: true, pkt: frame.pkt, seq: sim.seq, t: sim.now });
    else sim.emit({ type: 'fdb', scope: 'vxlan', ns: ns.name, bridge: dev.name, action: 'forward', mac, ports: [], remote: dstText, pkt: frame.pkt, seq: sim.seq, t: sim.now });
  }
  // vxlan_get_route(): the outer packet's route to the remote VTEP, from `local` when it is set.
  const route = lookupRoute(ns, remote.dst);
  if (!route) {
    sim.emit({ type: 'route', pkt: frame.pkt, ns: ns.name, dst: dstText, direction: 'output', route: null, result: 'unreachable', seq: sim.seq, t: sim.now });
    sim.emit({ type: 'drop', pkt: frame.pkt, ns: ns.name, iface: dev.name, reason: 'no-route', direction: 'output', seq: sim.seq, t: sim.now });
    return;
  }
  const nexthop = route.gw ?? remote.dst;
  const nhText = route.gwText ?? dstText;
  sim.emit({ type: 'route', pkt: frame.pkt, ns: ns.name, dst: dstText, direction: 'output', route: route.text, result: 'send', nexthop: nhText, dev: route.dev.name, match: routeMatch(route),
    ...routeFacts(route), seq: sim.seq, t: sim.now });
  const local = (spec.local !== undefined ? parseIp(spec.local) : null) ?? selectSource(route, remote.dst) ?? 0;
  const localText = formatIp(local);
  const sport = flowPort(frame);
  const innerLen = frameLen(frame);
  const len = innerLen + UDP_VXLAN_LEN + IP_LEN;
  sim.emit({ type: 'vxlan', action: 'encap', pkt: frame.pkt, ns: ns.name, iface: dev.name, dev: route.dev.name, vni, local: localText, remote: dstText, port: spec.port, sport,
    innerLen, outerLen: len, mtu: dev.mtu, seq: sim.seq, t: sim.now });
  const outer: Packet = {
    ipv4: { src: localText, dst: dstText, ttl: ns.defaultTtl, proto: 'udp' }, icmp: undefined, udp: { sport, dport: spec.port }, tcp: undefined,
    kind: frame.kind, s: local, d: remote.dst, id: frame.pkt, len, df: false,
    encap: { vxlan: { vni }, ipip: undefined, inner: plainFrame(frame), frame },
  };
  // Without DF, an outer packet too big for the underlay leaves in fragments (ip_fragment).
  const mtu = route.dev.mtu;
  if (len > mtu) fragmentOut(sim, ns, route.dev, outer, mtu, false, false, false, (f) => neighOutput(sim, route.dev, nexthop, nhText, f));
  else neighOutput(sim, route.dev, nexthop, nhText, outer);
}

/**
 * vxlan_rcv(): a UDP datagram `p` delivered in `ns`. Returns false when no VXLAN device of the
 * namespace listens on its port (then it is an ordinary datagram); otherwise the inner frame is
 * received on the device of its VNI, or dropped when there is none.
 */
export function vxlanRcv(sim: Sim, ns: Ns, p: Packet): boolean {
  const udp = p.udp;
  const encap = p.encap;
  if (!udp || !encap?.vxlan) return false;
  let socket = false;
  let dev: Iface | null = null;
  for (const ci of ns.compiled.ifaces) {
    const s = ci.spec;
    if (s.kind !== 'vxlan' || s.port !== udp.dport) continue;
    socket = true;
    // A collect_md (external) device takes any VNI and hands it on as metadata.
    if (s.vni === encap.vxlan?.vni || s.external === true) {
      dev = ns.ifaces.get(s.name) ?? null;
      break;
    }
  }
  if (!socket) return false;
  if (!dev) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'vxlan-vni-unknown', ipv4: p.ipv4, vni: encap.vxlan.vni, seq: sim.seq, t: sim.now });
    return true;
  }
  const spec = specOf(dev) as VxlanIface;
  const inner = encap.frame;
  const innerLen = frameLen(inner);
  sim.emit({ type: 'vxlan', action: 'decap', pkt: p.id, ns: ns.name, iface: dev.name, dev: spec.dev, vni: encap.vxlan.vni, local: p.ipv4.dst, remote: p.ipv4.src, port: udp.dport, sport: udp.sport,
    innerLen, outerLen: p.len, mtu: dev.mtu, seq: sim.seq, t: sim.now });
  // vxlan_snoop(): with learning on, the sender's MAC is now known to sit behind the outer source.
  if (spec.learning === true && findRemote(dev, inner.eth.src)?.dst !== p.s) {
    let byDev = learned.get(ns);
    if (!byDev) learned.set(ns, (byDev = new Map()));
    let t = byDev.get(dev.name);
    if (!t) byDev.set(dev.name, (t = new Map()));
    t.set(inner.eth.src, p.s);
    sim.emit({ type: 'fdb', scope: 'vxlan', ns: ns.name, bridge: dev.name, action: 'learn', mac: inner.eth.src, ports: [], remote: p.ipv4.src, pkt: p.id, seq: sim.seq, t: sim.now });
  }
  rx(sim, dev, inner, sim.nextWire());
  return true;
}

/** The VXLAN pack's hooks, registered by packs.ts's loader (or core/allPacks.ts). */
export const vxlanPack: PackHooks['vxlan'] = { xmit: vxlanXmit, rcv: vxlanRcv };
