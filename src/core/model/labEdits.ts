import { broadcastOf, formatIp, networkOf, parseCidr } from '../net/ipv4';
import { flannelNodes, setDatapath } from './datapath';
import { programCalico } from './datapathCalico';
import { launchWeave } from './datapathWeave';
import type { EtherIface, IfaceSpec, MachineSpec, RouteSpec, Topology } from './topology';

export { samePositionsAside } from './samePositions';

/*
 * The editor's edits of a lab, as pure functions: each returns a new topology and never changes
 * the one it is given (topology objects are frozen by the validation caches). A pod is added by
 * addPod (podNetwork.ts) only; these add machines and segments the way an admin would wire them by
 * hand: the next free address of the segment's subnet, the next free pod subnet for a node's
 * bridge, a default route via the router, forwarding on.
 */

/** A point of the drawing (its units), where the user dropped something. */
export interface LabPoint {
  x: number;
  y: number;
}

/** An edit's result: the new topology and the name (or segment id) it created. */
export interface LabEdit {
  topology: Topology;
  name: string;
}

/** The seed's VM network: used for a lab's first segment, and as the base of new segments' subnets. */
const FIRST_SEGMENT_NET = (172 << 24) | (16 << 16) | (100 << 8);

/** `02:00:ac:10:64:03` for 172.16.100.3, as the seed lab names MACs (the owner's address in hex). */
export function macFor(ip: number): string {
  const hex = [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].map((o) => o.toString(16).padStart(2, '0'));
  return ['02', '00', ...hex].join(':');
}

/** Every IPv4 address of the lab, and every network it has an address in (by `net/prefix`). */
export function addressesOf(t: Topology): { ips: Set<number>; nets: Set<string> } {
  const ips = new Set<number>();
  const nets = new Set<string>();
  for (const m of t.machines) {
    for (const ns of [m, ...(m.pods ?? [])]) {
      for (const i of ns.interfaces) {
        for (const a of i.addresses ?? []) {
          const c = parseCidr(a);
          if (!c) continue;
          ips.add(c.ip);
          nets.add(`${networkOf(c.ip, c.prefix) >>> 0}/${c.prefix}`);
        }
      }
    }
  }
  return { ips, nets };
}

