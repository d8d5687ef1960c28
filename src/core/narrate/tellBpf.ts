import type { BpfEvent } from '../events';
import type { Msg } from './messages';
import type { PackTellers } from './packTellers';

/*
 * The narrator's view of Cilium's eBPF (sim/bpfCilium.ts): the message of a `bpf` event. A part
 * of the eBPF datapath pack (packTellers.ts), loaded with it.
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

/** The eBPF pack's teller, registered by packTellers.ts's loader (or core/allPacks.ts). */
export const bpfTeller: PackTellers['bpf'] = { event: bpfMessage };
