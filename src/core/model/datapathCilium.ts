import { seededEntropy } from '../cni/entropy';
import { lxcHostName } from '../cni/ciliumName';
import { sha256Hex } from '../cni/sha256';
import { formatIp, networkOf, parseCidr } from '../net/ipv4';
import { TopologyEditError } from './editError';
import type { CiliumRouting, EtherIface, IfaceSpec, MachineSpec, PodSpec, RouteSpec, Topology, VethIface, VxlanIface, WireguardIface } from './topology';
import { WG_DEV, WG_PORT, wgMtu } from './wireguard';

/*
 * Cilium as a lab's datapath, as pure transforms (the engine runs its eBPF: sim/bpfCilium.ts).
 * Facts from cilium/cilium (Documentation/network/ebpf/intro.rst, network/concepts/routing.rst,
 * pkg/datapath/connector, plugins/cilium-cni) and ../shared/reference/networking-facts.md §5:
 * - each node has the veth pair cilium_host / cilium_net; cilium_host holds the node's router IP
 *   (CiliumInternalIP) as a /32: the pods' gateway. In tunnel mode it has `cilium_vxlan`, a VXLAN
 *   device in collect_md (external) mode on the kernel's port 8472, with cil_from_overlay at its tc
 *   ingress; in native mode the NIC runs cil_from_netdev and each node routes the others' pod
 *   subnets via their addresses (auto-direct-node-routes, which needs the nodes on one layer-2
 *   segment). Cilium turns ip_forward on itself.
 * - no bridge: each pod's host-side veth is `lxc` + the first 12 hex digits of sha256(container ID)
 *   (Endpoint2IfName; the lab's container ID is the pod's name, as in podNetwork.ts) and runs
 *   cil_from_container, which answers the pod's ARP and forwards its packets.
 * - the pod's address is a /32, with the routes cilium-cni writes (connector/ipam.go IPv4Routes):
 *   `<router IP>/32 dev eth0` (scope link) and `default via <router IP> dev eth0`.
 * - identities: Cilium gives each set of pod labels a numeric security identity; cluster-local
 *   ones start at 256 (pkg/identity/numericidentity.go MinimalAllocationIdentity). The lab's pods
 *   have no labels to share, so each gets its own: 256, 257, … in the lab's order, a new pod the
 *   next free one. The identity is the VNI of its tunnelled packets.
 * - the router IP: cluster-pool IPAM hands it out of the node's pod CIDR like any address, so a
 *   fresh node's is the CIDR's first; a lab switched to Cilium keeps its pods' addresses and its
 *   nodes' gateway (cni0's address) as the router IP, so switching back gives the same lab.
 */

/** Cilium's device names. */
export const CILIUM_HOST = 'cilium_host';
export const CILIUM_NET = 'cilium_net';
export const CILIUM_VXLAN = 'cilium_vxlan';
/** The first cluster-local security identity (MinimalAllocationIdentity). */
export const FIRST_IDENTITY = 256;
/** The vxlan driver's default port, Cilium's tunnel port (tunnel-port 8472 for VXLAN). */
const CILIUM_VXLAN_PORT = 8472;

/** `lxc` + the first 12 hex digits of sha256(container ID) (Endpoint2IfName: IFNAMSIZ − len("tmp") − 1). */
export function lxcName(containerId: string): string {
  return lxcHostName(containerId);
}

