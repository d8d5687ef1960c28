import { blockOf, blockOrder, CALICO_BLOCK_SIZE, type CalicoPool } from '../cni/calicoBlocks';
import { seededEntropy } from '../cni/entropy';
import { formatIp, networkOf, parseCidr, parseIp } from '../net/ipv4';
import { TopologyEditError } from './editError';
import type { CalicoEncapsulation, DatapathSpec, FdbSpec, IfaceSpec, MachineSpec, NeighbourSpec, RouteSpec, Topology, VxlanIface } from './topology';
import type { IpipIface } from './ipipIface';

/*
 * What Calico's daemons program on every node, as a pure transform of the lab (no CNI code: the
 * presets on the player's first page use it). The pods themselves are wired by Calico's CNI plugin
 * (cni/calico.ts) through addPod; this file adds what calico-node does around them:
 * - Felix, for each local pod: a static neighbour entry `<pod IP> lladdr <pod MAC> dev cali… nud
 *   permanent` (felix/routetable/route_table.go addStaticARPEntry), so the node never ARPs for its
 *   own pods;
 * - encapsulation `none`: BIRD's routes learned over the full node-to-node BGP mesh, one per block
 *   a remote node holds, `<block>/26 via <node IP> dev eth0 proto bird` (confd's bird.cfg exports
 *   each local block, not the /32s inside it). The next hop is the remote node itself, so the nodes
 *   must share a layer-2 network (refused otherwise, as host-gw is). BIRD also installs each local
 *   block as a `blackhole` route; the lab has no blackhole routes (RouteSpec has no type), so an
 *   address of a local block no pod holds is routed by the node's default route instead of dropped;
 * - encapsulation `vxlan` (felix/vxlanfdb/vxlan_fdb.go, felix/dataplane/linux/vxlan_mgr.go): the
 *   device `vxlan.calico` (VNI 4096, UDP port 4789, learning off, MTU the NIC's minus 50) holding
 *   the node's tunnel address (calico-node allocates it from the node's block, node/pkg/allocateip),
 *   and for each remote node, in order, a permanent neighbour `<tunnel IP> lladdr <tunnel MAC>`, a
 *   permanent FDB entry `<tunnel MAC> dst <node IP>`, and a route to each of its blocks `via
 *   <tunnel IP> dev vxlan.calico onlink`. No BGP is needed;
 * - encapsulation `ipip` (the pool's ipipMode Always, minikube's manifest default): Felix brings up
 *   `tunl0`, the ipip module's fallback tunnel (felix/dataplane/linux/ipip_mgr.go), with MTU the
 *   NIC's minus 20 (int_dataplane.go ipipMTUOverhead) and the node's tunnel address as a /32
 *   (calico-node's allocateip: handle `ipip-tunnel-addr-<node>`, the first free address of its
 *   block); BIRD installs each remote block `via <node IP> dev tunl0 onlink` (confd's
 *   bird_ipam.cfg.template, filter calico_kernel_programming: `krt_tunnel = "tunl0"` for a pool
 *   with ipip_mode; Calico's BIRD then sets the device and the onlink flag), `proto bird`. The outer
 *   packet goes to the node address by the node's own routes, so the nodes need not share a segment.
 * The pool: the spec's `pool`, else the /16 holding the first pod address found on a node.
 */

/** Calico's VXLAN device (felix dataplanedefs VXLANIfaceNameV4). */
export const CALICO_VXLAN_DEV = 'vxlan.calico';
/** FelixConfiguration vxlanVNI's default. */
export const CALICO_VNI = 4096;
/** FelixConfiguration vxlanPort's default: IANA's 4789, not the Linux driver's 8472. */
export const CALICO_VXLAN_PORT = 4789;
/** VXLAN's 50 bytes: outer IPv4 20, UDP 8, VXLAN 8, inner Ethernet 14 (felix int_dataplane.go vxlanMTUOverhead). */
export const CALICO_VXLAN_OVERHEAD = 50;
/** The ipip module's fallback tunnel, which Felix configures (felix dataplanedefs IPIPIfaceName). */
export const CALICO_IPIP_DEV = 'tunl0';
/** IP-in-IP's 20 bytes: the outer IPv4 header alone (felix int_dataplane.go ipipMTUOverhead). */
export const CALICO_IPIP_OVERHEAD = 20;

