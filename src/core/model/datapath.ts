import { seededEntropy } from '../cni/entropy';
import { formatIp, networkOf, parseCidr } from '../net/ipv4';
import { programCalico } from './datapathCalico';
import { enterCilium, leaveCilium } from './datapathCilium';
import { TopologyEditError } from './editError';
import type { DatapathSpec, FdbSpec, IfaceSpec, MachineSpec, NeighbourSpec, RouteSpec, Topology, VxlanIface } from './topology';

/*
 * The lab's datapath modes as pure transforms: what flanneld programs on every node for its
 * backend, and switching a lab from one mode to another. Facts from flannel's
 * pkg/backend/vxlan/{vxlan.go,device.go,vxlan_network.go} and pkg/backend/hostgw/hostgw.go:
 * - vxlan: the device `flannel.<VNI>` (VNI 1, the kernel's default port 8472, nolearning), MTU the
 *   external interface's minus 50 (encapOverhead: outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet
 *   14), its address the node's lease subnet IP as a /32; then for each remote node, in this order
 *   (handleSubnetEvents): a permanent neighbour `<subnet .0> lladdr <VTEP MAC> dev flannel.1`, a
 *   permanent FDB entry `<VTEP MAC> dst <node IP> dev flannel.1 self`, and last the route
 *   `<subnet> via <subnet .0> dev flannel.1 onlink`, so the kernel never ARPs for that gateway.
 * - host-gw: for each remote node, `<subnet> via <node IP> dev <external interface>`.
 */

/** The flannel device's name for VNI 1, as flanneld names it (`flannel.<VNI>`). */
export const FLANNEL_DEV = 'flannel.1';
/** Flannel's VNI on Linux. */
export const FLANNEL_VNI = 1;
/** The Linux vxlan driver's default UDP port (IANA's is 4789). */
export const VXLAN_PORT = 8472;
/** Bytes VXLAN adds around a frame: outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 (VXLAN_HEADROOM). */
export const VXLAN_OVERHEAD = 50;

/** A node flannel serves: its external NIC, its address there and its pod subnet (from the bridge's address). */
export interface FlannelNode {
  name: string;
  /** The external interface (the NIC holding the node's address), e.g. `eth0`, and its segment. */
  extDev: string;
  segment: string;
  extMtu: number;
  /** The node's address (flannel's PublicIP). */
  ip: string;
  /** The pod subnet (the lease), e.g. `10.10.10.0/24`, and its network address `10.10.10.0`. */
  subnet: string;
  subnetIp: string;
  /** The VTEP MAC flannel.1 has on this node. */
  vtepMac: string;
}

/** What flanneld programs on one node: the VXLAN device (vxlan only) and, per remote node, its entries. */
export interface FlannelProgram {
  node: string;
  device?: VxlanIface;
  neighbours: NeighbourSpec[];
  fdb: FdbSpec[];
  routes: RouteSpec[];
}

