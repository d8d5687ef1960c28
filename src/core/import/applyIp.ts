import { networkOf, parseCidr, parseIp } from '../net/ipv4';
import { validateTopology } from '../model/validate';
import type { MachineSpec, NeighbourSpec, RouteSpec, Topology } from '../model/topology';
import { note, type ImportNote } from './notes';
import type { PlannedNode } from './resolve';
import type { IpBlock, IpFdb, IpLink, IpNeigh, IpRoute } from './types';

/*
 * A node's own iproute2 tables laid over the lab built for it: what the lab already has is
 * confirmed, what it can hold and lacks is added (static routes, permanent neighbours, a VXLAN
 * device's FDB entries, the MACs of the devices it has), and what it cannot hold is listed
 * (devices it does not model, entries the kernel learned, veth host ends whose pod the node's
 * side does not name). Connected routes are the addresses' own (the lab derives them, as the
 * kernel does); `ip route` without `table all` lists the main table only.
 */

/** Which node each iproute2 block is from: the node the input names, the file's name, or the node address it holds. */
export function assignIpBlocks(blocks: readonly IpBlock[], nodes: readonly PlannedNode[]): { byNode: Map<string, IpBlock[]>; notes: ImportNote[] } {
  const byNode = new Map<string, IpBlock[]>();
  const notes: ImportNote[] = [];
  const names = nodes.map((n) => n.name).sort((a, b) => b.length - a.length);
  const commands: Record<string, string> = { addr: 'ip -j addr', route: 'ip -j route', neigh: 'ip -j neigh', fdb: 'bridge -j fdb' };
  for (const b of blocks) {
    const at = { source: b.source, line: b.line };
    let node = b.node;
    if (node !== undefined && !names.includes(node)) {
      notes.push(note('ip-node-missing', { node, nodes: nodes.map((n) => n.name).join(', ') }, at));
      continue;
    }
    node ??= names.find((n) => b.fileName !== 'paste' && b.fileName.includes(n));
    if (node === undefined) {
      const t = b.table;
      const owns = (ip: string) => nodes.find((n) => n.ip === ip)?.name;
      if (t.kind === 'addr') node = t.links.flatMap((l) => l.addresses).map((a) => owns(a.split('/')[0] ?? '')).find((x) => x !== undefined);
      else if (t.kind === 'route') node = t.routes.map((r) => owns(r.prefsrc ?? '')).find((x) => x !== undefined);
    }
    if (node === undefined) {
      notes.push(note('ip-node-unknown', { command: commands[b.table.kind] ?? '' }, at));
      continue;
    }
    byNode.set(node, [...(byNode.get(node) ?? []), b]);
  }
  return { byNode, notes };
}

/** The link of `ip -j addr` that holds the node's address: its name, MAC and MTU for eth0. */
export function externalLink(blocks: readonly IpBlock[] | undefined, ip: string): IpLink | undefined {
  return (blocks ?? []).flatMap((b) => (b.table.kind === 'addr' ? b.table.links : [])).find((l) => l.addresses.some((a) => a.startsWith(`${ip}/`)));
}

function routeText(r: { dst: string; via?: string | undefined; dev?: string | undefined }): string {
  return `${r.dst}${r.via !== undefined ? ` via ${r.via}` : ''}${r.dev !== undefined ? ` dev ${r.dev}` : ''}`;
}

/** Replaces one machine, returning the new topology. */
function withMachine(t: Topology, name: string, f: (m: MachineSpec) => MachineSpec): Topology {
  return { ...t, machines: t.machines.map((m) => (m.name === name ? f(m) : m)) };
}

/** A VTEP's MAC changed: every neighbour and FDB entry of the lab that named the old one follows. */
function renameMac(t: Topology, from: string, to: string): Topology {
  return {
    ...t,
    machines: t.machines.map((m) => {
      const hit = (m.neighbours ?? []).some((n) => n.mac === from) || (m.fdb ?? []).some((f) => f.mac === from);
      if (!hit) return m;
      return {
        ...m,
        ...(m.neighbours ? { neighbours: m.neighbours.map((n) => (n.mac === from ? { ...n, mac: to } : n)) } : {}),
        ...(m.fdb ? { fdb: m.fdb.map((f) => (f.mac === from ? { ...f, mac: to } : f)) } : {}),
      };
    }),
  };
}

