import type { FrameEvent } from '../events';
import type { Topology } from '../model/topology';
import { WG_DEV, wgPeers } from '../model/wireguard';
import type { WgEvent } from '../wgEvents';
import type { Proof } from './proofs';

/*
 * Cilium's WireGuard checked on the real cluster: what each step of the encryption shows there.
 * - A handshake or a staged packet (wireguard event stage/initiation/response/session): the peer in
 *   `wg show cilium_wg0` (wireguard-tools src/show.c pretty_print: `listening port:`, then per peer
 *   `endpoint:`, `allowed ips:` joined by ", " and, once a handshake completed, `latest handshake:`).
 * - An encryption or decryption (encrypt/decrypt): the agent's own summary, `cilium-dbg encrypt
 *   status` (cilium-dbg/cmd/encrypt_status.go printEncryptionStatus: `Encryption: Wireguard`,
 *   `Interface: cilium_wg0`, `Public key:`, `Number of peers: N`), run in the node's agent pod.
 * - A datagram on the NIC: `tcpdump udp port 51871` prints the nodes' addresses and the port on both
 *   sides (the device sends from its listen port, send.c), and `UDP` (tcpdump decodes no WireGuard on
 *   51871): the packet inside is ciphertext.
 * - A packet on cilium_wg0: tcpdump there sees it in clear (before encryption, after decryption),
 *   without a link layer (LINKTYPE_RAW), so without MAC addresses and without `-e`.
 */

/** The lab's Cilium routing mode (tunnel unless the datapath says native). */
function routingOf(t: Topology): 'tunnel' | 'native' {
  return t.datapath?.cni === 'cilium' && t.datapath.routing === 'native' ? 'native' : 'tunnel';
}

/**
 * The proof of a WireGuard event: `wg show` for the handshake and the peer it concerns,
 * `cilium-dbg encrypt status` in the node's agent for an encryption or decryption.
 * Null when the lab has no such peer (the event names a peer the node's device does not list).
 */
export function wgEventProof(e: WgEvent, t: Topology): Proof | null {
  if (e.action === 'encrypt' || e.action === 'decrypt') {
    const peers = wgPeers(t.machines, e.ns, routingOf(t)).length;
    return { kind: 'wg-status', ns: e.ns, command: 'cilium-dbg encrypt status', root: false, agent: true, expect: ['Encryption: Wireguard', `Interface: ${e.iface}`, 'Public key:', `Number of peers: ${peers}`] };
  }
  const peer = wgPeers(t.machines, e.ns, routingOf(t)).find((p) => p.node === e.peer);
  if (!peer) return null;
  // `latest handshake` is the time wg_timers_handshake_complete() stamps: on the initiator when the
  // response arrives (receive.c, MESSAGE_HANDSHAKE_RESPONSE), on the responder only with the first
  // data message under the new keys; before that the peer is listed without the line.
  const done = e.action === 'session' || (e.action === 'response' && e.dir === 'receive') ? ['latest handshake:'] : [];
  // One allowed IP (tunnel mode) prints alone; with the pods' /32s (native) their order is the trie's.
  const allowed = peer.allowedIps.length === 1 ? [`allowed ips: ${peer.allowedIps[0] ?? ''}`] : ['allowed ips:', peer.allowedIps[0] ?? ''];
  return { kind: 'wg-peer', ns: e.ns, command: `wg show ${e.iface}`, root: true, expect: [`listening port: ${peer.endpoint.split(':')[1] ?? ''}`, `endpoint: ${peer.endpoint}`, ...allowed, ...done] };
}

/**
 * The proof of a frame WireGuard concerns, or null for any other frame: a datagram on the NIC
 * (its `wireguard` header), or a packet on the WireGuard device (`raw`).
 * `base` is the generic frame proof (filter and fragments, without a link layer for a raw frame).
 */
export function wgFrameProof(e: FrameEvent, base: Proof): Proof | null {
  const ip = e.ipv4;
  if (e.wireguard && e.udp && ip) {
    return { ...base, kind: 'wg-datagram', command: `tcpdump -ni ${e.iface} udp port ${e.udp.dport}`, expect: [`${ip.src}.${e.udp.sport} > ${ip.dst}.${e.udp.dport}: UDP`] };
  }
  if (e.raw && e.iface === WG_DEV) {
    // frameFragments already leaves out the link layer of a raw frame; `-e` would print nothing for it.
    return { ...base, kind: 'wg-frame', command: base.command.replace('tcpdump -eni', 'tcpdump -ni') };
  }
  return null;
}
