import { formatIp, networkOf, parseCidr } from '../net/ipv4';
import type { Json } from '../cni/goJson';
import { DEFAULT_DATA_DIR } from '../cni/hostLocalConfig';
import { freshNetns, HOST_NS, type LinkState, type NetnsState, type NodeState, type RouteState } from '../cni/state';
import type { ConfList } from '../cni/runtime';
import type { BridgeIface, IfaceSpec, IfaceSysctls, MachineSpec, PodSpec, RouteSpec } from './topology';

/*
 * A lab machine as the CNI plugins see it, and back: the node state the runtime and the plugins
 * act on (src/core/cni) built from a MachineSpec, and what an ADD changed written back into the
 * lab. The lab keeps what the topology can say (links, addresses, MACs, MTUs, masters, routes,
 * ip_forward, host-local's cursor); what it cannot (hairpin, arp_notify, accept_ra) lives only in
 * the node state of the operation, where the events report it.
 */

/** Where a lab pod's namespace lives, as a runtime names it (CNI_NETNS). */
export function podNetnsPath(pod: string): string {
  return `/var/run/netns/${pod}`;
}

/** The plugins' directory in the lab's runtime (CNI_PATH). */
export const LAB_CNI_PATH = '/opt/cni/bin';

/**
 * The lab's network configuration list for pods on `bridge`, as a Kubernetes node with the bridge
 * plugin would have it in /etc/cni/net.d: the bridge with isGateway and isDefaultGateway (the
 * pod's default route goes through the bridge's address), host-local over the bridge's subnet
 * with the bridge's address as gateway; the network is named after the bridge. The MTU is the
 * bridge's when the lab sets one.
 */
export function labConfList(bridge: BridgeIface, gateway: string, subnet: string): ConfList {
  const plugin: { [key: string]: Json } = {
    type: 'bridge',
    bridge: bridge.name,
    isGateway: true,
    isDefaultGateway: true,
    ...(bridge.mtu !== undefined ? { mtu: bridge.mtu } : {}),
    ipam: { type: 'host-local', ranges: [[{ subnet, gateway }]] },
  };
  const list = { cniVersion: '1.1.0', name: bridge.name, plugins: [plugin] };
  return { cniVersion: list.cniVersion, name: list.name, disableCheck: false, plugins: [plugin], text: JSON.stringify(list) };
}

/** A lab namespace's links and routes as a node state namespace; `peerNs` names where each veth's peer is. */
function netnsOf(ns: { interfaces: readonly IfaceSpec[]; routes?: readonly RouteSpec[] }, peerNs: (peer: { ns: string; iface: string }) => string | undefined): NetnsState {
  const n = freshNetns();
  ns.interfaces.forEach((i, k) => {
    const l: LinkState = { index: k + 2, name: i.name, kind: i.kind === 'ether' || i.kind === 'vxlan' || i.kind === 'openvswitch' || i.kind === 'wireguard' || i.kind === 'ipip' ? 'device' : i.kind, mac: i.mac, macSet: true, mtu: i.mtu ?? 1500, up: true, addresses: [...(i.addresses ?? [])] };
    if (i.kind === 'bridge') l.hadPorts = true;
    n.links.push(l);
  });
  n.lastIndex = ns.interfaces.length + 1;
  ns.interfaces.forEach((i, k) => {
    const l = n.links[k + 1] as LinkState;
    if (i.master !== undefined) {
      const m = n.links.find((x) => x.name === i.master);
      if (m) l.master = m.index;
    }
    if (i.kind === 'veth') {
      const where = peerNs(i.peer);
      if (where !== undefined) l.peer = { ns: where, index: 0 };
    }
  });
  for (const r of ns.routes ?? []) {
    const dev = n.links.find((x) => x.name === r.dev);
    if (dev) n.routes.push({ dst: r.dst === 'default' ? '0.0.0.0/0' : r.dst, ...(r.via !== undefined ? { gw: r.via } : {}), dev: dev.index });
  }
  return n;
}

/**
 * The node state of `machine`: its root namespace (`host`), one namespace per pod, and
 * host-local's store for each bridge network: one reservation file per pod address in the
 * bridge's subnet (`<pod>\r\n<ifname>`: the lab's container ID is the pod's name), the lock file,
 * and `last_reserved_ip.0` when the lab records one.
 *
 * @param network host-local's network name (its directory): the bridge's name by default (the
 *   lab's bridge configuration is named after it), `cbr0` under Flannel
 * @param files more files the node has, by path (flanneld's /run/flannel/subnet.env)
 */
