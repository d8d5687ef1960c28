import { formatIp, parseCidr, parseIp } from '../net/ipv4';
import { launchWeave, WEAVE_BRIDGE, weaveMac, weaveNodes, weaveShares } from '../model/datapathWeave';
import type { Topology } from '../model/topology';
import { note, type ImportNote } from './notes';
import { inWeaveRange, podIpsOn } from './place';
import type { ClusterPlan } from './resolve';
import type { IpBlock, IpLink } from './types';

/*
 * Weave Net started on the imported nodes as it runs on the cluster (model/datapathWeave.ts for
 * the facts): each node's peer name is its `weave` bridge's MAC (prog/weaver/main.go
 * `bridgeConfig.Mac = name.String()`), and on a cluster started by consensus the ring splits
 * IPALLOC_RANGE among the peers sorted by that name (ipam/ring/ring.go ClaimForPeers/subdivide),
 * so the split follows from the names. A node whose `ip -j addr` was pasted gives its real name
 * and its bridge's address (`weave --local expose` at launch: the first free address of its
 * share). When no node's bridge was pasted, the names are chosen so that each node gets the share
 * that holds its pods, as the sort of the real names must have given it. The pods then keep their
 * addresses through weaver's own record (`WeaveRouterState.owned`, place.ts).
 */

/** The `weave` bridge a node's `ip -j addr` shows, if pasted. */
function shownBridge(blocks: readonly IpBlock[] | undefined): IpLink | undefined {
  return (blocks ?? []).flatMap((b) => (b.table.kind === 'addr' ? b.table.links : [])).find((l) => l.ifname === WEAVE_BRIDGE);
}

/** A share as the summary writes it: a CIDR when it is one, else its first and last address. */
export function shareText(start: number, end: number): string {
  const size = end - start;
  const prefix = 32 - Math.log2(size);
  if (Number.isInteger(prefix) && start % size === 0) return `${formatIp(start)}/${prefix}`;
  return `${formatIp(start)}–${formatIp(end - 1)}`;
}

type PeerFrom = 'ip-addr' | 'pods' | 'assumed';

/**
 * Which share each node has (its index, in address order): the one holding its bridge's shown
 * address, else its lowest pod address in the range; a share two nodes claim goes to the first.
 * Nodes nothing places take the shares left, in the plan's order.
 */
function slotsOf(plan: ClusterPlan, shown: ReadonlyMap<string, IpLink>): { slot: Map<string, number>; placed: Set<string> } {
  const shares = weaveShares(plan.nodes.length);
  const slot = new Map<string, number>();
  const placed = new Set<string>();
  const used = new Set<number>();
  for (const n of plan.nodes) {
    const bridge = parseIp(shown.get(n.name)?.addresses[0]?.split('/')[0] ?? '');
    const ips = podIpsOn(plan, n.name).filter(inWeaveRange);
    const at = bridge ?? (ips.length > 0 ? Math.min(...ips) : undefined);
    const k = at === undefined ? -1 : shares.findIndex(([s, e]) => at >= s && at < e);
    if (k >= 0 && !used.has(k)) {
      slot.set(n.name, k);
      used.add(k);
      placed.add(n.name);
    }
  }
  for (const n of plan.nodes) {
    if (slot.has(n.name)) continue;
    let k = 0;
    while (used.has(k)) k++;
    slot.set(n.name, k);
    used.add(k);
  }
  return { slot, placed };
}

const macNumber = (mac: string): number => parseInt(mac.replace(/:/g, ''), 16);
const macText = (x: number): string => (x.toString(16).padStart(12, '0').match(/../g) ?? []).join(':');

/**
 * Each node's peer name: its bridge's MAC where `ip -j addr` shows it; the others' chosen so that
 * the names in sorted order give every node the share its bridge or pods lie in (seeded names
 * handed out in sorted order when no bridge was shown; between the shown names' neighbours, as
 * unicast MACs, when some were). When the shown names' order contradicts the shares their
 * bridges hold (a ring that did not start by consensus), the others get seeded names, assumed.
 */
