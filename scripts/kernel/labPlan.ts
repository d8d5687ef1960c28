/**
 * Turning any Topology into the exact `ip`/`sysctl` commands that build it in network namespaces.
 * Pure (no process is started here), so the safety rules can be unit-tested without root:
 * every command names one of the lab's own namespaces, and no device is ever created in the root
 * namespace, even for a moment (veth peers are created directly in their target namespace).
 */
import type { IfaceSpec, IfaceSysctls, NamespaceSpec, Topology } from '../../src/core/model/topology';

/** An interface to capture: `key` is `<topology ns>/<iface>`, `ns` the real namespace name. */
export interface CaptureTarget {
  key: string;
  ns: string;
  iface: string;
}

/** A listening socket to open before the journey, in a real namespace. */
export interface ListenerTarget {
  ns: string;
  proto: 'udp' | 'tcp';
  port: number;
}

/** Everything needed to build, capture and tear down one topology. */
export interface LabPlan {
  /** Real namespace names (prefixed), in creation order: machines, pods, then segment switches. */
  namespaces: string[];
  /** Topology namespace name to real namespace name. */
  real: Record<string, string>;
  /** Commands run in order: namespaces, sysctls, devices, addresses, links up. */
  build: string[][];
  /** Interfaces that must reach operstate UP before routes can be added and traffic sent. */
  waitUp: { ns: string; iface: string }[];
  /** Commands run once links are up: routes, then static neighbours, then VXLAN FDB entries. */
  finish: string[][];
  /**
   * Every topology interface, then each namespace's `lo` (traffic a host sends to itself, such as
   * the ICMP error it reports to its own sender), never the switches' ports.
   */
  captures: CaptureTarget[];
  listeners: ListenerTarget[];
}

/**
 * Kernel defaults pinned in every namespace before anything else. A new namespace copies the root
 * namespace's `conf/all` and `conf/default`, so without this a host tweak would change the traces.
 * `ip_forward` goes first: writing it resets `all.accept_redirects`, which is pinned right after.
 */
export const PINNED_NS_SYSCTLS: readonly string[] = [
  'net.ipv6.conf.all.disable_ipv6=1',
  'net.ipv6.conf.default.disable_ipv6=1',
  'net.ipv4.ip_forward=0',
  'net.ipv4.ip_default_ttl=64',
  'net.ipv4.icmp_ratelimit=1000',
  'net.ipv4.icmp_ratemask=6168',
  'net.ipv4.icmp_echo_ignore_all=0',
  'net.ipv4.icmp_errors_use_inbound_ifaddr=0',
  ...['all', 'default'].flatMap((scope) =>
    [
      'rp_filter=0',
      'accept_redirects=1',
      'send_redirects=1',
      'secure_redirects=1',
      'shared_media=1',
      'arp_ignore=0',
      'arp_announce=0',
      'arp_accept=0',
      'arp_notify=0',
      'proxy_arp=0',
    ].map((kv) => `net.ipv4.conf.${scope}.${kv}`),
  ),
];

/**
 * ARP timers pinned per interface. A child namespace has no `neigh/default` of its own: each
 * device copies the root namespace's ARP defaults, so these too would follow the host otherwise.
 */
export const PINNED_NEIGH_SYSCTLS: readonly string[] = [
  'mcast_solicit=3',
  'ucast_solicit=3',
  'app_solicit=0',
  'mcast_resolicit=0',
  'retrans_time_ms=1000',
  'delay_first_probe_time=5',
  'base_reachable_time_ms=30000',
  'proxy_delay=80',
];

/** Bridge netfilter calls off (see `planLab`). */
const BRIDGE_NF_OFF = ['net.bridge.bridge-nf-call-iptables=0', 'net.bridge.bridge-nf-call-arptables=0', 'net.bridge.bridge-nf-call-ip6tables=0'];

/**
 * Bridge options: STP off (no BPDUs), and multicast snooping off. With snooping on, a bridge joins
 * the all-snoopers group 224.0.0.106 when it comes up and sends IGMPv3 reports for it at random
 * times during the next second or two, which then race with the journey in the captures.
 */
