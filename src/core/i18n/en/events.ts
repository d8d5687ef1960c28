import type { NarratorCatalog } from '../../narrate/catalog';
import type { FibFacts, Msg } from '../../narrate/messages';
import { count } from '../plural';
import { fragmentEventsEn } from './fragmentEvents';
import { icmpNameEn as icmp, summaryEn as sum } from './summary';

/*
 * English sentences for every event. `short` is one line for a projector (about 120 characters);
 * `why` is what the detailed level adds: the reason, and what students tend to get wrong.
 */

const packets = (n: number): string => count('en', n, { one: 'waiting packet', other: 'waiting packets' });
const requests = (n: number): string => count('en', n, { one: 'ARP request', other: 'ARP requests' });
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const list = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] as string}`);
const verb = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const secs = (ms: number): string => `${ms / 1000} s`;
const remoteBroadcast = (ns: string, dst: string, needless: string): string =>
  `${dst} is the broadcast address of a network ${ns} is not on: its routes send it like any address (${needless}); only the host that owns that network takes it in as a broadcast.`;

/** The short level's mention that the route chosen came first of routes of equal prefix and metric. */
const firstOf = (fib: FibFacts): string => (fib.tied.length > 0 ? ` (first of ${fib.tied.length + 1} equal routes)` : '');

/** What the kernel's FIB rules add to a route decision, for the detailed level. */
function fibWhy(m: { dst: string; dev: string; fib: FibFacts }): string {
  const { ownGw, op, tied } = m.fib;
  const parts: string[] = [];
  if (ownGw !== null) {
    parts.push(`${ownGw} is an address of ${m.dev} itself: the kernel finds it in the local table (scope host) and only ever sends to gateways on the link, so the route acts as if ${m.dst} were directly on ${m.dev}.`);
  }
  if (m.fib.onlink !== null) {
    parts.push(`The route is onlink: the kernel takes the gateway ${m.fib.onlink} to be on ${m.dev}'s link though no address of ${m.dev} covers it (flannel gives flannel.1 only a /32). flanneld adds such a route last, after a permanent neighbour entry for ${m.fib.onlink}, so the kernel never has to ARP for it.`);
  }
  if (op === 'replace') parts.push('It was installed with "ip route replace": it took the place of the route the table had for the same prefix and metric (for an address\'s own subnet, the connected route the kernel had added).');
  if (tied.length > 0) {
    const how = op === 'prepend' ? ' (this one was added with "ip route prepend")' : '';
    parts.push(tied.length === 1
      ? `"${tied[0] as string}" has the same prefix and metric but comes after it in the table${how}: the kernel takes the first.`
      : `${tied.length} other routes have the same prefix and metric but come after it in the table${how}: the kernel takes the first.`);
  }
  return parts.join(' ');
}

/** Why a host left ARP requests unanswered (an arp-* drop), as a clause. */
function ignoredWhy(i: NonNullable<Extract<Msg, { k: 'neigh-failed' }>['ignoredBy']>): string {
  if (i.reason === 'arp-rp-filter') return `its reverse path filter (rp_filter=${i.rpFilter ?? '?'}) rejected the sender's address`;
  if (i.reason === 'arp-local-source') return "the sender's address is one of its own";
  return "the request's addresses are not valid for ARP";
}

