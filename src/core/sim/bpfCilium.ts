import type { BpfEvent } from '../events';
import type { VxlanIface } from '../model/topology';
import { BROADCAST_MAC, formatIp, parseCidr, parseIp } from '../net/ipv4';
import { WIRE_DELAY_NS, type Sim } from './engine';
import type { PackHooks } from './packs';
import { xmit, xmitTunnel } from './link';
import { arpFrame, ipFrame, kindOf, withTtl, type Packet, type WireFrame } from './packet';
import type { Iface, TopologyIndex } from './world';

/*
 * Cilium's eBPF datapath as the engine runs it: the tc ingress programs a Cilium node attaches
 * (Documentation/network/ebpf/intro.rst), from cilium/cilium's bpf/ tree (v1.19):
 * - cil_from_container (bpf_lxc.c) on a pod's host-side lxc veth: every frame the pod sends.
 *   An ARP request goes to tail_handle_arp → arp_respond (lib/arp.h): for any target but the pod's
 *   own address, the program rewrites the request into a reply from the lxc device's MAC
 *   (arp_prepare_response) and redirects it back out of the lxc (redirect(ctx->ifindex)): the
 *   host's ARP code never sees it, so the host learns no neighbour entry. IPv4 goes through
 *   handle_ipv4_from_lxc → ipv4_forward_to_destination: the ipcache (lookup_ip4_remote_endpoint)
 *   names the destination's identity and, for a pod of another node in tunnel mode, its tunnel
 *   endpoint; a pod of this node (__lookup_ip4_endpoint) is delivered by ipv4_local_delivery
 *   (lib/local_delivery.h); a remote one is encapsulated by encap_and_redirect_lxc (lib/encap.h)
 *   through cilium_vxlan; anything else goes on to the host's stack (pass_to_stack, CTX_ACT_OK).
 * - ipv4_local_delivery: ipv4_l3() (lib/l3.h) decrements the TTL itself (ipv4_dec_ttl) and, at TTL
 *   1 or 0, drops the packet as DROP_INVALID without an ICMP error ("FIXME: Send ICMP TTL"); then
 *   rewrites the MACs (source: the endpoint's lxc MAC, ep->node_mac; destination: the pod's,
 *   ep->mac) and redirect_ep() hands the frame straight to the pod's eth0 with bpf_redirect_peer
 *   (BPF host routing, the default on kernels that have it; without it, ctx_redirect would send it
 *   out of the lxc instead). tcpdump on the destination's lxc sees nothing.
 * - encap: the tunnel key (remote = the node's address from the ipcache, VNI = the source's
 *   security identity) is set on the skb and it is redirected to cilium_vxlan, a collect_md
 *   (`external`) VXLAN device: no FDB and no neighbour entries for remote pods; the TTL is not
 *   touched at this end.
 * - cil_from_overlay (bpf_overlay.c handle_ipv4) on cilium_vxlan: the decapsulated frame, still
 *   with the sender pod's and its lxc's MACs, is delivered to the local endpoint by
 *   ipv4_local_delivery as above (the one TTL decrement of the journey); the identity comes from the
 *   tunnel key's VNI.
 * - cil_from_netdev (bpf_host.c handle_ipv4) on the node's NIC under native routing: a packet for
 *   a local endpoint is delivered the same way; anything else goes to the stack.
 * - native routing at the sender: the lab passes the packet to the stack, where the kernel's FIB
 *   forwards it (its TTL decremented by ip_forward) to the node that holds the pod CIDR. With BPF
 *   host routing, fib_redirect_v4 (lib/fib.h) would do that lookup in BPF and redirect to the NIC
 *   without the host's netfilter; that shortcut is not modelled (the facts sheet leaves the TTL
 *   count per mode unverified, §9.3).
 * What tcpdump therefore shows, hop by hop (the capture tap runs before tc ingress on receive, and
 * a redirect to a device's egress passes its transmit tap; bpf_redirect_peer passes neither tap of
 * the pair): on the source pod's lxc, its frames `in` and the ARP reply `out`; on cilium_vxlan, the
 * inner frame `out` at the sender and `in` at the receiver, still with the source pod's and its
 * lxc's MACs and the TTL it was sent with; on eth0, the VXLAN datagram (UDP 8472, VNI = identity);
 * on the destination's lxc, nothing of a delivered packet (only the pod's own frames, `in`); on
 * cilium_host and cilium_net, nothing of pod-to-pod traffic.
 * The engine cannot check any of this against a kernel (the recorder's lab runs no eBPF): Cilium's
 * scenarios are marked as not kernel-recorded.
 */

