import type { WgEvent } from '../events';
import type { JourneyResult } from '../journey';
import type { Msg } from './messages';
import type { PackTellers } from './packTellers';

/*
 * The narrator's view of WireGuard (sim/wireguard.ts): the message of a `wireguard` event and of
 * the plain packet on cilium_wg0. A part of the WireGuard datapath pack (packTellers.ts), loaded with it.
 */

/** The kernel function of drivers/net/wireguard behind each WireGuard event (send.c, receive.c, noise.c). */
const WG_FN: Record<WgEvent['action'], { send: string; receive: string }> = {
  stage: { send: 'wg_packet_send_staged_packets', receive: 'wg_packet_send_staged_packets' },
  initiation: { send: 'wg_packet_send_handshake_initiation', receive: 'wg_noise_handshake_consume_initiation' },
  response: { send: 'wg_packet_send_handshake_response', receive: 'wg_noise_handshake_consume_response' },
  session: { send: 'wg_noise_handshake_begin_session', receive: 'wg_noise_handshake_begin_session' },
  encrypt: { send: 'encrypt_packet', receive: 'encrypt_packet' },
  decrypt: { send: 'decrypt_packet', receive: 'wg_packet_consume_data_done' },
};

/** The message of a `wireguard` event; `tunnel` when the packet it carries is a VXLAN datagram (tunnel mode). */
export function wgMessage(result: JourneyResult, e: WgEvent, index: number): { msg: Msg; fn: string } {
  // The packet's frame on the device, just before (sending) or just after (receiving): a VXLAN datagram or a pod's packet.
  let tunnel = false;
  for (let i = Math.max(0, index - 3); i < Math.min(result.events.length, index + 3); i++) {
    const x = result.events[i];
    if (x?.type === 'frame' && x.pkt === e.pkt && x.iface === e.iface && x.vxlan !== undefined) tunnel = true;
  }
  return {
    msg: {
      k: 'wg', ns: e.ns, iface: e.iface, action: e.action, dir: e.dir ?? null, peer: e.peer, endpoint: e.endpoint, allowed: e.allowed ?? '',
      sender: e.sender ?? 0, receiver: e.receiver ?? 0, counter: e.counter ?? 0, innerLen: e.innerLen ?? 0, padded: e.padded ?? 0, outerLen: e.outerLen ?? 0, mtu: e.mtu ?? 0, staged: e.staged ?? 0, tunnel,
    },
    fn: WG_FN[e.action][e.dir ?? 'send'],
  };
}

/** The WireGuard pack's teller, registered by packTellers.ts's loader (or core/allPacks.ts). */
export const wireguardTeller: PackTellers['wireguard'] = {
  event: wgMessage,
  frame: (e) => ({ k: e.dir === 'out' ? 'out-wg' : 'in-wg', ns: e.ns, iface: e.iface, f: e, tunnel: e.vxlan !== undefined }),
};
