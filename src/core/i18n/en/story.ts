import type { NarratorCatalog } from '../../narrate/catalog';
import type { VisitResult } from '../../narrate/story';
import type { DropReason } from '../../events';
import { icmpNameEn as icmp } from './summary';

const DROP: Record<DropReason, string> = {
  'no-route': 'no route', 'ttl-exceeded': 'TTL would reach 0', 'neigh-failed': 'the next hop never answered ARP', 'not-for-us': 'not addressed to it',
  'forwarding-disabled': 'forwarding is off', 'rp-filter': 'the reverse path filter', 'port-unreachable': 'nobody listens on the port', 'tcp-no-listener': 'nobody listens on the port',
  'icmp-rate-limited': 'the ICMP rate limit', 'bridge-no-port': 'no port to switch to', martian: 'a martian address', 'iface-down': 'the interface is down',
};

function fate(ns: string, r: VisitResult, dev: string | null, reason: DropReason | null): string {
  if (r === 'forward') return `${ns} routes it on${dev ? ` through ${dev}` : ''}`;
  if (r === 'local') return `the packet is for ${ns} itself`;
  if (r === 'unreachable') return 'no route, the packet is dropped';
  if (r === 'drop') return `the packet is dropped: ${reason ? DROP[reason] : 'dropped'}`;
  return `${ns} receives it`;
}

/** English chapter titles. */
export const chaptersEn: NarratorCatalog['chapters'] = {
  origin: (c) => {
    const what = c.what === 'ping' ? 'the echo request' : c.what === 'udp' ? 'the datagram' : 'the SYN';
    if (c.via === 'none') return `${c.ns} has no route for ${what}`;
    if (c.via === 'local') return `${c.ns} sends ${what} to itself, over lo`;
    if (c.via === 'connected') return `${c.ns} sends ${what} straight through ${c.dev ?? '?'}`;
    return `${c.ns} sends ${what} through ${c.dev ?? '?'} to its gateway ${c.gw ?? '?'}`;
  },
  'enter-root': (c) => `The packet enters ${c.ns}'s root namespace through ${c.iface}`,
  bridge: (c) => c.action === 'local'
    ? `The bridge ${c.bridge} passes the frame up to ${c.ns}'s IP stack`
    : c.action === 'forward' ? `The bridge ${c.bridge} switches the frame to ${c.port ?? '?'}` : `The bridge ${c.bridge} floods the frame`,
  route: (c) => {
    if (c.result === 'forward') return c.resolves ? `${c.ns} routes the packet and resolves the next hop ${c.nexthop ?? ''}`.trim() : `${c.ns} routes the packet to ${c.nexthop ?? '?'}`;
    return `${c.ns}: ${fate(c.ns, c.result, c.dev, c.reason)}`;
  },
  leave: (c) => `The packet leaves ${c.ns} through ${c.iface}`,
  router: (c) => {
    const who = c.ns === 'router' ? 'The router' : `The router ${c.ns}`;
    return c.result === 'forward' ? `${who} forwards it to ${c.nexthop ?? '?'}` : `${who}: ${fate(c.ns, c.result, c.dev, c.reason)}`;
  },
  arrive: (c) => c.result === 'forward'
    ? `${c.ns} receives it on ${c.iface} and routes it to ${c.dev ?? '?'}`
    : `${c.ns} receives it on ${c.iface}: ${fate(c.ns, c.result, c.dev, c.reason)}`,
  'resolve-dst': (c) => c.failed ? `${c.ns} asks by ARP for ${c.target}'s MAC: nobody answers` : `${c.ns} asks by ARP for ${c.target}'s MAC (through ${c.dev})`,
  'into-pod': (c) => `Through ${c.iface} into ${c.pod}`,
  answer: (c) => {
    if (c.cause === 'echo-reply') return `${c.ns} answers: the echo reply travels back`;
    if (c.cause === 'tcp-synack') return `${c.ns} accepts: the SYN-ACK travels back`;
    if (c.cause === 'tcp-rst') return `${c.ns} refuses the connection: RST-ACK`;
    if (c.cause === 'icmp-error' && c.type !== null) return c.type === 5 ? `${c.ns} also sends an ICMP Redirect to ${c.to}` : `${c.ns} reports ICMP ${icmp(c.type, c.code ?? 0)} to ${c.to}`;
    return `${c.ns} answers`;
  },
  packet: (c) => c.arp === 'known' ? `Packet ${c.n}: the MAC addresses are known now` : c.arp === 'waiting' ? `Packet ${c.n}: ARP has not finished yet` : c.arp === 'again' ? `Packet ${c.n}: ARP starts again` : `Packet ${c.n}`,
};