const BRIDGE_OPTS = ['stp_state', '0', 'mcast_snooping', '0'];

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;
const SWITCH_BRIDGE = 'sw';

function sysctlValue(v: boolean | number): string {
  return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
}

/**
 * `net/ipv4/conf/<scope>/<key>=v` lines; slashes so interface names with dots stay intact.
 * `proxy_delay` is a neighbour parameter, in USER_HZ (1/100 s) where the topology says ms.
 */
function confSysctls(scope: string, s: IfaceSysctls | undefined): string[] {
  if (!s) return [];
  return Object.entries(s)
    .filter((e): e is [string, boolean | number] => e[1] !== undefined)
    .map(([k, v]) => (k === 'proxy_delay' ? `net/ipv4/neigh/${scope}/proxy_delay=${Math.round(Number(v) / 10)}` : `net/ipv4/conf/${scope}/${k}=${sysctlValue(v)}`));
}

function sysctl(ns: string, kvs: readonly string[]): string[][] {
  return kvs.length === 0 ? [] : [['ip', 'netns', 'exec', ns, 'sysctl', '-q', '-w', ...kvs]];
}

/** Deterministic MAC for a switch port or switch bridge: `02:fe:00:00:<segment>:<port>`. */
function switchMac(seg: number, port: number): string {
  return ['02', 'fe', '00', '00', seg, port].map((x) => (typeof x === 'number' ? x.toString(16).padStart(2, '0') : x)).join(':');
}

/** Stable grouping of commands by the namespace they act in (the lab's commands all name one). */
function byNamespace(cmds: string[][]): string[][] {
  const groups = new Map<string, string[][]>();
  for (const c of cmds) {
    const ns = c[1] === '-n' ? c[2] : c[3];
    groups.set(ns ?? '', [...(groups.get(ns ?? '') ?? []), c]);
  }
  return [...groups.values()].flat();
}

