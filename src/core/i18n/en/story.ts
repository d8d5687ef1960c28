import type { NarratorCatalog } from '../../narrate/catalog';
import type { DropReason } from '../../events';
import { icmpNameEn as icmp } from './summary';
import { pingLine } from '../pingLine';
import { ttlHops } from '../ttlHops';

const DROP: Record<DropReason, string> = {
  'no-route': 'no route', 'ttl-exceeded': 'TTL expired', 'frag-needed': 'too big for the next hop, DF set', 'neigh-failed': 'the next hop never answered ARP', 'not-for-us': 'not addressed to it',
  'forwarding-disabled': 'forwarding is off', 'rp-filter': 'the reverse path filter', 'port-unreachable': 'nobody listens on the port', 'tcp-no-listener': 'nobody listens on the port',
  'icmp-rate-limited': 'the ICMP rate limit', 'bridge-no-port': 'no port to switch to', martian: 'a martian address', 'iface-down': 'the interface is down',
  'local-source': 'a forged local source', 'arp-rp-filter': 'the reverse path filter on its ARP', 'arp-local-source': 'ARP from its own address', 'arp-martian': 'a martian address in ARP',
  'l2-loop': 'an L2 loop', 'broadcast-ignored': 'it was sent to a broadcast address', 'connect-timeout': 'connect() gave up', emsgsize: 'larger than the MTU, and DF is demanded',
  'vxlan-no-remote': 'its VXLAN device knows no VTEP for the destination MAC', 'vxlan-vni-unknown': 'no VXLAN device has its VNI', 'ip-noproto': 'nothing there takes IP-in-IP', 'bpf-ttl': 'Cilium\'s eBPF found its TTL run out',
  'wg-no-peer': 'no WireGuard peer has the address in its AllowedIPs', 'wg-unallowed-src': 'its source is not in the WireGuard peer\'s AllowedIPs',
};

const WHAT = { ping: 'the echo request', udp: 'the UDP datagram', tcp: 'the SYN' } as const;

