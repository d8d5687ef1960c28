import { count, type PluralForms } from '../../core/i18n/plural';
import { anySizeAppEn } from './anySizeAppStrings';
import { CANVAS_EDIT_EN } from './canvasEditStrings';
import { CNI_EN } from './cniStrings';
import { logEn } from './logStrings';
import { WG_PANEL_EN } from './wgPanelStrings';

/*
 * The texts of the app's own parts, in English here and in Russian in `ru/panelStrings.ts` (the
 * same shape, `PanelStrings`): the journey form, the side panels (explanation, packet, tables,
 * log), the CNI stories' names, the editor's canvas hints. The players for other pages (the embed,
 * <packet-journey>) never show them, so this table is a language part of its own that only the
 * app's page loads (`panelLangStrings.ts`); `useStrings()` reads it merged with the player's
 * (`strings.ts`). The glossary of `strings.ts` holds here too.
 */

const ROUTES_EN: PluralForms = { one: 'route', other: 'routes' };

const en = {
  canvasEdit: CANVAS_EDIT_EN,
  cni: CNI_EN,
  form: {
    label: 'Journey',
    from: 'From',
    to: 'To',
    pods: 'Pods',
    machines: 'Machines',
    ipOption: 'IP address…',
    toIp: 'IP address',
    proto: 'Protocol',
    icmp: 'ICMP ping',
    udp: 'UDP',
    tcp: 'TCP SYN',
    port: 'Port',
    count: 'Packets',
    countHelp: (max: number) => `How many packets to send: 1 to ${max}`,
    ttl: 'TTL',
    ttlHelp: 'TTL of the packets sent: 1 to 255',
    clear: 'Clear caches',
    clearHelp: 'Start with empty ARP tables and FDBs',
    showing: 'Showing the last journey that worked.',
    scenario: 'Scenario',
    scenarioHelp: 'A scenario checked against the Linux kernel: choosing one opens its lab and its journey',
    scenarioNone: 'Your own journey',
    /**
     * The title of the scenario the bare page opens on (the seed lab's first ping, `OPENING_SCENARIO`
     * in form/useScenarioTitles.ts): the other titles load when the picker is first used. The same
     * words as the catalogue's (scenarios.ts), which a test keeps equal.
     */
    openingScenario: 'First ping pod1 → pod3 (empty caches, other node)',
    size: 'Size',
    sizeHelp: (max: number) => `Bytes of data in each packet, as ping -s: 0 to ${max}. Empty: 56 for ping, 2 for UDP`,
    /** Groups of the scenario picker (see `form/scenarioGroups.ts`). */
    groups: {
      seed: 'Journeys in the seed lab',
      listen: 'Listening ports and the TCP handshake',
      proxyArp: 'Proxy ARP and Calico-style /32 pods',
      redirects: 'ICMP redirects',
      arp: 'ARP failures and duplicate addresses',
      ttl: 'TTL',
      rpFilter: 'rp_filter',
      loopback: 'Loopback (lo)',
      routing: 'Routing table order',
      mtu: 'MTU: too big for the next link',
      tcpRetries: 'TCP SYN retransmissions',
      broadcast: 'Broadcasts',
      flannel: 'Flannel: VXLAN and host-gw',
      calico: 'Calico: no bridge, proxy ARP, BGP routes, VXLAN or IP-in-IP',
      cilium: 'Cilium: eBPF, tunnel and native routing (not kernel-recorded)',
      weave: 'Weave Net, historical: OVS datapath and VXLAN (not kernel-recorded)',
      cases: 'Cases from bug reports',
      other: 'Other scenarios',
    },
  },
  panels: {
    explain: 'This event',
    level: 'Explanation',
    levelShort: 'Short',
    levelDetailed: 'Detailed',
    packet: 'Packet',
    tables: 'Tables',
    log: 'Event log',
    device: (ns: string) => `Tables of ${ns}`,
    /** Title of the tables of a namespace pinned from the drawing. */
    pinned: (ns: string) => `Tables of ${ns} (pinned)`,
    unpin: 'Unpin',
    unpinHelp: 'Show the tables of each event’s namespace again',
    routes: 'Routing table',
    neigh: 'ARP table (neighbour cache)',
    fdb: (name: string) => `Bridge ${name}: FDB`,
    segFdb: (name: string) => `Switch ${name}: FDB`,
    empty: 'empty',
    isNew: 'new',
    consulted: 'used now',
    changed: 'changed here',
    noFrame: 'No frame on the wire yet: the packet is still inside the network namespace.',
    fromEvent: (n: number) => `Frame of event ${n}`,
    /** An encapsulated frame: its VXLAN header, the frame it carries, and the bytes it adds. */
    vxlanVni: 'VNI (network identifier)',
    inner: 'Inside: the frame it carries',
    encapBytes: (ip: number, inner: number) =>
      `${ip} bytes of outer IP = IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 + inner packet ${inner}: 50 bytes more than the packet itself, ` +
      `which is why the VXLAN device's MTU is its underlay's minus 50 (1500 − 50 = 1450)`,
    ...WG_PANEL_EN,
    /** An IP-in-IP packet: the IPv4 packet it carries (no Ethernet inside), and the 20 bytes it adds. */
    innerPacket: 'Inside: the IPv4 packet it carries (protocol 4)',
    ipipBytes: (ip: number, inner: number) => `${ip} bytes of outer IP = outer IPv4 header 20 + inner packet ${inner}: 20 bytes more, which is why tunl0's MTU is eth0's minus 20 (1500 − 20 = 1480)`,
    outcome: 'Outcome',
    correction: 'Course notes vs. Linux',
    correctionAt: (n: number) => `Course notes vs. Linux, chapter ${n}`,
    /** The button that opens a chapter's correction in a window of its own where the caption is too small for it. */
    correctionRead: 'Read it all',
    correctionClose: 'Close',
    filter: 'Show',
    noEvents: 'No event matches the filter.',
    local: 'local',
    localRoutes: (n: number) => `Local table: ${count('en', n, ROUTES_EN)} to this namespace’s own and broadcast addresses`,
    cols: { dst: 'Destination', via: 'Gateway', dev: 'Device', proto: 'Added by (proto)', ip: 'IP', mac: 'MAC', state: 'State', iface: 'Interface', port: 'Port' },
    /** "Check it on real Linux", folded under the explanation: its commands and their texts load when it is opened (components/proof). */
    proof: 'Check it on real Linux',
    /** The same for a lab that models a Kubernetes cluster (the commands go through minikube ssh, kubectl exec). */
    proofCluster: 'Check it on the real cluster',
  },
  ...logEn,
  /** The log's hidden future and the note on what the lab simplifies (issue 8, item 8). */
  anySize: anySizeAppEn,
};

/** The shape of every language's panels' table. */
export type PanelStrings = typeof en;

/** The English panels' table (loaded by `panelLangStrings.ts`). */
export const panelStringsEn: PanelStrings = en;
