import type { PackNarration } from '../../narrate/packMessages';
import { summaryEn as sum } from './summary';

/*
 * English sentences for the IPIP tunnel (sim/ipip.ts): the packet routed into tunl0, its outer
 * header put on and taken off, the inner packet arriving on tunl0; a part of its datapath pack, loaded with it (i18n/packNarration.ts).
 */

/** Sentences for the IP-in-IP messages. */
export const ipipEventsEn: PackNarration<'ipip'> = {
  'out-ipip': (m) => ({
    short: `${m.ns} sends ${sum(m.f)} into ${m.iface}, its IP-in-IP tunnel${m.via !== '' ? `, toward the node ${m.via}` : ''}.`,
    why: `BIRD's route for the destination's block says "via ${m.via || 'the remote node'} dev ${m.iface} onlink": the gateway is the remote node itself, and ${m.iface} needs no neighbour entry for it, as a tunnel has no link-layer addresses (no ARP, no MACs). tcpdump on ${m.iface} shows the bare IP packet as routing left it, its TTL already lowered by this node.`,
  }),
  'ipip-encap': (m) => ({
    short: `${m.dev} puts the ${m.innerLen}-byte packet inside a new IPv4 header: ${m.local} → ${m.remote}, protocol 4, TTL ${m.ttl}, ${m.outerLen} bytes in all.`,
    why: `IP-in-IP adds one IPv4 header and nothing else (RFC 2003): 20 bytes, against VXLAN's 50, and no inner Ethernet header. Protocol 4 in that header says "what follows is an IPv4 packet". tunl0 has no remote address of its own, so the outer destination is the gateway of the route the packet took, ${m.remote}; the source ${m.local} is the address the route to it picks on ${m.underlay}. Its TTL is copied from the inner packet (tunl0's "ttl inherit"), and so is its DF bit (${m.df ? 'set' : 'clear'}). ${m.dev}'s MTU is ${m.mtu}, so the largest inner packet makes an outer one of ${m.mtu + 20} bytes, what ${m.underlay} carries.`,
  }),
  'ipip-decap': (m) => ({
    short: `${m.ns} receives IP-in-IP from ${m.remote}: ${m.dev} takes off the outer header and keeps the ${m.innerLen}-byte packet inside.`,
    why: `The ${m.outerLen}-byte packet arrived on ${m.underlay || 'the NIC'} for ${m.ns} itself with protocol 4, so ip_local_deliver handed it to the ipip module (ipip_rcv). tunl0 is the catch-all tunnel: it accepts protocol 4 from any source to any address. The outer TTL ${m.ttl} is dropped with the header; the inner packet keeps its own TTL.`,
  }),
  'in-ipip': (m) => ({
    short: `${sum(m.f)} arrives on ${m.iface} in ${m.ns}, as if the tunnel were a cable.`,
    why: `The inner packet is received on ${m.iface} and routed from there like any packet: the node's route to the pod (a /32 through its cali* interface) takes it on. Reverse-path filtering checks the source against ${m.iface}, and BIRD's route back to the sender's block leaves through ${m.iface} too.`,
  }),
};