export function nodeOfMachine(machine: MachineSpec, network?: string, files: Readonly<Record<string, string>> = {}): NodeState {
  const pods = machine.pods ?? [];
  const where = (peer: { ns: string }): string | undefined => (peer.ns === machine.name ? HOST_NS : pods.some((p) => p.name === peer.ns) ? podNetnsPath(peer.ns) : undefined);
  const namespaces: Record<string, NetnsState> = { [HOST_NS]: netnsOf(machine, where) };
  for (const p of pods) namespaces[podNetnsPath(p.name)] = netnsOf(p, where);
  // Veth peers by index, now that every namespace has its links.
  const specOf = (ns: string): { interfaces: readonly IfaceSpec[] } | undefined => (ns === HOST_NS ? machine : pods.find((p) => podNetnsPath(p.name) === ns));
  for (const [ns, n] of Object.entries(namespaces)) {
    const spec = specOf(ns);
    n.links.forEach((l, k) => {
      const i = spec?.interfaces[k - 1];
      if (!l.peer || !i || i.kind !== 'veth') return;
      const other = namespaces[l.peer.ns];
      const peer = other?.links.find((x) => x.name === i.peer.iface);
      if (peer) l.peer = { ns: l.peer.ns, index: peer.index };
      else delete l.peer;
    });
  }
  const host = namespaces[HOST_NS] as NetnsState;
  if (machine.sysctls?.ip_forward === true) host.sysctls['net.ipv4.ip_forward'] = '1';
  const store: Record<string, string> = { ...files };
  for (const br of machine.interfaces) {
    if (br.kind !== 'bridge') continue;
    const name = network ?? br.name;
    const dir = `${DEFAULT_DATA_DIR}/${name}`;
    const subnets = (br.addresses ?? []).flatMap((a) => {
      const c = parseCidr(a);
      return c ? [{ net: networkOf(c.ip, c.prefix), prefix: c.prefix }] : [];
    });
    let any = false;
    for (const p of pods) {
      for (const i of p.interfaces) {
        for (const a of i.addresses ?? []) {
          const c = parseCidr(a);
          if (c && subnets.some((s) => networkOf(c.ip, s.prefix) === s.net)) {
            store[`${dir}/${formatIp(c.ip)}`] = `${p.name}\r\n${i.name}`;
            any = true;
          }
        }
      }
    }
    const last = machine.cni?.lastReservedIp?.[name];
    if (last !== undefined) store[`${dir}/last_reserved_ip.0`] = last;
    if (any || last !== undefined) store[`${dir}/lock`] = '';
  }
  // A fresh Flannel node has no bridge yet, but host-local's cursor outlives its pods.
  if (network !== undefined && !machine.interfaces.some((i) => i.kind === 'bridge')) {
    const last = machine.cni?.lastReservedIp?.[network];
    if (last !== undefined) Object.assign(store, { [`${DEFAULT_DATA_DIR}/${network}/last_reserved_ip.0`]: last, [`${DEFAULT_DATA_DIR}/${network}/lock`]: '' });
  }
  return { format: 'packet-journey-cni-node', version: 1, namespaces, files: store };
}

/** A link of the node state as a lab interface: a veth with its peer named the lab's way. */
function ifaceOf(l: LinkState, peer: { ns: string; iface: string }, master?: string): IfaceSpec {
  return {
    kind: 'veth',
    name: l.name,
    mac: l.mac,
    ...(l.addresses.length > 0 ? { addresses: [...l.addresses] } : {}),
    ...(master !== undefined ? { master } : {}),
    ...(l.mtu !== 1500 ? { mtu: l.mtu } : {}),
    peer,
  };
}

/** A route the plugins added, as the lab writes it. */
function routeOf(r: RouteState, n: NetnsState): RouteSpec {
  const dev = n.links.find((x) => x.index === r.dev)?.name ?? '';
  return { dst: r.dst === '0.0.0.0/0' ? 'default' : r.dst, ...(r.gw !== undefined ? { via: r.gw } : {}), dev };
}

/**
 * The per-interface sysctls a plugin wrote that the lab keeps (Calico's on its host ends:
 * proxy_arp, forwarding, and neigh proxy_delay, which /proc counts in hundredths of a second).
 */