/** English texts of every event message. */
export const eventsEn: NarratorCatalog['events'] = {
  ...fragmentEventsEn,
  'out-veth': (m) => m.repeat
    ? { short: `${cap(sum(m.f))} leaves ${m.ns} through ${m.iface} (→ ${m.peer}).` }
    : { short: `${cap(sum(m.f))} leaves ${m.ns} through ${m.iface}.`, why: `${m.iface} is one end of a veth pair: whatever enters one end comes out of the other, here ${m.peer}.` },
  'out-nic': (m) => ({ short: `${cap(sum(m.f))} leaves ${m.ns} through ${m.iface} onto the network ${m.segment}.` }),
  'out-bridge-dev': (m) => m.broadcast
    ? { short: `${m.ns} sends ${sum(m.f)} through the bridge device ${m.bridge}.`, why: 'It is a broadcast: the bridge floods it to every port without looking at its FDB.' }
    : { short: `${m.ns} sends ${sum(m.f)} through the bridge device ${m.bridge}.`, why: 'The bridge picks the port from its FDB.' },
  'out-port': (m) => ({ short: `The bridge ${m.bridge} puts ${sum(m.f)} out of its port ${m.iface} (→ ${m.peer}).` }),
  'in-port': (m) => ({ short: `${cap(sum(m.f))} arrives on ${m.iface} in ${m.ns}.`, why: `${m.iface} is a port of the bridge ${m.bridge}, so the bridge, not IP, decides what happens next.` }),
  'in-up': (m) => ({ short: `${m.bridge}, the bridge's own interface, receives ${sum(m.f)}.`, why: `From here ${m.ns}'s IP stack handles it, as on any other interface.` }),
  'in-host': (m) => {
    const arrives = `${cap(sum(m.f))} arrives on ${m.iface} in ${m.ns}`;
    if (m.arp === 'own') {
      return m.unicast
        ? { short: `${arrives}: a unicast probe of its own address; ${m.ns} answers.`, why: 'The reply goes straight to the MAC in the request; the existing entry for the asker stays as it is.' }
        : { short: `${arrives}: it asks for ${m.ns}'s own address, so ${m.ns} answers.` };
    }
    if (m.arp === 'known') return { short: `${arrives}; it asks for another address, so ${m.ns} ignores it.`, why: `${m.ns} already has an entry for the asker; someone else's request neither confirms nor changes it.` };
    return { short: `${arrives}.` };
  },
  'in-lo': (m) => ({
    short: `${cap(sum(m.f))} comes back in on lo: ${m.ns} sent it to itself.`,
    why: `Nothing leaves ${m.ns}: the loopback device hands every packet straight back (loopback_xmit), with two all-zero MACs in its Ethernet header, and tcpdump -i lo shows it once, as received.`,
  }),
  'route-out-local': (m) => ({ short: `${m.dst} is ${m.ns}'s own address: the packet goes through the loopback interface lo.`, why: m.loopback ? '127.0.0.0/8 is the loopback network; nothing leaves the host.' : "The local routing table lists the host's own addresses; such packets never reach the network." }),
  'route-out-none': (m) => ({ short: `${m.ns} has no route to ${m.dst}.`, why: 'Not even a default route matches.' }),
  'route-out-broadcast': (m) => ({
    short: m.tcp
      ? `${m.ns} looks up ${m.dst}: it is a broadcast address (out of ${m.dev}).`
      : `${m.ns} looks up ${m.dst}: it is a broadcast address, so the frame goes out of ${m.dev} to ff:ff:ff:ff:ff:ff, to every host on the link, with no ARP.`,
    why: m.tcp
      ? `The route is "${m.route}". TCP connects to one peer only: connect() refuses a route of type broadcast.`
      : m.limited
      ? `255.255.255.255 leaves by the device the routes pick ("${m.route}"), but never through a gateway: it is for this link only.`
      : `Table local holds "${m.route}". A copy also comes back to ${m.ns} itself, as to every host of the network (tcpdump does not show it).`,
  }),
  'route-out-connected': (m) => m.fib.ownGw !== null
    ? { short: `${m.ns} looks up ${m.dst}: the route's gateway ${m.fib.ownGw} is its own address, so it ARPs for ${m.dst} on ${m.dev}${firstOf(m.fib)}.`, why: `The route is "${m.route}". ${fibWhy(m)}` }
    : { short: `${m.ns} looks up ${m.dst}: it is on the network directly connected to ${m.dev}${firstOf(m.fib)}.`, why: [`The route "${m.route}" matches, so ${m.ns} needs the MAC of ${m.dst} itself, not a gateway's.`, fibWhy(m)].filter(Boolean).join(' ') },
  'route-out-gateway': (m) => ({
    short: m.isDefault
      ? `${m.ns} looks up ${m.dst}: only the default route matches; the next hop is the gateway ${m.gw} (${m.dev}).`
      : `${m.ns} looks up ${m.dst}: the route "${m.route}" matches${firstOf(m.fib)}; the next hop is the gateway ${m.gw}.`,
    why: [`${m.isDefault ? `The default route is "${m.route}". ` : ''}The IP packet keeps ${m.dst} as its destination; only the frame goes to ${m.gw}, so ${m.ns} looks for the gateway's MAC, not ${m.dst}'s.`, fibWhy(m)].filter(Boolean).join(' '),
  }),
  'route-in-local': (m) => ({ short: `${m.dst} is one of ${m.ns}'s own addresses: the packet is for ${m.ns} and goes up to its sockets.`, why: 'The local routing table says so. A local delivery: no forwarding and no TTL decrement.' }),
  'route-in-none': (m) => m.proxyArp !== undefined
    ? { short: `${m.ns} has proxy_arp on for ${m.proxyArp}, but no route for ${m.dst}, not even a default route: nobody answers the ARP request.`, why: `Proxy ARP answers only for an address ${m.ns} would route out of another interface; without a route it stays silent, and the asker will give up after 3 requests.` }
    : { short: `${m.ns} looks up ${m.dst}: no route matches, not even a default route.` },
  'route-in-forward': (m) => ({
    short: m.fib.ownGw !== null
      ? `${m.ns} decides to forward the packet: the route's gateway ${m.fib.ownGw} is its own address, so the next hop is ${m.dst} itself (${m.dev}).`
      : m.connected && m.deviceRoute === true
        ? `${m.ns} decides to forward the packet: its route sends ${m.dst} out of ${m.dev} with no gateway, so ${m.dst} is its own next hop${firstOf(m.fib)}.`
      : m.connected
        ? `${m.ns} decides to forward the packet: ${m.dst} is on the network connected to ${m.dev}, so it is its own next hop${firstOf(m.fib)}.`
        : m.isDefault
          ? `${m.ns} decides to forward the packet by its default route: the next hop is ${m.nexthop} (${m.dev})${firstOf(m.fib)}.`
          : `${m.ns} decides to forward the packet: the next hop is ${m.nexthop} (${m.dev})${firstOf(m.fib)}.`,
    why: [
      `The route is "${m.route}". ${m.dst} is not an address of ${m.ns}, and forwarding is on (ip_forward=1)${m.router ? '' : `: for its pods' traffic ${m.ns} is a router like any other`}. Of the matching routes, the one with the longest prefix wins.`,
      fibWhy(m),
    ].filter(Boolean).join(' '),
  }),
  'proxy-arp': (m) => ({
    short: `${m.tpa} is not ${m.ns}'s address, but proxy_arp is on for ${m.iif}: ${m.ns} answers with the MAC of ${m.iif} (${m.mac}).`,
    why: `${m.ns}'s route to ${m.tpa} leaves through another interface (${m.via}), not back into ${m.iif}: that is the condition for proxy ARP, and ${m.ns} will forward whatever is sent there. ${m.delayMs > 0 ? `Linux answers a broadcast after a random delay below proxy_delay; the simulator waits ${m.delayMs} ms.` : 'proxy_delay is 0, so the answer goes at once.'}`,
  }),
  'neigh-resolve': (m) => ({
    short: m.wasFailed
      ? `The ARP entry for ${m.ip} was FAILED: a new packet makes ${m.ns} try again (INCOMPLETE, a request out of ${m.iface}).`
      : `${m.ns} has no ARP entry for ${m.ip}: INCOMPLETE, the packet waits, an ARP request goes out of ${m.iface}.`,
    why: [
      m.wasFailed ? 'A FAILED entry stays until garbage collection; the next packet starts resolution again.' : 'The packet is parked in the entry\'s queue; the request is a broadcast.',
      m.spa !== null && m.pktSrc !== null && m.spa !== m.pktSrc
        ? `It will say "tell ${m.spa}", not ${m.pktSrc}: the packet's source is not an address of ${m.ns}, so Linux uses the address of the interface it asks through (arp_announce=0).`
        : '',
    ].filter(Boolean).join(' '),
  }),
  'neigh-queue': (m) => ({ short: `The ARP question for ${m.ip} is still open: this packet waits in the queue too (${count('en', m.queued, { one: 'packet', other: 'packets' })} now).` }),
  'neigh-stale-use': (m) => ({ short: `The entry for ${m.ip} is STALE: Linux uses its MAC ${m.mac} at once, without asking, and moves it to DELAY.`, why: 'If nothing confirms it within 5 s (delay_first_probe_time), a unicast ARP probe follows.' }),
  'neigh-hit': (m) => ({ short: `The ARP table already has ${m.ip} with MAC ${m.mac} (${m.state}): no ARP needed.` }),
  'neigh-timer': (m) => {
    switch (m.to) {
      case 'DELAY': return { short: `The REACHABLE time of ${m.ip} ran out while it is in use: DELAY, waiting for a confirmation.` };
      case 'STALE': return { short: `Nothing confirmed ${m.ip} for longer than reachable_time: the entry becomes STALE.`, why: 'It stays usable, but the next send will check it. The simulator uses 30 s; Linux picks a random time from 15 to 45 s (base_reachable_time_ms = 30000).' };
      case 'REACHABLE': return { short: `${m.ip} was confirmed meanwhile: back to REACHABLE.` };
      case 'PROBE': return {
        short: `5 s in DELAY and no confirmation for ${m.ip}: Linux now checks it with unicast ARP requests to ${m.mac ?? '?'}.`,
        ...(m.warmup ? { why: 'The DELAY began in the warm-up run, before this log starts.' } : {}),
      };
      default: return { short: `${m.ip}: ${m.from ?? 'none'} → ${m.to}.` };
    }
  },
  'neigh-failed': (m) => ({
    short: `Nobody answered the ${requests(m.probes)} for ${m.ip}: the entry becomes FAILED${m.dropped > 0 ? ` and the ${packets(m.dropped)} ${verb(m.dropped, 'is', 'are')} dropped` : ''}.`,
    why: [
      'Linux sends 3 broadcasts (sysctl mcast_solicit), 1 s apart (retrans_time_ms), then gives up.',
      m.ignoredBy ? `${m.ignoredBy.ns} received them but answered none: ${ignoredWhy(m.ignoredBy)}.` : '',
    ].filter(Boolean).join(' '),
  }),
  'neigh-reply': (m) => ({ short: `The ARP reply came: ${m.ip} has the MAC ${m.mac}. The entry becomes REACHABLE${m.released > 0 ? ` and the ${packets(m.released)} ${verb(m.released, 'goes', 'go')} out now` : ''}.` }),
  'neigh-learn-asker': (m) => ({
    short: `Since ${m.ns} answers this request, Linux also records the asker: ${m.ip} has the MAC ${m.mac} (STALE).`,
    why: 'The ARP reply goes straight to the MAC in the request; the STALE entry spares a separate ARP exchange for traffic going back to the asker.',
  }),
  'neigh-update': (m) => ({ short: `${m.ip} now has the MAC ${m.mac} (${m.state})${m.released > 0 ? `; the ${packets(m.released)} ${verb(m.released, 'goes', 'go')} out` : ''}.` }),
  'br-learn': (m) => ({ short: `The bridge ${m.bridge} learns that ${m.mac} is behind its port ${m.port}, from the frame's source address.` }),
  'br-flood': (m) => {
    if (m.fromHost) return { short: m.broadcast ? `A broadcast from the host goes out of every port of ${m.bridge} (${list(m.ports)}).` : `${m.bridge} has not learned ${m.mac}, so it floods the frame to all its ports (${list(m.ports)}).` };
    if (m.broadcast && m.ports.length === 0) return { short: `The bridge ${m.bridge} has no other port: the broadcast only goes up to ${m.bridge} itself.` };
    return m.broadcast
      ? { short: `A broadcast: the bridge ${m.bridge} floods it to its other ports (${list(m.ports)}) and passes a copy up to ${m.bridge}.`, why: `${m.bridge} is also the host's interface on this bridge, so the host's IP stack sees broadcasts too.` }
      : { short: `The bridge ${m.bridge} has not learned ${m.mac} yet, so it floods this frame to its other ports (${list(m.ports)}).` };
  },
  'br-local': (m) => ({ short: `${m.mac} is the bridge's own MAC: the frame goes up through ${m.bridge} into ${m.ns}'s IP stack.`, why: `The pods' gateway address lives on ${m.bridge}, so frames to the gateway are for the host itself.` }),
  'br-forward': (m) => m.fromHost
    ? { short: `The FDB of ${m.bridge} says ${m.mac} is behind ${m.port}: the frame goes out there only.` }
    : { short: `The bridge ${m.bridge} knows ${m.mac} is behind ${m.port} and switches the frame there only.`, why: 'The IP stack never sees it: no routing, no TTL change.' },
  'seg-learn': (m) => ({ short: `The switch of the network ${m.segment} learns that ${m.mac} is behind the port leading to ${m.machine}.` }),
  'seg-forward': (m) => ({ short: `The switch knows ${m.mac} and delivers the frame only to ${list(m.to) || 'nobody'}; the others never see it.` }),
  'seg-flood': (m) => ({ short: m.broadcast ? `The switch floods the broadcast to ${list(m.to) || 'nobody'}.` : `The switch does not know the destination and floods the frame to ${list(m.to) || 'nobody'}.` }),
  ttl: (m) => ({
    short: `${m.ns} decrements TTL: ${m.from} → ${m.to}.`,
    why: m.first && !m.router
      ? `Every router decrements TTL, and ${m.ns} routes its pods' traffic (ip_forward=1), so it starts here. The sender never does, and a bridge never does.`
      : 'Every router decrements TTL by one; bridges and the sender never do.',
  }),
  'send-ping': (m) => m.noRoute
    ? { short: `ping in ${m.ns} tries to send echo request #${m.seq} to ${m.dst}: the kernel first looks up a route.` }
    : m.broadcast === 'local'
      ? { short: `ping -b in ${m.ns} sends ICMP echo request #${m.seq} to the broadcast address ${m.dst}, TTL ${m.ttl}.`, why: 'Without -b, ping refuses an address its host\'s routes call broadcast; -b sets SO_BROADCAST. The journey sends as ping -b would.' }
      : { short: `ping in ${m.ns} sends ICMP echo request #${m.seq} to ${m.dst}, TTL ${m.ttl}.`, why: m.broadcast === 'remote' ? remoteBroadcast(m.ns, m.dst, 'ping needs no -b here') : 'The sender does not decrement TTL; routers will.' },
  'send-udp': (m) => m.noRoute
    ? { short: `A program in ${m.ns} tries to send a UDP datagram to ${m.dst}:${m.port}: the kernel first looks up a route.` }
    : m.broadcast === 'local'
      ? { short: `A program in ${m.ns} sends one UDP datagram to the broadcast address ${m.dst}:${m.port} (TTL ${m.ttl}).`, why: 'Its socket has SO_BROADCAST set: without it, sendto() to an address its routes call broadcast fails with EACCES.' }
      : { short: `A program in ${m.ns} sends one UDP datagram to ${m.dst}:${m.port} (TTL ${m.ttl}).`, ...(m.broadcast === 'remote' ? { why: remoteBroadcast(m.ns, m.dst, 'the socket needs no SO_BROADCAST here') } : {}) },
  'send-syn': (m) => m.noRoute
    ? { short: `A program in ${m.ns} calls connect() to ${m.dst}:${m.port}: before building a SYN, the kernel looks up a route.` }
    : { short: `A program in ${m.ns} calls connect() to ${m.dst}:${m.port}: the kernel sends a TCP SYN (TTL ${m.ttl}).` },
  'send-echo-reply': (m) => ({ short: `${m.ns} builds the echo reply: source and destination swapped, a new TTL of ${m.ttl}.`, why: 'It is routed on its own, like any new packet.' }),
  'send-syn-retry': (m) => ({
    short: `No answer for ${secs(m.waitedMs)}: ${m.ns}'s kernel sends the SYN to ${m.dst}:${m.port} again (retransmission ${m.retry}).`,
    why: [
      m.softError ? 'The ICMP error that came back earlier found connect() still holding the socket, so TCP only noted it and kept waiting.' : '',
      m.retry === 1
        ? 'The retransmission timeout starts at 1 s; for a SYN it stays 1 s through 4 more retransmissions (tcp_syn_linear_timeouts), then doubles: 2, 4, 8 s… After 10 retransmissions in all (tcp_syn_retries=6 plus those 4), connect() gives up with ETIMEDOUT, 131 s after the first SYN.'
        : `The timeout ${m.waitedMs === 1000 ? 'is still 1 s' : `has doubled to ${secs(m.waitedMs)}`}: tcp_syn_linear_timeouts=4 keeps 1 s for five waits, then each wait doubles.`,
    ].filter(Boolean).join(' '),
  }),
  'send-synack': (m) => ({ short: `${m.ns} answers SYN-ACK, the second step of the three-way handshake.` }),
  'send-rst': (m) => ({ short: `${m.ns} refuses with RST-ACK; the client's connect() fails with "Connection refused".` }),
  'send-ack': (m) => ({ short: `${m.ns} completes the three-way handshake with an ACK: the connection is established.` }),
  'send-icmp-error': (m) => {
    const source = !m.toSelf && m.dev !== null ? `${m.src} is the address of ${m.dev}, the interface ${m.ns} uses to reach ${m.dst}: that is why traceroute shows ${m.src} for this hop.` : '';
    const self = m.toSelf ? 'The sender is this host itself, so the message goes over lo.' : '';
    const about = m.about ? `It carries the header of ${sum(m.about)}.` : '';
    if (m.type === 5) {
      return { short: `${m.ns} also tells ${m.dst} with an ICMP Redirect: next time, go straight to ${m.gw ?? '?'}.`, why: `The packet leaves by the interface it came in on, towards a gateway ${m.dst} can reach directly; send_redirects is on. ${about}`.trim() };
    }
    return { short: `${m.ns} sends ICMP ${icmp(m.type, m.code)} to ${m.dst}, from ${m.src}.`, why: [m.type === 11 ? 'This is how traceroute maps a path.' : '', source, self, about].filter(Boolean).join(' ') };
  },
  'deliver-echo-request': (m) => ({ short: `${m.ns} receives the echo request. No program is involved: the kernel itself answers pings.` }),
  'deliver-echo-reply': (m) => ({ short: `The echo reply reaches ping in ${m.ns}: the round trip is complete.` }),
  'deliver-icmp-error': (m) => {
    const from = `ICMP ${icmp(m.type, m.code)} from ${m.from}${m.fromNs && m.fromNs !== m.ns ? ` (${m.fromNs})` : ''} reaches ${m.ns}`;
    if (m.about === 'kernel') return { short: `${from}. The kernel itself built the packet it reports on, so no program waits for it: it is discarded.` };
    if (m.proto === 'udp') return { short: `${from}: the kernel hands the error to the UDP socket.`, why: 'The program sees it (ECONNREFUSED on its next call) only if the socket is connected or IP_RECVERR is set.' };
    if (m.proto === 'tcp') return { short: `${from}: connect() fails with that error.` };
    if (m.type === 3 && m.code === 4) {
      return { short: `${from}: ping prints it.`, why: 'The kernel also records the smaller path MTU for that destination: packets after this one are fragmented at the source.' };
    }
    return { short: `${from}: ping prints it.` };
  },
  'deliver-tcp-error': (m) => {
    const from = `ICMP ${icmp(m.type, m.code)} from ${m.from}${m.fromNs && m.fromNs !== m.ns ? ` (${m.fromNs})` : ''} reaches ${m.ns}`;
    if (m.socket === 'soft') {
      return {
        short: `${from} while connect() holds the socket: the error is only noted.`,
        why: 'It came back in the SYN\'s own softirq run, before connect() went to sleep: an ICMP error that finds the socket busy is kept as a soft error (sk_err_soft). The SYN goes again when the 1 s timer fires, and the error that answers it ends connect().',
      };
    }
    if (m.socket === 'gone') return { short: `${from}, but that connection no longer exists: nobody gets the error.` };
    return {
      short: `${from}: connect() fails with that error.`,
      why: m.held > 0
        ? `TCP's retransmission timer fired after ${list(Array.from({ length: m.held }, (_, k) => String(k + 1)))} s but sent no copy: the SYN was still waiting for ARP in ${m.ns}'s own queue (skb_still_in_host_queue).`
        : 'In SYN_SENT, an ICMP destination unreachable or time exceeded ends connect() at once.',
    };
  },
  'route-in-broadcast': (m) => ({
    short: m.limited ? `${m.dst} is the limited broadcast address: ${m.ns} takes the packet in as a broadcast.` : `${m.dst} is the broadcast address of ${m.dev}'s network: ${m.ns} takes the packet in as a broadcast.`,
    why: m.limited
      ? `Every host takes 255.255.255.255 in as a broadcast, whichever interface it came in on (here ${m.iif}), and never forwards it.`
      : `Table local holds "broadcast ${m.dst} dev ${m.dev}" (ip route show table local): Linux adds one for every address shorter than /31. A broadcast is delivered locally and never forwarded (bc_forwarding=0), whichever interface it came in on (here ${m.iif}).`,
  }),
  halt: (m) => ({
    short: m.reason === 'events' ? `The journey stops here: the simulator has logged ${m.limit} events, its limit for one journey.` : `The journey stops here: the simulator has run ${m.limit} actions, its limit for one journey.`,
    why: `Something in this lab keeps making packets (an L2 loop, or a very large lab); what was still queued (${m.pending}) never runs. Linux itself would go on.`,
  }),
  'deliver-redirect': (m) => m.accepted
    ? { short: `${m.ns} accepts the redirect from ${m.from}: Linux records a route exception sending that destination straight to ${m.gw}.`, why: 'The simulator does not yet apply it to later packets.' }
    : { short: `${m.ns} ignores the redirect from ${m.from}.`, why: 'Turning ip_forward on sets net.ipv4.conf.all.accept_redirects to 0, and a forwarding interface accepts redirects only if both "all" and the interface allow them: a router trusts its own routing table.' },
  'deliver-udp': (m) => ({ short: `${cap(sum(m.f))} reaches the program listening on UDP port ${m.port} in ${m.ns}.`, ...(m.broadcast ? { why: 'It was sent to a broadcast address: every socket bound to that port gets a copy.' } : {}) }),
  'deliver-syn': (m) => ({ short: `A program listens on TCP port ${m.port} in ${m.ns}: the kernel accepts the connection request.` }),
  'deliver-synack': (m) => ({ short: `The SYN-ACK reaches ${m.ns}: the server is ready to accept the connection.` }),
  'deliver-rst': (m) => ({ short: `The RST reaches ${m.ns}: connect() fails with "Connection refused" (ECONNREFUSED).` }),
  'deliver-tcp': (m) => ({ short: `The ACK reaches ${m.ns}: the handshake is complete, and the connection waits in the accept() queue.` }),
  drop: (m) => {
    const what = m.f ? sum(m.f) : 'the frame';
    const x = m.facts;
    switch (m.reason) {
      case 'no-route': return x.direction === 'output'
        ? { short: `Nothing leaves ${m.ns}: the program gets "Network is unreachable" (ENETUNREACH) straight from the kernel.` }
        : { short: `${m.ns} drops ${what}: no route to ${x.dst ?? '?'}.`, why: `As a router it reports ICMP ${icmp(3, 0)} to the sender.` };
      case 'ttl-exceeded': return { short: `${m.ns} drops the packet: it arrived with TTL ${x.ttl ?? '?'}, and forwarding would bring it to 0.` };
      case 'frag-needed': return x.direction === 'output' ? {
        short: `${m.ns} drops the outer packet: ${x.len ?? '?'} bytes, more than ${m.iface ?? '?'}'s MTU of ${x.mtu ?? '?'}, and the DF bit it copied from the inner packet forbids fragmenting it.`,
        why: `The tunnel's MTU leaves no room for its own 20-byte header: ip_fragment() refuses the packet it built, and no ICMP reaches the pod. Give the tunnel an MTU of ${(x.mtu ?? 20) - 20}, the underlay's less 20.`,
      } : {
        short: `${m.ns} drops the packet: ${x.len ?? '?'} bytes, more than the next hop's MTU of ${x.mtu ?? '?'}, and DF forbids fragmenting it.`,
        why: `ip_forward() checks the length before lowering the TTL; ${m.ns} reports ICMP ${icmp(3, 4)} with MTU ${x.mtu ?? '?'} to the sender.`,
      };
      case 'neigh-failed': return { short: `${cap(what)} is dropped: the next hop ${x.nexthop ?? '?'} never answered ARP.`, why: `Linux reports ICMP ${icmp(3, 1)} to the sender.` };
      case 'not-for-us': return { short: `${m.ns} drops the frame: it is addressed to ${x.dstMac ?? '?'}, not to ${m.iface ?? '?'} (${x.ifaceMac ?? '?'}).`, why: 'It only arrived because a switch flooded it.' };
      case 'forwarding-disabled': return { short: `${x.dst ?? '?'} is not ${m.ns}'s address, and forwarding is off (ip_forward=0): ${m.ns} silently drops ${what}.`, why: 'A host that does not forward is not a router.' };
      case 'rp-filter': return x.rpFilter === 1
        ? { short: `Reverse path filter (rp_filter=1, strict): the route back to ${x.src ?? '?'} does not leave through ${m.iface ?? '?'}, so ${m.ns} drops the packet.`, why: 'Linux treats it as a packet with a spoofed source address.' }
        : { short: `Reverse path filter (rp_filter=2, loose): ${m.ns} has no route at all back to ${x.src ?? '?'}, so it drops the packet.` };
      case 'port-unreachable': return { short: `Nobody listens on UDP port ${x.port ?? '?'} in ${m.ns}: the datagram is dropped.`, why: 'The kernel will answer with an ICMP error.' };
      case 'tcp-no-listener': return { short: `Nobody listens on TCP port ${x.port ?? '?'} in ${m.ns}.` };
      case 'icmp-rate-limited': return { short: `${m.ns} would send ICMP ${icmp(x.icmp?.type ?? 0, x.icmp?.code ?? 0)} to ${x.src ?? '?'}, but its per-peer ICMP rate limit holds it back.`, why: 'One message per second with a burst of 6 (icmp_ratelimit, icmp_ratemask).' };
      case 'bridge-no-port': return { short: `${x.dstMac ?? 'The destination'} is behind the port the frame came in on: without hairpin mode a bridge never sends a frame back out of that port.` };
      case 'local-source': return {
        short: `${m.ns} drops ${what}: its source ${x.src ?? '?'} is one of ${m.ns}'s own addresses, so it must be forged.`,
        why: 'fib_validate_source() refuses a packet from outside that claims a local source address (IP_LOCAL_SOURCE; accept_local is off).',
      };
      case 'arp-rp-filter': return {
        short: x.rpFilter === 1
          ? `${m.ns} leaves the request unanswered: rp_filter=1 (strict), and its route back to ${x.spa ?? '?'} does not leave through ${m.iface ?? '?'}.`
          : `${m.ns} leaves the request unanswered: rp_filter=2 (loose), and it has no route at all back to ${x.spa ?? '?'}.`,
        why: `ARP input checks a request like a packet from its sender: arp_process() routes ${x.tpa ?? '?'} from ${x.spa ?? '?'} (ip_route_input_noref), and fib_validate_source() rejects ${x.spa ?? '?'} as a spoofed source. No reply comes, so the asker's ARP fails before any IP packet is sent.`,
      };
      case 'arp-local-source': return {
        short: `${m.ns} leaves the request unanswered: its sender ${x.spa ?? '?'} is one of ${m.ns}'s own addresses.`,
        why: `arp_process() routes the request like a packet from ${x.spa ?? '?'}, and fib_validate_source() refuses a local address as a source (IP_LOCAL_SOURCE): two hosts claim the same address.`,
      };
      case 'arp-martian': return x.martian === 'target'
        ? { short: `${m.ns} ignores the ARP request: ${x.tpa ?? '?'} is a multicast or loopback address, which ARP never resolves.` }
        : {
          short: `${m.ns} leaves the request unanswered: its sender ${x.spa ?? '?'} is a martian address.`,
          why: 'A sender in 0.0.0.0/8, 127.0.0.0/8, multicast or broadcast is refused by ip_route_input_noref(), as it would be for an IP packet.',
        };
      case 'broadcast-ignored':
        if (x.direction === 'output') return { short: `connect() in ${m.ns} refuses ${x.dst ?? '?'}, a broadcast address: "Network is unreachable" (ENETUNREACH), no SYN is built.` };
        if (m.f?.udp) return { short: `Nobody listens on UDP port ${x.port ?? '?'} in ${m.ns}: the broadcast datagram is dropped silently.`, why: 'No ICMP port unreachable answers a broadcast, or every host on the network would answer at once.' };
        if (m.f?.tcp) return { short: `${m.ns} drops the SYN: TCP accepts no connection to a broadcast address and sends no RST.`, why: 'The sender hears nothing, so it sends the SYN again when its timer fires.' };
        return { short: `${m.ns} ignores the echo request: it was sent to a broadcast address.`, why: 'icmp_echo_ignore_broadcasts=1 (the default): Linux answers no ping to a broadcast, which stops "smurf" floods. No reply and no error: ping just waits.' };
      case 'l2-loop': {
        const where = x.bridge === m.ns ? `the switch of ${x.bridge}` : `the bridge ${x.bridge ?? '?'}`;
        return {
          short: `${cap(what)} went round a loop back to ${where}: the simulator stops copying it here (${x.copies ?? '?'} crossings).`,
          why: 'Two ports of one L2 network meet (a bridge whose ports are joined, two bridged NICs on one segment), so every flood comes back and is flooded again. Linux without STP would copy it forever, a broadcast storm; validation warns about such a lab (l2-loop).',
        };
      }
      case 'emsgsize': return {
        short: `Nothing leaves ${m.ns}: ${x.len ?? '?'} bytes exceed the MTU of ${x.mtu ?? '?'}, and -M do forbids fragments: sendmsg() fails (EMSGSIZE).`,
        why: 'The error is "Message too long". With IP_PMTUDISC_DO the kernel sets DF on everything and refuses, before building anything, a packet longer than the path MTU; ping prints "local error: message too long".',
      };
      case 'connect-timeout': return {
        short: `${m.ns} gives up: no answer after ${x.retries ?? '?'} retransmissions, connect() fails with "Connection timed out".`,
        why: 'tcp_syn_retries=6 plus tcp_syn_linear_timeouts=4: the SYN went again at 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s, then ETIMEDOUT at 131 s.',
      };
      case 'vxlan-no-remote': return {
        short: `${m.iface ?? '?'} drops the frame: its FDB has no entry for ${x.dstMac ?? '?'}, and no default entry, so it knows no VTEP to send it to.`,
        why: 'With learning off (flannel\'s nolearning) only the entries flanneld programmed exist: one per remote node, for its VTEP MAC.',
      };
      case 'bpf-ttl': return { short: `Cilium's eBPF at ${m.iface ?? '?'} drops the packet: its TTL has run out (${x.ttl ?? '?'}).`, why: 'ipv4_l3 (bpf/lib/l3.h) decrements the TTL itself and drops the packet when it would reach 0, without an ICMP Time Exceeded for IPv4 (the code says "FIXME: Send ICMP TTL"), so the sender hears nothing, unlike from a Linux router.' };
      case 'wg-no-peer': return {
        short: `${m.iface ?? '?'} on ${m.ns} drops ${what}: no WireGuard peer has ${x.nexthop ?? '?'} in its AllowedIPs.`,
        why: 'Sending, wg_xmit looks the destination up in the peers\' AllowedIPs and, finding none, frees the packet (-ENOKEY) and answers ICMP host unreachable; receiving, a message from an endpoint no peer has is ignored. Cilium\'s agent keeps the peers in step with the cluster\'s nodes (and, under native routing, their pods).',
      };
      case 'wg-unallowed-src': return {
        short: `${m.iface ?? '?'} on ${m.ns} drops the decrypted packet: its source ${x.src ?? '?'} is not in the AllowedIPs of the peer at ${x.nexthop ?? '?'}.`,
        why: 'wg_packet_consume_data_done checks that the peer a packet came from is the one its source address routes to ("Packet has unallowed src IP"): AllowedIPs are a routing table on the way out and an access list on the way in.',
      };
      case 'vxlan-vni-unknown': return { short: `${m.ns} drops the datagram: no VXLAN device here has VNI ${x.vni ?? '?'}.`, why: 'The VXLAN socket took the datagram by its port, but only a device with that VNI can take out the frame inside.' };
      case 'ip-noproto': return {
        short: `${m.ns} drops the IP-in-IP packet: it has no IPIP tunnel to take out the packet inside, and answers "protocol unreachable".`,
        why: 'Protocol 4 is handled only where the ipip module is loaded, which also creates tunl0 (Calico\'s calico-node loads it in IP-in-IP mode). Without a handler, ip_local_deliver answers ICMP type 3 code 2 and drops the packet: a node outside the IP-in-IP mesh cannot unwrap it.',
      };
      case 'martian': return { short: `${m.ns} drops the packet: 127.0.0.0/8 belongs to each host's own loopback, so a packet from or to it arriving on ${m.iface ?? '?'} is a "martian".`, why: 'route_localnet is off.' };
      default: return { short: `${m.ns} drops ${what} (${m.reason}).` };
    }
  },
  'consume-arp-other': (m) => ({ short: `${m.ns} ignores the ARP request: ${m.tpa} is not its address.`, why: `It has no entry for ${m.spa} to refresh, so it learns nothing. This is normal, not an error: the kernel simply consumes the frame.` }),
  'consume-arp-unsolicited': (m) => ({ short: `${m.ns} ignores an ARP reply nobody asked for.`, why: 'With arp_accept=0 an unsolicited reply creates no entry.' }),
};
