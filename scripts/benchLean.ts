/**
 * The lean reference for `npm run bench`: a minimal plain-JS simulation of the cold S1 journey
 * (seed lab, pod1 → pod3, one ping) that produces the same frame events as the engine, so the
 * engine's cost per frame can be compared with what the work itself costs.
 *
 * It is honest about the work: every journey starts from empty ARP tables and FDBs, runs a timed
 * queue (a binary heap, like the engine's), floods and learns on the bridges and the segment,
 * resolves next hops with ARP, routes by longest prefix, decrements TTL and answers the echo, and
 * builds every frame event as a fresh plain object. It is lean because it is hard-coded to the seed
 * lab's shape: no validation, no sysctls, rp_filter, redirects, ICMP errors or neighbour timers, no
 * decision events (route, neigh, fdb, ttl, send, deliver), and the network is parsed once up front
 * (as the engine's compile caches are warm in the app).
 */
import type { FrameEvent, Topology } from '../src/core/index';

const WIRE_NS = 1_000;
const BROADCAST = 'ff:ff:ff:ff:ff:ff';

interface LIface {
  ns: LNs;
  name: string;
  mac: string;
  /** First address (0 when none), and as text. */
  ip: number;
  ipText: string;
  peer: LIface | null;
  master: LBridge | null;
  bridge: LBridge | null;
  seg: LSeg | null;
  /** Per journey: ARP table of this device. */
  neigh: Map<number, LNeigh>;
}
interface LBridge {
  dev: LIface;
  ports: LIface[];
  fdb: Map<string, LIface>;
}
interface LSeg {
  ports: LIface[];
  fdb: Map<string, LIface>;
}
interface LRoute {
  net: number;
  mask: number;
  via: number;
  dev: LIface;
}
interface LNs {
  name: string;
  ifaces: LIface[];
  routes: LRoute[];
  addrs: Set<number>;
}
interface LNeigh {
  mac: string | null;
  queue: LPacket[];
}
interface LPacket {
  ipv4: { src: string; dst: string; ttl: number; proto: 'icmp' };
  icmp: { type: number; code: number; seq: number };
  s: number;
  d: number;
  kind: 'request' | 'reply';
  id: number;
}
/** A frame inside the run: what events show, plus the numbers a lean engine keeps beside the text. */
interface LFrame extends Pick<FrameEvent, 'eth' | 'arp' | 'ipv4' | 'icmp'> {
  /** ARP sender and target addresses. */
  sip?: number;
  tip?: number;
  /** The IPv4 packet carried. */
  p?: LPacket;
}

function ipOf(text: string): number {
  return text.split('.').reduce((v, o) => v * 256 + Number(o), 0);
}
function ipText(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}
function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The seed lab, parsed once: namespaces, devices, bridges, the segment and routing tables. */
export interface LeanNet {
  ns: Map<string, LNs>;
  bridges: LBridge[];
  segs: LSeg[];
}

/** Parses a topology shaped like the seed lab (veth, bridge, ether; /24s; routes via gateways). */
export function leanNet(t: Topology): LeanNet {
  const net: LeanNet = { ns: new Map(), bridges: [], segs: [] };
  const segs = new Map<string, LSeg>();
  const peers: [LIface, { ns: string; iface: string }][] = [];
  for (const m of t.machines) {
    for (const spec of [m, ...(m.pods ?? [])]) {
      const ns: LNs = { name: spec.name, ifaces: [], routes: [], addrs: new Set() };
      net.ns.set(ns.name, ns);
      for (const is of spec.interfaces) {
        const [addr, len] = (is.addresses?.[0] ?? '0.0.0.0/0').split('/') as [string, string];
        const i: LIface = { ns, name: is.name, mac: is.mac, ip: ipOf(addr), ipText: addr, peer: null, master: null, bridge: null, seg: null, neigh: new Map() };
        ns.ifaces.push(i);
        if (is.addresses?.length) {
          ns.addrs.add(i.ip);
          const mask = maskOf(Number(len));
          ns.routes.push({ net: (i.ip & mask) >>> 0, mask, via: 0, dev: i });
        }
        if (is.kind === 'bridge') net.bridges.push((i.bridge = { dev: i, ports: [], fdb: new Map() }));
        if (is.kind === 'veth') peers.push([i, is.peer]);
        if (is.kind === 'ether') {
          let seg = segs.get(is.segment);
          if (!seg) segs.set(is.segment, (seg = { ports: [], fdb: new Map() }));
          seg.ports.push(i);
          i.seg = seg;
        }
      }
      for (const is of spec.interfaces) {
        if (is.master === undefined) continue;
        const port = ns.ifaces.find((x) => x.name === is.name) as LIface;
        const br = ns.ifaces.find((x) => x.name === is.master)?.bridge as LBridge;
        port.master = br;
        br.ports.unshift(port); // br_add_if() adds at the head: the newest port floods first
      }
      for (const r of spec.routes ?? []) {
        const [dst, len] = r.dst === 'default' ? ['0.0.0.0', '0'] : (r.dst.split('/') as [string, string]);
        const mask = maskOf(Number(len));
        ns.routes.push({ net: (ipOf(dst) & mask) >>> 0, mask, via: ipOf(r.via ?? '0.0.0.0'), dev: ns.ifaces.find((x) => x.name === r.dev) as LIface });
      }
      ns.routes.sort((a, b) => b.mask - a.mask);
    }
  }
  for (const [i, ref] of peers) i.peer = net.ns.get(ref.ns)?.ifaces.find((x) => x.name === ref.iface) ?? null;
  net.segs = [...segs.values()];
  return net;
}

