import { seededEntropy } from '../cni/entropy';
import { formatIp, parseCidr } from '../net/ipv4';
import type { EtherIface, IfaceSpec, MachineSpec, Topology } from './topology';

/*
 * Weave Net as a lab's datapath, as pure data (the engine runs the OVS datapath: sim/ovs.ts).
 * Weave Net (weaveworks/weave) is dormant: its last commit is from 2022-11-23, and the lab shows
 * it as history. Facts from that last tree and ../shared/reference/networking-facts.md §6:
 * - net/bridge.go (the comment on its three layouts, and bridgedFastdpImpl.init): the default
 *   "BridgedFastdp" layout is the Linux bridge `weave`, the Open vSwitch kernel datapath
 *   `datapath`, and the veth pair `vethwe-bridge` (a port of `weave`) / `vethwe-datapath` (a
 *   vport of `datapath`) between them. Pods' veths are ports of `weave` (bridgedFastdpImpl.attach).
 * - router/fastdp.go NewFastDatapath: "We use the weave port number plus 1 for vxlan": the vport
 *   `vxlan-6784` (getVxlanVportID: `fmt.Sprintf("vxlan-%d", udpPort)`), UDP 6784, weave's TCP
 *   control port being 6783. The kernel makes it a collect_md VXLAN netdev: the flow's
 *   set(tunnel(...)) action gives each packet its VNI and remote.
 * - the MTU: fastdpImpl.init sets 1376 on `datapath` when none is configured ("GCE has the lowest
 *   underlay network MTU we're likely to encounter on a local network, at 1460 bytes", minus outer
 *   IPv4 20, UDP 8, VXLAN 8, inner Ethernet 14, and 34 for ESP when encryption is on); the bridge
 *   and the vethwe pair get the same (config.MTU), and the pods' veths the bridge's (net/veth.go
 *   CreateAndAttachVeth: mtu 0 → the bridge's). `vxlan-6784`'s own MTU is the kernel's, not
 *   weave's: the lab gives it 65485 (IP_MAX_MTU less VXLAN's 50, a collect_md device without a
 *   lower device) so it never limits what the datapath sends.
 * - the bridge's MAC is the peer name (prog/weaver/main.go: `bridgeConfig.Mac = name.String()`);
 *   a peer name is a MAC derived from the machine's identity, so the lab seeds one per node.
 * - IPAM (ipam/allocator.go createRing, ipam/ring/ring.go ClaimForPeers/subdivide): on a fresh
 *   cluster the peers agree (paxos, `--ipalloc-init consensus=<peers>` from prog/weave-kube/launch.sh)
 *   and split IPALLOC_RANGE (default 10.32.0.0/12) into CIDR-aligned halves, recursively, among the
 *   peers sorted by peer name (normalizeConsensus). Each node then hands out the lowest free
 *   address of its share (ipam/space/space.go Allocate), inside the range's host part (the /12's
 *   network and broadcast addresses are never given). The lab uses exactly this split, with its
 *   seeded peer names; a cluster whose nodes joined one by one would ask each other for space
 *   instead (not modelled).
 * - launch.sh post_start_actions runs `weave --local expose` once the router answers: the bridge
 *   gets the first address of the node's share, as a /12, before any pod exists; the CNI plugin
 *   then finds it (plugin/net/cni.go FindBridgeIP) and makes it every pod's gateway.
 * - the VNI of a fastdp packet names both peers by their 12-bit short IDs (router/fastdp.go
 *   tunnelIDFor: `src | dst<<12`; extractPeers reads it back). mesh gives each peer a random short
 *   ID (weaveworks/mesh peer.go randomPeerShortID) and picks another on a clash; the lab seeds one
 *   per node and moves on to the next free one on a clash, in the lab's order.
 */

