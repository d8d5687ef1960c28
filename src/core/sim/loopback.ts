import type { EthHeader } from '../events';
import { ZERO_MAC } from '../net/ipv4';
import type { Sim } from './engine';
import type { Packet } from './packet';
import { deliverLocal } from './transport';
import type { Ns } from './world';

/*
 * The loopback device (drivers/net/loopback.c). A packet a namespace sends to one of its own
 * addresses (or to 127.0.0.0/8) is routed to `lo`: loopback_xmit() gives it an Ethernet header with
 * both MACs zero and hands it back to netif_rx(), and ip_rcv() delivers it locally. tcpdump -p on lo
 * shows it once, as received (`in`): libpcap drops the outgoing copy on a loopback device. Nothing
 * of it reaches any other interface.
 */

/** The Ethernet header loopback_xmit() leaves on every IPv4 packet: both MACs zero. Never mutated. */
const LO_ETH: EthHeader = Object.freeze({ src: ZERO_MAC, dst: ZERO_MAC, type: 'ipv4' as const });

/** The name of the loopback device in every namespace. */
export const LO = 'lo';

/**
 * A packet looped back in `ns` arrives on lo: the frame tcpdump shows there, then local delivery.
 * One literal per transport layer, fields in the order frame events always have.
 */
export function loopbackRx(sim: Sim, ns: Ns, p: Packet): void {
  const name = ns.name;
  const wire = sim.nextWire();
  const { ipv4, icmp, udp, tcp, kind, id: pkt, len, df } = p;
  if (icmp) sim.emit({ type: 'frame', ns: name, iface: LO, dir: 'in', wire, kind, pkt, eth: LO_ETH, ipv4, icmp, len, df, seq: sim.seq, t: sim.now });
  else if (udp) sim.emit({ type: 'frame', ns: name, iface: LO, dir: 'in', wire, kind, pkt, eth: LO_ETH, ipv4, udp, len, df, seq: sim.seq, t: sim.now });
  else if (tcp) sim.emit({ type: 'frame', ns: name, iface: LO, dir: 'in', wire, kind, pkt, eth: LO_ETH, ipv4, tcp, len, df, seq: sim.seq, t: sim.now });
  else sim.emit({ type: 'frame', ns: name, iface: LO, dir: 'in', wire, kind, pkt, eth: LO_ETH, ipv4, len, df, seq: sim.seq, t: sim.now });
  deliverLocal(sim, ns, p);
}