/** `base1`, `base2`, … : the first name no namespace (or segment, for segments) uses. */
export function freeName(base: string, used: Set<string>, alone = false): string {
  if (alone && !used.has(base)) return base;
  for (let n = 1; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

export function namespaceNames(t: Topology): Set<string> {
  return new Set(t.machines.flatMap((m) => [m.name, ...(m.pods ?? []).map((p) => p.name)]));
}

/** The subnet of a segment: that of the first address plugged into it (machines and pods; `except` left out, as when that NIC moves), else its label's prefix. */
export function segmentSubnet(t: Topology, segment: string, except?: IfaceSpec): { net: number; prefix: number } | null {
  for (const ns of t.machines.flatMap((m) => [m, ...(m.pods ?? [])])) {
    for (const i of ns.interfaces) {
      if (i === except || i.kind !== 'ether' || i.segment !== segment) continue;
      const c = parseCidr(i.addresses?.[0] ?? '');
      if (c) return { net: networkOf(c.ip, c.prefix), prefix: c.prefix };
    }
  }
  const label = t.segments.find((s) => s.id === segment)?.label ?? '';
  const c = parseCidr(label.split(' ')[0] ?? '');
  return c ? { net: networkOf(c.ip, c.prefix), prefix: c.prefix } : null;
}

/** The lowest host address of `net/prefix` nobody uses, or null when it is full. */
export function freeHost(t: Topology, net: number, prefix: number): number | null {
  const { ips } = addressesOf(t);
  const last = broadcastOf(net, prefix) - 1;
  for (let ip = net + 1; ip <= last; ip++) if (!ips.has(ip)) return ip;
  return null;
}

/** The first segment, created (172.16.100.0/24, id `lan`) when the lab has none. */
function firstSegment(t: Topology): { t: Topology; id: string; net: number; prefix: number } {
  const seg = t.segments[0];
  if (seg) {
    const s = segmentSubnet(t, seg.id) ?? { net: FIRST_SEGMENT_NET, prefix: 24 };
    return { t, id: seg.id, ...s };
  }
  const label = `${formatIp(FIRST_SEGMENT_NET)}/24`;
  return { t: { ...t, segments: [{ id: 'lan', label }] }, id: 'lan', net: FIRST_SEGMENT_NET, prefix: 24 };
}

/** A NIC `name` on `segment` with the next free address of its subnet (throws nothing: null when full). */
function nicOn(t: Topology, segment: string, net: number, prefix: number, name: string): EtherIface | null {
  const ip = freeHost(t, net, prefix);
  if (ip === null) return null;
  return { kind: 'ether', name, mac: macFor(ip), addresses: [`${formatIp(ip)}/${prefix}`], segment };
}

/** The address a router has on `segment`, the nodes' gateway there, if the lab has a router on it. */
export function routerOn(t: Topology, segment: string): string | null {
  for (const m of t.machines) {
    if (m.role !== 'router') continue;
    for (const i of m.interfaces) {
      if (i.kind === 'ether' && i.segment === segment && i.addresses?.[0]) return i.addresses[0].split('/')[0] ?? null;
    }
  }
  return null;
}

/** The next pod subnet: 10.10.N.0/24 for the lowest N from 10 that no address of the lab lies in (null when none is left). */
export function freePodSubnet(t: Topology): number | null {
  const { nets, ips } = addressesOf(t);
  for (let n = 10; n < 256; n++) {
    const net = (10 << 24) | (10 << 16) | (n << 8);
    const taken = nets.has(`${net >>> 0}/24`) || [...ips].some((ip) => networkOf(ip, 24) === net);
    if (!taken) return net;
  }
  return null;
}

function withPosition(m: MachineSpec, at: LabPoint | undefined): MachineSpec {
  return at ? { ...m, position: { x: Math.round(at.x), y: Math.round(at.y) } } : m;
}

/**
 * A new Kubernetes node, wired as the seed's nodes are: eth0 on the first segment with its next
 * free address, a bridge cni0 holding the next free pod subnet's .254 (10.10.12.254/24 after the
 * seed's 10.10.10 and 10.10.11), a default route via the router on that segment if there is one,
 * and ip_forward on. Null when the segment or the pod subnets are full.
 */
export function addNode(topology: Topology, at?: LabPoint): LabEdit | null {
  if (topology.datapath?.cni === 'flannel' || topology.datapath?.cni === 'calico') return clusterJoin(topology, at);
  const seg = firstSegment(topology);
  const name = freeName('node', namespaceNames(topology));
  const eth0 = nicOn(seg.t, seg.id, seg.net, seg.prefix, 'eth0');
  const pods = freePodSubnet(seg.t);
  if (!eth0 || pods === null) return null;
  const gw = pods + 254;
  const router = routerOn(seg.t, seg.id);
  const routes: RouteSpec[] = router ? [{ dst: 'default', via: router, dev: 'eth0' }] : [];
  const node: MachineSpec = {
    name,
    role: 'node',
    interfaces: [eth0, { kind: 'bridge', name: 'cni0', mac: macFor(gw), addresses: [`${formatIp(gw)}/24`] }],
    routes,
    sysctls: { ip_forward: true },
    pods: [],
  };
  const joined = { ...seg.t, machines: [...seg.t.machines, withPosition(node, at)] };
  // Under Cilium the agent on the new node sets up its devices (its router IP: the subnet's .254),
  // and in native routing every node learns the new pod subnet: Cilium is applied again to all.
  const dp = seg.t.datapath;
  // Under Weave Net the new node launches weave-net: its bridge, datapath and vports (datapathWeave.ts).
  return { topology: dp?.cni === 'cilium' ? setDatapath(joined, dp) : dp?.cni === 'weave' ? launchWeave(joined) : joined, name };
}

/** A new router: eth0 on the first segment with its next free address, ip_forward on. Null when the segment is full. */
export function addRouter(topology: Topology, at?: LabPoint): LabEdit | null {
  const seg = firstSegment(topology);
  const name = freeName('router', namespaceNames(topology), true);
  const eth0 = nicOn(seg.t, seg.id, seg.net, seg.prefix, 'eth0');
  if (!eth0) return null;
  const router: MachineSpec = { name, role: 'router', interfaces: [eth0], routes: [], sysctls: { ip_forward: true } };
  return { topology: { ...seg.t, machines: [...seg.t.machines, withPosition(router, at)] }, name };
}

/**
 * A new segment (`lan2`, … with the next free 172.16.N.0/24 after the lab's own) and `machine`
 * plugged into it by a new NIC (`eth1`, …) with the subnet's first address: a segment is drawn by
 * the NICs on it, so it never appears unconnected. Null for an unknown machine or no free subnet.
 */
export function addSegment(topology: Topology, machine: string): LabEdit | null {
  const m = topology.machines.find((x) => x.name === machine);
  if (!m) return null;
  const id = freeName('lan', new Set(topology.segments.map((s) => s.id)));
  const { nets, ips } = addressesOf(topology);
  let net: number | null = null;
  for (let n = 101; n < 256 && net === null; n++) {
    const cand = (172 << 24) | (16 << 16) | (n << 8);
    if (!nets.has(`${cand >>> 0}/24`) && ![...ips].some((ip) => networkOf(ip, 24) === cand)) net = cand;
  }
  if (net === null) return null;
  const used = new Set(m.interfaces.map((i) => i.name));
  const ifname = freeName('eth', used);
  const nic: IfaceSpec = { kind: 'ether', name: ifname, mac: macFor(net + 1), addresses: [`${formatIp(net + 1)}/24`], segment: id };
  const next: MachineSpec = { ...m, interfaces: [...m.interfaces, nic] };
  return {
    topology: { ...topology, segments: [...topology.segments, { id, label: `${formatIp(net)}/24` }], machines: topology.machines.map((x) => (x === m ? next : x)) },
    name: id,
  };
}

/**
 * A new node joining a Flannel or Calico lab, as on a real cluster: eth0 on the first segment, a
 * default route via that segment's router (Calico's proxy ARP for 169.254.1.1 needs one), no bridge
 * until its first pod. Flannel gives it its lease (the next free /24 of the cluster network,
 * `cni.podCidr`) and flanneld's program runs again on every node (setDatapath), so the others learn
 * its subnet; a Calico node claims a block with its first pod, and calico-node's program runs again
 * on every node (Felix, BIRD or the VXLAN tunnel to it).
 */
function clusterJoin(topology: Topology, at: LabPoint | undefined): LabEdit | null {
  const seg = firstSegment(topology);
  const dp = seg.t.datapath;
  const name = freeName('node', namespaceNames(topology));
  const eth0 = nicOn(seg.t, seg.id, seg.net, seg.prefix, 'eth0');
  if (!eth0 || (dp?.cni !== 'flannel' && dp?.cni !== 'calico')) return null;
  const lease = dp.cni === 'flannel' ? freeLease(seg.t) : null;
  if (dp.cni === 'flannel' && lease === null) return null;
  const router = routerOn(seg.t, seg.id);
  const node: MachineSpec = {
    name,
    role: 'node',
    interfaces: [eth0],
    ...(router ? { routes: [{ dst: 'default', via: router, dev: 'eth0' }] } : {}),
    sysctls: { ip_forward: true },
    pods: [],
    ...(lease !== null ? { cni: { podCidr: `${formatIp(lease)}/24` } } : {}),
  };
  const joined = { ...seg.t, machines: [...seg.t.machines, withPosition(node, at)] };
  return { topology: dp.cni === 'flannel' ? setDatapath(joined, dp) : programCalico(joined, dp), name };
}

/** The Flannel cluster network: the lab's, or the /16 holding its first node's lease. */
function clusterNetwork(t: Topology): { net: number; prefix: number } | null {
  const given = t.datapath?.cni === 'flannel' && t.datapath.network !== undefined ? parseCidr(t.datapath.network) : null;
  if (given) return { net: networkOf(given.ip, given.prefix), prefix: given.prefix };
  const first = flannelNodes(t)[0];
  const lease = first ? parseCidr(first.subnet) : null;
  return lease ? { net: networkOf(lease.ip, 16), prefix: 16 } : null;
}

/** The lowest /24 of the cluster network that no node leases and no address of the lab lies in (kube-controller-manager's node IPAM hands them out in order). */
function freeLease(t: Topology): number | null {
  const cluster = clusterNetwork(t);
  if (!cluster || cluster.prefix > 24) return null;
  const { ips, nets } = addressesOf(t);
  const leased = new Set(flannelNodes(t).map((n) => n.subnetIp));
  for (let k = 0; k < 2 ** (24 - cluster.prefix); k++) {
    const net = (cluster.net + k * 256) >>> 0;
    if (leased.has(formatIp(net)) || nets.has(`${net}/24`) || [...ips].some((ip) => networkOf(ip, 24) === net)) continue;
    return net;
  }
  return null;
}

/**
 * The lab without namespace `ns`: a pod goes with the host end of its veth; a machine with its
 * pods (in a Flannel lab, flanneld's entries for it leave the other nodes too; under Cilium, the
 * other nodes' routes to its pod subnet). Unknown names
 * change nothing (the same object comes back).
 */
export function removeNamespace(topology: Topology, ns: string): Topology {
  if (topology.machines.some((m) => m.name === ns)) {
    const dp = topology.datapath;
    if (dp?.cni === 'calico') return programCalico({ ...topology, machines: topology.machines.filter((m) => m.name !== ns) }, dp);
    if (dp?.cni !== 'flannel' && dp?.cni !== 'cilium') return { ...topology, machines: topology.machines.filter((m) => m.name !== ns) };
    // Unprogram with every node still known (host-gw routes are found by the node they lead to), then program what is left.
    const bare = setDatapath(topology, { cni: 'bridge' });
    return setDatapath({ ...bare, machines: bare.machines.filter((m) => m.name !== ns) }, dp);
  }
  const owner = topology.machines.find((m) => (m.pods ?? []).some((p) => p.name === ns));
  if (!owner) return topology;
  const ends = new Set(owner.interfaces.filter((i) => i.kind === 'veth' && i.peer.ns === ns).map((i) => i.name));
  const next: MachineSpec = {
    ...owner,
    interfaces: owner.interfaces.filter((i) => !ends.has(i.name)),
    pods: (owner.pods ?? []).filter((p) => p.name !== ns),
  };
  // What went with the host end (a route a plugin added through it, a neighbour entry on it): Calico's.
  if ((owner.routes ?? []).some((r) => ends.has(r.dev))) next.routes = (owner.routes ?? []).filter((r) => !ends.has(r.dev));
  if ((owner.neighbours ?? []).some((n) => ends.has(n.dev))) next.neighbours = (owner.neighbours ?? []).filter((n) => !ends.has(n.dev));
  const t = { ...topology, machines: topology.machines.map((m) => (m === owner ? next : m)) };
  // calico-node reacts to the endpoint's removal: Felix's entries go, BIRD re-announces what is left.
  return topology.datapath?.cni === 'calico' ? programCalico(t, topology.datapath) : t;
}

/** The lab with machine `name` drawn at `at` (rounded to whole units, never left of or above 0). */
export function moveMachine(topology: Topology, name: string, at: LabPoint): Topology {
  const x = Math.max(0, Math.round(at.x));
  const y = Math.max(0, Math.round(at.y));
  const m = topology.machines.find((mm) => mm.name === name);
  if (!m || (m.position?.x === x && m.position.y === y)) return topology;
  return { ...topology, machines: topology.machines.map((mm) => (mm === m ? { ...m, position: { x, y } } : mm)) };
}

/**
 * The lab with every machine that has no position placed where `at` says it is drawn now: once
 * the user places one machine by hand, the others stay put rather than re-flow around it. Machines
 * with a position, or that `at` does not know, are left as they are; the same object comes back
 * when nothing changes.
 */
export function pinPositions(topology: Topology, at: (name: string) => LabPoint | undefined): Topology {
  let changed = false;
  const machines = topology.machines.map((m) => {
    const p = m.position ? undefined : at(m.name);
    if (!p) return m;
    changed = true;
    return { ...m, position: { x: Math.round(p.x), y: Math.round(p.y) } };
  });
  return changed ? { ...topology, machines } : topology;
}