/** The bridge, the OVS datapath, the veth pair between them and the VXLAN vport (net/bridge.go, router/fastdp.go). */
export const WEAVE_BRIDGE = 'weave';
export const WEAVE_DATAPATH = 'datapath';
export const VETHWE_BRIDGE = 'vethwe-bridge';
export const VETHWE_DATAPATH = 'vethwe-datapath';
/** Weave's TCP control port (and sleeve's UDP port); fastdp's VXLAN port is one more. */
export const WEAVE_PORT = 6783;
export const WEAVE_VXLAN_PORT = WEAVE_PORT + 1;
export const WEAVE_VXLAN = `vxlan-${WEAVE_VXLAN_PORT}`;
/** fastdpImpl.init's default MTU (see the file comment). */
export const WEAVE_MTU = 1376;
/** The MTU of the vxlan vport's netdev: IP_MAX_MTU 65535 less VXLAN's 50 bytes. */
export const WEAVE_VXLAN_MTU = 65485;
/** IPALLOC_RANGE's default (prog/weave-kube/launch.sh). */
export const WEAVE_RANGE = '10.32.0.0/12';
/** Bits of a mesh short ID (mesh peer.go peerShortIDBits). */
export const SHORT_ID_BITS = 12;

/** A node Weave Net runs on: its NIC and address, its peer name and short ID, its share of the range. */
export interface WeaveNode {
  name: string;
  nic: EtherIface;
  ip: string;
  /** The peer name (a MAC), also the `weave` bridge's MAC. */
  peer: string;
  shortId: number;
  /** The node's share of the allocation range, [start, end) as numbers. */
  start: number;
  end: number;
}

function nicOf(m: MachineSpec): EtherIface | undefined {
  return m.interfaces.find((i): i is EtherIface => i.kind === 'ether' && i.master === undefined && (i.addresses ?? []).length > 0);
}