function ifaceSysctlsOf(n: NetnsState, dev: string): IfaceSysctls | undefined {
  const out: IfaceSysctls = {};
  const v = (key: string): string | undefined => n.sysctls[key];
  const arp = v(`net.ipv4.conf.${dev}.proxy_arp`);
  if (arp !== undefined) out.proxy_arp = arp === '1';
  const delay = v(`net.ipv4.neigh.${dev}.proxy_delay`);
  if (delay !== undefined && /^\d+$/.test(delay)) out.proxy_delay = Number(delay) * 10;
  const fwd = v(`net.ipv4.conf.${dev}.forwarding`);
  if (fwd !== undefined) out.forwarding = fwd === '1';
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * `machine` after an ADD that made pod `pod` in `node`: the pod with its links and the routes the
 * plugins added (connected routes come from its addresses, as in every lab), the bridge when the
 * ADD created it, the new host ends with their bridge, the addresses and MTU the bridge gained,
 * ip_forward, host-local's cursor (by network name).
 */
export function machineAfterAdd(machine: MachineSpec, node: NodeState, pod: string): { machine: MachineSpec; pod: PodSpec } {
  const host = node.namespaces[HOST_NS] as NetnsState;
  const podNs = node.namespaces[podNetnsPath(pod)] as NetnsState;
  const nameIn = (ns: string, index: number): string => node.namespaces[ns]?.links.find((x) => x.index === index)?.name ?? '';
  const podSpec: PodSpec = {
    name: pod,
    interfaces: podNs.links.filter((l) => l.kind !== 'loopback').map((l) => ifaceOf(l, { ns: l.peer?.ns === HOST_NS ? machine.name : '', iface: l.peer ? nameIn(l.peer.ns, l.peer.index) : '' })),
    routes: podNs.routes.map((r) => routeOf(r, podNs)),
  };
  const known = new Set(machine.interfaces.map((i) => i.name));
  const interfaces = machine.interfaces.map((i) => {
    const l = host.links.find((x) => x.name === i.name);
    if (!l) return i;
    let out = l.addresses.join() !== (i.addresses ?? []).join() ? { ...i, addresses: [...l.addresses] } : i;
    // A bridge takes the smallest MTU of its ports (br_mtu_auto_adjust) when a port joins.
    if (l.mtu !== (i.mtu ?? 1500)) out = { ...out, mtu: l.mtu };
    return out;
  });
  // A bridge the ADD created (the bridge plugin's cni0 on a fresh Flannel node) joins before the veth.
  for (const l of host.links) {
    if (known.has(l.name) || l.kind !== 'bridge') continue;
    interfaces.push({ kind: 'bridge', name: l.name, mac: l.mac, ...(l.addresses.length > 0 ? { addresses: [...l.addresses] } : {}), ...(l.mtu !== 1500 ? { mtu: l.mtu } : {}) });
  }
  for (const l of host.links) {
    if (known.has(l.name) || l.kind !== 'veth' || l.peer?.ns !== podNetnsPath(pod)) continue;
    const master = l.master !== undefined ? host.links.find((x) => x.index === l.master)?.name : undefined;
    const sysctls = ifaceSysctlsOf(host, l.name);
    interfaces.push({ ...ifaceOf(l, { ns: pod, iface: nameIn(l.peer.ns, l.peer.index) }, master), ...(sysctls ? { sysctls } : {}) });
  }
  const next: MachineSpec = { ...machine, interfaces, pods: [...(machine.pods ?? []), podSpec] };
  // Routes a plugin added in the node's own namespace (Calico's `<pod IP>/32 dev cali…`), after the lab's own.
  const had = new Set((machine.routes ?? []).map((r) => `${r.dst === 'default' ? '0.0.0.0/0' : r.dst} ${r.via ?? ''} ${r.dev}`));
  const added = host.routes.map((r) => routeOf(r, host)).filter((r) => !had.has(`${r.dst === 'default' ? '0.0.0.0/0' : r.dst} ${r.via ?? ''} ${r.dev}`));
  if (added.length > 0) next.routes = [...(machine.routes ?? []), ...added];
  if (host.sysctls['net.ipv4.ip_forward'] === '1' && machine.sysctls?.ip_forward !== true) next.sysctls = { ...machine.sysctls, ip_forward: true };
  const cursors: Record<string, string> = { ...machine.cni?.lastReservedIp };
  for (const [path, content] of Object.entries(node.files)) {
    const m = /^\/var\/lib\/cni\/networks\/([^/]+)\/last_reserved_ip\.0$/.exec(path);
    if (m) cursors[m[1] as string] = content;
  }
  if (Object.keys(cursors).length > 0) next.cni = { ...machine.cni, lastReservedIp: cursors };
  return { machine: next, pod: podSpec };
}
