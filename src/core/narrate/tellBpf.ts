import type { BpfEvent } from '../events';
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
const BPF_FN: Record<Exclude<BpfEvent['action'], 'to-stack'>, string> = { 'arp-reply': 'arp_respond', 'local-delivery': 'ipv4_local_delivery', encap: 'encap_and_redirect_lxc' };
const STACK_FN: Record<BpfEvent['prog'], string> = { cil_from_container: 'ipv4_forward_to_destination', cil_from_overlay: 'handle_ipv4', cil_from_netdev: 'handle_ipv4' };

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