/** English chapter titles: one sentence each, with the packet as the subject where there is one. */
export const chaptersEn: NarratorCatalog['chapters'] = {
  retry: (c) => `No answer after ${c.waitedMs / 1000} s: ${c.ns} sends the SYN again (retransmission ${c.n})`,
  origin: (c) => {
    const what = WHAT[c.what];
    const to = c.dst === c.dstIp ? c.dstIp : `${c.dst} (${c.dstIp})`;
    if (c.via === 'none') return `${c.ns} has no route to ${c.dstIp}: ${what} is never sent`;
    if (c.tooBig) return `${c.ns} cannot send ${c.tooBig.len} bytes through ${c.dev ?? '?'} (MTU ${c.tooBig.mtu}) with DF demanded: ${what} is never sent`;
    if (c.via === 'local') return `${c.ns} sends ${what} to itself over lo`;
    if (c.via === 'broadcast') {
      return c.what === 'tcp' ? `connect() in ${c.ns} refuses the broadcast address ${c.dstIp}: no SYN is sent` : `${c.ns} sends ${what} to the broadcast address ${c.dstIp}, to every host on ${c.dev ?? '?'}`;
    }
    if (c.via === 'connected') return c.arpFailed ? `${c.ns} sends ${what} straight through ${c.dev ?? '?'}, but nobody answers ARP for ${c.dstIp}` : `${c.ns} sends ${what} to ${to} straight through ${c.dev ?? '?'}`;
    return `${c.ns} sends ${what} to ${to} via the gateway ${c.gw ?? '?'} (${c.dev ?? '?'})`;
  },
  'enter-root': (c) => `The packet enters ${c.ns}'s root namespace through ${c.iface}`,
  bridge: (c) => c.action === 'local'
    ? `The bridge ${c.bridge} passes the frame up to ${c.ns}'s IP stack`
    : c.action === 'forward' ? `The bridge ${c.bridge} switches the frame to ${c.port ?? '?'}` : `The bridge ${c.bridge} floods the frame`,
  route: (c) => {
    if (c.result === 'forward') {
      if (c.direct && c.deviceRoute === true) return `${c.ns} routes the packet straight to ${c.nexthop ?? '?'} through ${c.dev ?? '?'}, by a route with no gateway`;
      if (c.direct) return `${c.ns} routes the packet straight to ${c.nexthop ?? '?'}: that network is connected to ${c.dev ?? '?'}`;
      return c.resolves ? `${c.ns} routes the packet and resolves the next hop ${c.nexthop ?? '?'}` : `${c.ns} routes the packet to the next hop ${c.nexthop ?? '?'}`;
    }
    if (c.result === 'local') return `The packet is for ${c.ns} itself: local delivery`;
    return `${c.ns} drops the packet: ${c.reason ? DROP[c.reason] : 'no route'}`;
  },
  leave: (c) => `The packet leaves ${c.ns} through ${c.iface}`,
  encap: (c) => `${c.ns}'s ${c.dev} wraps the packet in VXLAN (VNI ${c.vni}): a UDP datagram to port ${c.port} of ${c.remote}`,
  decap: (c) => `${c.ns} receives the datagram on ${c.iface}, and ${c.dev} takes the packet out of it`,
  encrypt: (c) => `${c.ns}'s ${c.dev} ${c.handshake ? `first shakes hands with ${c.peer}, then ` : ''}encrypts the ${c.tunnel ? 'VXLAN datagram' : 'packet'} for ${c.peer}: a ${c.outerLen}-byte UDP datagram to port 51871`,
  decrypt: (c) => `${c.ns} receives the WireGuard datagram on ${c.iface}, and ${c.dev} decrypts the packet`,
  'ipip-encap': (c) => `${c.ns}'s ${c.dev} wraps the packet in IP-in-IP: an outer IPv4 header, protocol 4, to ${c.remote}`,
  'ipip-decap': (c) => `${c.ns} receives the IP-in-IP packet on ${c.iface}, and ${c.dev} takes the packet out of it`,
  router: (c) => {
    const who = c.ns === 'router' ? 'The router' : `The router ${c.ns}`;
    if (c.result === 'forward') return `${who} forwards the packet to ${c.nexthop ?? '?'}`;
    if (c.result === 'local') return `The packet is for ${c.ns === 'router' ? 'the router' : c.ns} itself: local delivery`;
    return `${who} drops the packet: ${c.reason ? DROP[c.reason] : 'no route'}`;
  },
  arrive: (c) => {
    if (c.result === 'forward') return `${c.ns} receives the packet on ${c.iface} and routes it to ${c.dev ?? '?'}`;
    if (c.result === 'local') return `${c.ns} receives the packet on ${c.iface}: it is for ${c.ns} itself`;
    if (c.result === 'pass') return `${c.ns} receives the packet on ${c.iface}`;
    return `${c.ns} receives the packet on ${c.iface} and drops it: ${c.reason ? DROP[c.reason] : 'no route'}`;
  },
  'resolve-dst': (c) => c.failed ? `${c.ns} asks by ARP for the MAC of ${c.target}: nobody answers` : `${c.ns} asks by ARP for the MAC of ${c.target} (through ${c.dev})`,
  'into-pod': (c) => `The packet crosses ${c.iface} into ${c.pod}`,
  ovs: (c) => {
    const where = c.peer !== null ? `into ${c.port} to ${c.peer}, VNI ${c.vni ?? '?'}` : `out of ${c.port}`;
    return c.action === 'upcall'
      ? `${c.ns}'s OVS datapath has no flow: weaver installs one and sends the packet ${where}`
      : `${c.ns}'s OVS datapath has a flow: the packet goes ${where}`;
  },
  answer: (c) => {
    const lost = c.lost ? `, but it never gets back: ${c.lost.reason === 'neigh-failed' ? `nobody answers ARP for ${c.lost.nexthop ?? '?'}` : DROP[c.lost.reason]}` : '';
    if (c.cause === 'echo-reply') return c.lost ? `${c.ns} answers${lost}` : `${c.ns} answers: the echo reply travels back`;
    if (c.cause === 'tcp-synack') return `${c.ns} accepts: the SYN-ACK travels back${lost}`;
    if (c.cause === 'tcp-rst') return `${c.ns} refuses the connection with RST-ACK${lost}`;
    if (c.cause === 'icmp-error' && c.type !== null) return c.type === 5 ? `${c.ns} also sends an ICMP Redirect to ${c.to}` : c.self
      ? `${c.ns} reports ICMP ${icmp(c.type, c.code ?? 0)} to itself over lo${lost}`
      : `${c.ns} sends ICMP ${icmp(c.type, c.code ?? 0)} to ${c.to}${lost}`;
    return `${c.ns} answers${lost}`;
  },
  packet: (c) => c.arp === 'known' ? `Packet ${c.n}: every MAC is in the ARP tables now`
    : c.arp === 'waiting' ? `Packet ${c.n}: ${c.ns ?? 'a hop'}'s ARP has not finished; the packet waits`
      : c.arp === 'again' ? `Packet ${c.n}: ${c.ns ?? 'a hop'} starts ARP again`
        : c.arp === 'first' ? `Packet ${c.n}: ${c.ns ?? 'a hop'} resolves its next hop by ARP for the first time` : `Packet ${c.n}`,
  recheck: (c) => `Afterwards, ${listEn(c.hosts)} ${c.hosts.length === 1 ? 'confirms its neighbour' : 'confirm their neighbours'} with unicast ARP (DELAY → PROBE)`,
};