/** A locally administered unicast MAC seeded by a text, so the same lab gets the same devices. */
export function seededMac(seed: string): string {
  const b = seededEntropy(seed).bytes(6, 'bridge-mac');
  b[0] = ((b[0] ?? 0) & 0xfe) | 0x02;
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** A node Cilium serves: its NIC, its address, its pod CIDR and router IP. */
interface CiliumNode {
  name: string;
  nic: EtherIface;
  ip: string;
  podCidr: string;
  /** The router IP (cilium_host's address). */
  router: string;
}

function nicOf(m: MachineSpec): EtherIface | undefined {
  return m.interfaces.find((i): i is EtherIface => i.kind === 'ether' && i.master === undefined && (i.addresses ?? []).length > 0);
}

/** The pods' addresses of a machine, as numbers. */
function podAddrs(m: MachineSpec): Set<number> {
  const out = new Set<number>();
  for (const p of m.pods ?? []) for (const i of p.interfaces) for (const a of i.addresses ?? []) {
    const c = parseCidr(a);
    if (c) out.add(c.ip);
  }
  return out;
}

/** The nodes of a lab Cilium can serve: role node, an addressed NIC and a pod CIDR (cni.podCidr, a bridge's subnet or cilium_host's). */
export function ciliumNodes(t: Topology): CiliumNode[] {
  const out: CiliumNode[] = [];
  for (const m of t.machines) {
    if (m.role !== 'node') continue;
    const nic = nicOf(m);
    const addr = parseCidr(nic?.addresses?.[0] ?? '');
    const bridge = m.interfaces.find((i) => i.kind === 'bridge' && (i.addresses ?? []).length > 0);
    const host = m.interfaces.find((i) => i.name === CILIUM_HOST);
    const lease = parseCidr(m.cni?.podCidr ?? '') ?? parseCidr(bridge?.addresses?.[0] ?? '');
    if (!nic || !addr || !lease) continue;
    const net = networkOf(lease.ip, lease.prefix);
    const size = 2 ** (32 - lease.prefix);
    const inCidr = (ip: number): boolean => ip >= net && ip < net + size;
    const own = parseCidr(host?.addresses?.[0] ?? '') ?? parseCidr(bridge?.addresses?.[0] ?? '');
    let router = own && inCidr(own.ip) ? own.ip : null;
    if (router === null) {
      const taken = podAddrs(m);
      for (let ip = net + 1; ip < net + size - 1; ip++) {
        if (!taken.has(ip)) {
          router = ip;
          break;
        }
      }
    }
    if (router === null) continue;
    out.push({ name: m.name, nic, ip: formatIp(addr.ip), podCidr: `${formatIp(net)}/${lease.prefix}`, router: formatIp(router) });
  }
  return out;
}

/** The highest identity a lab's lxc devices carry, or FIRST_IDENTITY − 1. */
export function lastIdentity(t: Topology): number {
  let max = FIRST_IDENTITY - 1;
  for (const m of t.machines) for (const i of m.interfaces) if (i.bpf?.prog === 'cil_from_container') max = Math.max(max, i.bpf.identity);
  return max;
}

/** A pod as cilium-cni leaves it: its eth0 with a /32 and peer `lxc`, the two routes to the router IP. */
export function ciliumPod(p: PodSpec, lxc: string, router: string): PodSpec {
  const interfaces = p.interfaces.map((i): IfaceSpec => {
    if (i.kind !== 'veth') return i;
    const addresses = (i.addresses ?? []).map((a) => `${a.split('/')[0] ?? a}/32`);
    return { ...i, addresses, peer: { ...i.peer, iface: lxc } };
  });
  const dev = interfaces.find((i) => i.kind === 'veth')?.name ?? 'eth0';
  return { ...p, interfaces, routes: [{ dst: `${router}/32`, dev }, { dst: 'default', via: router, dev }] };
}

/**
 * The node devices Cilium creates: cilium_host/cilium_net, cilium_vxlan in tunnel mode, and with
 * WireGuard cilium_wg0 (model/wireguard.ts: MTU the NIC's minus 80, rp_filter off, cil_from_wireguard
 * at its tc ingress).
 */
function nodeDevices(n: CiliumNode, routing: CiliumRouting, wireguard: boolean): IfaceSpec[] {
  const devs: IfaceSpec[] = [
    { kind: 'veth', name: CILIUM_HOST, mac: seededMac(`${CILIUM_HOST}/${n.name}`), addresses: [`${n.router}/32`], peer: { ns: n.name, iface: CILIUM_NET } },
    { kind: 'veth', name: CILIUM_NET, mac: seededMac(`${CILIUM_NET}/${n.name}`), peer: { ns: n.name, iface: CILIUM_HOST } },
  ];
  if (routing === 'tunnel') {
    const vx: VxlanIface = {
      kind: 'vxlan', name: CILIUM_VXLAN, mac: seededMac(`${CILIUM_VXLAN}/${n.name}`), vni: 0, port: CILIUM_VXLAN_PORT, dev: n.nic.name, external: true,
      bpf: { prog: 'cil_from_overlay' },
    };
    devs.push(vx);
  }
  if (wireguard) {
    const wg: WireguardIface = {
      kind: 'wireguard', name: WG_DEV, mac: '00:00:00:00:00:00', mtu: wgMtu(n.nic.mtu ?? 1500), listenPort: WG_PORT,
      sysctls: { rp_filter: 0 }, bpf: { prog: 'cil_from_wireguard' },
    };
    devs.push(wg);
  }
  return devs;
}

/**
 * The lab under Cilium (`routing`): bridges and the pods' bridge ports give way to lxc devices
 * running cil_from_container, each node gets Cilium's devices (see the file comment), pods keep
 * their names, addresses and MACs but become /32s behind the router IP. The lab must not be under
 * Cilium already (setDatapath leaves it first). Throws TopologyEditError `cilium-native-no-l2`
 * when native routing is asked of nodes that share no segment (auto-direct-node-routes routes via
 * the other node's own address). `wireguard`: transparent encryption on (cilium_wg0 on each node).
 */
export function enterCilium(t: Topology, routing: CiliumRouting, wireguard = false): Topology {
  const nodes = ciliumNodes(t);
  if (routing === 'native') {
    const first = nodes[0];
    const apart = nodes.find((n) => n.nic.segment !== first?.nic.segment);
    if (first && apart) throw new TopologyEditError([{ path: 'datapath', code: 'cilium-native-no-l2', params: { node: apart.name, other: first.name } }]);
  }
  let identity = lastIdentity(t);
  const machines = t.machines.map((m): MachineSpec => {
    const n = nodes.find((x) => x.name === m.name);
    if (!n) return m;
    const pods = m.pods ?? [];
    const podNames = new Set(pods.map((p) => p.name));
    const gone = new Set(m.interfaces.filter((i) => i.kind === 'bridge' || (i.kind === 'veth' && podNames.has(i.peer.ns))).map((i) => i.name));
    const lxcs: VethIface[] = [];
    const newPods = pods.map((p) => {
      const podEnd = p.interfaces.find((i): i is VethIface => i.kind === 'veth' && i.peer.ns === m.name);
      const old = m.interfaces.find((i) => i.name === podEnd?.peer.iface);
      const name = lxcName(p.name);
      identity += 1;
      lxcs.push({
        kind: 'veth', name, mac: old?.mac ?? seededMac(`${name}/${m.name}`), peer: { ns: p.name, iface: podEnd?.name ?? 'eth0' },
        bpf: { prog: 'cil_from_container', identity },
      });
      return ciliumPod(p, name, n.router);
    });
    const interfaces: IfaceSpec[] = m.interfaces.filter((i) => !gone.has(i.name)).map((i) => (i.name === n.nic.name && routing === 'native' ? { ...i, bpf: { prog: 'cil_from_netdev' as const } } : i));
    const routes: RouteSpec[] = (m.routes ?? []).filter((r) => !gone.has(r.dev));
    if (routing === 'native') for (const o of nodes) if (o !== n) routes.push({ dst: o.podCidr, via: o.ip, dev: n.nic.name });
    const out: MachineSpec = {
      ...m,
      interfaces: [...interfaces, ...nodeDevices(n, routing, wireguard), ...lxcs],
      sysctls: { ...m.sysctls, ip_forward: true },
      cni: { ...m.cni, podCidr: n.podCidr },
      pods: newPods,
    };
    if (routes.length > 0) out.routes = routes;
    else delete out.routes;
    if (out.neighbours) out.neighbours = out.neighbours.filter((x) => !gone.has(x.dev));
    return out;
  });
  return { ...t, machines, datapath: wireguard ? { cni: 'cilium', routing, wireguard } : { cni: 'cilium', routing } };
}

/**
 * The lab with Cilium's devices taken out and each node's pods on a bridge again, as the bridge
 * plugin would have left them: cni0 with the router IP as the gateway (prefix of the pod CIDR),
 * a `veth` + 8 hex digits host end per pod (keeping the lxc's MAC), pods at the CIDR's prefix with
 * `default via` the gateway. Returns the lab without a datapath (the bridge mode).
 */
export function leaveCilium(t: Topology): Topology {
  const nodes = ciliumNodes(t);
  const machines = t.machines.map((m): MachineSpec => {
    const n = nodes.find((x) => x.name === m.name);
    if (!n || !m.interfaces.some((i) => i.name === CILIUM_HOST)) return m;
    const prefix = n.podCidr.split('/')[1] ?? '24';
    const cilium = new Set([CILIUM_HOST, CILIUM_NET, CILIUM_VXLAN, WG_DEV, ...m.interfaces.filter((i) => i.bpf?.prog === 'cil_from_container').map((i) => i.name)]);
    const hostEnds: IfaceSpec[] = [];
    const pods = (m.pods ?? []).map((p): PodSpec => {
      const podEnd = p.interfaces.find((i): i is VethIface => i.kind === 'veth' && i.peer.ns === m.name);
      const lxc = m.interfaces.find((i) => i.name === podEnd?.peer.iface);
      const name = `veth${sha256Hex(p.name).slice(0, 8)}`;
      hostEnds.push({ kind: 'veth', name, mac: lxc?.mac ?? seededMac(`${name}/${m.name}`), master: 'cni0', peer: { ns: p.name, iface: podEnd?.name ?? 'eth0' } });
      const interfaces = p.interfaces.map((i): IfaceSpec => (i === podEnd ? { ...i, addresses: (i.addresses ?? []).map((a) => `${a.split('/')[0] ?? a}/${prefix}`), peer: { ...i.peer, iface: name } } : i));
      return { ...p, interfaces, routes: [{ dst: 'default', via: n.router, dev: podEnd?.name ?? 'eth0' }] };
    });
    const interfaces = m.interfaces.filter((i) => !cilium.has(i.name)).map((i): IfaceSpec => {
      if (i.bpf === undefined) return i;
      const { bpf: _b, ...rest } = i;
      return rest as IfaceSpec;
    });
    const others = new Set(nodes.filter((o) => o !== n).map((o) => `${o.podCidr} via ${o.ip}`));
    const routes = (m.routes ?? []).filter((r) => !cilium.has(r.dev) && !others.has(`${r.dst} via ${r.via ?? ''}`));
    const out: MachineSpec = {
      ...m,
      interfaces: [...interfaces, { kind: 'bridge', name: 'cni0', mac: seededMac(`cni0/${m.name}`), addresses: [`${n.router}/${prefix}`] }, ...hostEnds],
      pods,
    };
    if (routes.length > 0) out.routes = routes;
    else delete out.routes;
    return out;
  });
  const { datapath: _d, ...rest } = t;
  return { ...rest, machines };
}
