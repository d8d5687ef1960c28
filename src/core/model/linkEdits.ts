import { broadcastOf, formatIp, networkOf, parseCidr, parseIp } from '../net/ipv4';
import { addressesOf, segmentSubnet } from './labEdits';
import { TopologyEditError } from './podNetwork';
import type { EtherIface, IfaceSpec, MachineSpec, NamespaceSpec, RouteSpec, Topology } from './topology';

/*
 * Cabling, as the editor's "drag from an interface" does it: a machine's NIC (an `ether`
 * interface) is plugged into an L2 segment, or into the segment another NIC is on. A veth end and a
 * bridge are refused with the reason: a veth's one link is its peer (`ip link add … type veth peer
 * …` makes both ends together), and a bridge is a switch inside its machine that ports join, not a
 * device that plugs into a wire.
 */

/** One end of a drag: an interface of a namespace (machine or pod). */
export interface IfaceRef {
  ns: string;
  iface: string;
}

/** What {@link linkToSegment} did: the new lab, the NIC's address there, and whether it changed. */
export interface LinkResult {
  topology: Topology;
  /** The NIC's first address after the move (`172.16.101.2/24`), or null when it has none. */
  address: string | null;
  /** True when the NIC took a new address because its old one lay outside the segment's subnet. */
  readdressed: boolean;
  /** Routes of the NIC's namespace the move took away (their gateway is not on the new subnet), as written. */
  droppedRoutes: RouteSpec[];
}

/** Where an interface lives: its machine (by index), its pod when it is in one, and the interface. */
interface Found {
  machine: number;
  pod: number | null;
  iface: IfaceSpec;
  path: string;
}

function find(t: Topology, ref: IfaceRef): Found {
  for (let m = 0; m < t.machines.length; m++) {
    const machine = t.machines[m];
    if (!machine) continue;
    const spaces: [number | null, { name: string; interfaces: IfaceSpec[] }][] = [[null, machine], ...(machine.pods ?? []).map((p, k): [number, typeof p] => [k, p])];
    for (const [pod, ns] of spaces) {
      if (ns.name !== ref.ns) continue;
      const k = ns.interfaces.findIndex((i) => i.name === ref.iface);
      const iface = ns.interfaces[k];
      const base = pod === null ? `machines[${m}]` : `machines[${m}].pods[${pod}]`;
      if (iface) return { machine: m, pod, iface, path: `${base}.interfaces[${k}]` };
      throw new TopologyEditError([{ path: `${base}.interfaces`, code: 'peer-iface-missing', params: { ns: ref.ns, iface: ref.iface } }]);
    }
  }
  throw new TopologyEditError([{ path: 'machines', code: 'peer-ns-missing', params: { ns: ref.ns } }]);
}

/** The NIC found, or the refusal that says why this interface takes no cable. */
function nicOf(t: Topology, ref: IfaceRef): Found & { iface: EtherIface } {
  const f = find(t, ref);
  const name = `${ref.ns}/${ref.iface}`;
  if (f.iface.kind === 'veth') throw new TopologyEditError([{ path: f.path, code: 'link-veth', params: { iface: name, peer: `${f.iface.peer.ns}/${f.iface.peer.iface}` } }]);
  if (f.iface.kind === 'bridge') throw new TopologyEditError([{ path: f.path, code: 'link-bridge', params: { iface: name } }]);
  if (f.iface.kind === 'vxlan') throw new TopologyEditError([{ path: f.path, code: 'link-vxlan', params: { iface: name, dev: f.iface.dev } }]);
  if (f.iface.kind === 'openvswitch') throw new TopologyEditError([{ path: f.path, code: 'link-ovs', params: { iface: name } }]);
  // A WireGuard device has no wire of its own either: its datagrams leave by the route to the peer.
  if (f.iface.kind === 'wireguard') throw new TopologyEditError([{ path: f.path, code: 'link-wireguard', params: { iface: name } }]);
  if (f.iface.kind === 'ipip') throw new TopologyEditError([{ path: f.path, code: 'link-ipip', params: { iface: name } }]);
  return { ...f, iface: f.iface };
}

function inSubnet(ip: string, sub: { net: number; prefix: number }): boolean {
  const a = parseIp(ip);
  return a !== null && networkOf(a, sub.prefix) === sub.net;
}

/**
 * The lab with NIC `ref` plugged into `segment` instead of the segment it was on (as moving a VM's
 * cable, or `virsh domif-setlink` to another network). Its address moves with it when it lies in
 * the segment's subnet; otherwise the NIC takes the subnet's lowest free host address with the
 * segment's prefix, its MAC unchanged. Routes through the NIC whose gateway is not in the new subnet
 * go with the old address, as Linux flushes them when a device's last address is deleted
 * (net/ipv4/fib_frontend.c: fib_inetaddr_event() → fib_disable_ip() → fib_sync_down_dev()); the
 * checks then say which subnets the machine no longer reaches and offer the routes via the new
 * segment's router. A segment left with no NIC
 * is removed with the move (a segment is drawn by its NICs). Plugging a NIC where it already is
 * changes nothing (the same object comes back).
 *
 * @throws TopologyEditError: `ref` is a veth end (`link-veth`) or a bridge (`link-bridge`), does not
 *   exist (`peer-ns-missing`, `peer-iface-missing`), the segment does not (`unknown-segment`), or its
 *   subnet has no free address (`segment-full`).
 */
