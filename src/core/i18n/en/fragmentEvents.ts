import type { NarratorCatalog } from '../../narrate/catalog';
import { count } from '../plural';

/*
 * English sentences for fragmentation, reassembly and learned path MTUs (sim/fragment.ts); spread
 * into the events catalogue.
 */

const fragments = (n: number): string => count('en', n, { one: 'fragment', other: 'fragments' });

/** Sentences for `fragment`, `defrag` and `pmtu` messages. */
export const fragmentEventsEn: Pick<NarratorCatalog['events'], 'fragment' | 'defrag' | 'pmtu'> = {
  fragment: (m) => {
    const rule = `Each fragment carries at most ${m.step} bytes of data, which with the 20-byte IP header fits MTU ${m.mtu}; every fragment but the last carries a multiple of 8 bytes (offsets count in 8-byte units). Only the first carries the ICMP, UDP or TCP header, all share the IP id, and only the destination puts them back together.`;
    if (!m.local) {
      return { short: `${m.ns} must forward ${m.len} bytes through ${m.dev}, whose MTU is ${m.mtu}: DF is not set, so it cuts the packet into ${fragments(m.count)}.`, why: rule };
    }
    const whyLocal = m.pmtu
      ? `An ICMP "fragmentation needed" taught ${m.ns} that the path to this destination takes only ${m.mtu} bytes; a packet that does not fit leaves in pieces, without DF.`
      : m.sender === 'kernel'
        ? `The kernel builds echo replies as long as the request and never sets DF on them (its ICMP socket uses IP_PMTUDISC_DONT).`
        : `ping's socket allows it (IP_PMTUDISC_WANT, the default): DF goes only on a packet that fits; a larger one is sent in pieces, without DF. ping -M do would refuse to send it.`;
    return { short: `${m.ns}'s ${m.len}-byte packet is larger than ${m.pmtu ? `the path MTU of ${m.mtu} it learned for this destination` : `the MTU of ${m.mtu} on ${m.dev}`}: ${m.ns} sends it through ${m.dev} as ${fragments(m.count)}.`, why: `${whyLocal} ${rule}` };
  },
  defrag: (m) => m.done
    ? { short: `${m.ns} has all the fragments (${m.held}): it puts the ${m.len}-byte packet back together and hands it on.`, why: 'Reassembly (ip_defrag) happens only at the destination, in ip_local_deliver(); routers forward fragments as they are. The exception is a host with conntrack (kube-proxy loads it): nf_defrag_ipv4 reassembles in transit and fragments again on output; the lab has no conntrack.' }
    : { short: `${m.ns} keeps the fragment at offset ${m.offset} until the rest of the packet arrives.`, why: 'A fragment alone is useless: the destination holds the pieces (for up to 30 s, ipfrag_time) until the packet is whole.' },
  pmtu: (m) => ({
    short: `${m.ns} remembers that the path to ${m.dst} takes at most ${m.mtu} bytes (MTU ${m.from} before).`,
    why: `A route exception, which "ip route show cache" lists as "cache expires ${m.expiresS}sec mtu ${m.mtu}": for the next ${m.expiresS} s (mtu_expires), packets to ${m.dst} through ${m.dev} are sized for it. With ping's default (IP_PMTUDISC_WANT) a bigger one is fragmented by ${m.ns} itself.`,
  }),
};
