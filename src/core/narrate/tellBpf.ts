import type { BpfEvent, WgEvent } from '../events';
import type { JourneyResult } from '../journey';
import type { Msg, TunnelKeyer } from './messages';

/*
 * The narrator's view of Cilium's eBPF (sim/bpfCilium.ts): the message of a `bpf` event, and
 * whether a frame a VXLAN device sent was keyed by a BPF program (cilium_vxlan, collect_md) rather
 * than by the FDB entries a daemon programmed (flannel.1). Kept apart so tellEvent.ts stays short.
 */

/**
 * The function of cilium/cilium's bpf/ tree that makes each decision: lib/arp.h, lib/local_delivery.h,
 * lib/encap.h; what goes to the stack leaves bpf_lxc.c, bpf_overlay.c or bpf_host.c with CTX_ACT_OK.
 */
const BPF_FN: Record<Exclude<BpfEvent['action'], 'to-stack'>, string> = {
  'arp-reply': 'arp_respond', 'local-delivery': 'ipv4_local_delivery', encap: 'encap_and_redirect_lxc', 'to-wireguard': 'wg_maybe_redirect_to_encrypt',
};
const STACK_FN: Record<BpfEvent['prog'], string> = {
  cil_from_container: 'ipv4_forward_to_destination', cil_from_overlay: 'handle_ipv4', cil_from_netdev: 'handle_ipv4', cil_from_wireguard: 'handle_ipv4_cont', cil_to_netdev: 'cil_to_netdev',
};

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

/** The message of a `bpf` event and the function of cilium/cilium's bpf/ tree that decided it. */
export function bpfMessage(e: BpfEvent): { msg: Msg; fn: string } {
  const fn = e.action === 'to-stack' ? STACK_FN[e.prog] : BPF_FN[e.action];
  return {
    msg: {
      k: 'bpf', node: e.ns, iface: e.iface, prog: e.prog, action: e.action, pod: e.pod ?? '', tpa: e.tpa ?? '', mac: e.mac ?? '', endpoint: e.endpoint ?? '',
      ttlFrom: e.ttl?.from ?? 0, ttlTo: e.ttl?.to ?? 0, remote: e.remote ?? '', identity: e.identity ?? null, dev: e.dev ?? '',
    },
    fn,
  };
}

/**
 * Who handed packet `pkt` to a tunnel device of `ns` with its key, just before event `index`: a
 * BPF program (`bpf`), an OVS flow with set(tunnel) (`ovs`), or nobody (null: the device's FDB).
 */
export function keyedBefore(result: JourneyResult, pkt: number, ns: string, index: number): TunnelKeyer {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    const x = result.events[i];
    if (x?.type === 'bpf' && x.action === 'encap' && x.pkt === pkt && x.ns === ns) return 'bpf';
    if (x?.type === 'ovs' && x.action !== 'miss' && x.pkt === pkt && x.ns === ns && (x.out ?? []).some((o) => 'tunnel' in o)) return 'ovs';
  }
  return null;
}
