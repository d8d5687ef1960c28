import type { BpfEvent, FdbEvent, FrameEvent, IpipEvent, OvsEvent, VxlanEvent, WgEvent } from '../events';
import type { JourneyResult } from '../journey';
import { PacksMissingError, type PackKind } from '../sim/packs';
import type { Msg } from './messages';

/*
 * The narrator's language-free half of each datapath pack (sim/packs.ts): which message an event
 * of the pack gets (tellEvent.ts asks here). Loaded with the pack (core/packs.ts), never before:
 * a journey holds such events only once the pack's engine ran it.
 */

/** What a message chooser returns: the message and the kernel function that did it. */
type Told = { msg: Msg; fn: string };

/** Each pack's message choosers. */
export interface PackTellers {
  vxlan: { frameOut(result: JourneyResult, e: FrameEvent, index: number): Msg; fdb(e: FdbEvent): Told; event(result: JourneyResult, e: VxlanEvent, index: number): Told };
  wireguard: { frame(e: FrameEvent): Msg; event(result: JourneyResult, e: WgEvent, index: number): Told };
  ipip: { frame(result: JourneyResult, e: FrameEvent, index: number): Msg; event(e: IpipEvent): Told };
  ovs: { event(e: OvsEvent): Told };
  bpf: { event(e: BpfEvent): Told };
}

const tellers: Partial<PackTellers> = {};

/** Registers a pack's message choosers (its chunk's loader does, or core/allPacks.ts). */
export function registerPackTeller<K extends PackKind>(kind: K, t: PackTellers[K]): void {
  tellers[kind] = t;
}

/** Whether pack `kind`'s message choosers are here. */
export function hasPackTeller(kind: PackKind): boolean {
  return tellers[kind] !== undefined;
}

/**
 * Pack `kind`'s message choosers.
 * @throws PacksMissingError when they are not loaded (the pages load a lab's packs before they run it).
 */
export function packTeller<K extends PackKind>(kind: K): PackTellers[K] {
  const t = tellers[kind];
  if (t === undefined) throw new PacksMissingError([kind]);
  return t as PackTellers[K];
}

/** Each pack's chunk of choosers (TypeScript refuses a pack without one). */
const LOADERS: Readonly<Record<PackKind, () => Promise<void>>> = {
  vxlan: () => import('./tellVxlan').then((m) => registerPackTeller('vxlan', m.vxlanTeller)),
  wireguard: () => import('./tellWg').then((m) => registerPackTeller('wireguard', m.wireguardTeller)),
  ipip: () => import('./tellIpip').then((m) => registerPackTeller('ipip', m.ipipTeller)),
  ovs: () => import('./tellOvs').then((m) => registerPackTeller('ovs', m.ovsTeller)),
  bpf: () => import('./tellBpf').then((m) => registerPackTeller('bpf', m.bpfTeller)),
};

/**
 * Loads the message choosers of `kinds` (those not yet here), side by side.
 * @throws (rejects) when a chunk fails to load; a later call tries again.
 */
export async function loadPackTellers(kinds: readonly PackKind[]): Promise<void> {
  await Promise.all(kinds.filter((k) => !hasPackTeller(k)).map((k) => LOADERS[k]()));
}
