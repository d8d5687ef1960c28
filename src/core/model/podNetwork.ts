import { TopologyEditError } from './editError';
import { broadcastOf, formatIp, networkOf, parseCidr } from '../net/ipv4';
import type { IfaceSpec, MachineSpec, PodSpec, Topology } from './topology';

export { TopologyEditError };

/*
 * Giving a pod its network, the way the CNI bridge plugin with host-local IPAM does it
 * (containernetworking/plugins: plugins/main/bridge/bridge.go cmdAdd, plugins/ipam/host-local
 * backend/allocator/allocator.go Get): the next free address of the node's pod subnet after the
 * last one handed out, a veth pair whose host end joins the node's bridge, and a default route via
 * the bridge's address (isGateway). The editor's "Add pod" and the CNI ADD walk-through both call
 * addPod, so a pod gets its network one way only, whoever creates it.
 */

/** What addPod may be told; everything has a default. */
export interface AddPodOptions {
  /** Pod name; default: `podN` for the first N no namespace uses. */
  name?: string;
  /** The node's bridge; default: its first bridge with an IPv4 address (cni0 in the seed). */
  bridge?: string;
  /** The interface inside the pod (CNI_IFNAME); default `eth0`. */
  ifname?: string;
}

/** A pod with its network, and the topology that holds it. */
export interface AddedPod {
  topology: Topology;
  pod: PodSpec;
  /** The pod's address with prefix (`10.10.10.3/24`), its gateway, and the host end of its veth. */
  address: string;
  gateway: string;
  hostIface: string;
}

/** Linux's limit on interface names (IFNAMSIZ - 1). */
const IFNAME_MAX = 15;

/** `02:00:0a:0a:0a:03` for 10.10.10.3 (`kind` 1: the host end of a pod's veth), as the seed lab names MACs. */
function macFor(ip: number, kind: 0 | 1): string {
  const hex = [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].map((o) => o.toString(16).padStart(2, '0'));
  return ['02', kind === 0 ? '00' : '01', ...hex].join(':');
}

/** Every namespace name of the topology (machines and pods). */
function namespaceNames(t: Topology): Set<string> {
  const names = new Set<string>();
  for (const m of t.machines) {
    names.add(m.name);
    for (const p of m.pods ?? []) names.add(p.name);
  }
  return names;
}

/** The first address of a namespace's interfaces that lies in `net/prefix`, or null. */
function addressIn(ns: { interfaces: readonly IfaceSpec[] }, net: number, prefix: number): number | null {
  for (const i of ns.interfaces) {
    for (const a of i.addresses ?? []) {
      const c = parseCidr(a);
      if (c && c.prefix >= prefix && networkOf(c.ip, prefix) === net) return c.ip;
    }
  }
  return null;
}

/**
 * host-local's choice for the next pod of `machine` on `bridge` (`net/prefix`, gateway `gw`): the
 * range is the subnet without its network and broadcast addresses (rangeStart, rangeEnd); the
 * search starts after the last address handed out (host-local keeps it in `last_reserved_ip`;
 * here, the address of the machine's last pod in that subnet) and wraps round once, skipping the
 * gateway and every address in use. Null when the range is full.
 */
export function nextPodAddress(machine: MachineSpec, net: number, prefix: number, gw: number): number | null {
  const first = net + 1;
  const last = broadcastOf(net, prefix) - 1;
  if (last < first) return null;
  const used = new Set<number>([gw]);
  let lastReserved: number | null = null;
  for (const ns of [machine, ...(machine.pods ?? [])]) {
    for (const i of ns.interfaces) {
      for (const a of i.addresses ?? []) {
        const c = parseCidr(a);
        if (c) used.add(c.ip);
      }
    }
  }
  for (const p of machine.pods ?? []) lastReserved = addressIn(p, net, prefix) ?? lastReserved;
  const size = last - first + 1;
  const start = lastReserved !== null && lastReserved >= first && lastReserved < last ? lastReserved + 1 : first;
  for (let k = 0; k < size; k++) {
    const ip = first + ((start - first + k) % size);
    if (!used.has(ip)) return ip;
  }
  return null;
}

/**
 * Adds a pod to node `machineName` with its network (CNI ADD with the bridge plugin and
 * host-local IPAM) and returns the new topology; `topology` itself is never changed.
 *
 * @throws TopologyEditError naming the field: no such machine (`machines`, code `unknown-machine`),
 *   a name in use (`duplicate-name`), no bridge with an address (`pod-no-bridge`), a full subnet
 *   (`pod-subnet-full`, host-local's "no IP addresses available in range set").
 */
export function addPod(topology: Topology, machineName: string, options: AddPodOptions = {}): AddedPod {
  const index = topology.machines.findIndex((m) => m.name === machineName);
  const machine = topology.machines[index];
  if (!machine) throw new TopologyEditError([{ path: 'machines', code: 'unknown-machine', params: { name: machineName } }]);
  const names = namespaceNames(topology);
  let name = options.name;
  if (name === undefined) {
    const pods = topology.machines.reduce((s, m) => s + (m.pods?.length ?? 0), 0);
    for (let n = pods + 1; name === undefined; n++) if (!names.has(`pod${n}`)) name = `pod${n}`;
  }
  if (names.has(name)) throw new TopologyEditError([{ path: `machines[${index}].pods`, code: 'duplicate-name', params: { name, where: 'machines' } }]);
  const bridge = machine.interfaces.find((i) => i.kind === 'bridge' && (options.bridge === undefined ? (i.addresses ?? []).length > 0 : i.name === options.bridge));
  const gwCidr = bridge ? parseCidr(bridge.addresses?.[0] ?? '') : null;
  if (!bridge || !gwCidr) {
    throw new TopologyEditError([{ path: `machines[${index}].interfaces`, code: 'pod-no-bridge', params: { machine: machineName, bridge: options.bridge ?? '' } }]);
  }
  const net = networkOf(gwCidr.ip, gwCidr.prefix);
  const ip = nextPodAddress(machine, net, gwCidr.prefix, gwCidr.ip);
  const range = `${formatIp(net + 1)}-${formatIp(broadcastOf(net, gwCidr.prefix) - 1)}`;
  if (ip === null) throw new TopologyEditError([{ path: `machines[${index}].interfaces`, code: 'pod-subnet-full', params: { bridge: bridge.name, range } }]);
  const ifname = options.ifname ?? 'eth0';
  const readable = `veth-${name}`;
  // The bridge plugin names the host end veth + 8 hex digits; ours reads better while it fits IFNAMSIZ.
  const hostIface = readable.length <= IFNAME_MAX ? readable : `veth${(ip >>> 0).toString(16).padStart(8, '0')}`;
  const address = `${formatIp(ip)}/${gwCidr.prefix}`;
  const gateway = formatIp(gwCidr.ip);
  const pod: PodSpec = {
    name,
    interfaces: [{ kind: 'veth', name: ifname, mac: macFor(ip, 0), addresses: [address], peer: { ns: machineName, iface: hostIface } }],
    routes: [{ dst: 'default', via: gateway, dev: ifname }],
  };
  const host: IfaceSpec = { kind: 'veth', name: hostIface, mac: macFor(ip, 1), master: bridge.name, peer: { ns: name, iface: ifname } };
  const next: MachineSpec = { ...machine, interfaces: [...machine.interfaces, host], pods: [...(machine.pods ?? []), pod] };
  const machines = topology.machines.map((m, k) => (k === index ? next : m));
  return { topology: { ...topology, machines }, pod, address, gateway, hostIface };
}
