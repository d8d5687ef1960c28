import type { HopEvent, RouteEvent } from '../events';
import type { JourneyResult } from '../journey';

/*
 * Whether an event has a proof on real machines, without the proofs themselves: the explanation
 * shows the folded "Check it on real Linux" from this alone, and the commands (proofs.ts, their
 * texts and the block) load when a reader opens it. The parts `proofOf` decides with live here, so
 * the two cannot drift apart; `proofShown.test.ts` holds them equal over the narrator's journey set.
 */

/** The earliest IPv4 source the log shows for packet `pkt`, up to event `upto`, for `ip route get … from`. */
export function sourceOf(events: readonly HopEvent[], upto: number, pkt: number): string | undefined {
  for (let k = upto; k >= 0; k--) {
    const e = events[k];
    if (!e) continue;
    if ((e.type === 'frame' || e.type === 'send') && e.pkt === pkt && e.ipv4) return e.ipv4.src;
  }
  return undefined;
}

/**
 * What `ip route get` prints of a routing decision (iproute2's ip/iproute.c print_route), or null
 * for a decision it prints nothing telling for (a blackhole, prohibit, a route without a device).
 */
export function routeExpect(e: RouteEvent): string[] | null {
  switch (e.result) {
    case 'local': return [`local ${e.dst}`];
    case 'unreachable': return ['Network is unreachable'];
    case 'send':
    case 'forward':
      if (!e.dev) return null;
      if (e.match === 'gateway' || e.match === 'default') return [`${e.dst} via ${e.nexthop ?? ''} dev ${e.dev}`];
      return [`${e.dst} dev ${e.dev}`];
    default: return null;
  }
}

/**
 * Whether `proofOf(result, index, t)` gives a proof: exactly where it does, except a WireGuard
 * handshake event naming a peer the lab's node does not list (the lab decides, not the event),
 * which this counts as shown and the block then says has no command.
 * @throws never: an index out of range gives false.
 */
export function hasProof(result: JourneyResult, index: number): boolean {
  const e = result.events[index];
  if (!e) return false;
  switch (e.type) {
    case 'frame':
    case 'neigh':
    case 'ttl':
    case 'vxlan':
    case 'wireguard':
      return true;
    case 'route':
      if (!routeExpect(e)) return false;
      return e.direction === 'output' || (Boolean(e.iif) && Boolean(sourceOf(result.events, index, e.pkt)));
    case 'fdb':
      if (e.scope === 'segment' || e.action === 'flood') return false;
      if (e.scope === 'vxlan') return Boolean(e.remote);
      return e.action === 'local' || e.ports[0] !== undefined;
    case 'drop':
      return e.reason === 'rp-filter' && Boolean(e.iface) && e.rpFilter !== undefined;
    default:
      return false;
  }
}
