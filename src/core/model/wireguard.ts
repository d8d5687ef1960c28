import { formatIp, parseCidr } from '../net/ipv4';
import type { CiliumRouting, MachineSpec, WireguardIface } from './topology';

/*
 * Cilium's transparent encryption with WireGuard, as pure facts about a lab (the engine runs the
 * device: sim/wireguard.ts). From cilium/cilium (v1.19 tree) and the kernel's drivers/net/wireguard:
 * - pkg/wireguard/agent/agent.go init(): each node has the WireGuard device `cilium_wg0`
 *   (pkg/wireguard/types IfaceName), listening on UDP 51871 (types.ListenPort), rp_filter off on it;
 *   mtuReconciler() sets its MTU to the device MTU minus mtu.WireguardOverhead (80: the kernel's
 *   MESSAGE_MINIMUM_LENGTH 32 + UDP 8 + the larger outer IP header, IPv6's 40), so 1420 under
 *   a 1500-byte NIC. pkg/mtu getRouteMTU() gives the pods' routes 1500 − 80 = 1420 in native routing
 *   and 1500 − (80 + 50) = 1370 in tunnel mode (the VXLAN datagram is what gets encrypted).
 * - updatePeer(): one peer per remote node, its endpoint the node's address and port 51871, its
 *   AllowedIPs the node's address (/32). needsIPCache(): in native routing the agent also adds every
 *   ipcache entry whose host is that node (OnIPIdentityCacheChange), i.e. each of its pods' /32s; in
 *   tunnel mode it does not need them, since the packets it encrypts are VXLAN datagrams addressed
 *   to the node itself. The peers are thus derived from the cluster, never typed by hand: the lab
 *   derives them the same way (wgPeers), so adding or removing a pod or a node keeps them right.
 * - The wire format (drivers/net/wireguard/messages.h): a data message is a 16-byte header (type 4,
 *   the receiver's index, a 64-bit counter), the encrypted packet padded to a multiple of 16
 *   (send.c calculate_skb_padding, at most up to the device MTU) and a 16-byte Poly1305 tag; a
 *   handshake initiation is 148 bytes, a response 92.
 */

/** Cilium's WireGuard device (pkg/wireguard/types IfaceName). */
export const WG_DEV = 'cilium_wg0';
/** Its UDP port (pkg/wireguard/types ListenPort). */
export const WG_PORT = 51871;
/** mtu.WireguardOverhead: MESSAGE_MINIMUM_LENGTH (32) + UDP (8) + IPv6 (40), what Cilium takes off for the device MTU. */
export const WIREGUARD_OVERHEAD = 80;
/** A data message's header (type, receiver index, counter) and Poly1305 tag (messages.h). */
export const WG_DATA_HEADER = 16;
export const WG_TAG = 16;
/** MESSAGE_PADDING_MULTIPLE: the plaintext is padded to a multiple of this (send.c calculate_skb_padding). */
export const WG_PADDING = 16;
/** sizeof(struct message_handshake_initiation) and sizeof(struct message_handshake_response). */
export const WG_INITIATION_LEN = 148;
export const WG_RESPONSE_LEN = 92;
/** Outer IPv4 and UDP headers of every WireGuard datagram on an IPv4 underlay. */
export const WG_OUTER_IP_UDP = 20 + 8;

/** One peer of a node's cilium_wg0, as `wg show` lists it. */
export interface WgPeer {
  /** The remote node (machine name). */
  node: string;
  /** `address:port` of the peer's socket. */
  endpoint: string;
  /** The endpoint's address, numeric. */
  ip: number;
  /** AllowedIPs, as `a.b.c.d/32` texts, node address first. */
  allowedIps: string[];
}

/** The WireGuard device of a machine's root namespace, if it has one. */
export function wgDeviceOf(m: Pick<MachineSpec, 'interfaces'>): WireguardIface | undefined {
  return m.interfaces.find((i): i is WireguardIface => i.kind === 'wireguard');
}

/** The node's own address: its first addressed NIC's first address (as Cilium's node IP). */
function nodeIp(m: MachineSpec): number | null {
  const nic = m.interfaces.find((i) => i.kind === 'ether' && i.master === undefined && (i.addresses ?? []).length > 0);
  return parseCidr(nic?.addresses?.[0] ?? '')?.ip ?? null;
}

/** The addresses of a node's Cilium endpoints: the pods behind its `cil_from_container` lxc devices. */
function endpointIps(m: MachineSpec): number[] {
  const out: number[] = [];
  const pods = new Map((m.pods ?? []).map((p) => [p.name, p]));
  for (const i of m.interfaces) {
    if (i.kind !== 'veth' || i.bpf?.prog !== 'cil_from_container') continue;
    const podIf = pods.get(i.peer.ns)?.interfaces.find((x) => x.name === i.peer.iface);
    for (const a of podIf?.addresses ?? []) {
      const c = parseCidr(a);
      if (c) out.push(c.ip);
    }
  }
  return out;
}

/**
 * The peers of node `node`'s cilium_wg0 (agent.go updatePeer, OnIPIdentityCacheChange): every other
 * machine with a WireGuard device and an address, in the lab's order, its AllowedIPs its address and,
 * under native routing, its pods' addresses. Empty when `node` has no WireGuard device.
 */
export function wgPeers(machines: readonly MachineSpec[], node: string, routing: CiliumRouting): WgPeer[] {
  const self = machines.find((m) => m.name === node);
  if (!self || !wgDeviceOf(self)) return [];
  const out: WgPeer[] = [];
  for (const m of machines) {
    if (m === self) continue;
    const ip = nodeIp(m);
    if (!wgDeviceOf(m) || ip === null) continue;
    const allowed = [ip, ...(routing === 'native' ? endpointIps(m) : [])];
    // The endpoint's port is Cilium's constant (updatePeer: types.ListenPort), whatever the peer's device listens on.
    out.push({ node: m.name, endpoint: `${formatIp(ip)}:${WG_PORT}`, ip, allowedIps: allowed.map((a) => `${formatIp(a)}/32`) });
  }
  return out;
}

/** The device MTU Cilium's agent sets on cilium_wg0 (mtuReconciler): the NIC's minus 80. */
export function wgMtu(nicMtu: number): number {
  return nicMtu - WIREGUARD_OVERHEAD;
}

/**
 * calculate_skb_padding() (send.c): the plaintext padded to a multiple of 16, but never past the
 * MTU the packet was routed with (a packet longer than it is first taken modulo it).
 */
export function wgPadded(len: number, mtu: number): number {
  const last = len > mtu && mtu > 0 ? len % mtu : len;
  const aligned = Math.ceil(last / WG_PADDING) * WG_PADDING;
  const padded = mtu > 0 ? Math.min(mtu, aligned) : aligned;
  return len + (padded - last);
}

/** The UDP payload of a data message carrying `len` bytes of plaintext: header + padded ciphertext + tag. */
export function wgDataLen(len: number, mtu: number): number {
  return WG_DATA_HEADER + wgPadded(len, mtu) + WG_TAG;
}