/** One pod Cilium manages, as the ipcache and the endpoint map know it. */
interface Endpoint {
  /** The pod's namespace and its node (the machine's root namespace). */
  pod: string;
  node: string;
  /** The host-side lxc device in the node's namespace, and the pod's end of the pair. */
  lxc: string;
  podIface: string;
  identity: number;
  /** The node's address (the tunnel endpoint), numeric; 0 when the node has none. */
  nodeIp: number;
}

/** The ipcache of a topology: every Cilium endpoint by its IPv4 address. */
const ipcaches = new WeakMap<TopologyIndex, Map<number, Endpoint>>();

/** Builds the ipcache (what the agents' ipcache and endpoint maps hold) from the lab's lxc devices. */
function ipcacheOf(index: TopologyIndex): Map<number, Endpoint> {
  const hit = ipcaches.get(index);
  if (hit) return hit;
  const out = new Map<number, Endpoint>();
  for (const [name, entry] of index.specs.entries()) {
    if (entry.isPod) continue;
    const nic = entry.spec.interfaces.find((i) => i.kind === 'ether' && i.master === undefined && (i.addresses ?? []).length > 0);
    const nodeIp = parseCidr(nic?.addresses?.[0] ?? '')?.ip ?? 0;
    for (const i of entry.spec.interfaces) {
      if (i.kind !== 'veth' || i.bpf?.prog !== 'cil_from_container') continue;
      const podSpec = index.specs.get(i.peer.ns)?.spec;
      const podIf = podSpec?.interfaces.find((x) => x.name === i.peer.iface);
      for (const a of podIf?.addresses ?? []) {
        const c = parseCidr(a);
        if (c) out.set(c.ip, { pod: i.peer.ns, node: name, lxc: i.name, podIface: i.peer.iface, identity: i.bpf.identity, nodeIp });
      }
    }
  }
  ipcaches.set(index, out);
  return out;
}

/** The node's cilium_vxlan (an `external` VXLAN device), when the node runs in tunnel mode. */
function tunnelDev(dev: Iface): Iface | null {
  for (const ci of dev.ns.compiled.ifaces) {
    const s = ci.spec;
    if (s.kind === 'vxlan' && s.external === true) return dev.ns.ifaces.get(s.name) ?? null;
  }
  return null;
}

function emit(sim: Sim, dev: Iface, e: Omit<BpfEvent, 'type' | 'ns' | 'iface' | 'seq' | 't' | 'prog'>): void {
  const prog = dev.bpf?.prog ?? 'cil_from_container';
  sim.emit({ type: 'bpf', prog, ns: dev.ns.name, iface: dev.name, ...e, seq: sim.seq, t: sim.now });
}

/** tail_handle_arp → arp_respond: the reply the program sends back out of the lxc, or false to let the stack have it. */
function arpRespond(sim: Sim, dev: Iface, frame: WireFrame, own: number | null, pod: string): boolean {
  const arp = frame.arp;
  if (!arp || arp.op !== 'request') return false;
  // arp_check: a request to the broadcast address or to the lxc's own MAC; never for the pod's own address.
  if (frame.eth.dst !== BROADCAST_MAC && frame.eth.dst !== dev.mac) return false;
  if (own !== null && frame.d === own) return false;
  const pkt = sim.nextPacket();
  emit(sim, dev, { action: 'arp-reply', pkt: frame.pkt, pod, tpa: arp.tpa, mac: dev.mac });
  const reply = arpFrame({ src: dev.mac, dst: arp.sha, type: 'arp' }, { op: 'reply', sha: dev.mac, spa: arp.tpa, tha: arp.sha, tpa: arp.spa }, frame.d, frame.s, pkt);
  xmit(sim, dev, reply);
  return true;
}

/**
 * ipv4_local_delivery: TTL and MACs rewritten by ipv4_l3, then bpf_redirect_peer into the pod.
 * Returns after logging a `bpf-ttl` drop when the TTL has run out.
 */
