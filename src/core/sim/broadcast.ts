import type { RouteRow } from '../journey';
import { BROADCAST_MAC, broadcastOf, formatIp, isLoopback } from '../net/ipv4';
import type { CompiledNs } from './compile';
import { WIRE_DELAY_NS, type Sim } from './engine';
import { xmit } from './link';
import { ipFrame, kindOf, type Packet, type WireFrame } from './packet';
import { fragmentOut } from './fragment';
import { socketSend, type PmtuDisc } from './ip';
import { deliverLocal } from './transport';
import { lookupRoute, type Iface, type Ns } from './world';

/*
 * Packets to a broadcast address (net/ipv4/fib_frontend.c, route.c). For every address with a
 * prefix shorter than /31, the kernel adds a `broadcast` route for its subnet's last address to the
 * local table (fib_add_ifaddr); `ip route show table local` lists it. A packet whose destination is
 * such an address, or 255.255.255.255, is taken in as a broadcast (ip_route_input_slow → brd_input),
 * whichever interface it came in on, and never forwarded (bc_forwarding is off). transport.ts then
 * decides what takes it: no echo reply (icmp_echo_ignore_broadcasts), a UDP socket bound to the
 * port, never TCP, never an ICMP error.
 *
 * A directed broadcast to another subnet is plain unicast until it reaches the host that owns that
 * subnet: the sender's and the routers' routes know nothing of it.
 */

/** The limited broadcast address 255.255.255.255 (INADDR_BROADCAST). */
export const LIMITED_BROADCAST = 0xffffffff;

/** A `broadcast` route of table local. */
export interface BroadcastRoute {
  /** The broadcast address, as a number and as text. */
  addr: number;
  /** The device whose address made it, and that address (the route's `src`). */
  dev: string;
  src: number;
  /** As `ip route show table all` prints it (the texts of `local` routes follow the same form). */
  text: string;
}

const cache = new WeakMap<CompiledNs, { list: readonly BroadcastRoute[]; byAddr: ReadonlyMap<number, BroadcastRoute> }>();

/** The broadcast routes interfaces with these addresses give (fib_add_ifaddr), in interface order. */
function computeRoutes(ifaces: readonly { name: string; addrs: readonly { ip: number; prefix: number }[] }[]): BroadcastRoute[] {
  const list: BroadcastRoute[] = [];
  for (const i of ifaces) {
    const seen = new Set<number>();
    for (const a of i.addrs) {
      if (a.prefix >= 31) continue;
      const addr = broadcastOf(a.ip, a.prefix);
      if (seen.has(addr)) continue;
      seen.add(addr);
      list.push({ addr, dev: i.name, src: a.ip, text: `broadcast ${formatIp(addr)} dev ${i.name} table local proto kernel scope link src ${formatIp(a.ip)}` });
    }
  }
  return list;
}

function tableOf(c: CompiledNs): { list: readonly BroadcastRoute[]; byAddr: ReadonlyMap<number, BroadcastRoute> } {
  const hit = cache.get(c);
  if (hit) return hit;
  const list = computeRoutes(c.ifaces);
  const byAddr = new Map<number, BroadcastRoute>();
  for (const r of list) if (!byAddr.has(r.addr)) byAddr.set(r.addr, r);
  const t = { list, byAddr };
  cache.set(c, t);
  return t;
}

/**
 * The same routes as rows of table local, for a namespace's tables (`ip route show table local`):
 * what compile.ts's initialTables can list beside the `local` rows, from the interfaces it parsed.
 */
export function broadcastRouteRows(ifaces: readonly { name: string; addrs: readonly { ip: number; prefix: number }[] }[]): RouteRow[] {
  return computeRoutes(ifaces).map((r) => ({ text: r.text, dst: `${formatIp(r.addr)}/32`, dev: r.dev, proto: 'kernel', table: 'local' }));
}

/**
 * The `broadcast` routes of a namespace's table local, in interface order, as `ip route show table
 * local` lists them (cached per compiled namespace). fib_add_ifaddr adds one per primary address
 * with a prefix shorter than /31; a later address in a subnet the device already has is secondary
 * and adds none. Two devices in one subnet each add theirs.
 */
export function broadcastRouteList(c: CompiledNs): readonly BroadcastRoute[] {
  return tableOf(c).list;
}

/** The same routes by address: the first one for an address is the one a lookup finds. */
export function broadcastRoutes(c: CompiledNs): ReadonlyMap<number, BroadcastRoute> {
  return tableOf(c).byAddr;
}

/**
 * Whether `ns` takes a packet to `dst` in as a broadcast. Cheap for ordinary addresses: every
 * broadcast address of a subnet shorter than /31 ends in two 1 bits.
 */
