import { formatIp, networkOf, parseCidr, parseIp, ZERO_MAC } from '../net/ipv4';
import type { CniEventBody } from './events';
import { PLUGIN_TEXT as T } from './pluginText';
import { freshNetns, SYSCTL_DEFAULTS, type LinkState, type NetnsState, type NodeState, type RouteState } from './state';

/*
 * The kernel calls the plugins make (netlink through vishvananda/netlink, /proc/sys writes), on a
 * node state, with the kernel's rules where the plugins' behaviour depends on them:
 * - ifindex per namespace, handed out cyclically (dev_index_reserve: a freed index is not reused at once);
 * - a veth pair is created whole, its two ends in two namespaces; deleting one end deletes both;
 * - a bridge whose MAC nobody set takes its lowest port MAC (br_stp_recalculate_bridge_id), and
 *   follows the smallest port MTU (br_mtu_auto_adjust);
 * - an address on a link that is up brings its connected route; taking a link down, or removing
 *   its last address, flushes the routes through it (fib_disable_ip);
 * - a route's gateway must be on a connected prefix of its device (fib_check_nh_v4_gw: ENETUNREACH).
 * The mutable state is a copy the operation owns (see plugin.ts); every change is also reported
 * as an event.
 */

/** An errno as Go's syscall.Errno prints it, e.g. "file exists". */
export class KernelError extends Error {
  constructor(readonly errno: 'EEXIST' | 'ENETUNREACH' | 'ENODEV' | 'ENETDOWN' | 'EINVAL', text: string) {
    super(text);
    this.name = 'KernelError';
  }
}

/** What random bytes are for: a new bridge's MAC, a veth name, the MAC of a veth's first or second end. */
export type EntropyUse = 'bridge-mac' | 'veth-name' | 'veth-mac' | 'peer-mac';

/**
 * Random bytes: the kernel's (eth_random_addr for a new device's MAC) and the plugins' (a veth
 * name). Injected, and told what they are for: the CNI command uses the system's randomness,
 * the lab repeatable bytes, the fixture replay the values the reference plugins drew.
 */
export interface Entropy {
  bytes(n: number, use: EntropyUse): number[];
}

