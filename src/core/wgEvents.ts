import type { EventBase } from './events';

/*
 * WireGuard's own events (sim/wireguard.ts, drivers/net/wireguard), kept beside events.ts so that
 * each file stays readable; HopEvent includes them. Facts only, with the kernel function of each.
 */

/**
 * A WireGuard message's cleartext part, what tcpdump and Wireshark can read of it
 * (drivers/net/wireguard/messages.h): its type (1 handshake initiation, 2 handshake response,
 * 4 transport data), the sender's index (handshakes), the receiver's index (response and data) and,
 * for data, the 64-bit nonce counter. `len` is the whole UDP payload: 148, 92, or 16 bytes of
 * header + the encrypted, padded packet + the 16-byte Poly1305 tag; `opaque` how many of those bytes
 * come after the readable fields (keys, ciphertext, tags): no event shows what they carry.
 */
export interface WireguardHeader {
  type: 'initiation' | 'response' | 'data';
  sender?: number;
  receiver?: number;
  counter?: number;
  len: number;
  opaque: number;
}

/**
 * A WireGuard device (cilium_wg0) on packet `pkt`, with its peer `peer` (the remote node, at
 * `endpoint`):
 * - `stage`: no session with the peer yet, so the packet waits in the peer's staged queue
 *   (wg_packet_send_staged_packets) while a handshake starts;
 * - `initiation` / `response`: a handshake message (`pkt` is its own datagram) sent (`dir: 'send'`,
 *   wg_packet_send_handshake_initiation / _response) or received (`dir: 'receive'`,
 *   wg_packet_handshake_receive_worker), with the indices each side picked;
 * - `session`: the initiator derived its keys from the response (wg_noise_handshake_begin_session):
 *   its `staged` packets leave now;
 * - `encrypt`: the packet's destination matched `allowed` in the peer's AllowedIPs
 *   (wg_allowedips_lookup_dst); it is padded from `innerLen` to `padded` (calculate_skb_padding,
 *   `mtu` the limit), encrypted with the receiver's index and `counter`, and sent in a datagram of
 *   `outerLen` bytes (encrypt_packet, wg_socket_send_skb_to_peer);
 * - `decrypt`: a data message from the peer was authenticated and decrypted (decrypt_packet,
 *   counter_validate) and its packet, `innerLen` bytes, checked against the peer's AllowedIPs by its
 *   source (`allowed`), is received on the device (wg_packet_consume_data_done → napi_gro_receive).
 */
export interface WgEvent extends EventBase {
  type: 'wireguard';
  action: 'stage' | 'initiation' | 'response' | 'session' | 'encrypt' | 'decrypt';
  pkt: number;
  /** The WireGuard device. */
  iface: string;
  peer: string;
  endpoint: string;
  dir?: 'send' | 'receive';
  allowed?: string;
  sender?: number;
  receiver?: number;
  counter?: number;
  innerLen?: number;
  padded?: number;
  outerLen?: number;
  mtu?: number;
  staged?: number;
}
