import type { PackNarration } from '../../narrate/packMessages';
import { count } from '../plural';
import { summaryEn as sum } from './summary';

/*
 * English sentences for WireGuard as Cilium uses it (sim/wireguard.ts: drivers/net/wireguard,
 * cilium/cilium pkg/wireguard and bpf/lib/wireguard.h); a part of its datapath pack, loaded with it (i18n/packNarration.ts).
 */

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Sentences for the `wg`, `out-wg` and `in-wg` messages. */
export const wgEventsEn: PackNarration<'wireguard'> = {
  'out-wg': (m) => ({
    short: `${cap(sum(m.f))} goes into ${m.iface} on ${m.ns}: tcpdump there sees a bare IP packet, no Ethernet.`,
    why: `${m.iface} is a WireGuard device, a layer-3 device: it has no MAC address, and tcpdump reads it as link-type RAW. What it is given here is still in the clear${m.tunnel ? ': in tunnel mode, the whole VXLAN datagram, pod packet inside (Cilium encrypts after encapsulating, since 1.15)' : ''}. It never reached the wire of eth0: Cilium's program at eth0's egress took it first.`,
  }),
  'in-wg': (m) => ({
    short: `${cap(sum(m.f))} comes out of ${m.iface} on ${m.ns}, decrypted: tcpdump there sees it in the clear.`,
    why: `After decryption the packet is received on ${m.iface} as if it had arrived there (napi_gro_receive), again without an Ethernet header; Cilium's cil_from_wireguard runs at the device's tc ingress and delivers it${m.tunnel ? ' (here a VXLAN datagram for this node, so the stack takes it to the VXLAN socket)' : ' to the pod when it is one of this node\'s'}. Between the two nodes only ciphertext travelled.`,
  }),
  wg: (m) => {
    const allowedWhy = m.tunnel
      ? `In tunnel mode Cilium's agent gives each peer just its node's address as AllowedIPs (${m.allowed}): the packets it encrypts are VXLAN datagrams addressed to that node.`
      : `Under native routing Cilium's agent lists in each peer's AllowedIPs the node's address and every pod of that node, from its ipcache; here ${m.allowed} matched.`;
    switch (m.action) {
      case 'stage':
        return {
          short: `${m.iface} has no session with ${m.peer} yet: the packet waits while WireGuard starts a handshake.`,
          why: `The destination belongs to peer ${m.peer} (${m.endpoint}). ${allowedWhy} Without a current keypair, wg_packet_send_staged_packets keeps the packet in the peer's queue and asks for a handshake. The lab starts every journey without sessions, as after a node restart or 3 minutes of silence (REJECT_AFTER_TIME, 180 s); with a session, the packet would be encrypted at once.`,
        };
      case 'initiation':
        return m.dir === 'send'
          ? {
            short: `${m.iface} on ${m.ns} sends ${m.peer} a handshake initiation: 148 bytes of UDP from port 51871 to ${m.endpoint}.`,
            why: `Message type 1 (drivers/net/wireguard/messages.h): the sender's index (${m.sender}), a fresh ephemeral public key, and the node's static public key and a timestamp, encrypted for ${m.peer}'s public key, which Cilium's agent read from that node's network.cilium.io/wg-pub-key annotation. It is the Noise IK handshake; nothing of the pod's packet is in it.`,
          }
          : {
            short: `${m.iface} on ${m.ns} takes ${m.peer}'s handshake initiation on UDP port 51871.`,
            why: 'wg_noise_handshake_consume_initiation decrypts the initiator\'s static key and finds it among the device\'s peers (Cilium configured one per node); a timestamp older than the last one seen is refused, so a replayed initiation does nothing.',
          };
      case 'response':
        return m.dir === 'send'
          ? {
            short: `${m.iface} on ${m.ns} answers with a handshake response: 92 bytes, its index ${m.sender}, the initiator's ${m.receiver}.`,
            why: `Message type 2. Both sides can now derive the same pair of session keys. ${m.ns} will send with them only after a data message from ${m.peer} proves that ${m.peer} has them too (key confirmation), so the first data message always comes from the initiator.`,
          }
          : {
            short: `${m.iface} on ${m.ns} receives ${m.peer}'s handshake response (its index ${m.sender}, ours ${m.receiver}).`,
            why: 'wg_noise_handshake_consume_response matches the receiver index to the initiation this node sent and finishes the Noise exchange.',
          };
      case 'session':
        return {
          short: `Handshake done: ${m.iface} on ${m.ns} has a session with ${m.peer}; ${count('en', m.staged, { one: 'waiting packet leaves', other: 'waiting packets leave' })} now.`,
          why: 'The first packet paid one round trip between the nodes before it could leave (wg_noise_handshake_begin_session). Later packets to this peer are encrypted at once; the initiator starts a new handshake after 2 minutes (REKEY_AFTER_TIME), without stopping the traffic.',
        };
      case 'encrypt':
        return {
          short: `${m.iface} encrypts ${m.innerLen} bytes for ${m.peer}, padded to ${m.padded}: they leave as a ${m.outerLen}-byte UDP datagram to ${m.endpoint} (counter ${m.counter}).`,
          why: `${allowedWhy} The data message is a 16-byte header in the clear (type 4, receiver index ${m.receiver}, counter ${m.counter}), then the packet padded to a multiple of 16 (calculate_skb_padding, never past the MTU of ${m.mtu}) and encrypted with ChaCha20-Poly1305, then a 16-byte tag: ${m.outerLen - m.innerLen} bytes more than the packet (outer IPv4 20 + UDP 8 + header 16 + tag 16 + ${m.padded - m.innerLen} of padding). What follows the header is opaque: neither tcpdump nor this lab can show the packet inside without the keys.`,
        };
      default:
        return {
          short: `${m.iface} on ${m.ns} decrypts the message from ${m.peer} (counter ${m.counter}): the ${m.innerLen}-byte ${m.tunnel ? 'VXLAN datagram' : 'packet'} inside is authentic.`,
          why: `decrypt_packet checks the Poly1305 tag and the counter against replays (counter_validate). Then the packet's source must be in the AllowedIPs of the peer that sent it (${m.allowed}): WireGuard's cryptokey routing, a routing table on the way out and an access list on the way in.`,
        };
    }
  },
};