function applyAddr(t: Topology, node: string, links: readonly IpLink[], notes: ImportNote[]): Topology {
  let confirmed = 0;
  const absent: string[] = [];
  let veths = 0;
  for (const l of links) {
    if (l.linkType === 'loopback' || l.ifname === 'lo') continue;
    const m = t.machines.find((x) => x.name === node) as MachineSpec;
    const iface = m.interfaces.find((i) => i.name === l.ifname);
    if (!iface) {
      if (l.linkIndex !== undefined && (l.master !== undefined || /^(veth|cali|lxc)/.test(l.ifname))) veths++;
      else absent.push(l.addresses.length > 0 ? `${l.ifname} (${l.addresses.join(', ')})` : l.ifname);
      continue;
    }
    const lab = (iface.addresses ?? []).join(', ');
    const real = l.addresses.join(', ');
    if (lab !== real) notes.push(note('ip-addr-differs', { node, iface: l.ifname, lab: lab || '—', real: real || '—' }));
    else confirmed++;
    // An IPIP tunnel has no MAC (`link/ipip 0.0.0.0`): the lab's placeholder stays.
    if (l.mac !== undefined && l.mac !== iface.mac && l.mac !== '00:00:00:00:00:00' && iface.kind !== 'ipip') {
      const old = iface.mac;
      t = withMachine(t, node, (mm) => ({ ...mm, interfaces: mm.interfaces.map((i) => (i === iface ? { ...i, mac: l.mac as string } : i)) }));
      if (iface.kind === 'vxlan') t = renameMac(t, old, l.mac);
      notes.push(note('ip-mac', { node, iface: l.ifname, mac: l.mac }));
    }
  }
  notes.push(note('ip-applied', { node, table: 'addr', confirmed, added: 0 }));
  if (absent.length > 0) notes.push(note('ip-iface-absent', { node, ifaces: absent.join('; '), count: absent.length }));
  if (veths > 0) notes.push(note('ip-veth-unmatched', { node, count: veths }));
  return t;
}

/** Whether an address of `m` on `dev` makes the connected route `dst`. */
function connected(m: MachineSpec, dst: string, dev: string): boolean {
  const c = parseCidr(dst);
  const i = m.interfaces.find((x) => x.name === dev);
  if (!c || !i) return false;
  return (i.addresses ?? []).some((a) => {
    const x = parseCidr(a);
    return x !== null && x.prefix === c.prefix && networkOf(x.ip, x.prefix) === networkOf(c.ip, c.prefix);
  });
}

function applyRoutes(t: Topology, node: string, routes: readonly IpRoute[], notes: ImportNote[]): Topology {
  let confirmed = 0;
  let added = 0;
  const seen = new Set<string>();
  for (const r of routes) {
    const m = t.machines.find((x) => x.name === node) as MachineSpec;
    const text = routeText({ dst: r.dst, via: r.gateway, dev: r.dev });
    if (r.type !== undefined && r.type !== 'unicast') {
      notes.push(note('ip-route-skipped', { node, route: `${r.type} ${text}`, why: 'type' }));
      continue;
    }
    if (r.dev === undefined || !m.interfaces.some((i) => i.name === r.dev)) {
      notes.push(note('ip-route-skipped', { node, route: text, why: 'dev' }));
      continue;
    }
    if (r.protocol === 'kernel' && r.scope === 'link' && r.gateway === undefined && connected(m, r.dst, r.dev)) {
      confirmed++;
      continue;
    }
    const same = (m.routes ?? []).find((x) => x.dst === r.dst && x.dev === r.dev && (x.via ?? '') === (r.gateway ?? '') && (x.metric ?? 0) === (r.metric ?? 0));
    if (same) {
      seen.add(routeText(same));
      confirmed++;
      continue;
    }
    const spec: RouteSpec = {
      dst: r.dst, dev: r.dev,
      ...(r.gateway !== undefined ? { via: r.gateway } : {}),
      ...(r.onlink ? { onlink: true } : {}),
      ...(r.metric !== undefined && r.metric !== 0 ? { metric: r.metric } : {}),
      ...(r.prefsrc !== undefined && r.protocol !== 'kernel' ? { src: r.prefsrc } : {}),
    };
    const next = withMachine(t, node, (mm) => ({ ...mm, routes: [...(mm.routes ?? []), spec] }));
    if (validateTopology(next).length > 0) {
      notes.push(note('ip-route-skipped', { node, route: text, why: 'refused' }));
      continue;
    }
    t = next;
    seen.add(routeText(spec));
    added++;
  }
  const m = t.machines.find((x) => x.name === node) as MachineSpec;
  for (const r of m.routes ?? []) if (!seen.has(routeText(r))) notes.push(note('ip-route-lab-only', { node, route: routeText(r) }));
  notes.push(note('ip-applied', { node, table: 'route', confirmed, added }));
  return t;
}

