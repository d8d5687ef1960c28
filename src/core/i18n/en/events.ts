import type { NarratorCatalog } from '../../narrate/catalog';
import { count } from '../plural';
import { icmpNameEn as icmp, summaryEn as sum } from './summary';

const packets = (n: number): string => count('en', n, { one: 'waiting packet', other: 'waiting packets' });
const requests = (n: number): string => count('en', n, { one: 'ARP request', other: 'ARP requests' });
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** English texts of every event message. */
export const eventsEn: NarratorCatalog['events'] = {
  'out-veth': (m) => m.repeat
    ? { short: `${cap(sum(m.f))} leaves ${m.ns} through ${m.iface} (→ ${m.peer}).` }
    : { short: `${cap(sum(m.f))} leaves ${m.ns} through ${m.iface}.`, why: `${m.iface} is one end of a veth pair: whatever enters one end comes out of the other, here ${m.peer}.` },
  'out-nic': (m) => ({ short: `${cap(sum(m.f))} leaves ${m.ns} through its uplink ${m.iface} onto the network ${m.segment}.` }),
  'out-bridge-dev': (m) => ({ short: `${m.ns} sends ${sum(m.f)} through the bridge device ${m.bridge}.`, why: 'The bridge now picks the port from its FDB.' }),
  'out-port': (m) => ({ short: `The bridge ${m.bridge} puts ${sum(m.f)} out of its port ${m.iface} (→ ${m.peer}).` }),
  'in-port': (m) => ({ short: `${cap(sum(m.f))} arrives on ${m.iface} in ${m.ns}.`, why: `${m.iface} is a port of the bridge ${m.bridge}, so the bridge, not IP, decides what happens next.` }),
  'in-up': (m) => ({ short: `${m.bridge}, the bridge's own interface, receives ${sum(m.f)}.`, why: `From here ${m.ns}'s IP stack handles it, as on any other interface.` }),
  'in-host': (m) => ({ short: `${cap(sum(m.f))} arrives on ${m.iface} in ${m.ns}.` }),
  'route-out-local': (m) => ({ short: `${m.dst} is ${m.ns}'s own address: the packet goes through the loopback interface lo.`, why: m.loopback ? '127.0.0.0/8 is the loopback network; nothing leaves the host.' : 'The local routing table lists the host\'s own addresses; such packets never reach the network.' }),
  'route-out-none': (m) => ({ short: `${m.ns} has no route to ${m.dst}.`, why: 'Not even a default route matches.' }),
  'route-out-connected': (m) => ({ short: `${m.ns} looks up ${m.dst}: the route "${m.route}" says it is on the network directly connected to ${m.dev}.`, why: `So ${m.ns} needs the MAC of ${m.dst} itself, not a gateway's.` }),
  'route-out-gateway': (m) => ({
    short: m.isDefault
      ? `${m.ns} looks up ${m.dst}: no more specific route, so the default route "${m.route}" applies; the next hop is the default gateway ${m.gw}.`
      : `${m.ns} looks up ${m.dst}: the route "${m.route}" matches; the next hop is the gateway ${m.gw}.`,
    why: `The IP packet keeps ${m.dst} as its destination; it is the frame that goes to ${m.gw}, so ${m.ns} needs the gateway's MAC, not ${m.dst}'s.`,
  }),
  'route-in-local': (m) => ({ short: `${m.dst} is one of ${m.ns}'s own addresses (table local): the packet is for ${m.ns} and goes up to its sockets.`, why: 'A local delivery: no forwarding and no TTL decrement.' }),
  'route-in-none': (m) => ({ short: `${m.ns} looks up ${m.dst}: no route matches, not even a default route.` }),
  'route-in-forward': (m) => ({
    short: m.connected
      ? `${m.ns} forwards the packet: the route "${m.route}" is directly connected, so the next hop is ${m.dst} itself, through ${m.dev}.`
      : m.isDefault
        ? `${m.ns} forwards the packet by its default route "${m.route}": the next hop is ${m.nexthop}, through ${m.dev}.`
        : `${m.ns} forwards the packet by the route "${m.route}": the next hop is ${m.nexthop}, through ${m.dev}.`,
    why: m.router
      ? `${m.dst} is not ${m.ns}'s own address and forwarding is on (ip_forward=1). Routing picks the route with the longest matching prefix.`
      : `${m.dst} is not ${m.ns}'s address, and forwarding is on (ip_forward=1): for its pods' traffic ${m.ns} is a router like any other. The route with the longest matching prefix wins.`,
  }),
  'proxy-arp': (m) => ({
    short: `${m.tpa} is not ${m.ns}'s address, but proxy_arp is on for ${m.iif}: ${m.ns} answers with the MAC of ${m.iif} (${m.mac}).`,
    why: `${m.ns} would route ${m.tpa} out of ${m.via}, so it answers for it and will forward whatever is sent there. ${m.delayMs > 0 ? `Linux answers a broadcast after a random delay below proxy_delay; the simulator waits ${m.delayMs} ms.` : 'proxy_delay is 0, so the answer goes at once.'}`,
  }),
  'neigh-resolve': (m) => ({
    short: m.wasFailed
      ? `The ARP entry for ${m.ip} is FAILED (the last attempt got no answer): a new packet makes ${m.ns} try again. The entry becomes INCOMPLETE, the packet waits, an ARP broadcast goes out of ${m.iface}.`
      : `${m.ns} needs the MAC of ${m.ip} and has no ARP entry for it: it creates an INCOMPLETE entry, parks the packet in its queue and broadcasts an ARP request out of ${m.iface}.`,
    ...(m.spa !== null && m.pktSrc !== null && m.spa !== m.pktSrc
      ? { why: `The request will say "tell ${m.spa}", not ${m.pktSrc}: the packet's source is not ${m.ns}'s own address, so Linux puts in the address of the interface it asks through (arp_announce=0).` }
      : {}),
  }),
  'neigh-queue': (m) => ({ short: `The ARP question for ${m.ip} is still open: this packet waits in the queue too (${count('en', m.queued, { one: 'packet', other: 'packets' })} now).` }),
  'neigh-stale-use': (m) => ({ short: `The entry for ${m.ip} is STALE: Linux uses its MAC ${m.mac} at once, without asking, and moves it to DELAY.`, why: 'If nothing confirms it within 5 s (delay_first_probe_time), a unicast ARP probe follows.' }),
  'neigh-hit': (m) => ({ short: `The ARP table already has ${m.ip} with MAC ${m.mac} (${m.state}): no ARP needed.` }),
  'neigh-timer': (m) => {
    switch (m.to) {
      case 'DELAY': return { short: `The REACHABLE time of ${m.ip} ran out while it is in use: DELAY, waiting for a confirmation.` };
      case 'STALE': return { short: `Nothing confirmed ${m.ip} for longer than reachable_time (about 30 s): the entry becomes STALE.`, why: 'It stays usable, but the next send will check it.' };
      case 'REACHABLE': return { short: `${m.ip} was confirmed meanwhile: back to REACHABLE.` };
      case 'PROBE': return { short: `5 s in DELAY and no confirmation for ${m.ip}: Linux now checks it with unicast ARP requests to ${m.mac ?? '?'}.` };
      default: return { short: `${m.ip}: ${m.from ?? 'none'} → ${m.to}.` };
    }
  },
  'neigh-failed': (m) => ({
    short: `Nobody answered the ${requests(m.probes)} for ${m.ip} (one per second): the entry becomes FAILED${m.dropped > 0 ? ` and the ${packets(m.dropped)} ${m.dropped === 1 ? 'is' : 'are'} dropped` : ''}.`,
    why: 'Linux sends mcast_probes (3) broadcasts, retrans_time (1 s) apart, then gives up.',
  }),
  'neigh-reply': (m) => ({ short: `The ARP reply came: ${m.ip} has the MAC ${m.mac}. The entry becomes REACHABLE${m.released > 0 ? ` and the ${packets(m.released)} ${m.released === 1 ? 'goes' : 'go'} out now` : ''}.` }),
  'neigh-learn-asker': (m) => ({
    short: `Since ${m.ns} answers this request, Linux also records the asker: ${m.ip} has the MAC ${m.mac} (STALE).`,
    why: 'The ARP reply goes straight to the MAC in the request; the STALE entry spares a separate ARP exchange for the traffic that comes back later (the echo reply).',
  }),
  'neigh-update': (m) => ({ short: `${m.ip} now has the MAC ${m.mac} (${m.state})${m.released > 0 ? `; the ${packets(m.released)} ${m.released === 1 ? 'goes' : 'go'} out` : ''}.` }),
  'br-learn': (m) => ({ short: `The bridge ${m.bridge} learns that ${m.mac} is behind its port ${m.port}, from the frame's source address.` }),
  'br-flood': (m) => {
    const ports = m.ports.join(', ') || 'none';
    if (m.fromHost) return { short: m.broadcast ? `A broadcast from the host goes out of every port of ${m.bridge} (${ports}).` : `${m.bridge} has not learned ${m.mac}, so it floods the frame to all its ports (${ports}).` };
    return m.broadcast
      ? { short: `${m.mac} is the broadcast address: the bridge ${m.bridge} floods the frame to every other port (${ports}) and passes a copy up to ${m.bridge} itself.`, why: `${m.bridge} is also the host's interface on this bridge, so the host's IP stack sees broadcasts too.` }
      : { short: `The bridge ${m.bridge} has not learned ${m.mac} yet, so it floods this unknown unicast frame to every other port (${ports}).` };
  },
  'br-local': (m) => ({ short: `${m.mac} is the bridge's own MAC: the frame is not switched to a port but goes up through ${m.bridge} into ${m.ns}'s IP stack.`, why: `The pods' gateway address lives on ${m.bridge}, so frames to the gateway are for the host itself.` }),
  'br-forward': (m) => m.fromHost
    ? { short: `The FDB of ${m.bridge} says ${m.mac} is behind ${m.port}: the frame goes out there only.` }
    : { short: `The bridge ${m.bridge} knows ${m.mac} is behind ${m.port} and switches the frame there only.`, why: 'The IP stack never sees it: no routing, no TTL change.' },
  'seg-learn': (m) => ({ short: `The switch of the network ${m.segment} learns that ${m.mac} is behind the port leading to ${m.machine}.` }),
  'seg-forward': (m) => ({ short: `The switch knows ${m.mac} and delivers the frame only to ${m.to.join(', ') || 'nobody'}; other machines never see it.` }),
  'seg-flood': (m) => ({ short: `The switch floods the frame (${m.broadcast ? 'a broadcast' : 'unknown destination'}) to ${m.to.join(', ') || 'nobody'}.` }),
  ttl: (m) => ({
    short: `${m.ns} decrements TTL: ${m.from} → ${m.to}.`,
    why: m.first && !m.router
      ? `Every router decrements TTL, and ${m.ns} routes its pods' traffic (ip_forward=1), so it starts here. The sender never does, and a bridge never does.`
      : 'Every router decrements TTL by one; bridges and the sender never do.',
  }),
  'send-ping': (m) => ({ short: `ping in ${m.ns} sends ICMP echo request #${m.seq} to ${m.dst}, TTL ${m.ttl}.`, why: 'The sender does not decrement TTL; routers will.' }),
  'send-udp': (m) => ({ short: `A program in ${m.ns} sends one UDP datagram to ${m.dst}:${m.port} (TTL ${m.ttl}).` }),
  'send-syn': (m) => ({ short: `A program in ${m.ns} calls connect() to ${m.dst}:${m.port}: the kernel sends a TCP SYN (TTL ${m.ttl}).` }),
  'send-echo-reply': (m) => ({ short: `${m.ns} builds the echo reply: source and destination swapped, a new TTL of ${m.ttl}.`, why: 'It is routed on its own, like any new packet.' }),
  'send-synack': (m) => ({ short: `${m.ns} answers SYN-ACK, the second step of the three-way handshake.` }),
  'send-rst': (m) => ({ short: `${m.ns} refuses with RST-ACK; the client's connect() fails with "Connection refused".` }),
  'send-ack': (m) => ({ short: `${m.ns} completes the three-way handshake with an ACK: the connection is established.` }),
  'send-icmp-error': (m) => {
    const about = m.about ? sum(m.about) : 'the packet';
    const source = !m.toSelf && m.dev !== null
      ? ` It comes from ${m.src}, the address of ${m.dev}, the interface ${m.ns} uses to reach ${m.dst}; that is why traceroute shows ${m.src} for this hop.`
      : '';
    const self = m.toSelf ? ' The sender is this host itself, so the message goes over lo and the program sees the error.' : '';
    if (m.type === 11) return { short: `TTL would reach 0 here: ${m.ns} drops ${about} and sends ICMP Time Exceeded back to ${m.dst}.`, why: `This is how traceroute maps a path.${source}${self}` };
    if (m.type === 5) return { short: `${m.ns} sends the packet back out of the interface it came in on, to ${m.gw ?? '?'}, which ${m.dst} could reach directly: with send_redirects on, it tells ${m.dst} so with an ICMP Redirect.` };
    if (m.type === 3 && m.code === 3) return { short: `Nobody listens on that UDP port in ${m.ns}: the kernel answers ICMP ${icmp(3, 3)}.` };
    return { short: `${m.ns} cannot deliver ${about} and sends ICMP ${icmp(m.type, m.code)} back to ${m.dst}.`, why: `${source}${self}`.trim() };
  },
  'deliver-echo-request': (m) => ({ short: `${m.ns} receives the echo request. No program is involved: the kernel itself answers pings.` }),
  'deliver-echo-reply': (m) => ({ short: `The echo reply reaches ping in ${m.ns}: the round trip is complete.` }),
  'deliver-icmp-error': (m) => ({ short: `ICMP ${icmp(m.type, m.code)} from ${m.from} reaches ${m.ns}: the program that sent the original packet is told.` }),
  'deliver-redirect': (m) => m.accepted
    ? { short: `${m.ns} accepts the redirect from ${m.from}: Linux records a route exception sending that destination straight to ${m.gw}.`, why: 'The simulator does not yet apply it to later packets.' }
    : { short: `${m.ns} ignores the redirect from ${m.from}.`, why: 'Turning ip_forward on sets net.ipv4.conf.all.accept_redirects to 0, and a forwarding interface accepts redirects only if both "all" and the interface allow them: a router trusts its own routing table.' },
  'deliver-udp': (m) => ({ short: `${cap(sum(m.f))} reaches the program listening on UDP port ${m.port} in ${m.ns}.` }),
  'deliver-syn': (m) => ({ short: `A program listens on TCP port ${m.port} in ${m.ns}: the kernel accepts the connection request.` }),
  'deliver-synack': (m) => ({ short: `The SYN-ACK reaches ${m.ns}: the server accepted the connection.` }),
  'deliver-rst': (m) => ({ short: `The RST reaches ${m.ns}: connect() fails with "Connection refused" (ECONNREFUSED).` }),
  'deliver-tcp': (m) => ({ short: `The segment reaches ${m.ns}'s TCP socket.` }),
  drop: (m) => {
    const what = m.f ? sum(m.f) : 'the frame';
    const x = m.facts;
    switch (m.reason) {
      case 'no-route': return x.direction === 'output'
        ? { short: `Nothing leaves ${m.ns}: the program gets "Network is unreachable" (ENETUNREACH) straight from the kernel.` }
        : { short: `${m.ns} drops ${what}: no route to ${x.dst ?? '?'}.`, why: `As a router it reports ICMP ${icmp(3, 0)} to ${x.src ?? '?'}.` };
      case 'ttl-exceeded': return { short: `The packet arrives with TTL ${x.ttl ?? '?'}: forwarding would bring it to 0, so ${m.ns} drops it.` };
      case 'neigh-failed': return { short: `${cap(what)} is dropped: its next hop ${x.nexthop ?? '?'} never answered ARP.`, why: `Linux reports ICMP ${icmp(3, 1)} to the sender.` };
      case 'not-for-us': return { short: `${m.ns} drops the frame: it is addressed to ${x.dstMac ?? '?'}, not to ${m.iface ?? '?'} (${x.ifaceMac ?? '?'}).`, why: 'It only arrived because a switch flooded it.' };
      case 'forwarding-disabled': return { short: `${x.dst ?? '?'} is not ${m.ns}'s address, and forwarding is off on ${m.iface ?? '?'} (ip_forward=0): ${m.ns} silently drops ${what}.`, why: 'A host that does not forward is not a router.' };
      case 'rp-filter': return x.rpFilter === 1
        ? { short: `Reverse path filter (rp_filter=1, strict): the route back to ${x.src ?? '?'} does not leave through ${m.iface ?? '?'}, so ${m.ns} drops the packet.`, why: 'Linux treats it as a packet with a spoofed source address.' }
        : { short: `Reverse path filter (rp_filter=2, loose): ${m.ns} has no route at all back to ${x.src ?? '?'}, so it drops the packet.` };
      case 'port-unreachable': return { short: `Nobody listens on UDP port ${x.port ?? '?'} in ${m.ns}: the datagram is dropped.` };
      case 'tcp-no-listener': return { short: `Nobody listens on TCP port ${x.port ?? '?'} in ${m.ns}.` };
      case 'icmp-rate-limited': return { short: `${m.ns} would send ICMP ${icmp(x.icmp?.type ?? 0, x.icmp?.code ?? 0)} to ${x.src ?? '?'}, but its per-peer ICMP rate limit holds it back.`, why: 'One message per second with a burst of 6 (icmp_ratelimit, icmp_ratemask).' };
      case 'bridge-no-port': return { short: `${x.dstMac ?? 'The destination'} is behind the port the frame came in on: without hairpin mode a bridge never sends a frame back out of its ingress port.` };
      case 'martian': return { short: `${m.ns} drops the packet: 127.0.0.0/8 belongs to each host's own loopback, so a packet from or to it arriving on ${m.iface ?? '?'} is a "martian".`, why: 'route_localnet is off.' };
      default: return { short: `${m.ns} drops ${what} (${m.reason}).` };
    }
  },
  'consume-arp-other': (m) => ({ short: `${m.ns} ignores the ARP request: ${m.tpa} is not its address.`, why: `It has no entry for ${m.spa} to refresh, so it learns nothing. This is normal, not an error: the kernel simply consumes the frame.` }),
  'consume-arp-unsolicited': (m) => ({ short: `${m.ns} ignores an ARP reply nobody asked for.`, why: 'With arp_accept=0 an unsolicited reply creates no entry.' }),
};