/** "a", "a and b", "a, b and c". */
function listEn(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '?') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`;
}

/** English corrections of the course notes: `short` two lines for a projector, `long` the argument. */
export const correctionsEn: NarratorCatalog['corrections'] = {
  'gateway-arp': (c) => ({
    short: `ARP does not look for the destination but for the next hop: ${c.src} asks for the MAC of its gateway ${c.nexthop ?? '?'}, not of ${c.dstIp}.`,
    long: `The notes say the ARP request looks for the destination, and put MAC addresses at the physical layer. In fact ${c.src} first looks up ${c.dstIp} in its own routing table: it is in none of its subnets, so the next hop is the gateway ${c.nexthop ?? '?'}, and ARP asks for the gateway's MAC, not for the MAC of ${c.dstIp}. MAC addresses belong to the link layer (L2); ARP only works inside one L2 network.`,
  }),
  'calico-gateway': (c) => ({
    short: `${c.src} has a /32 address: everything goes via ${c.nexthop ?? '?'}, an address no interface has; ${c.ns === c.src ? 'the node' : c.ns} answers its ARP (proxy ARP).`,
    long: `${c.src} has a /32 address and the route "default via ${c.nexthop ?? '?'}": every destination, even a pod on the same node, goes through this gateway, although no interface has the address ${c.nexthop ?? '?'}. The node answers the ARP request for ${c.nexthop ?? '?'} itself (proxy ARP on the pod's veth).`,
  }),
  'bridge-no-arp': (c) => ({
    short: `A bridge sends no ARP. ${c.ns}'s IP stack asks, and only for its next hop ${c.nexthop ?? '?'} (through ${c.dev ?? '?'}).`,
    long: [
      c.bridge ? 'The notes say the bridge sends an ARP request looking for the destination. A bridge, as a switch, never sends ARP.' : `The notes say a bridge sends an ARP request. Here there is no bridge on the path at all: the pod's veth is not a bridge port.`,
      c.askedGateway ? `${c.src} already asked for its gateway in chapter 1; now` : 'Now',
      `${c.ns}'s IP stack asks only for the next hop of its route (${c.nexthop ?? '?'}), through ${c.dev ?? '?'}${c.spa ? `, and the request says "tell ${c.spa}": the address of that interface, since the pod's address is not ${c.ns}'s` : ''}. Nobody on this node asks for ${c.dstIp}.`,
    ].join(' '),
  }),
  'routing-table-decides': (c) => ({
    short: `Not "nobody here has that IP", but the routing table: only "${c.route ?? 'default'}" matches ${c.dstIp}.`,
    long: `The notes say the packet goes to eth0 because nobody on the server has that IP address. What decides is ${c.ns}'s routing table: no route matches ${c.dstIp} more closely, so the default route "${c.route ?? '?'}" sends it to ${c.nexthop ?? '?'} through ${c.dev ?? '?'}. Whether some machine somewhere holds the address does not matter: only a route in this table that matches it more closely would send the packet elsewhere.`,
  }),
  'ip-stays-mac-changes': (c) => ({
    short: `The IP addresses stay (the destination is still ${c.dstIp}); the frame's MACs are new, and TTL drops by one.`,
    long: `The notes say the router sends the packet "to the interface" of the next node. ${c.nexthop ?? '?'} is the next hop. The IP addresses in the packet do not change: the destination is still ${c.dstIp}. The frame is new: its source MAC is now the router's ${c.dev ?? 'interface'}, its destination MAC the next hop's. TTL drops by one. Every routed hop works this way.`,
  }),
  'node-routes': (c) => ({
    short: `First routing (the network on ${c.bridge ?? '?'}, TTL − 1), then the bridge.`,
    long: `The notes say the packet is passed on to the bridge. The bridge does come, but not first: ${c.ns}'s IP stack routes the packet, finding the network connected to ${c.bridge ?? '?'} ("${c.route ?? '?'}"), and decrements TTL, just like the router did. Only then does the packet leave through ${c.bridge ?? '?'}, the bridge's interface, and the bridge switches the frame to the right port.`,
  }),
  'stack-arps-bridge-floods': (c) => ({
    short: `${c.ns}'s IP stack sends the ARP request through ${c.bridge ?? '?'}; the bridge only floods it. A veth has no IP address.`,
    long: `The notes say the bridge makes the ARP request and finds the address behind a veth. ${c.ns}'s IP stack asks, through ${c.bridge ?? '?'}${c.spa ? ` (so the request says "tell ${c.spa}")` : ''}; the bridge only floods the broadcast to its ports, and ${c.dst} answers with the MAC of its own eth0. The grain of truth: from the reply's source MAC the bridge learns which port leads to the pod (its FDB). The veth itself has no IP address.`,
  }),
};