/**
 * A permanent entry for a remote VTEP names that node's flannel.1 MAC as the node itself has it:
 * the lab's node (the one whose VXLAN device holds `ip`, or whose underlay address is `underlay`)
 * takes that MAC, and every entry naming its old one follows, so the frames still reach it.
 */
function adoptRemoteVtep(t: Topology, mac: string, by: { ip?: string; underlay?: string }): Topology {
  for (const m of t.machines) {
    const dev = m.interfaces.find((i) => i.kind === 'vxlan' && ((by.ip !== undefined && (i.addresses ?? []).includes(`${by.ip}/32`)) || (by.underlay !== undefined && i.local === by.underlay)));
    if (!dev || dev.mac === mac) continue;
    const old = dev.mac;
    const moved = withMachine(t, m.name, (mm) => ({ ...mm, interfaces: mm.interfaces.map((i) => (i === dev ? { ...i, mac } : i)) }));
    return renameMac(moved, old, mac);
  }
  return t;
}

function applyNeigh(t: Topology, node: string, entries: readonly IpNeigh[], notes: ImportNote[]): Topology {
  let confirmed = 0;
  let added = 0;
  let dynamic = 0;
  for (const e of entries) {
    const m = t.machines.find((x) => x.name === node) as MachineSpec;
    if (!e.state.includes('PERMANENT') || e.lladdr === undefined || !m.interfaces.some((i) => i.name === e.dev) || parseIp(e.dst) === null) {
      dynamic++;
      continue;
    }
    if (m.interfaces.find((i) => i.name === e.dev)?.kind === 'vxlan') t = adoptRemoteVtep(t, e.lladdr, { ip: e.dst });
    const have = ((t.machines.find((x) => x.name === node) as MachineSpec).neighbours ?? []).find((n) => n.ip === e.dst && n.dev === e.dev);
    if (have?.mac === e.lladdr) {
      confirmed++;
      continue;
    }
    const entry: NeighbourSpec = { ip: e.dst, mac: e.lladdr, dev: e.dev, state: 'PERMANENT' };
    t = withMachine(t, node, (mm) => ({ ...mm, neighbours: [...(mm.neighbours ?? []).filter((n) => n !== have), entry] }));
    added++;
  }
  notes.push(note('ip-applied', { node, table: 'neigh', confirmed, added }));
  if (dynamic > 0) notes.push(note('ip-neigh-dynamic', { node, count: dynamic }));
  return t;
}

function applyFdb(t: Topology, node: string, entries: readonly IpFdb[], notes: ImportNote[]): Topology {
  let confirmed = 0;
  let added = 0;
  let skipped = 0;
  for (const e of entries) {
    const m = t.machines.find((x) => x.name === node) as MachineSpec;
    const dev = m.interfaces.find((i) => i.name === e.ifname);
    if (e.dst === undefined || dev?.kind !== 'vxlan' || parseIp(e.dst) === null) {
      skipped++;
      continue;
    }
    if (e.mac !== '00:00:00:00:00:00') t = adoptRemoteVtep(t, e.mac, { underlay: e.dst });
    const now = t.machines.find((x) => x.name === node) as MachineSpec;
    if ((now.fdb ?? []).some((f) => f.mac === e.mac && f.dev === e.ifname && f.dst === e.dst)) {
      confirmed++;
      continue;
    }
    const dst = e.dst;
    t = withMachine(t, node, (mm) => ({ ...mm, fdb: [...(mm.fdb ?? []), { mac: e.mac, dev: e.ifname, dst }] }));
    added++;
  }
  notes.push(note('ip-applied', { node, table: 'fdb', confirmed, added }));
  if (skipped > 0) notes.push(note('ip-fdb-skipped', { node, count: skipped }));
  return t;
}

/**
 * The lab with each node's iproute2 tables applied, addresses first (so MACs are settled before
 * the neighbours and FDB entries naming them), then routes, neighbours and FDB entries.
 */
export function applyIpTables(t: Topology, byNode: ReadonlyMap<string, readonly IpBlock[]>): { topology: Topology; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const order = ['addr', 'route', 'neigh', 'fdb'] as const;
  for (const kind of order) {
    for (const [node, blocks] of byNode) {
      for (const b of blocks) {
        const table = b.table;
        if (table.kind !== kind) continue;
        if (table.kind === 'addr') t = applyAddr(t, node, table.links, notes);
        else if (table.kind === 'route') t = applyRoutes(t, node, table.routes, notes);
        else if (table.kind === 'neigh') t = applyNeigh(t, node, table.entries, notes);
        else t = applyFdb(t, node, table.entries, notes);
      }
    }
  }
  return { topology: t, notes };
}