export function isBroadcastFor(ns: Ns, dst: number): boolean {
  if ((dst & 3) !== 3) return false;
  return dst === LIMITED_BROADCAST || broadcastRoutes(ns.compiled).has(dst);
}

/**
 * brd_input: a packet to one of `dev`'s namespace's broadcast addresses (or 255.255.255.255). Its
 * source passes rp_filter as for any input (fib_validate_source; 0.0.0.0 is exempt), then it is
 * delivered locally as a broadcast. The caller has checked `isBroadcastFor` and the loopback rule.
 */
export function broadcastRcv(sim: Sim, dev: Iface, frame: WireFrame): void {
  const ip = frame.ipv4;
  if (!ip) return;
  const ns = dev.ns;
  const p: Packet = { ipv4: ip, icmp: frame.icmp, udp: frame.udp, tcp: frame.tcp, kind: kindOf(frame.icmp, frame.tcp, 'request'), s: frame.s, d: frame.d, id: frame.pkt, len: frame.len, df: frame.df, encap: frame.encap };
  const mode = dev.conf.rpFilter;
  if (mode !== 0 && p.s !== 0) {
    const back = lookupRoute(ns, p.s);
    if (mode === 1 ? back === null || back.dev !== dev : back === null) {
      sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, iface: dev.name, reason: 'rp-filter', ipv4: ip, rpFilter: mode, seq: sim.seq, t: sim.now });
      return;
    }
  }
  const r = p.d === LIMITED_BROADCAST ? null : (broadcastRoutes(ns.compiled).get(p.d) ?? null);
  sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'input', route: r?.text ?? null, result: 'local', dev: r?.dev ?? dev.name, match: 'broadcast', iif: dev.name, seq: sim.seq, t: sim.now });
  deliverLocal(sim, ns, p, true);
}

/**
 * Output of a locally created packet to a broadcast address: one of this namespace's `broadcast`
 * routes, or 255.255.255.255 (which leaves by the device the main table routes it to, with no
 * gateway: __mkroute_output makes it RTN_BROADCAST). Returns false when `p` is no broadcast for this
 * namespace, or 255.255.255.255 has no route, so that ip.ts routes it as usual.
 *
 * The frame goes to ff:ff:ff:ff:ff:ff with no ARP (ip_finish_output2 finds the broadcast
 * neighbour), and ip_mc_output loops a copy back to the sender itself (dev_loopback_xmit; tcpdump
 * never shows that copy, PACKET_LOOPBACK). TCP never sends to a broadcast: connect() fails with
 * ENETUNREACH before any SYN (tcp_v4_connect), so the packet is dropped here. ping and a UDP program
 * send as they do with -b / SO_BROADCAST set; without it Linux refuses them too (EACCES).
 *
 * Called by ipOutput once local destinations are handled (a one-line hook, see the report).
 */
export function broadcastOutput(sim: Sim, ns: Ns, p: Packet, disc: PmtuDisc): boolean {
  const ip = p.ipv4;
  let dev: Iface | undefined;
  let text: string | null;
  if (p.d === LIMITED_BROADCAST) {
    const route = lookupRoute(ns, p.d);
    if (!route) return false;
    dev = route.dev;
    text = route.text;
  } else {
    const r = (p.d & 3) === 3 ? broadcastRoutes(ns.compiled).get(p.d) : undefined;
    if (!r) return false;
    dev = ns.ifaces.get(r.dev);
    text = r.text;
  }
  if (!dev) return false;
  sim.emit({ type: 'route', pkt: p.id, ns: ns.name, dst: ip.dst, direction: 'output', route: text, result: 'send', dev: dev.name, match: 'broadcast', seq: sim.seq, t: sim.now });
  if (p.tcp) {
    sim.emit({ type: 'drop', pkt: p.id, ns: ns.name, reason: 'broadcast-ignored', ipv4: ip, direction: 'output', port: p.tcp.dport, seq: sim.seq, t: sim.now });
    return true;
  }
  const q = socketSend(sim, ns, p, dev.mtu, disc);
  if (!q) return true;
  const out = dev;
  fragmentOut(sim, ns, out, q, out.mtu, true, false, disc !== 'keep', (f) => xmit(sim, out, ipFrame(out.mac, BROADCAST_MAC, f)));
  // ip_mc_output loops the whole packet back before ip_finish_output fragments it.
  sim.after(WIRE_DELAY_NS, { op: 'call', fn: () => deliverLocal(sim, ns, q, true) });
  return true;
}

/** Whether a received IPv4 frame goes to brd_input rather than ip.ts (loopback addresses are martians there). */
export function takenAsBroadcast(dev: Iface, frame: WireFrame): boolean {
  return isBroadcastFor(dev.ns, frame.d) && !isLoopback(frame.s);
}