/** Builds the plan; throws on a topology the lab cannot build faithfully (bad names, one-sided veth). */
export function planLab(topo: Topology, prefix: string): LabPlan {
  if (!/^pjk[0-9]+-$/.test(prefix)) throw new Error(`lab prefix must look like pjk<pid>-, got ${prefix}`);
  const spaces: { name: string; spec: NamespaceSpec }[] = [];
  for (const m of topo.machines) {
    spaces.push({ name: m.name, spec: m });
    for (const p of m.pods ?? []) spaces.push({ name: p.name, spec: p });
  }
  const real: Record<string, string> = {};
  for (const { name } of spaces) {
    if (!SAFE_NAME.test(name)) throw new Error(`namespace name not usable in the lab: ${JSON.stringify(name)}`);
    if (real[name]) throw new Error(`duplicate namespace name ${name}`);
    real[name] = `${prefix}${name}`;
  }
  const segIndex = new Map(topo.segments.map((s, i) => [s.id, i + 1]));
  const switchNs = (id: string): string => `${prefix}sw-${id}`;
  for (const s of topo.segments) if (!SAFE_NAME.test(s.id)) throw new Error(`segment id not usable in the lab: ${JSON.stringify(s.id)}`);
  const ifaceOf = (ns: string, name: string): IfaceSpec | undefined =>
    spaces.find((s) => s.name === ns)?.spec.interfaces.find((i) => i.name === name);

  const namespaces = [...spaces.map((s) => real[s.name] as string), ...topo.segments.map((s) => switchNs(s.id))];
  const build: string[][] = [];
  const perIface: string[][] = [];
  const links: string[][] = [];
  const waitUp: LabPlan['waitUp'] = [];
  const finish: string[][] = [];
  const captures: CaptureTarget[] = [];
  const listeners: ListenerTarget[] = [];
  const tunnels: string[][] = [];

  for (const ns of namespaces) build.push(['ip', 'netns', 'add', ns]);
  for (const ns of namespaces) {
    build.push(...sysctl(ns, PINNED_NS_SYSCTLS));
    // br_netfilter, when the host has it, would send bridged IPv4 through netfilter: keep bridges
    // plain Linux bridges as the engine models them. `-e`: the keys exist only with br_netfilter.
    build.push(['ip', 'netns', 'exec', ns, 'sysctl', '-e', '-q', '-w', ...BRIDGE_NF_OFF]);
  }
  for (const { name, spec } of spaces) {
    const ns = real[name] as string;
    const s = spec.sysctls;
    const kvs: string[] = [];
    // ip_forward first: writing it sets every interface's forwarding and resets all.accept_redirects.
    if (s?.ip_forward !== undefined) kvs.push(`net/ipv4/ip_forward=${sysctlValue(s.ip_forward)}`);
    if (s?.ip_default_ttl !== undefined) kvs.push(`net/ipv4/ip_default_ttl=${s.ip_default_ttl}`);
    kvs.push(...confSysctls('all', s?.all));
    build.push(...sysctl(ns, kvs));
  }

  // Devices. Each is created by a command run in one of the lab's namespaces (`ip -n`), and a veth
  // peer is created straight in its own namespace (`peer ... netns`), never in the root namespace.
  const switchPorts = new Map<string, number>();
  for (const seg of topo.segments) {
    const sw = switchNs(seg.id);
    const i = segIndex.get(seg.id) ?? 0;
    build.push(['ip', '-n', sw, 'link', 'add', SWITCH_BRIDGE, 'address', switchMac(i, 0), 'type', 'bridge', ...BRIDGE_OPTS]);
    links.push(['ip', '-n', sw, 'link', 'set', 'lo', 'up'], ['ip', '-n', sw, 'link', 'set', SWITCH_BRIDGE, 'up']);
    switchPorts.set(seg.id, 0);
  }
  for (const { name, spec } of spaces) {
    const ns = real[name] as string;
    links.push(['ip', '-n', ns, 'link', 'set', 'lo', 'up']);
    for (const ifc of spec.interfaces) {
      if (ifc.name.length > 15 || !SAFE_NAME.test(ifc.name)) throw new Error(`interface name not usable: ${name}/${ifc.name}`);
      const mtu = String(ifc.mtu ?? 1500);
      const mac = ifc.mac.toLowerCase();
      if (ifc.kind === 'veth') {
        const peer = ifaceOf(ifc.peer.ns, ifc.peer.iface);
        if (!peer || peer.kind !== 'veth' || peer.peer.ns !== name || peer.peer.iface !== ifc.name) {
          throw new Error(`veth ${name}/${ifc.name}: its peer ${ifc.peer.ns}/${ifc.peer.iface} must exist and name it back`);
        }
        // Each pair once: from the end that sorts first.
        if (`${name}/${ifc.name}` < `${ifc.peer.ns}/${ifc.peer.iface}`) {
          build.push(['ip', '-n', ns, 'link', 'add', ifc.name, 'address', mac, 'mtu', mtu, 'type', 'veth',
            'peer', 'name', peer.name, 'address', peer.mac.toLowerCase(), 'mtu', String(peer.mtu ?? 1500), 'netns', real[ifc.peer.ns] as string]);
        }
      } else if (ifc.kind === 'bridge') {
        build.push(['ip', '-n', ns, 'link', 'add', ifc.name, 'address', mac, 'mtu', mtu, 'type', 'bridge', ...BRIDGE_OPTS]);
      } else if (ifc.kind === 'vxlan') {
        // After every other device, so its underlay exists (a NIC is made from its switch's side).
        // Flannel's own command line: `nolearning` unless the topology asks for learning.
        const cmd = ['ip', '-n', ns, 'link', 'add', ifc.name, 'address', mac, 'mtu', mtu, 'type', 'vxlan', 'id', String(ifc.vni), 'dstport', String(ifc.port)];
        if (ifc.local !== undefined) cmd.push('local', ifc.local);
        cmd.push('dev', ifc.dev, ifc.learning === true ? 'learning' : 'nolearning');
        tunnels.push(cmd);
      } else if (ifc.kind === 'openvswitch') {
        // An OVS kernel datapath is made over generic netlink by its user-space owner (Weave Net's
        // weaver), not by `ip link`: the plan leaves it out, and the recorder refuses such labs
        // (`unrecorded: 'ovs'`), as it leaves Cilium's programs out and refuses its labs.
        continue;
      } else if (ifc.kind === 'wireguard') {
        // This kernel has no WireGuard module (the lab cannot create the device): left out, and
        // Cilium's WireGuard labs are refused by the recorder (`unrecorded: 'wireguard'`).
      } else if (ifc.kind === 'ipip') {
        // tunl0 is the ipip module's fallback device, made with the module in every namespace,
        // never by `ip link add`; this kernel has no ipip module, and the recorder refuses such
        // labs (`unrecorded: 'ipip'`).
        continue;
      } else {
        const seg = segIndex.get(ifc.segment);
        if (seg === undefined) throw new Error(`${name}/${ifc.name}: unknown segment ${ifc.segment}`);
        const sw = switchNs(ifc.segment);
        const n = (switchPorts.get(ifc.segment) ?? 0) + 1;
        switchPorts.set(ifc.segment, n);
        const port = `p${n}`;
        build.push(['ip', '-n', sw, 'link', 'add', port, 'address', switchMac(seg, n), 'mtu', mtu, 'type', 'veth',
          'peer', 'name', ifc.name, 'address', mac, 'mtu', mtu, 'netns', ns]);
        links.push(['ip', '-n', sw, 'link', 'set', port, 'master', SWITCH_BRIDGE], ['ip', '-n', sw, 'link', 'set', port, 'up']);
        perIface.push(...sysctl(sw, PINNED_NEIGH_SYSCTLS.map((kv) => `net/ipv4/neigh/${port}/${kv}`)));
        waitUp.push({ ns: sw, iface: port });
      }
      perIface.push(...sysctl(ns, [...PINNED_NEIGH_SYSCTLS.map((kv) => `net/ipv4/neigh/${ifc.name}/${kv}`), ...confSysctls(ifc.name, ifc.sysctls)]));
      if (ifc.master) links.push(['ip', '-n', ns, 'link', 'set', ifc.name, 'master', ifc.master]);
      for (const a of ifc.addresses ?? []) links.push(['ip', '-n', ns, 'addr', 'add', a, 'dev', ifc.name]);
      links.push(['ip', '-n', ns, 'link', 'set', ifc.name, 'up']);
      // A bridge without ports never gets carrier: do not wait for it. A VXLAN device stays UNKNOWN.
      const portless = ifc.kind === 'bridge' && !spec.interfaces.some((o) => o.master === ifc.name);
      if (!portless && ifc.kind !== 'vxlan') waitUp.push({ ns, iface: ifc.name });
      captures.push({ key: `${name}/${ifc.name}`, ns, iface: ifc.name });
    }
    // `lo` last: libpcap shows a packet on lo once, as received (it drops the outgoing copy).
    captures.push({ key: `${name}/lo`, ns, iface: 'lo' });
    // `add`, `prepend` or `append`, as the topology says: the order among routes of equal prefix
    // and metric is the order the kernel's table keeps them in.
    for (const r of spec.routes ?? []) {
      const cmd = ['ip', '-n', ns, 'route', r.op ?? 'add', r.dst];
      if (r.via) cmd.push('via', r.via);
      cmd.push('dev', r.dev);
      if (r.onlink) cmd.push('onlink');
      if (r.src) cmd.push('src', r.src);
      if (r.metric !== undefined) cmd.push('metric', String(r.metric));
      finish.push(cmd);
    }
    for (const n of spec.neighbours ?? []) finish.push(['ip', '-n', ns, 'neigh', 'add', n.ip, 'lladdr', n.mac.toLowerCase(), 'dev', n.dev, 'nud', 'permanent']);
    for (const f of spec.fdb ?? []) finish.push(['ip', 'netns', 'exec', ns, 'bridge', 'fdb', 'append', f.mac.toLowerCase(), 'dev', f.dev, 'dst', f.dst, 'self', 'permanent']);
    for (const l of spec.listeners ?? []) listeners.push({ ns, proto: l.proto, port: l.port });
  }
  // Within a phase no command depends on another namespace's, so each namespace's commands can run
  // together (one `ip -batch` each) in the order the topology lists them.
  return { namespaces, real, build: [...build, ...tunnels, ...byNamespace(perIface), ...byNamespace(links)], waitUp, finish: byNamespace(finish), captures, listeners };
}
