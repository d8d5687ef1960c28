import { count, type PluralForms } from '../../core/i18n/plural';
import type { LogFilterKey } from '../../store/appState';
import { anySizeEn } from './anySizeStrings';
import { CANVAS_EDIT_EN } from './canvasEditStrings';
import { CNI_EN } from './cniStrings';
import { EMBED_EN } from './embedStrings';
import { ON_DEMAND_EN } from './onDemandStrings';
import { logEn } from './logStrings';
import { PAST_END } from './pastEnd';
import { WG_PANEL_EN } from './wgPanelStrings';

/**
 * Every text of the interface, in English here and in Russian in `ru/strings.ts`, which must have
 * the same shape (`Strings`), so a string missing in one language is a type error. Each language
 * loads on its own (`langStrings.ts`); tests and Node read both through `allStrings.ts`.
 *
 * Glossary (both languages say the same thing):
 * - event / «событие»: one entry of the journey's log; the counter, the buttons and the timeline
 *   move by events. A chapter / «глава» groups events and matches one step of the course notes
 *   («шаг» is left to the notes).
 * - lab / «стенд» (never «лаборатория»).
 * - node / «нода»: a Kubernetes node; host / «хост»: any Linux machine; next hop / «следующий хоп»
 *   («узел» is not used). «машина» only names what the form lists.
 * - ARP table / «ARP-таблица»: the panel's title says «ARP-таблица (кэш соседей)» once.
 * - From/To / «Откуда/Куда»: the form's labels, used again by form errors and link notices.
 * - A bridge forwards / «коммутирует»; «пересылка» is IP forwarding (ip_forward).
 */

export type { EventTypeKey } from './logStrings';

const ROUTES_EN: PluralForms = { one: 'route', other: 'routes' };

const en = {
  appTitle: 'Packet Journey',
  ...ON_DEMAND_EN,
  canvasEdit: CANVAS_EDIT_EN,
  cni: CNI_EN,
  hint: 'Press Play or → to go through the packet’s journey event by event',
  /** The hint where the whole sentence would wrap over the drawing (the whole one stays for screen readers). */
  hintShort: 'Press Play or →',
  controls: {
    label: 'Playback',
    play: 'Play',
    pause: 'Pause',
    next: 'Next event',
    prev: 'Previous event',
    first: 'First event',
    last: 'Last event',
    speed: 'Speed',
    timeline: 'Event timeline',
    chapters: 'Chapters',
    step: (n: number, total: number) => `Event ${n} of ${total}`,
    chapter: (n: number) => `Chapter ${n}`,
    keys: 'Keys: Space play/pause, ← → previous/next event, Home/End first/last, F follow the packet, P panels',
    hasCorrection: 'the course notes simplify here',
  },
  view: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Show the whole lab',
    follow: 'Follow packet',
    followHelp: 'Zoom to where the current event happens (F)',
    dark: 'Dark theme',
    light: 'Light theme',
    language: 'Language',
    panels: 'Panels',
    panelsHelp: 'Show or hide the packet, tables and log; hidden, the drawing takes the whole width (P)',
    drawing: 'Network drawing: machines, pods, bridges and links',
    router: 'router',
    node: 'node',
    host: 'host',
    pod: 'pod',
    pinHelp: 'Pin its tables in the Tables tab',
    unpinHelp: 'Unpin its tables',
    pinActions: (ns: string) => `Actions for ${ns}`,
    sendFrom: 'Send from here',
    sendTo: 'Send to here',
    unpin: 'Unpin the tables',
    /** The journey form folded into one button on a small screen: what it opens. */
    journey: 'Journey',
    /** The folded form's summary: `from → to`, then the protocol. */
    journeySummary: (route: string, proto: string) => `${route} · ${proto}`,
    drawer: 'Panels: this event, packet, tables and log',
    drawerClose: 'Close the panels',
  },
  legend: { title: 'Packets', drop: 'Dropped here' },
  notices: {
    title: 'This link has mistakes; the rest of it was applied:',
    close: 'Close',
    /** `?step=` past the journey's end. */
    pastEnd: PAST_END.en,
  },
  kinds: { arp: 'ARP', request: 'Request', reply: 'Reply', 'icmp-error': 'ICMP error', decision: 'Kernel decisions' } satisfies Record<LogFilterKey, string>,
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
    /** The ports a program listens on in this namespace, as `tcp/80, udp/53`. */
    listens: (list: string) => `Listens on ${list}`,
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
  /** Links to this event and embed code for a slide (issue 8). */
  share: {
    label: 'Link to this event',
    copyLink: 'Copy link to this event',
    copyEmbed: 'Copy embed code (iframe for a slide)',
    copiedLink: 'Link copied',
    copiedEmbed: 'Embed code copied',
    manualLink: 'Copy this link',
    manualEmbed: 'Copy this embed code',
    manualHelp: 'The browser did not let the page copy. The text is selected: press Ctrl+C (or ⌘C).',
    close: 'Close',
    /** The embedded frame's title, for screen readers on the slide; `journey` is "pod1 → pod3". */
    embedTitle: (n: number, journey: string) => `Packet Journey: ${journey}, event ${n}`,
    capture: 'Download the journey’s frames for Wireshark (.pcapng), each with its explanation as a comment',
    /** The export menu's button (its items load with the export chunk, `exportStrings.ts`). */
    exportMenu: 'Save or print: pictures of this event, handout, offline page',
  },
  /** Journeys of any size: folded floods, chapters, hidden future, about the lab (issue 8, item 8). */
  anySize: anySizeEn,
  /** The embedded player (issue 11). */
  embed: EMBED_EN,
};

/** The shape every language's strings have. */
export type Strings = typeof en;

/**
 * The English table. It loads on its own (`langStrings.ts`), as the Russian one does
 * (`ru/strings.ts`): a page loads its language's texts only.
 */
export const stringsEn: Strings = en;