export function linkToSegment(topology: Topology, ref: IfaceRef, segment: string): LinkResult {
  const nic = nicOf(topology, ref);
  if (!topology.segments.some((s) => s.id === segment)) throw new TopologyEditError([{ path: `${nic.path}.segment`, code: 'unknown-segment', params: { id: segment } }]);
  const first = nic.iface.addresses?.[0] ?? null;
  if (nic.iface.segment === segment) return { topology, address: first, readdressed: false, droppedRoutes: [] };
  const sub = segmentSubnet(topology, segment, nic.iface);
  const mine = parseCidr(first ?? '');
  let addresses = nic.iface.addresses;
  let readdressed = false;
  if (sub && !(mine && mine.prefix === sub.prefix && networkOf(mine.ip, sub.prefix) === sub.net)) {
    const { ips } = addressesOf(topology);
    if (mine) ips.delete(mine.ip);
    let free: number | null = null;
    for (let ip = sub.net + 1; ip < broadcastOf(sub.net, sub.prefix) && free === null; ip++) if (!ips.has(ip)) free = ip;
    if (free === null) throw new TopologyEditError([{ path: `${nic.path}.segment`, code: 'segment-full', params: { segment, subnet: `${formatIp(sub.net)}/${sub.prefix}` } }]);
    addresses = [`${formatIp(free)}/${sub.prefix}`, ...(nic.iface.addresses ?? []).slice(1)];
    readdressed = true;
  }
  const moved: EtherIface = { ...nic.iface, segment, ...(addresses ? { addresses } : {}) };
  const machine = topology.machines[nic.machine] as MachineSpec;
  const owner: NamespaceSpec = nic.pod === null ? machine : ((machine.pods ?? [])[nic.pod] as NamespaceSpec);
  const droppedRoutes = readdressed && sub ? (owner.routes ?? []).filter((r) => r.dev === ref.iface && r.via !== undefined && !r.onlink && !inSubnet(r.via, sub)) : [];
  const rewire = <N extends NamespaceSpec>(ns: N): N => {
    const next = { ...ns, interfaces: ns.interfaces.map((i) => (i === nic.iface ? moved : i)) };
    return droppedRoutes.length > 0 ? { ...next, routes: (ns.routes ?? []).filter((r) => !droppedRoutes.includes(r)) } : next;
  };
  const machines = topology.machines.map((m, k): MachineSpec => {
    if (k !== nic.machine) return m;
    return nic.pod === null ? rewire(m) : { ...m, pods: (m.pods ?? []).map((p, j) => (j === nic.pod ? rewire(p) : p)) };
  });
  const used = new Set(machines.flatMap((m) => [m, ...(m.pods ?? [])].flatMap((ns) => ns.interfaces.flatMap((i) => (i.kind === 'ether' ? [i.segment] : [])))));
  const old = nic.iface.segment;
  const segments = used.has(old) ? topology.segments : topology.segments.filter((s) => s.id !== old);
  return { topology: { ...topology, segments, machines }, address: addresses?.[0] ?? null, readdressed, droppedRoutes };
}

/**
 * The lab after a drag from interface `from` to interface `to`: `from` joins the segment `to` is on
 * ({@link linkToSegment}). Nothing changes when both are already on one segment.
 *
 * @throws TopologyEditError: the same interface (`link-self`), either end a veth or a bridge, or
 *   whatever {@link linkToSegment} refuses.
 */
export function linkInterfaces(topology: Topology, from: IfaceRef, to: IfaceRef): LinkResult {
  if (from.ns === to.ns && from.iface === to.iface) {
    const f = find(topology, from);
    throw new TopologyEditError([{ path: f.path, code: 'link-self', params: { iface: `${from.ns}/${from.iface}` } }]);
  }
  nicOf(topology, from);
  const target = nicOf(topology, to);
  return linkToSegment(topology, from, target.iface.segment);
}

/**
 * The lab without NIC `ref` (`ip link del`): the routes through it go with it, as Linux deletes a
 * device's routes with the device (fib_disable_ip() from the NETDEV_UNREGISTER event), and a
 * segment left with no NIC goes too. A veth end goes with its pod, a bridge is refused.
 *
 * @throws TopologyEditError: `ref` is a veth end (`link-veth`), a bridge (`link-bridge`), or does not exist.
 */
export function removeNic(topology: Topology, ref: IfaceRef): Topology {
  const nic = nicOf(topology, ref);
  const drop = <N extends NamespaceSpec>(ns: N): N => {
    const routes = (ns.routes ?? []).filter((r) => r.dev !== ref.iface);
    const next = { ...ns, interfaces: ns.interfaces.filter((i) => i !== nic.iface) };
    return ns.routes ? { ...next, routes } : next;
  };
  const machines = topology.machines.map((m, k): MachineSpec => {
    if (k !== nic.machine) return m;
    return nic.pod === null ? drop(m) : { ...m, pods: (m.pods ?? []).map((p, j) => (j === nic.pod ? drop(p) : p)) };
  });
  const used = new Set(machines.flatMap((m) => [m, ...(m.pods ?? [])].flatMap((ns) => ns.interfaces.flatMap((i) => (i.kind === 'ether' ? [i.segment] : [])))));
  return { ...topology, machines, segments: topology.segments.filter((s) => used.has(s.id)) };
}
