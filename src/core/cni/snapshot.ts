import { natRules } from './ipMasq';
import { Kernel } from './kernel';
import { HOST_NS, type NodeState } from './state';

/*
 * A node's namespaces as `ip -j link`, `ip -j addr`, `ip -j route` and `iptables -t nat -S` show
 * them, reduced to what the CNI fixtures compare (scripts/cni/ipJson.ts reduces the real
 * commands' output to the same shape): each link with its index, kind, MAC, MTU, state, master,
 * veth peer index, hairpin flag and IPv4 addresses; the main table's routes as `ip route` prints
 * them, sorted; the sysctls the plugins write; the nat rules; the plugins' files.
 */

/** One link, as the fixtures compare it. */
export interface LinkSnapshot {
  index: number;
  name: string;
  kind: string;
  mac: string;
  mtu: number;
  up: boolean;
  state: string;
  master?: string;
  /** ifindex of a veth's peer (`eth0@if3`). */
  peer?: number;
  /** A bridge port's hairpin flag. */
  hairpin?: boolean;
  addresses: string[];
}

/** One namespace, as the fixtures compare it. */
export interface NsSnapshot {
  links: LinkSnapshot[];
  /** `ip route` lines of the main table, sorted. */
  routes: string[];
  sysctls: Record<string, string>;
  /** `iptables -t nat -S`, when asked for. */
  nat?: string[];
}

/** The sysctls a snapshot reports: forwarding in the node, arp_notify of a pod's eth0. */
export const SNAPSHOT_SYSCTLS = { node: ['net.ipv4.ip_forward'], pod: ['net.ipv4.conf.eth0.arp_notify'] } as const;

/**
 * Namespace `ns` of `node` as a snapshot. `withNat` adds the nat table (the node's).
 * @throws Error when the namespace does not exist.
 */
export function snapshotNs(node: NodeState, ns: string, withNat = false): NsSnapshot {
  const k = new Kernel(node, { bytes: (n) => new Array<number>(n).fill(0) }, () => undefined);
  const n = node.namespaces[ns];
  if (!n) throw new Error(`netns-missing: ${ns}`);
  const links = [...n.links].sort((a, b) => a.index - b.index).map((l) => {
    const s: LinkSnapshot = { index: l.index, name: l.name, kind: l.kind, mac: l.mac, mtu: l.mtu, up: l.up, state: k.operstate(ns, l), addresses: [...l.addresses] };
    const master = l.master !== undefined ? n.links.find((x) => x.index === l.master) : undefined;
    if (master) {
      s.master = master.name;
      s.hairpin = l.hairpin ?? false;
    }
    if (l.peer) s.peer = l.peer.index;
    return s;
  });
  const name = (dev: number): string => n.links.find((x) => x.index === dev)?.name ?? '?';
  const routes = [
    ...k.connectedRoutes(ns).map((c) => {
      const l = n.links.find((x) => x.index === c.dev);
      return `${c.dst} dev ${name(c.dev)} proto kernel scope link src ${c.src}${l && !k.carrier(ns, l) ? ' linkdown' : ''}`;
    }),
    ...n.routes.map((r) => {
      const l = n.links.find((x) => x.index === r.dev);
      const dst = r.dst === '0.0.0.0/0' ? 'default' : r.dst;
      return `${dst}${r.gw ? ` via ${r.gw}` : ''} dev ${name(r.dev)}${r.gw ? '' : ' scope link'}${l && !k.carrier(ns, l) ? ' linkdown' : ''}`;
    }),
  ].sort();
  const keys = ns === HOST_NS ? SNAPSHOT_SYSCTLS.node : n.links.some((l) => l.name === 'eth0') ? SNAPSHOT_SYSCTLS.pod : [];
  const sysctls: Record<string, string> = {};
  for (const key of keys) sysctls[key] = k.sysctl(ns, key);
  const out: NsSnapshot = { links, routes, sysctls };
  if (withNat) out.nat = natRules(n.nat);
  return out;
}