/** A random locally administered unicast MAC (eth_random_addr). */
export function randomMac(entropy: Entropy, use: EntropyUse): string {
  const b = entropy.bytes(6, use);
  b[0] = ((b[0] ?? 0) & 0xfe) | 0x02;
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** A connected route, as the kernel derives it from an address. */
export interface ConnectedRoute {
  dst: string;
  dev: number;
  src: string;
}

/** The kernel of one node, acting on `node` (mutated in place) and reporting each change. */
export class Kernel {
  constructor(
    readonly node: NodeState,
    readonly entropy: Entropy,
    private readonly emit: (e: CniEventBody) => void,
  ) {}

  /** Whether a namespace exists (CNI_NETNS names a path; `host` is the node's). */
  hasNetns(ns: string): boolean {
    return Object.hasOwn(this.node.namespaces, ns);
  }

  private ns(ns: string): NetnsState {
    const n = this.node.namespaces[ns];
    if (!n) throw new Error(`netns-missing: ${ns}`);
    return n;
  }

  /** The runtime's `ip netns add`. */
  netnsAdd(path: string): void {
    this.node.namespaces[path] = freshNetns();
    this.emit({ type: 'netns', op: 'add', path });
  }

  /** The runtime's `ip netns del`: every link in it goes, and with a veth its peer elsewhere. */
  netnsDel(path: string): void {
    const n = this.node.namespaces[path];
    if (!n) return;
    for (const l of [...n.links]) if (l.kind === 'veth' && l.peer && this.hasNetns(l.peer.ns) && l.peer.ns !== path) this.removePeer(l.peer.ns, l.peer.index);
    delete this.node.namespaces[path];
    this.emit({ type: 'netns', op: 'del', path });
  }

  link(ns: string, name: string): LinkState | undefined {
    return this.node.namespaces[ns]?.links.find((l) => l.name === name);
  }

  linkByIndex(ns: string, index: number): LinkState | undefined {
    return this.node.namespaces[ns]?.links.find((l) => l.index === index);
  }

  private nextIndex(ns: string): number {
    const n = this.ns(ns);
    n.lastIndex += 1;
    return n.lastIndex;
  }

  /** `ip link add NAME type bridge [mtu N]`. @throws KernelError EEXIST when the name is taken. */
  addBridge(ns: string, name: string, mtu: number): LinkState {
    if (this.link(ns, name)) throw new KernelError('EEXIST', T.errnoExist);
    const link: LinkState = { index: this.nextIndex(ns), name, kind: 'bridge', mac: randomMac(this.entropy, 'bridge-mac'), mtu: mtu > 0 ? mtu : 1500, up: false, addresses: [] };
    this.ns(ns).links.push(link);
    this.emit({ type: 'link', op: 'add', ns, name, kind: 'bridge', index: link.index, mac: link.mac, mtu: link.mtu, random: true });
    return link;
  }

  /**
   * A veth pair, `name` in `ns` and `peerName` in `peerNs` (vishvananda Veth with PeerNamespace).
   * @throws KernelError EEXIST when either name is taken in its namespace.
   */
  addVeth(ns: string, name: string, peerNs: string, peerName: string, mtu: number, mac?: string): [LinkState, LinkState] {
    if (this.link(ns, name) || this.link(peerNs, peerName)) throw new KernelError('EEXIST', T.errnoExist);
    const m = mtu > 0 ? mtu : 1500;
    const a: LinkState = { index: this.nextIndex(ns), name, kind: 'veth', mac: mac ?? randomMac(this.entropy, 'veth-mac'), mtu: m, up: false, addresses: [] };
    const b: LinkState = { index: this.nextIndex(peerNs), name: peerName, kind: 'veth', mac: randomMac(this.entropy, 'peer-mac'), mtu: m, up: false, addresses: [] };
    a.peer = { ns: peerNs, index: b.index };
    b.peer = { ns, index: a.index };
    this.ns(ns).links.push(a);
    this.ns(peerNs).links.push(b);
    this.emit({ type: 'link', op: 'add', ns, name, kind: 'veth', index: a.index, mac: a.mac, mtu: m, peer: { ns: peerNs, name: peerName }, random: mac === undefined });
    this.emit({ type: 'link', op: 'add', ns: peerNs, name: peerName, kind: 'veth', index: b.index, mac: b.mac, mtu: m, peer: { ns, name }, random: true });
    return [a, b];
  }

  /** Removes one end without touching its peer (the peer's own removal called us). */
  private removePeer(ns: string, index: number): void {
    const n = this.node.namespaces[ns];
    const l = n?.links.find((x) => x.index === index);
    if (!n || !l) return;
    this.dropLink(ns, l);
  }

  private dropLink(ns: string, l: LinkState): void {
    const n = this.ns(ns);
    this.flushRoutes(ns, l.index);
    n.links = n.links.filter((x) => x !== l);
    for (const key of Object.keys(n.sysctls)) if (key.split('.')[3] === l.name && key.startsWith('net.ipv')) delete n.sysctls[key];
    this.emit({ type: 'link', op: 'del', ns, name: l.name, kind: l.kind, index: l.index });
    if (l.master !== undefined) this.bridgeRecalc(ns, l.master);
    if (l.kind === 'bridge') for (const p of n.links) if (p.master === l.index) delete p.master;
  }

  /** `ip link del NAME`: a veth takes its peer with it. @throws KernelError ENODEV. */
  delLink(ns: string, name: string): void {
    const l = this.link(ns, name);
    if (!l) throw new KernelError('ENODEV', T.errnoNoDev);
    const peer = l.kind === 'veth' ? l.peer : undefined;
    this.dropLink(ns, l);
    if (peer) this.removePeer(peer.ns, peer.index);
  }

  /** `ip link set NAME up|down`; down flushes its routes. */
  setUp(ns: string, l: LinkState, up: boolean): void {
    if (l.up === up) return;
    l.up = up;
    this.emit({ type: 'link', op: up ? 'up' : 'down', ns, name: l.name, kind: l.kind, index: l.index });
    if (up) for (const c of this.connectedOf(l)) this.emit({ type: 'route', op: 'add', ns, dst: c.dst, dev: l.name, proto: 'kernel', src: c.src });
    else this.flushRoutes(ns, l.index);
  }

  /** `ip link set NAME master BR`. */
  setMaster(ns: string, l: LinkState, bridge: LinkState): void {
    l.master = bridge.index;
    bridge.hadPorts = true;
    this.emit({ type: 'link', op: 'master', ns, name: l.name, kind: l.kind, index: l.index, master: bridge.name });
    this.bridgeRecalc(ns, bridge.index);
  }

  /** Bridge port flags (`bridge link set dev X hairpin on|off`) and promiscuous mode. */
  setFlag(ns: string, l: LinkState, flag: 'hairpin' | 'promisc', on: boolean): void {
    l[flag] = on;
    this.emit({ type: 'link', op: flag, ns, name: l.name, kind: l.kind, index: l.index, on });
  }

  /** `ip link set NAME address MAC`: the MAC is now set by hand (NET_ADDR_SET). */
  setMac(ns: string, l: LinkState, mac: string): void {
    l.mac = mac;
    l.macSet = true;
    this.emit({ type: 'link', op: 'mac', ns, name: l.name, kind: l.kind, index: l.index, mac, set: true });
  }

  /** A bridge's MAC and MTU follow its ports unless set by hand. */
  private bridgeRecalc(ns: string, index: number): void {
    const n = this.ns(ns);
    const br = n.links.find((x) => x.index === index);
    if (!br) return;
    const ports = n.links.filter((x) => x.master === index);
    if (ports.length === 0) {
      // With no port left, br_stp_recalculate_bridge_id finds no MAC to take: an unpinned bridge
      // ends with 00:00:00:00:00:00 (recorded), and takes the next port's MAC again.
      if (!br.macSet && br.mac !== ZERO_MAC) {
        br.mac = ZERO_MAC;
        this.emit({ type: 'link', op: 'mac', ns, name: br.name, kind: 'bridge', index, mac: ZERO_MAC });
      }
      return;
    }
    if (!br.mtuSet) {
      const mtu = Math.min(...ports.map((p) => p.mtu));
      if (mtu !== br.mtu) {
        br.mtu = mtu;
        this.emit({ type: 'link', op: 'mtu', ns, name: br.name, kind: 'bridge', index, mtu });
      }
    }
    if (!br.macSet) {
      const mac = ports.map((p) => p.mac).sort()[0] as string;
      if (mac !== br.mac) {
        br.mac = mac;
        this.emit({ type: 'link', op: 'mac', ns, name: br.name, kind: 'bridge', index, mac });
      }
    }
  }

  /** Whether a link has carrier: a veth when both ends are up, a bridge when a port has carrier. */
  carrier(ns: string, l: LinkState): boolean {
    if (!l.up) return false;
    if (l.kind === 'loopback') return true;
    if (l.kind === 'veth') {
      const p = l.peer ? this.linkByIndex(l.peer.ns, l.peer.index) : undefined;
      return p?.up === true;
    }
    if (l.kind === 'bridge') {
      // Recorded on 6.18: a bridge whose last port left still reports UP; with ports, carrier
      // follows them (br_port_state_selection; a bridge whose only port lost carrier is not recorded).
      const ports = this.ns(ns).links.filter((p) => p.master === l.index);
      return !l.hadPorts || ports.length === 0 || ports.some((p) => this.carrier(ns, p));
    }
    return true;
  }

  /** `ip link`'s operstate: UP with carrier, DOWN without, UNKNOWN for lo and for a bridge that never had a port. */
  operstate(ns: string, l: LinkState): string {
    if (!l.up) return 'DOWN';
    if (l.kind === 'loopback' || (l.kind === 'bridge' && !l.hadPorts)) return 'UNKNOWN';
    // A veth whose peer is down reports DOWN on this kernel (6.18; the fixtures show it), not LOWERLAYERDOWN.
    return this.carrier(ns, l) ? 'UP' : 'DOWN';
  }

  private connectedOf(l: LinkState): { dst: string; src: string }[] {
    if (!l.up) return [];
    const out: { dst: string; src: string }[] = [];
    for (const a of l.addresses) {
      const c = parseCidr(a);
      if (!c || c.prefix === 32) continue;
      out.push({ dst: `${formatIp(networkOf(c.ip, c.prefix))}/${c.prefix}`, src: formatIp(c.ip) });
    }
    return out;
  }

  /** The connected routes of a namespace (`proto kernel scope link src A`). */
  connectedRoutes(ns: string): ConnectedRoute[] {
    return this.ns(ns).links.flatMap((l) => this.connectedOf(l).map((c) => ({ ...c, dev: l.index })));
  }

  /** `ip addr add CIDR dev NAME`. @throws KernelError EEXIST for an address the link has. */
  addrAdd(ns: string, l: LinkState, cidr: string): void {
    if (l.addresses.includes(cidr)) throw new KernelError('EEXIST', T.errnoExist);
    l.addresses.push(cidr);
    this.emit({ type: 'addr', op: 'add', ns, dev: l.name, address: cidr });
    if (l.up) {
      const c = this.connectedOf({ ...l, addresses: [cidr] })[0];
      if (c) this.emit({ type: 'route', op: 'add', ns, dst: c.dst, dev: l.name, proto: 'kernel', src: c.src });
    }
  }

  /** `ip addr del CIDR dev NAME`; the last address gone takes the link's routes with it. */
  addrDel(ns: string, l: LinkState, cidr: string): void {
    if (!l.addresses.includes(cidr)) return;
    l.addresses = l.addresses.filter((a) => a !== cidr);
    this.emit({ type: 'addr', op: 'del', ns, dev: l.name, address: cidr });
    if (l.addresses.length === 0) this.flushRoutes(ns, l.index);
  }

  private flushRoutes(ns: string, dev: number): void {
    const n = this.ns(ns);
    const l = n.links.find((x) => x.index === dev);
    for (const r of n.routes.filter((x) => x.dev === dev)) this.emit({ type: 'route', op: 'del', ns, dst: r.dst, ...(r.gw ? { gw: r.gw } : {}), dev: l?.name ?? '', proto: 'boot' });
    n.routes = n.routes.filter((x) => x.dev !== dev);
  }

  /**
   * `ip route add DST [via GW] dev NAME` (netlink.RouteAddEcmp: create, no exclusive flag).
   * @throws KernelError ENETDOWN (link down), ENETUNREACH (gateway not on a connected prefix of the
   *   link), EEXIST (the very same route).
   */
  routeAdd(ns: string, route: RouteState): void {
    const n = this.ns(ns);
    const l = n.links.find((x) => x.index === route.dev);
    const dst = parseCidr(route.dst);
    if (!dst || networkOf(dst.ip, dst.prefix) !== dst.ip) throw new KernelError('EINVAL', T.errnoInval);
    if (!l || !l.up) throw new KernelError('ENETDOWN', T.errnoNetDown);
    if (route.gw !== undefined) {
      const gw = parseIp(route.gw);
      // fib_check_nh_v4_gw: the gateway must be reachable on the link: a connected route, or a
      // device route (scope link, no gateway) through it, as Calico's `169.254.1.1 dev eth0` or
      // cilium-cni's `<router>/32 dev eth0`.
      const covers = (dstText: string): boolean => {
        const p = parseCidr(dstText);
        return gw !== null && p !== null && networkOf(gw, p.prefix) === p.ip;
      };
      const onLink = gw !== null && (this.connectedOf(l).some((c) => covers(c.dst)) || n.routes.some((r) => r.dev === l.index && r.gw === undefined && covers(r.dst)));
      if (!onLink) throw new KernelError('ENETUNREACH', T.errnoNetUnreach);
    }
    if (n.routes.some((r) => r.dst === route.dst && r.gw === route.gw && r.dev === route.dev)) throw new KernelError('EEXIST', T.errnoExist);
    n.routes.push(route);
    this.emit({ type: 'route', op: 'add', ns, dst: route.dst, ...(route.gw ? { gw: route.gw } : {}), dev: l.name, proto: 'boot' });
  }

  /** `ip route del`: the first route matching dst (and gw when given). */
  routeDel(ns: string, dst: string, gw?: string): boolean {
    const n = this.ns(ns);
    const r = n.routes.find((x) => x.dst === dst && (gw === undefined || x.gw === gw));
    if (!r) return false;
    n.routes = n.routes.filter((x) => x !== r);
    this.emit({ type: 'route', op: 'del', ns, dst: r.dst, ...(r.gw ? { gw: r.gw } : {}), dev: this.linkByIndex(ns, r.dev)?.name ?? '', proto: 'boot' });
    return true;
  }

  /** A sysctl's value (`net.ipv4.ip_forward`), the kernel default when never written. */
  sysctl(ns: string, key: string): string {
    return this.ns(ns).sysctls[key] ?? SYSCTL_DEFAULTS[key] ?? '0';
  }

  /** Writes a sysctl (`echo V > /proc/sys/...`); a per-interface key of a missing link is ignored, as the plugins ignore that error. */
  sysctlWrite(ns: string, key: string, value: string): void {
    const parts = key.split('.');
    if (parts[2] === 'conf' && parts[3] !== undefined && parts[3] !== 'all' && parts[3] !== 'default' && !this.link(ns, parts[3])) return;
    const was = this.sysctl(ns, key);
    this.ns(ns).sysctls[key] = value;
    this.emit({ type: 'sysctl', ns, key, value, was });
  }

  /** Reports a change to the nat table (ipMasq.ts keeps the table itself). */
  emitNat(op: 'chain-add' | 'chain-del' | 'rule-add' | 'rule-del', chain: string, rule?: string): void {
    this.emit({ type: 'nat', op, ns: 'host', chain, ...(rule !== undefined ? { rule } : {}) });
  }

  /** A file's content, or undefined. */
  readFile(path: string): string | undefined {
    const c = this.node.files[path];
    this.emit(c === undefined ? { type: 'file', op: 'missing', path } : { type: 'file', op: 'read', path, content: c });
    return c;
  }

  writeFile(path: string, content: string): void {
    this.node.files[path] = content;
    this.emit({ type: 'file', op: 'write', path, content });
  }

  removeFile(path: string): void {
    if (!(path in this.node.files)) return;
    delete this.node.files[path];
    this.emit({ type: 'file', op: 'remove', path });
  }

  /** A datastore key's value (Calico's), or undefined; reported as read or missing. */
  dsGet(key: string): string | undefined {
    const v = this.node.datastore?.[key];
    this.emit(v === undefined ? { type: 'datastore', op: 'missing', key } : { type: 'datastore', op: 'read', key, value: v });
    return v;
  }

  /** Creates or updates a datastore key. */
  dsPut(key: string, value: string): void {
    const ds = (this.node.datastore ??= {});
    const op = key in ds ? 'update' : 'create';
    ds[key] = value;
    this.emit({ type: 'datastore', op, key, value });
  }

  /** Deletes a datastore key (nothing when absent). */
  dsDel(key: string): void {
    if (!this.node.datastore || !(key in this.node.datastore)) return;
    delete this.node.datastore[key];
    this.emit({ type: 'datastore', op: 'delete', key });
  }

  /** The datastore keys under `prefix`, sorted (an etcd range read returns keys in byte order). Silent: a listing reads no value. */
  dsKeys(prefix: string): string[] {
    return Object.keys(this.node.datastore ?? {}).filter((k) => k.startsWith(prefix)).sort();
  }

  /** Files directly under `dir`, by name, sorted as filepath.Walk visits them (lexically). */
  listDir(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return Object.keys(this.node.files)
      .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map((p) => p.slice(prefix.length))
      .sort();
  }
}