/** A locally administered unicast MAC seeded by the node's name, so the same lab gets the same VTEP. */
export function vtepMac(node: string): string {
  // eth_random_addr(), as the kernel gives a new vxlan device (flanneld keeps the one it got): six
  // seeded bytes, multicast bit cleared, locally administered bit set (as randomMac in cni/kernel.ts,
  // written out here so the player's first page does not load the CNI model for a preset's MAC).
  const b = seededEntropy(`flannel.1/${node}`).bytes(6, 'bridge-mac');
  b[0] = ((b[0] ?? 0) & 0xfe) | 0x02;
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** The nodes flannel serves: machines with role `node`, a lease (`cni.podCidr`, or a bridge with an address) and an addressed NIC. */
export function flannelNodes(t: Topology): FlannelNode[] {
  const out: FlannelNode[] = [];
  for (const m of t.machines) {
    if (m.role !== 'node') continue;
    const bridge = m.interfaces.find((i) => i.kind === 'bridge' && (i.addresses ?? []).length > 0);
    const ext = m.interfaces.find((i): i is Extract<IfaceSpec, { kind: 'ether' }> => i.kind === 'ether' && (i.addresses ?? []).length > 0 && i.master === undefined);
    // The lease: the node's podCIDR when the lab records it (a node without pods has no cni0 yet), else its bridge's subnet.
    const lease = parseCidr(m.cni?.podCidr ?? '') ?? parseCidr(bridge?.addresses?.[0] ?? '');
    const addr = parseCidr(ext?.addresses?.[0] ?? '');
    if (!ext || !lease || !addr) continue;
    const net = networkOf(lease.ip, lease.prefix);
    out.push({
      name: m.name, extDev: ext.name, segment: ext.segment, extMtu: ext.mtu ?? 1500, ip: formatIp(addr.ip),
      subnet: `${formatIp(net)}/${lease.prefix}`, subnetIp: formatIp(net), vtepMac: vtepMac(m.name),
    });
  }
  return out;
}

/**
 * What flanneld programs on every node for `backend`, in its order: the device first (vxlan),
 * then for each other node in the lab's order its neighbour, FDB entry and route (vxlan) or its
 * route (host-gw). Pure; reads only the nodes (see {@link flannelNodes}).
 */
export function flannelProgram(t: Topology, backend: 'host-gw' | 'vxlan'): FlannelProgram[] {
  const nodes = flannelNodes(t);
  return nodes.map((n) => {
    const remote = nodes.filter((o) => o !== n);
    if (backend === 'host-gw') {
      return { node: n.name, neighbours: [], fdb: [], routes: remote.map((o) => ({ dst: o.subnet, via: o.ip, dev: n.extDev })) };
    }
    const device: VxlanIface = {
      kind: 'vxlan', name: FLANNEL_DEV, mac: n.vtepMac, addresses: [`${n.subnetIp}/32`], mtu: n.extMtu - VXLAN_OVERHEAD,
      vni: FLANNEL_VNI, port: VXLAN_PORT, local: n.ip, dev: n.extDev,
    };
    return {
      node: n.name,
      device,
      neighbours: remote.map((o) => ({ ip: o.subnetIp, mac: o.vtepMac, dev: FLANNEL_DEV, state: 'PERMANENT' as const })),
      fdb: remote.map((o) => ({ mac: o.vtepMac, dev: FLANNEL_DEV, dst: o.ip })),
      routes: remote.map((o) => ({ dst: o.subnet, via: o.subnetIp, dev: FLANNEL_DEV, onlink: true })),
    };
  });
}

/** A machine without what any flannel backend programmed: VXLAN devices and their entries, host-gw routes. */
function withoutFlannel(m: MachineSpec, nodes: readonly FlannelNode[]): MachineSpec {
  const vxlans = new Set(m.interfaces.filter((i) => i.kind === 'vxlan').map((i) => i.name));
  const hostGw = new Set(nodes.filter((o) => o.name !== m.name).map((o) => `${o.subnet} via ${o.ip}`));
  const { fdb: _fdb, ...rest } = m;
  const out: MachineSpec = {
    ...rest,
    interfaces: m.interfaces.filter((i) => !vxlans.has(i.name)),
    routes: (m.routes ?? []).filter((r) => !vxlans.has(r.dev) && !hostGw.has(`${r.dst} via ${r.via ?? ''}`)),
    neighbours: (m.neighbours ?? []).filter((n) => !vxlans.has(n.dev)),
  };
  if (out.routes?.length === 0) delete out.routes;
  if (out.neighbours?.length === 0) delete out.neighbours;
  return out;
}

/** The MTU pods get under a mode (FLANNEL_MTU for vxlan), on cni0, the veths and the pods' eth0, as on pods created under it. */
function withPodMtu(m: MachineSpec, mtu: number): MachineSpec {
  const set = <T extends IfaceSpec>(i: T): T => {
    if (i.kind !== 'bridge' && i.kind !== 'veth') return i;
    const { mtu: _old, ...rest } = i;
    return (mtu === 1500 ? rest : { ...rest, mtu }) as T;
  };
  return { ...m, interfaces: m.interfaces.map(set), ...(m.pods ? { pods: m.pods.map((p) => ({ ...p, interfaces: p.interfaces.map(set) })) } : {}) };
}

/**
 * The lab switched to datapath mode `spec`: what the other modes programmed is removed, then this
 * mode's program is added to each node (see {@link flannelProgram}), and the pods' MTU follows it
 * (the underlay's minus 50 under VXLAN). Returns a new topology; the given one is not changed.
 * A lab under Cilium is first taken back to bridges (leaveCilium); Cilium is entered from the
 * bridge mode (enterCilium, which throws `cilium-native-no-l2` for native routing across segments).
 * Throws TopologyEditError `hostgw-no-l2` when host-gw is asked of nodes that do not share one
 * layer-2 segment: host-gw's routes name the remote node itself as the gateway, so it must be
 * directly reachable (flannel's docs: it needs direct L2 connectivity between hosts). Between
 * Calico's encapsulations it runs calico-node's program (datapathCalico.ts); into or out of Calico
 * it throws an Error (`datapath-rewire`): the pods must be re-created, which switchDatapath
 * (datapathCalicoSwitch.ts) does.
 */
export function setDatapath(from: Topology, spec: DatapathSpec): Topology {
  // Between Calico's encapsulations only calico-node's program changes (CNI-free). Into or out of
  // Calico every pod must be wired again by the other CNI: switchDatapath (datapathCalicoSwitch.ts)
  // does that through addPod, so this module, which the first page loads, stays free of the CNI model.
  if (from.datapath?.cni === 'calico' && spec.cni === 'calico') return programCalico(from, spec);
  if (from.datapath?.cni === 'calico' || spec.cni === 'calico') throw new Error(`datapath-rewire: ${from.datapath?.cni ?? 'bridge'} → ${spec.cni}: use switchDatapath`);
  // Weave Net's pods live on its own flat network from its own IPAM: re-created the same way.
  if (from.datapath?.cni === 'weave' || spec.cni === 'weave') throw new Error(`datapath-rewire: ${from.datapath?.cni ?? 'bridge'} → ${spec.cni}: use switchDatapath`);
  // Cilium's lab is rebuilt from the bridge mode both ways (model/datapathCilium.ts).
  const t = from.datapath?.cni === 'cilium' ? leaveCilium(from) : from;
  if (spec.cni === 'cilium') return enterCilium(setDatapath(t, { cni: 'bridge' }), spec.routing, spec.wireguard === true);
  const nodes = flannelNodes(t);
  if (spec.cni === 'flannel' && spec.backend === 'host-gw') {
    const first = nodes[0];
    const apart = nodes.find((n) => n.segment !== first?.segment);
    if (first && apart) throw new TopologyEditError([{ path: 'datapath', code: 'hostgw-no-l2', params: { node: apart.name, other: first.name } }]);
  }
  const program = spec.cni === 'flannel' ? flannelProgram(t, spec.backend) : [];
  const machines = t.machines.map((m) => {
    if (!nodes.some((n) => n.name === m.name)) return m;
    const base = withoutFlannel(m, nodes);
    const p = program.find((x) => x.node === m.name);
    const node = nodes.find((n) => n.name === m.name) as FlannelNode;
    const mtu = spec.cni === 'flannel' && spec.backend === 'vxlan' ? node.extMtu - VXLAN_OVERHEAD : 1500;
    if (!p) return withPodMtu(base, mtu);
    const out: MachineSpec = {
      ...base,
      interfaces: p.device ? [...base.interfaces, p.device] : base.interfaces,
      routes: [...(base.routes ?? []), ...p.routes],
    };
    if (p.neighbours.length > 0) out.neighbours = [...(base.neighbours ?? []), ...p.neighbours];
    if (p.fdb.length > 0) out.fdb = p.fdb;
    if (out.routes?.length === 0) delete out.routes;
    return withPodMtu(out, mtu);
  });
  const { datapath: _old, ...rest } = t;
  return spec.cni === 'bridge' ? { ...rest, machines } : { ...rest, machines, datapath: spec };
}
