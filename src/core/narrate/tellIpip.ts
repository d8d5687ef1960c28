import type { FrameEvent, HopEvent, IpipEvent } from '../events';
import type { JourneyResult } from '../journey';
import type { Msg } from './messages';
import type { PackTellers } from './packTellers';

/*
 * The narrator's view of the IPIP tunnel (sim/ipip.ts): the message of an `ipip` event and of a
 * packet seen on the tunnel device. Kept apart so tellEvent.ts stays short.
 */

/** The remote node the IPIP tunnel addresses packet `pkt` to: its `encap` event just after frame `index`. */
function remoteAfter(result: JourneyResult, pkt: number, ns: string, index: number): string {
  for (let i = index + 1; i < result.events.length && i <= index + 3; i++) {
    const x = result.events[i] as HopEvent;
    if (x.type === 'ipip' && x.action === 'encap' && x.pkt === pkt && x.ns === ns) return x.remote;
  }
  return '';
}

/** A packet seen on the tunnel device: routed into it (`out`), or taken out of its outer header (`in`). */
export function ipipFrameMsg(result: JourneyResult, e: FrameEvent, index: number): Msg {
  return e.dir === 'out' ? { k: 'out-ipip', ns: e.ns, iface: e.iface, f: e, via: remoteAfter(result, e.pkt, e.ns, index) } : { k: 'in-ipip', ns: e.ns, iface: e.iface, f: e };
}

/** The message of an `ipip` event and the kernel function that did it (net/ipv4/ip_tunnel.c, ipip.c). */
export function ipipMessage(e: IpipEvent): { msg: Msg; fn: string } {
  return e.action === 'encap'
    ? { msg: { k: 'ipip-encap', ns: e.ns, dev: e.iface, underlay: e.dev, local: e.local, remote: e.remote, ttl: e.ttl, df: e.df, innerLen: e.innerLen, outerLen: e.outerLen, mtu: e.mtu }, fn: 'ip_tunnel_xmit' }
    : { msg: { k: 'ipip-decap', ns: e.ns, dev: e.iface, underlay: e.dev, remote: e.remote, ttl: e.ttl, innerLen: e.innerLen, outerLen: e.outerLen }, fn: 'ipip_rcv' };
}

/** The IP-in-IP pack's teller, registered by packTellers.ts's loader (or core/allPacks.ts). */
export const ipipTeller: PackTellers['ipip'] = { frame: ipipFrameMsg, event: ipipMessage };