/** One journey's run: its clock, timed queue (heap on time, then insertion order) and frame log. */
class LeanRun {
  t = 0;
  frames: FrameEvent[] = [];
  private heap: { t: number; n: number; fn: () => void }[] = [];
  private n = 0;
  private wires = 0;
  private pkts = 0;

  after(delay: number, fn: () => void): void {
    const h = this.heap;
    const item = { t: this.t + delay, n: this.n++, fn };
    let i = h.length;
    h.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const up = h[p] as (typeof h)[number];
      if (up.t < item.t || (up.t === item.t && up.n < item.n)) break;
      h[i] = up;
      i = p;
    }
    h[i] = item;
  }

  run(): void {
    const h = this.heap;
    while (h.length > 0) {
      const top = h[0] as (typeof h)[number];
      const last = h.pop() as (typeof h)[number];
      if (h.length > 0) {
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= h.length) break;
          const l = h[c] as (typeof h)[number];
          const r = h[c + 1];
          let best = l;
          if (r && (r.t < l.t || (r.t === l.t && r.n < l.n))) {
            best = r;
            c++;
          }
          if (last.t < best.t || (last.t === best.t && last.n < best.n)) break;
          h[i] = best;
          i = c;
        }
        h[i] = last;
      }
      this.t = top.t;
      top.fn();
    }
  }

  frame(dev: LIface, dir: 'in' | 'out', wire: number, kind: FrameEvent['kind'], pkt: number, f: LFrame): void {
    const e: FrameEvent = { seq: this.frames.length, t: this.t, type: 'frame', ns: dev.ns.name, iface: dev.name, dir, wire, kind, pkt, eth: f.eth };
    if (f.arp) e.arp = f.arp;
    if (f.ipv4) e.ipv4 = f.ipv4;
    if (f.icmp) e.icmp = f.icmp;
    // As the engine's frame events: an IPv4 frame's total length (20 + 8 + ping's 56 bytes) and DF
    // (ping's requests set it, the kernel's echo replies do not).
    if (f.p) {
      e.len = 84;
      e.df = f.p.kind === 'request';
    }
    this.frames.push(e);
  }

  xmit(dev: LIface, f: LFrame, kind: FrameEvent['kind'], pkt: number): void {
    const wire = ++this.wires;
    this.frame(dev, 'out', wire, kind, pkt, f);
    if (dev.bridge) {
      const br = dev.bridge;
      const out = f.eth.dst === BROADCAST ? undefined : br.fdb.get(f.eth.dst);
      for (const p of out ? [out] : br.ports) this.xmit(p, f, kind, pkt);
    } else if (dev.peer) {
      const peer = dev.peer;
      this.after(WIRE_NS, () => this.rx(peer, f, wire, kind, pkt));
    } else if (dev.seg) {
      const seg = dev.seg;
      this.after(WIRE_NS, () => {
        if (f.eth.src !== BROADCAST) seg.fdb.set(f.eth.src, dev);
        const known = f.eth.dst === BROADCAST ? undefined : seg.fdb.get(f.eth.dst);
        for (const p of known ? [known] : seg.ports) if (p !== dev) this.after(WIRE_NS, () => this.rx(p, f, wire, kind, pkt));
      });
    }
  }

  rx(dev: LIface, f: LFrame, wire: number, kind: FrameEvent['kind'], pkt: number): void {
    this.frame(dev, 'in', wire, kind, pkt, f);
    const br = dev.master;
    if (!br) return this.host(dev, f);
    const local = (mac: string): boolean => mac === br.dev.mac || br.ports.some((p) => p.mac === mac);
    if (!local(f.eth.src)) br.fdb.set(f.eth.src, dev);
    const dst = f.eth.dst;
    const out = dst === BROADCAST ? undefined : br.fdb.get(dst);
    if (dst !== BROADCAST && local(dst)) {
      this.frame(br.dev, 'in', wire, kind, pkt, f);
      return this.host(br.dev, f);
    }
    if (out) return this.xmit(out, f, kind, pkt);
    for (const p of br.ports) if (p !== dev) this.xmit(p, f, kind, pkt);
    if (dst === BROADCAST) {
      this.frame(br.dev, 'in', wire, kind, pkt, f);
      this.host(br.dev, f);
    }
  }

  host(dev: LIface, f: LFrame): void {
    if (f.eth.dst !== dev.mac && f.eth.dst !== BROADCAST) return;
    const arp = f.arp;
    if (arp) {
      const ns = dev.ns;
      const sip = f.sip as number;
      if (arp.op === 'request') {
        if (!ns.addrs.has(f.tip as number)) return;
        if (!dev.neigh.has(sip)) dev.neigh.set(sip, { mac: arp.sha, queue: [] });
        const reply: LFrame = { eth: { src: dev.mac, dst: arp.sha, type: 'arp' }, arp: { op: 'reply', sha: dev.mac, spa: arp.tpa, tha: arp.sha, tpa: arp.spa }, sip: f.tip as number, tip: sip };
        return this.xmit(dev, reply, 'arp', ++this.pkts);
      }
      const n = dev.neigh.get(sip);
      if (!n) return;
      n.mac = arp.sha;
      const queued = n.queue;
      n.queue = [];
      for (const p of queued) this.send(dev, n.mac, p);
      return;
    }
    const p = f.p as LPacket;
    const ip = p.ipv4;
    const icmp = p.icmp;
    if (dev.ns.addrs.has(p.d)) {
      if (icmp.type === 8) {
        const reply: LPacket = { ipv4: { src: ip.dst, dst: ip.src, ttl: 64, proto: 'icmp' }, icmp: { type: 0, code: 0, seq: icmp.seq }, s: p.d, d: p.s, kind: 'reply', id: ++this.pkts };
        this.output(dev.ns, reply);
      }
      return;
    }
    this.output(dev.ns, { ...p, ipv4: { ...ip, ttl: ip.ttl - 1 } });
  }

  output(ns: LNs, p: LPacket): void {
    const r = ns.routes.find((x) => ((p.d & x.mask) >>> 0) === x.net) as LRoute;
    const nh = r.via || p.d;
    const n = r.dev.neigh.get(nh);
    if (n?.mac) return this.send(r.dev, n.mac, p);
    if (n) {
      n.queue.push(p);
      return;
    }
    r.dev.neigh.set(nh, { mac: null, queue: [p] });
    const req: LFrame = { eth: { src: r.dev.mac, dst: BROADCAST, type: 'arp' }, arp: { op: 'request', sha: r.dev.mac, spa: r.dev.ipText, tha: '00:00:00:00:00:00', tpa: ipText(nh) }, sip: r.dev.ip, tip: nh };
    this.xmit(r.dev, req, 'arp', ++this.pkts);
  }

  send(dev: LIface, mac: string, p: LPacket): void {
    this.xmit(dev, { eth: { src: dev.mac, dst: mac, type: 'ipv4' }, ipv4: p.ipv4, icmp: p.icmp, p }, p.kind, p.id);
  }

  ping(ns: LNs, dst: number): void {
    const r = ns.routes.find((x) => ((dst & x.mask) >>> 0) === x.net) as LRoute;
    const src = r.dev.ip;
    this.output(ns, { ipv4: { src: ipText(src), dst: ipText(dst), ttl: 64, proto: 'icmp' }, icmp: { type: 8, code: 0, seq: 1 }, s: src, d: dst, kind: 'request', id: ++this.pkts });
  }
}

/** One cold ping from `from` to `to` (a namespace name): empty caches, a new run, its frames. */
export function leanJourney(net: LeanNet, from: string, to: string): FrameEvent[] {
  for (const ns of net.ns.values()) for (const i of ns.ifaces) i.neigh = new Map();
  for (const b of net.bridges) b.fdb = new Map();
  for (const s of net.segs) s.fdb = new Map();
  const run = new LeanRun();
  const src = net.ns.get(from) as LNs;
  const dst = net.ns.get(to)?.ifaces[0]?.ip ?? 0;
  run.ping(src, dst);
  run.run();
  return run.frames;
}
