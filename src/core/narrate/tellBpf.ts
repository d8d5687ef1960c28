import type { BpfEvent } from '../events';
import type { JourneyResult } from '../journey';
import type { Msg } from './messages';

/*
 * The narrator's view of Cilium's eBPF (sim/bpfCilium.ts): the message of a `bpf` event, and
 * whether a frame a VXLAN device sent was keyed by a BPF program (cilium_vxlan, collect_md) rather
 * than by the FDB entries a daemon programmed (flannel.1). Kept apart so tellEvent.ts stays short.
 */

/** The message of a `bpf` event and the function of cilium/cilium's bpf/ tree that decided it. */
export function bpfMessage(e: BpfEvent): { msg: Msg; fn: string } {
  const fn = e.fn.split(' ').pop() ?? e.fn;
  return {
    msg: {
      k: 'bpf', node: e.ns, iface: e.iface, prog: e.prog, action: e.action, pod: e.pod ?? '', tpa: e.tpa ?? '', mac: e.mac ?? '', endpoint: e.endpoint ?? '',
      ttlFrom: e.ttl?.from ?? 0, ttlTo: e.ttl?.to ?? 0, remote: e.remote ?? '', identity: e.identity ?? null, dev: e.dev ?? '',
    },
    fn,
  };
}

/** Whether a BPF program handed packet `pkt` to a tunnel device of `ns` with its key, before event `index`. */
export function keyedBefore(result: JourneyResult, pkt: number, ns: string, index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    const x = result.events[i];
    if (x?.type === 'bpf' && x.action === 'encap' && x.pkt === pkt && x.ns === ns) return true;
  }
  return false;
}