/** The tunnel device of an encapsulation (none without one). */
export function calicoTunnelDev(encapsulation: CalicoEncapsulation): string | null {
  return encapsulation === 'vxlan' ? CALICO_VXLAN_DEV : encapsulation === 'ipip' ? CALICO_IPIP_DEV : null;
}

/** The bytes an encapsulation adds to each packet between nodes (the pods' MTU is the NIC's less this). */
export function calicoOverhead(encapsulation: CalicoEncapsulation): number {
  return encapsulation === 'vxlan' ? CALICO_VXLAN_OVERHEAD : encapsulation === 'ipip' ? CALICO_IPIP_OVERHEAD : 0;
}

/** The Calico datapath spec, narrowed. */
export type CalicoSpec = Extract<DatapathSpec, { cni: 'calico' }>;

/** A node Calico serves: its NIC, its address there and its segment. */
export interface CalicoNode {
  name: string;
  extDev: string;
  segment: string;
  extMtu: number;
  ip: string;
}

/** The nodes: machines of role `node` with an addressed NIC that is no bridge port. */
export function calicoNodes(t: Topology): CalicoNode[] {
  const out: CalicoNode[] = [];
  for (const m of t.machines) {
    if (m.role !== 'node') continue;
    const ext = m.interfaces.find((i): i is Extract<IfaceSpec, { kind: 'ether' }> => i.kind === 'ether' && (i.addresses ?? []).length > 0 && i.master === undefined);
    const addr = parseCidr(ext?.addresses?.[0] ?? '');
    if (!ext || !addr) continue;
    out.push({ name: m.name, extDev: ext.name, segment: ext.segment, extMtu: ext.mtu ?? 1500, ip: formatIp(addr.ip) });
  }
  return out;
}

/** The IPv4 addresses of a pod's interfaces. */
function podIps(p: { interfaces: readonly IfaceSpec[] }): number[] {
  return p.interfaces.flatMap((i) => (i.addresses ?? []).flatMap((a) => {
    const c = parseCidr(a);
    return c ? [c.ip] : [];
  }));
}

/** The pool's CIDR: the spec's, else the /16 holding the first pod address (or pod subnet) on a node; 10.244.0.0/16 (kubeadm's podSubnet under minikube) when there is none. */
export function calicoPoolCidr(t: Topology, spec?: CalicoSpec): string {
  const given = spec?.pool ?? (t.datapath?.cni === 'calico' ? t.datapath.pool : undefined);
  if (given !== undefined) return given;
  for (const m of t.machines) {
    if (m.role !== 'node') continue;
    const ip = (m.pods ?? []).flatMap(podIps)[0] ?? parseCidr(m.cni?.podCidr ?? '')?.ip;
    if (ip !== undefined) return `${formatIp(networkOf(ip, 16))}/16`;
  }
  return '10.244.0.0/16';
}

/** The lab's IP pool as calico-node creates it (natOutgoing on, the default /26 blocks). */
export function calicoPool(t: Topology, spec?: CalicoSpec): CalicoPool {
  const enc = spec?.encapsulation ?? (t.datapath?.cni === 'calico' ? t.datapath.encapsulation : 'none');
  return { cidr: calicoPoolCidr(t, spec), blockSize: CALICO_BLOCK_SIZE, ipipMode: enc === 'ipip' ? 'Always' : 'Never', vxlanMode: enc === 'vxlan' ? 'Always' : 'Never', natOutgoing: true };
}

/** The addresses a node holds in the pool, tunnel address first, each with what holds it (a pod, or the tunnel device `dev`). */
export function calicoAllocations(m: MachineSpec, pool: CalicoPool): { ip: number; pod?: string; dev?: string }[] {
  const p = parseCidr(pool.cidr);
  if (!p) return [];
  const inPool = (ip: number): boolean => networkOf(ip, p.prefix) === p.ip;
  const out: { ip: number; pod?: string; dev?: string }[] = [];
  // A node holds the tunnel address of its device (vxlan.calico or tunl0), whichever it has.
  for (const dev of [CALICO_VXLAN_DEV, CALICO_IPIP_DEV]) {
    const tunnel = parseCidr(m.interfaces.find((i) => i.name === dev)?.addresses?.[0] ?? '');
    if (tunnel && inPool(tunnel.ip)) out.push({ ip: tunnel.ip, dev });
  }
  for (const pod of m.pods ?? []) for (const ip of podIps(pod)) if (inPool(ip)) out.push({ ip, pod: pod.name });
  return out;
}