/** A seeded MAC for `seed`: locally administered, unicast (as weave's RandomMAC and mesh's peer names look). */
export function weaveMac(seed: string): string {
  const b = seededEntropy(seed).bytes(6, 'bridge-mac');
  b[0] = ((b[0] ?? 0) & 0xfe) | 0x02;
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** The VNI of a fastdp packet from peer `src` to peer `dst` (router/fastdp.go tunnelIDFor: `src | dst<<12`). */
export function weaveVni(src: number, dst: number): number {
  const mask = (1 << SHORT_ID_BITS) - 1;
  return (src & mask) | ((dst & mask) << SHORT_ID_BITS);
}

/** The two short IDs a fastdp VNI carries (router/fastdp.go extractPeers: `vni & 0xfff`, `(vni >> 12) & 0xfff`). */
export function peersOfVni(vni: number): { src: number; dst: number } {
  const mask = (1 << SHORT_ID_BITS) - 1;
  return { src: vni & mask, dst: (vni >>> SHORT_ID_BITS) & mask };
}

/**
 * ring.go subdivide: [from, to) split into halves among `peers` (already sorted), the first half
 * to the first half of the peers; an odd share leaves its middle address to nobody.
 */
function subdivide(from: number, to: number, peers: readonly string[], out: Map<string, [number, number]>): void {
  const share = to - from;
  if (share === 0 || peers.length === 0) return;
  if (share === 1 || peers.length === 1) {
    out.set(peers[0] as string, [from, to]);
    return;
  }
  const mid = from + Math.floor(share / 2);
  const half = Math.floor(peers.length / 2);
  subdivide(from, mid, peers.slice(0, half), out);
  subdivide(mid + (share % 2), to, peers.slice(half), out);
}

/**
 * The shares of `range` that `count` peers get on a fresh ring (ring.go subdivide), [start, end)
 * in address order: the i-th goes to the i-th peer by sorted peer name.
 */
export function weaveShares(count: number, range: string = WEAVE_RANGE): [number, number][] {
  const r = parseCidr(range);
  if (!r || count <= 0) return [];
  const keys = Array.from({ length: count }, (_, k) => String(k).padStart(8, '0'));
  const out = new Map<string, [number, number]>();
  const start = r.ip >>> 0;
  subdivide(start, start + 2 ** (32 - r.prefix), keys, out);
  return keys.map((k) => out.get(k) ?? [0, 0]);
}

/**
 * The nodes Weave Net runs on (role `node` with an addressed NIC), each with its peer name, its
 * short ID and its share of `range` (see the file comment), in the lab's order. A node that runs
 * Weave already keeps its bridge's MAC as its peer name (the bridge is made with it); one that
 * does not yet takes `peers`' name for it, else a seeded one.
 */
export function weaveNodes(t: Topology, range: string = WEAVE_RANGE, peers?: ReadonlyMap<string, string>): WeaveNode[] {
  const base = t.machines.flatMap((m) => {
    if (m.role !== 'node') return [];
    const nic = nicOf(m);
    const addr = parseCidr(nic?.addresses?.[0] ?? '');
    const bridge = runsWeave(m) ? m.interfaces.find((i) => i.kind === 'bridge' && i.name === WEAVE_BRIDGE) : undefined;
    const peer = bridge?.mac ?? peers?.get(m.name) ?? weaveMac(`weave-peer/${m.name}`);
    return nic && addr ? [{ name: m.name, nic, ip: formatIp(addr.ip), peer }] : [];
  });
  const r = parseCidr(range);
  const shares = new Map<string, [number, number]>();
  if (r) {
    const start = r.ip >>> 0;
    subdivide(start, start + 2 ** (32 - r.prefix), [...base.map((n) => n.peer)].sort(), shares);
  }
  const used = new Set<number>();
  return base.map((n) => {
    let id = seededEntropy(`weave-short-id/${n.name}`).bytes(2, 'bridge-mac').reduce((a, b) => (a << 8) | b, 0) & ((1 << SHORT_ID_BITS) - 1);
    while (used.has(id)) id = (id + 1) & ((1 << SHORT_ID_BITS) - 1);
    used.add(id);
    const [start, end] = shares.get(n.peer) ?? [0, 0];
    return { ...n, shortId: id, start, end };
  });
}

/** The range's host part (ipam/allocate.go: `g.r.HostRange()`): without its network and broadcast addresses. */
export function weaveHostRange(range: string = WEAVE_RANGE): { first: number; last: number; prefix: number } | null {
  const r = parseCidr(range);
  if (!r) return null;
  const net = r.ip >>> 0;
  return { first: net + 1, last: net + 2 ** (32 - r.prefix) - 2, prefix: r.prefix };
}

/** The lowest free address of a node's share inside the range's host part (space.go Allocate), or null when it is full. */
export function weaveAllocate(node: Pick<WeaveNode, 'start' | 'end'>, taken: ReadonlySet<number>, range: string = WEAVE_RANGE): number | null {
  const host = weaveHostRange(range);
  if (!host) return null;
  for (let ip = Math.max(node.start, host.first); ip < node.end && ip <= host.last; ip++) if (!taken.has(ip)) return ip;
  return null;
}

/** Every IPv4 address a machine's namespaces hold (its own and its pods'), as numbers. */
export function addressesOf(m: MachineSpec): Set<number> {
  const out = new Set<number>();
  for (const ns of [m, ...(m.pods ?? [])]) for (const i of ns.interfaces) for (const a of i.addresses ?? []) {
    const c = parseCidr(a);
    if (c) out.add(c.ip >>> 0);
  }
  return out;
}

/**
 * The devices weave-net's launch gives a node (net/bridge.go bridgedFastdpImpl.init, then
 * router/fastdp.go's vxlan vport), with `weave` exposed at the first free address of the node's
 * share as a /12 (launch.sh: `weave --local expose`), or without an address when the share is full.
 */
export function weaveDevices(n: WeaveNode, taken: ReadonlySet<number>, range: string = WEAVE_RANGE): IfaceSpec[] {
  const prefix = parseCidr(range)?.prefix ?? 12;
  const expose = weaveAllocate(n, taken, range);
  return [
    { kind: 'bridge', name: WEAVE_BRIDGE, mac: n.peer, mtu: WEAVE_MTU, ...(expose !== null ? { addresses: [`${formatIp(expose)}/${prefix}`] } : {}) },
    { kind: 'openvswitch', name: WEAVE_DATAPATH, mac: weaveMac(`${WEAVE_DATAPATH}/${n.name}`), mtu: WEAVE_MTU },
    { kind: 'veth', name: VETHWE_BRIDGE, mac: weaveMac(`${VETHWE_BRIDGE}/${n.name}`), mtu: WEAVE_MTU, master: WEAVE_BRIDGE, peer: { ns: n.name, iface: VETHWE_DATAPATH } },
    { kind: 'veth', name: VETHWE_DATAPATH, mac: weaveMac(`${VETHWE_DATAPATH}/${n.name}`), mtu: WEAVE_MTU, vport: WEAVE_DATAPATH, peer: { ns: n.name, iface: VETHWE_BRIDGE } },
    { kind: 'vxlan', name: WEAVE_VXLAN, mac: weaveMac(`${WEAVE_VXLAN}/${n.name}`), mtu: WEAVE_VXLAN_MTU, vni: 0, port: WEAVE_VXLAN_PORT, dev: n.nic.name, external: true, vport: WEAVE_DATAPATH },
  ];
}

/** Names of the devices weave-net's launch makes (not the pods' veths). */
export const WEAVE_DEVICES: ReadonlySet<string> = new Set([WEAVE_BRIDGE, WEAVE_DATAPATH, VETHWE_BRIDGE, VETHWE_DATAPATH, WEAVE_VXLAN]);

/** Whether a machine runs Weave Net (has its OVS datapath). */
export function runsWeave(m: MachineSpec): boolean {
  return m.interfaces.some((i) => i.kind === 'openvswitch' && i.name === WEAVE_DATAPATH);
}

/** What a launch may be told of the cluster it joins (an imported one): its peers' names, and addresses its pods already hold. */
export interface WeaveLaunchOptions {
  /** Peer names by node (the real `weave` bridges' MACs), for nodes not yet running Weave. */
  peers?: ReadonlyMap<string, string>;
  /** Addresses no bridge may be exposed at (pods that will be added with them). */
  reserved?: Iterable<number>;
}

/**
 * The lab with weave-net started on every node that lacks it: Weave's devices added (see
 * weaveDevices), nothing else changed. Pods come later, through the CNI ADD (cni/weave.ts). The
 * datapath becomes `{ cni: 'weave' }`.
 */
export function launchWeave(t: Topology, options: WeaveLaunchOptions = {}): Topology {
  const nodes = weaveNodes(t, WEAVE_RANGE, options.peers);
  // Every address the lab holds: a node launched later must not expose one another peer has.
  const taken = new Set<number>(options.reserved ?? []);
  for (const m of t.machines) for (const a of addressesOf(m)) taken.add(a);
  const machines = t.machines.map((m): MachineSpec => {
    const n = nodes.find((x) => x.name === m.name);
    if (!n || runsWeave(m)) return m;
    const devices = weaveDevices(n, taken);
    for (const d of devices) for (const a of d.addresses ?? []) taken.add((parseCidr(a)?.ip ?? 0) >>> 0);
    return { ...m, interfaces: [...m.interfaces, ...devices] };
  });
  return { ...t, machines, datapath: { cni: 'weave' } };
}

/** A machine without Weave's devices (its pods and their veths are the caller's). */
export function withoutWeaveDevices(m: MachineSpec): MachineSpec {
  return { ...m, interfaces: m.interfaces.filter((i) => !WEAVE_DEVICES.has(i.name)) };
}