/** English corrections of the course notes. */
export const correctionsEn: NarratorCatalog['corrections'] = {
  'gateway-arp': (c) => `Before anything leaves, ${c.src} looks up ${c.dstIp} in its own routing table. The destination is outside its subnet, so the route points at the gateway ${c.nexthop ?? '?'}: ${c.src} asks by ARP for the gateway's MAC, not for ${c.dst}'s. MAC addresses belong to the link layer (L2), and ARP only ever asks for the next hop inside its own L2 network.`,
  'calico-gateway': (c) => `${c.src} has a /32 address and the route "default via ${c.nexthop ?? '?'}": every destination, even a pod on the same node, goes through this gateway, which exists nowhere. ${c.ns === c.src ? 'The node' : c.ns} answers the ARP request for ${c.nexthop ?? '?'} itself (proxy ARP).`,
  'bridge-no-arp': (c) => `The notes say the bridge sends an ARP request looking for the destination. A bridge, as a switch, never sends ARP. ${c.src} already asked for its gateway in chapter 1; now ${c.ns}'s IP stack asks only for the next hop of its route (${c.nexthop ?? '?'}), through ${c.dev ?? '?'}${c.spa ? `, and the request says "tell ${c.spa}": the address of that interface, since the pod's address is not ${c.ns}'s` : ''}. Nobody on this node asks for ${c.dstIp}.`,
  'routing-table-decides': (c) => `The notes say the packet goes to eth0 because nobody on the server has that IP address. What decides is ${c.ns}'s routing table: no route matches ${c.dstIp} more closely, so the default route "${c.route ?? '?'}" sends it to ${c.nexthop ?? '?'} through ${c.dev ?? '?'}.`,
  'ip-stays-mac-changes': (c) => `The notes say the router sends the packet "to the interface" of the next node. The router chooses a next hop (${c.nexthop ?? '?'}): the IP destination stays ${c.dstIp}; only the frame's MAC addresses change (to the next hop's MAC) and TTL drops by one. That is how every routed hop works.`,
  'node-routes': (c) => `The notes say the packet is passed on to the bridge. It is routed: ${c.ns}'s IP stack finds the route to the subnet directly connected to ${c.bridge ?? '?'} ("${c.route ?? '?'}") and decrements TTL, just like the router did.`,
  'stack-arps-bridge-floods': (c) => `The notes say the bridge makes the ARP request and finds the address behind a veth. ${c.ns}'s IP stack asks, through ${c.bridge ?? '?'}${c.spa ? ` (so the request says "tell ${c.spa}")` : ''}; the bridge only floods the broadcast to its ports, and ${c.dst} answers with the MAC of its own eth0. The grain of truth: from the reply's source MAC the bridge learns which port leads to the pod (its FDB). The veth itself has no IP address.`,
};

/** The English outcome line. */
export function outcomeEn(o: Parameters<NarratorCatalog['outcome']>[0]): string {
  if (o.localNoRoute) return `${o.src} has no route to ${o.dstIp}: nothing was sent.`;
  const errs = o.errors.map((e) => `ICMP ${icmp(e.type, e.code)} from ${e.from}${e.n > 1 ? ` (×${e.n})` : ''}`).join('; ');
  const tail = errs ? ` ${errs}.` : '';
  if (o.proto === 'tcp') {
    if (o.refused > 0) return `Connection refused: ${o.dst} answered the SYN with RST-ACK (nobody listens on port ${o.port}).${tail}`;
    if (o.answers > 0) return `Connection established: SYN → SYN-ACK → ACK${o.count > 1 ? ` (${o.answers} of ${o.count})` : ''}.${tail}`;
    return `No answer to the SYN came back to ${o.src}.${tail}`;
  }
  if (o.proto === 'udp') {
    if (o.udpDelivered > 0) return `The datagram reached a listener at ${o.dstIp}. UDP does not confirm delivery: only the server itself could answer.${tail}`;
    return errs ? `${errs}.` : `No answer came back to ${o.src}.`;
  }
  return `Echo replies back at ${o.src}: ${o.answers} of ${o.count}.${tail}`;
}

/** English labels and TTL path. */
export const labelsEn: NarratorCatalog['labels'] = { notesVsLinux: 'course notes vs. Linux', chapter: (n) => `Chapter ${n}` };
export const ttlPathEn: NarratorCatalog['ttlPath'] = (t) => `TTL: ${t.start}${t.hops.map((h) => ` → ${h.ttl} (${h.ns})`).join('')}; bridges never change it.`;
