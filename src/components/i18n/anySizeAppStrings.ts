import { count, type PluralForms } from '../../core/i18n/plural';

/*
 * The app's own strings of "journeys of any size" (issue 8, item 8): the log's hidden future and the
 * note on what the lab simplifies, in the panels' table (panelStrings.ts); the players' part is
 * `anySizeStrings.ts`. `ru` has the shape of `en` (a type error otherwise).
 */

const EVENTS_EN: PluralForms = { one: 'event', other: 'events' };

/** The app's own texts of any size: the log's hidden future and the note on what the lab simplifies (its panels' table). */
export const anySizeAppEn = {
  future: {
    label: 'Hide events to come',
    help: 'The log lists only the events up to the one shown: students can predict the next hop before you step on.',
    hidden: (n: number) => `${count('en', n, EVENTS_EN)} to come are hidden`,
  },
  about: {
    title: 'About this lab',
    intro: 'The lab behaves as Linux does where it matters for the journey, and every scenario a kernel can run is checked frame by frame against a real one (Cilium\'s eBPF and Weave Net\'s OVS datapath cannot run there). It leaves out or simplifies:',
    items: [
      'no iptables or nftables: no kube-proxy Services, no masquerade (NAT);',
      'IPv4 only: no IPv6, no multicast destinations; of the overlays only VXLAN (Flannel, Calico, Cilium, Weave Net), IP-in-IP (Calico) and WireGuard encryption (Cilium: the handshake is shown, not keys or ciphertext), not Geneve;',
      'fragments are reassembled as Linux does, but an incomplete packet is never timed out (Linux gives up after 30 s);',
      'in the course lab the pods\' gateway is 10.10.10.254, not .1 as host-local IPAM would choose by default, because the notes give pod1 the address .1;',
      'the course lab\'s router has send_redirects off; Linux\'s default is on, and traffic from the nodes would then get ICMP redirects (see the redirect scenarios);',
      'the course lab joins its nodes through a router; real clusters route pod traffic on the nodes themselves: flannel host-gw or Calico with BGP put "10.10.11.0/24 via 172.16.100.2" there, and flannel\'s default VXLAN backend wraps packets in UDP port 8472 (see their scenarios);',
      'TCP shows the handshake (SYN, SYN-ACK, ACK) or RST, not the data after it;',
      'ARP timers are fixed: reachable_time is its 30 s base (Linux picks 15–45 s at random);',
      'an accepted ICMP redirect is explained but not applied to later packets;',
      'a proxy-ARP answer waits half of proxy_delay (Linux: a random time below it); frame lengths are not shown.',
    ],
    close: 'Close',
  },
};

/** The shape of {@link anySizeAppEn}. */
export type AnySizeAppStrings = typeof anySizeAppEn;