type Outcome = Parameters<NarratorCatalog['outcome']>[0];

/** One ICMP error that came back, with the machine behind its address and the line ping prints. */
function errorLine(e: Outcome['errors'][number], o: Outcome): string {
  const from = `${e.from}${e.fromNs ? ` (${e.fromNs})` : ''}`;
  const ping = o.proto === 'icmp' ? pingLine(e.type, e.code) : null;
  const seq = o.count === 1 ? '1' : 'N';
  return `ICMP ${icmp(e.type, e.code)} came from ${from}${e.n > 1 ? `, ${e.n} times` : ''}${ping ? `; ping prints "From ${e.from} icmp_seq=${seq} ${ping}"` : ''}`;
}

/** The English outcome line. */
export function outcomeEn(o: Parameters<NarratorCatalog['outcome']>[0]): string {
  const halted = o.halted ? `The journey was cut short at the simulator's limit of ${o.halted.limit} ${o.halted.reason}. ` : '';
  return halted + outcomeLineEn(o) + broadcastEn(o) + retriesEn(o);
}

/** What the SYN's retransmissions came to. */
function retriesEn(o: Outcome): string {
  if (o.proto !== 'tcp' || (o.retransmits === 0 && o.timedOut === 0)) return '';
  const again = o.retransmits > 0 ? ` The kernel sent the SYN again ${o.retransmits === 1 ? 'once' : `${o.retransmits} times`} (no answer within its retransmission timeout).` : '';
  return again + (o.timedOut > 0 ? ' connect() gave up: "Connection timed out".' : '');
}

/** Why nothing answered a packet to a broadcast address. */
function broadcastEn(o: Outcome): string {
  if (o.broadcastIgnored === 0) return '';
  if (o.proto === 'icmp') return ' Linux answers no ping sent to a broadcast address (icmp_echo_ignore_broadcasts=1).';
  return o.proto === 'udp' ? ' No ICMP error answers a datagram sent to a broadcast address.' : ' Nothing answers a SYN sent to a broadcast address, not even a RST.';
}

function outcomeLineEn(o: Outcome): string {
  if (o.localNoRoute) return `${o.src} has no route to ${o.dstIp}: nothing was sent.`;
  if (o.localTooBig !== null) return `Nothing was sent: ping says "ping: local error: message too long, mtu=${o.localTooBig}" (EMSGSIZE; -M do forbids fragmenting).`;
  if (o.connectBroadcast) return `connect() in ${o.src} refused the broadcast address ${o.dstIp} (ENETUNREACH): nothing was sent.`;
  const errs = o.errors.map((e) => errorLine(e, o)).join('; ');
  const tail = errs ? ` ${errs}.` : '';
  const lost = o.answerLost ? ` The answer was dropped in ${o.answerLost.ns}: ${o.answerLost.reason === 'neigh-failed' ? `nobody answered its ARP for ${o.answerLost.nexthop ?? '?'}` : DROP[o.answerLost.reason]}.` : '';
  if (o.proto === 'tcp') {
    if (o.refused > 0) return `Connection refused: ${o.dst} answered the SYN with RST-ACK (nobody listens on port ${o.port}).${tail}`;
    if (o.answers > 0) return `Connection established: SYN → SYN-ACK → ACK${o.count > 1 ? ` (${o.answers} of ${o.count})` : ''}.${tail}`;
    if (o.aborted > 0) return `connect() in ${o.src} failed on an ICMP error.${lost}${tail}`;
    return `No answer to the SYN came back to ${o.src}.${lost}${tail}`;
  }
  if (o.proto === 'udp') {
    if (o.udpDelivered > 0) return `The datagram reached a listener at ${o.dstIp}. UDP does not confirm delivery: only the server itself could answer.${tail}`;
    return errs ? `The datagram got no answer, only an error:${tail}` : `No answer came back to ${o.src}.${lost}`;
  }
  return `Echo replies back at ${o.src}: ${o.answers} of ${o.count}.${lost}${tail}`;
}

/** English labels and TTL path. */
export const labelsEn: NarratorCatalog['labels'] = { notesVsLinux: 'course notes vs. Linux', chapter: (n) => `Chapter ${n}` };
export const ttlPathEn: NarratorCatalog['ttlPath'] = (t) => `TTL: ${t.start}${ttlHops(t.hops, (n) => (n === 1 ? '1 more hop' : `${n} more hops`))}; bridges never change it.`;