function localDelivery(sim: Sim, dev: Iface, frame: WireFrame, ep: Endpoint, identity: number | undefined): void {
  const ip = frame.ipv4;
  if (!ip) return;
  const node = sim.world.ns(ep.node);
  const lxc = node?.ifaces.get(ep.lxc);
  const podEnd = lxc ? sim.world.peer(lxc) : null;
  if (!lxc || !podEnd) return;
  if (ip.ttl <= 1) {
    sim.emit({ type: 'drop', ns: dev.ns.name, iface: dev.name, reason: 'bpf-ttl', pkt: frame.pkt, ipv4: ip, seq: sim.seq, t: sim.now });
    return;
  }
  const p: Packet = { ipv4: ip, icmp: frame.icmp, udp: frame.udp, tcp: frame.tcp, kind: kindOf(frame.icmp, frame.tcp, 'request'), s: frame.s, d: frame.d, id: frame.pkt, len: frame.len, df: frame.df, encap: undefined };
  const q = withTtl(p, ip.ttl - 1);
  emit(sim, dev, {
    action: 'local-delivery', pkt: frame.pkt, endpoint: ep.lxc, pod: ep.pod, ttl: { from: ip.ttl, to: ip.ttl - 1 },
    ...(identity !== undefined ? { identity } : {}),
  });
  sim.after(WIRE_DELAY_NS, { op: 'rx', dev: podEnd, frame: ipFrame(lxc.mac, podEnd.mac, q), wire: sim.nextWire() });
}

/**
 * Runs the Cilium program attached to `dev`'s tc ingress on a frame just received there (after
 * tcpdump saw it). Returns true when the program took the frame (answered, delivered, redirected
 * or dropped it); false when it goes on up the host's stack as usual (CTX_ACT_OK).
 */
export function bpfIngress(sim: Sim, dev: Iface, frame: WireFrame): boolean {
  const attach = dev.bpf;
  if (!attach) return false;
  const cache = ipcacheOf(sim.world.index);
  if (attach.prog === 'cil_from_container') {
    const podEnd = sim.world.peer(dev);
    const own = podEnd?.addrs[0]?.ip ?? null;
    if (frame.arp) return arpRespond(sim, dev, frame, own, podEnd?.ns.name ?? '');
    if (!frame.ipv4) return false;
    const ep = cache.get(frame.d);
    if (ep && ep.node === dev.ns.name) {
      localDelivery(sim, dev, frame, ep, attach.identity);
      return true;
    }
    const vx = ep && ep.nodeIp !== 0 ? tunnelDev(dev) : null;
    if (ep && vx) {
      const spec = vx.ns.compiled.ifaces[vx.ns.compiled.ifaceIndex.get(vx.name) ?? -1]?.spec as VxlanIface;
      const remote = ep.nodeIp;
      emit(sim, dev, { action: 'encap', pkt: frame.pkt, remote: formatIp(remote), identity: attach.identity, dev: spec.name });
      xmitTunnel(sim, vx, frame, { dst: remote, vni: attach.identity });
      return true;
    }
    emit(sim, dev, { action: 'to-stack', pkt: frame.pkt, identity: attach.identity });
    return false;
  }
  // cil_from_overlay, cil_from_netdev and cil_from_wireguard: deliver to a local endpoint, or leave it to the stack.
  if (!frame.ipv4) return false;
  const ep = cache.get(frame.d);
  // The tunnel key's VNI is the sender's identity; the ipcache entry of the source says the same.
  // cil_from_wireguard's resolve_srcid_ipv4 finds it in the ipcache by the source address.
  const identity = attach.prog === 'cil_from_overlay' || attach.prog === 'cil_from_wireguard' ? cache.get(frame.s)?.identity : undefined;
  if (ep && ep.node === dev.ns.name) {
    localDelivery(sim, dev, frame, ep, identity);
    return true;
  }
  emit(sim, dev, { action: 'to-stack', pkt: frame.pkt, ...(identity !== undefined ? { identity } : {}) });
  return false;
}

/** The Cilium endpoint (pod, node, lxc, identity) that has address `ip` (numeric), from the lab's ipcache. */
export function ciliumEndpoint(index: TopologyIndex, ip: number): Readonly<Endpoint> | undefined {
  return ipcacheOf(index).get(ip);
}

/** Exported for tests: whether an address is a Cilium endpoint of the lab, and of which pod. */
export function endpointPod(index: TopologyIndex, ip: string): string | null {
  const n = parseIp(ip);
  return n === null ? null : (ipcacheOf(index).get(n)?.pod ?? null);
}

/** Cilium's eBPF pack's hooks, registered by packs.ts's loader (or core/allPacks.ts). */
export const bpfPack: PackHooks['bpf'] = { ingress: bpfIngress };
