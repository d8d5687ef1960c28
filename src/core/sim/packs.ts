import type { Topology } from '../model/topology';
import type { Sim } from './engine';
import type { Packet, WireFrame } from './packet';
import type { TunnelKey } from './vxlan';
import type { Iface, Ns } from './world';

/*
 * Datapath packs: the parts of the engine only some labs need (VXLAN, WireGuard, IP-in-IP, Weave's
 * OVS datapath, Cilium's eBPF). Most labs (the seed lab: plain routing) need none, so the base
 * engine (link.ts, arp.ts, transport.ts) reaches them only through the hooks registered here, and
 * each pack is a chunk of its own, fetched when a lab needs it (`loadEnginePacks`). A lab whose
 * packs are not here is refused by runJourney (`PacksMissingError`), never run without them.
 * Node programs and tests register every pack at once (core/allPacks.ts).
 */

/** A datapath pack: the engine's device or program it holds. */
export type PackKind = 'vxlan' | 'wireguard' | 'ipip' | 'ovs' | 'bpf';

/**
 * What a lab may need loaded before it runs: a datapath pack, or `validation` (the validator, for a
 * lab that is not vouched valid: model/vouch.ts).
 */
export type PartKind = PackKind | 'validation';

/** Every pack, in the order errors and loads name them. */
export const PACK_KINDS: readonly PackKind[] = ['vxlan', 'wireguard', 'ipip', 'ovs', 'bpf'];

/** The engine's calls into each pack (the kernel functions they model are named where each is defined). */
export interface PackHooks {
  /** The VXLAN device: vxlan_xmit (a key instead of the FDB for collect_md senders), vxlan_rcv on its port's socket (true: taken). */
  vxlan: { xmit(sim: Sim, dev: Iface, frame: WireFrame, key?: TunnelKey): void; rcv(sim: Sim, ns: Ns, p: Packet): boolean };
  /** WireGuard: cil_to_netdev's redirect at a NIC's egress (true: taken), the device's xmit, wg_receive (true: taken). */
  wireguard: { egress(sim: Sim, dev: Iface, frame: WireFrame): boolean; xmit(sim: Sim, wg: Iface, frame: WireFrame): void; rcv(sim: Sim, ns: Ns, p: Packet): boolean };
  /** The IPIP tunnel: ipip_tunnel_xmit to the next hop, ipip_rcv of protocol 4. */
  ipip: { xmit(sim: Sim, dev: Iface, nexthop: number, p: Packet): void; rcv(sim: Sim, ns: Ns, p: Packet): void };
  /** The OVS datapath: a frame received on a vport (netdev_frame_hook). */
  ovs: { receive(sim: Sim, dev: Iface, frame: WireFrame): void };
  /** Cilium's tc ingress programs (true: the program took the frame). */
  bpf: { ingress(sim: Sim, dev: Iface, frame: WireFrame): boolean };
}

const hooks: Partial<PackHooks> = {};

/** Registers a pack's hooks (its chunk's loader does, or core/allPacks.ts for Node and tests). */
export function registerPack<K extends PackKind>(kind: K, h: PackHooks[K]): void {
  hooks[kind] = h;
}

/** Whether the engine's part of pack `kind` is registered. */
export function hasEnginePack(kind: PackKind): boolean {
  return hooks[kind] !== undefined;
}

/**
 * A lab needs packs that are not loaded: runJourney refuses it with this error (a program error,
 * not the user's: the pages load a lab's packs before running it). `kinds` names them.
 */
export class PacksMissingError extends Error {
  readonly kinds: readonly PartKind[];

  constructor(kinds: readonly PartKind[]) {
    // A code and data, no prose (the engine holds none): the pages never show it, they await the packs first.
    super(`packs-not-loaded: ${kinds.join(',')}`);
    this.name = 'PacksMissingError';
    this.kinds = kinds;
  }
}

/**
 * Pack `kind`'s hooks, for the base engine.
 * @throws PacksMissingError when it is not registered (runJourney refuses such a lab first, so this is a guard).
 */
export function pack<K extends PackKind>(kind: K): PackHooks[K] {
  const h = hooks[kind];
  if (h === undefined) throw new PacksMissingError([kind]);
  return h as PackHooks[K];
}

const needed = new WeakMap<Topology, readonly PackKind[]>();

/**
 * The packs a lab needs, from its devices: a `vxlan`, `wireguard` or `ipip` interface, a device
 * with an eBPF program (`bpf`) or one that is an OVS vport (`vport`). Cached per lab object; a big
 * cluster is walked once.
 */
export function packsOf(topology: Topology): readonly PackKind[] {
  const known = needed.get(topology);
  if (known) return known;
  const found = new Set<PackKind>();
  for (const m of topology.machines) {
    for (const ns of [m, ...(m.pods ?? [])]) {
      for (const i of ns.interfaces) {
        if (i.kind === 'vxlan' || i.kind === 'wireguard' || i.kind === 'ipip') found.add(i.kind);
        if (i.bpf !== undefined) found.add('bpf');
        if (i.vport !== undefined) found.add('ovs');
      }
    }
  }
  const kinds = PACK_KINDS.filter((k) => found.has(k));
  needed.set(topology, kinds);
  return kinds;
}

/** The packs `topology` needs whose engine part is not registered yet (empty: it can run now). */
export function missingEnginePacks(topology: Topology): PackKind[] {
  return packsOf(topology).filter((k) => !hasEnginePack(k));
}

/** Each pack's chunk (TypeScript refuses a pack without one). */
const LOADERS: Readonly<Record<PackKind, () => Promise<void>>> = {
  vxlan: () => import('./vxlan').then((m) => registerPack('vxlan', m.vxlanPack)),
  wireguard: () => import('./wireguard').then((m) => registerPack('wireguard', m.wireguardPack)),
  ipip: () => import('./ipip').then((m) => registerPack('ipip', m.ipipPack)),
  ovs: () => import('./ovs').then((m) => registerPack('ovs', m.ovsPack)),
  bpf: () => import('./bpfCilium').then((m) => registerPack('bpf', m.bpfPack)),
};

/**
 * Loads the engine's part of `kinds` (those not yet here), side by side.
 * @throws (rejects) when a chunk fails to load (the network lost it); a later call tries again.
 */
export async function loadEnginePacks(kinds: readonly PackKind[]): Promise<void> {
  await Promise.all(kinds.filter((k) => !hasEnginePack(k)).map((k) => LOADERS[k]()));
}