/** Each node's blocks (by affinity: the blocks its addresses are in), in datastore key order. */
export function calicoBlocks(t: Topology, pool: CalicoPool): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of t.machines) {
    if (m.role !== 'node') continue;
    const blocks = [...new Set(calicoAllocations(m, pool).map((a) => blockOf(pool, a.ip)))];
    out.set(m.name, blocks.sort((a, b) => (a.replace('/', '-') < b.replace('/', '-') ? -1 : 1)));
  }
  return out;
}

/** A locally administered unicast MAC seeded by the node's name: calico-node's random tunnel MAC, repeatable. */
export function calicoTunnelMac(node: string): string {
  const b = seededEntropy(`vxlan.calico/${node}`).bytes(6, 'bridge-mac');
  b[0] = ((b[0] ?? 0) & 0xfe) | 0x02;
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/**
 * The node's tunnel address on `dev`, as calico-node's allocateip picks it: the one it has, else the
 * first free address of its first block, else the first address of the first block nobody holds.
 */
function tunnelIp(t: Topology, m: MachineSpec, pool: CalicoPool, blocks: Map<string, string[]>, dev: string): string | null {
  const have = m.interfaces.find((i) => i.name === dev)?.addresses?.[0];
  if (have !== undefined) return have.split('/')[0] ?? null;
  const used = new Set(calicoAllocations(m, pool).map((a) => a.ip));
  for (const b of blocks.get(m.name) ?? []) {
    const c = parseCidr(b);
    if (!c) continue;
    for (let o = 0; o < 2 ** (32 - c.prefix); o++) if (!used.has(c.ip + o)) return formatIp(c.ip + o);
  }
  const taken = new Set([...blocks.values()].flat());
  const free = blockOrder(pool, m.name).find((b) => !taken.has(b));
  return free === undefined ? null : (free.split('/')[0] ?? null);
}

/** What calico-node programs on one node (see the header). */
export interface CalicoProgram {
  node: string;
  device?: VxlanIface | IpipIface;
  neighbours: NeighbourSpec[];
  fdb: FdbSpec[];
  routes: RouteSpec[];
}

/** Felix's static ARP entries for a node's pods: each pod's address and MAC on the host end of its veth. */
function felixNeighbours(m: MachineSpec): NeighbourSpec[] {
  const out: NeighbourSpec[] = [];
  for (const hostEnd of m.interfaces) {
    if (hostEnd.kind !== 'veth' || hostEnd.master !== undefined || !hostEnd.name.startsWith('cali')) continue;
    const pod = (m.pods ?? []).find((p) => p.name === hostEnd.peer.ns);
    const podEnd = pod?.interfaces.find((i) => i.name === hostEnd.peer.iface);
    for (const a of podEnd?.addresses ?? []) out.push({ ip: a.split('/')[0] ?? '', mac: podEnd?.mac ?? '', dev: hostEnd.name, state: 'PERMANENT' });
  }
  return out;
}

/** A seeded placeholder MAC for tunl0, which has none (`link/ipip 0.0.0.0`): the lab's interfaces all carry one. */
export function calicoIpipMac(node: string): string {
  const b = seededEntropy(`tunl0/${node}`).bytes(6, 'bridge-mac');
  b[0] = ((b[0] ?? 0) & 0xfe) | 0x02;
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/**
 * What calico-node programs on every node under `spec`, in its order: the tunnel device (vxlan,
 * ipip), Felix's static ARP entries for local pods, then per remote node its neighbour, FDB entry
 * and block routes (vxlan), or its block routes (none: via eth0; ipip: via tunl0 onlink). Pure.
 */
export function calicoProgram(t: Topology, spec: CalicoSpec): CalicoProgram[] {
  const pool = calicoPool(t, spec);
  const nodes = calicoNodes(t);
  const blocks = calicoBlocks(t, pool);
  const tunnels = new Map<string, string>();
  const tunnelDev = calicoTunnelDev(spec.encapsulation);
  if (tunnelDev !== null) {
    for (const n of nodes) {
      const m = t.machines.find((x) => x.name === n.name) as MachineSpec;
      const ip = tunnelIp(t, m, pool, blocks, tunnelDev);
      if (ip === null) continue;
      tunnels.set(n.name, ip);
      const b = blockOf(pool, parseIp(ip) ?? 0);
      if (!(blocks.get(n.name) ?? []).includes(b)) blocks.set(n.name, [...(blocks.get(n.name) ?? []), b]);
    }
  }
  return nodes.map((n) => {
    const m = t.machines.find((x) => x.name === n.name) as MachineSpec;
    const remote = nodes.filter((o) => o !== n);
    const felix = felixNeighbours(m);
    if (spec.encapsulation === 'none') {
      return { node: n.name, neighbours: felix, fdb: [], routes: remote.flatMap((o) => (blocks.get(o.name) ?? []).map((b) => ({ dst: b, via: o.ip, dev: n.extDev }))) };
    }
    const own = tunnels.get(n.name);
    if (spec.encapsulation === 'ipip') {
      // BIRD's routes name the remote node itself as gateway, through tunl0 (onlink: no connected route covers it).
      const tunl0: IpipIface | undefined = own === undefined ? undefined : { kind: 'ipip', name: CALICO_IPIP_DEV, mac: calicoIpipMac(n.name), addresses: [`${own}/32`], mtu: n.extMtu - CALICO_IPIP_OVERHEAD };
      return {
        node: n.name, ...(tunl0 ? { device: tunl0 } : {}), neighbours: felix, fdb: [],
        routes: tunl0 ? remote.flatMap((o) => (blocks.get(o.name) ?? []).map((b) => ({ dst: b, via: o.ip, dev: CALICO_IPIP_DEV, onlink: true }))) : [],
      };
    }
    const device: VxlanIface | undefined = own === undefined ? undefined : {
      kind: 'vxlan', name: CALICO_VXLAN_DEV, mac: calicoTunnelMac(n.name), addresses: [`${own}/32`], mtu: n.extMtu - CALICO_VXLAN_OVERHEAD,
      vni: CALICO_VNI, port: CALICO_VXLAN_PORT, local: n.ip, dev: n.extDev,
    };
    const peers = remote.filter((o) => tunnels.has(o.name));
    return {
      node: n.name,
      ...(device ? { device } : {}),
      neighbours: device ? [...felix, ...peers.map((o) => ({ ip: tunnels.get(o.name) as string, mac: calicoTunnelMac(o.name), dev: CALICO_VXLAN_DEV, state: 'PERMANENT' as const }))] : felix,
      fdb: device ? peers.map((o) => ({ mac: calicoTunnelMac(o.name), dev: CALICO_VXLAN_DEV, dst: o.ip })) : [],
      routes: device ? peers.flatMap((o) => (blocks.get(o.name) ?? []).map((b) => ({ dst: b, via: tunnels.get(o.name) as string, dev: CALICO_VXLAN_DEV, onlink: true }))) : [],
    };
  });
}

/** A machine without what calico-node programmed: vxlan.calico and its entries, tunl0 and its routes, BIRD's block routes, Felix's ARP entries on cali* devices. */
export function withoutCalicoProgram(m: MachineSpec, t: Topology, pool: CalicoPool): MachineSpec {
  const p = parseCidr(pool.cidr);
  const nodeIps = new Set(calicoNodes(t).filter((n) => n.name !== m.name).map((n) => n.ip));
  const isBird = (r: RouteSpec): boolean => {
    const d = parseCidr(r.dst);
    return r.via !== undefined && nodeIps.has(r.via) && d !== null && p !== null && d.prefix === pool.blockSize && networkOf(d.ip, p.prefix) === p.ip;
  };
  const { fdb: _fdb, ...rest } = m;
  const out: MachineSpec = {
    ...rest,
    interfaces: m.interfaces.filter((i) => i.name !== CALICO_VXLAN_DEV && i.name !== CALICO_IPIP_DEV),
    routes: (m.routes ?? []).filter((r) => r.dev !== CALICO_VXLAN_DEV && r.dev !== CALICO_IPIP_DEV && !isBird(r)),
    neighbours: (m.neighbours ?? []).filter((n) => n.dev !== CALICO_VXLAN_DEV && !n.dev.startsWith('cali')),
  };
  const fdb = (m.fdb ?? []).filter((f) => f.dev !== CALICO_VXLAN_DEV);
  if (fdb.length > 0) out.fdb = fdb;
  if (out.routes?.length === 0) delete out.routes;
  if (out.neighbours?.length === 0) delete out.neighbours;
  return out;
}

/** The MTU Calico's pods get (veth_mtu "0": calico-node's auto-detection): the NIC's, less 50 under VXLAN, less 20 under IP-in-IP. */
export function calicoPodMtu(m: MachineSpec, encapsulation: CalicoSpec['encapsulation']): number {
  const eth = m.interfaces.find((i) => i.kind === 'ether');
  return (eth?.mtu ?? 1500) - calicoOverhead(encapsulation);
}

/** Pods' interfaces and their cali* host ends at `mtu` (absent when 1500). */
function withCalicoPodMtu(m: MachineSpec, mtu: number): MachineSpec {
  const set = <T extends IfaceSpec>(i: T): T => {
    if (i.kind !== 'veth') return i;
    const { mtu: _old, ...rest } = i;
    return (mtu === 1500 ? rest : { ...rest, mtu }) as T;
  };
  const hostEnds = (i: IfaceSpec): IfaceSpec => (i.kind === 'veth' && i.name.startsWith('cali') ? set(i) : i);
  return { ...m, interfaces: m.interfaces.map(hostEnds), ...(m.pods ? { pods: m.pods.map((p) => ({ ...p, interfaces: p.interfaces.map(set) })) } : {}) };
}

/**
 * The lab (already under Calico: its pods wired by Calico's plugin) with calico-node's program for
 * `spec` in place of whatever it had, and its pods at the mode's MTU. Pure; returns a new topology.
 * @throws TopologyEditError `calico-bgp-no-l2` for `none` when a node shares no layer-2 segment
 *   with the first node: BIRD's routes name the remote node as next hop, so it must be on-link.
 */
export function programCalico(t: Topology, spec: CalicoSpec): Topology {
  const nodes = calicoNodes(t);
  if (spec.encapsulation === 'none') {
    const first = nodes[0];
    const apart = nodes.find((n) => n.segment !== first?.segment);
    if (first && apart) throw new TopologyEditError([{ path: 'datapath', code: 'calico-bgp-no-l2', params: { node: apart.name, other: first.name } }]);
  }
  const pool = calicoPool(t, spec);
  const bare: Topology = { ...t, machines: t.machines.map((m) => (nodes.some((n) => n.name === m.name) ? withoutCalicoProgram(m, t, pool) : m)) };
  // A tunnel address a node has on the mode's own device is kept (read from the lab as it was);
  // the other mode's device goes, and its address with it (calico-node releases it).
  const dev = calicoTunnelDev(spec.encapsulation);
  const kept: Topology = dev === null ? bare : { ...t, machines: t.machines.map((m) => (nodes.some((n) => n.name === m.name) ? { ...m, interfaces: m.interfaces.filter((i) => i.name === dev || (i.name !== CALICO_VXLAN_DEV && i.name !== CALICO_IPIP_DEV)) } : m)) };
  const program = calicoProgram(kept, spec);
  const machines = bare.machines.map((m) => {
    const p = program.find((x) => x.node === m.name);
    if (!p) return m;
    const out: MachineSpec = { ...m, interfaces: p.device ? [...m.interfaces, p.device] : m.interfaces };
    if (p.routes.length > 0) out.routes = [...(m.routes ?? []), ...p.routes];
    if (p.neighbours.length > 0) out.neighbours = [...(m.neighbours ?? []), ...p.neighbours];
    if (p.fdb.length > 0) out.fdb = [...(m.fdb ?? []), ...p.fdb];
    return withCalicoPodMtu(out, calicoPodMtu(m, spec.encapsulation));
  });
  return { ...t, machines, datapath: spec };
}

/** Whether a lab's pods were wired by Calico's plugin (every pod's host end is a cali* veth outside any bridge). */
export function podsWiredByCalico(t: Topology): boolean {
  return t.machines.every((m) => (m.pods ?? []).every((p) => m.interfaces.some((i) => i.kind === 'veth' && i.peer.ns === p.name && i.name.startsWith('cali') && i.master === undefined)));
}