function peerNames(plan: ClusterPlan, shown: ReadonlyMap<string, IpLink>): { peers: Map<string, string>; from: Map<string, PeerFrom> } {
  const peers = new Map<string, string>();
  const from = new Map<string, PeerFrom>();
  for (const [node, link] of shown) {
    if (link.mac === undefined) continue;
    peers.set(node, link.mac.toLowerCase());
    from.set(node, 'ip-addr');
  }
  const { slot, placed } = slotsOf(plan, shown);
  const bySlot = [...plan.nodes].sort((a, b) => (slot.get(a.name) ?? 0) - (slot.get(b.name) ?? 0));
  const rest = bySlot.filter((n) => !peers.has(n.name));
  for (const n of rest) from.set(n.name, placed.has(n.name) ? 'pods' : 'assumed');
  if (peers.size === 0) {
    const names = plan.nodes.map((n) => weaveMac(`weave-peer/${n.name}`)).sort();
    bySlot.forEach((n, k) => peers.set(n.name, names[k] as string));
    return { peers, from };
  }
  const real = bySlot.filter((n) => peers.has(n.name)).map((n) => macNumber(peers.get(n.name) as string));
  const ordered = real.every((x, k) => k === 0 || x > (real[k - 1] as number));
  // The gaps between shown names, in share order: each missing node gets a name inside its gap.
  let k = 0;
  while (k < bySlot.length) {
    const n = bySlot[k] as (typeof bySlot)[number];
    if (peers.has(n.name)) {
      k++;
      continue;
    }
    let j = k;
    while (j < bySlot.length && !peers.has((bySlot[j] as (typeof bySlot)[number]).name)) j++;
    const lo = k > 0 ? macNumber(peers.get((bySlot[k - 1] as (typeof bySlot)[number]).name) as string) : 0;
    const hi = j < bySlot.length ? macNumber(peers.get((bySlot[j] as (typeof bySlot)[number]).name) as string) : 2 ** 48;
    for (let g = k; g < j; g++) {
      const name = (bySlot[g] as (typeof bySlot)[number]).name;
      // A unicast MAC (the group bit of the first byte clear) strictly inside the gap.
      const pick = Math.floor(lo + ((hi - lo) * (g - k + 1)) / (j - k + 1));
      const unicast = pick - (Math.floor(pick / 2 ** 40) % 2 === 1 ? 2 ** 40 : 0);
      const fits = ordered && unicast > lo && unicast < hi;
      peers.set(name, fits ? macText(unicast) : weaveMac(`weave-peer/${name}`));
      if (!fits) from.set(name, 'assumed');
    }
    k = j;
  }
  return { peers, from };
}

/**
 * The lab with Weave Net launched on every node (before any pod): peer names and shares as the
 * cluster has them (see the file comment), each bridge exposed at the address `ip -j addr` shows,
 * else at the first address of its share that no pod holds. Says each node's share and bridge.
 */
export function weaveLaunchImported(base: Topology, plan: ClusterPlan, ipOf: ReadonlyMap<string, IpBlock[]>, notes: ImportNote[]): Topology {
  const shown = new Map<string, IpLink>();
  for (const n of plan.nodes) {
    const link = shownBridge(ipOf.get(n.name));
    if (link) shown.set(n.name, link);
  }
  const { peers, from } = peerNames(plan, shown);
  const reserved = plan.nodes.flatMap((n) => podIpsOn(plan, n.name));
  let t = launchWeave(base, { peers, reserved });
  t = {
    ...t,
    machines: t.machines.map((m) => {
      const addr = shown.get(m.name)?.addresses[0];
      if (addr === undefined || parseCidr(addr) === null) return m;
      return { ...m, interfaces: m.interfaces.map((i) => (i.kind === 'bridge' && i.name === WEAVE_BRIDGE ? { ...i, addresses: [addr] } : i)) };
    }),
  };
  for (const n of weaveNodes(t)) {
    const bridge = t.machines.find((m) => m.name === n.name)?.interfaces.find((i) => i.name === WEAVE_BRIDGE);
    const ip = bridge?.addresses?.[0]?.split('/')[0] ?? '';
    notes.push(note('weave-peer', { node: n.name, peer: n.peer, share: shareText(n.start, n.end), from: from.get(n.name) ?? 'assumed' }));
    if (parseIp(ip) !== null) notes.push(note('weave-bridge', { node: n.name, ip, from: shown.get(n.name)?.addresses[0] !== undefined ? 'ip-addr' : 'share' }));
  }
  return t;
}
