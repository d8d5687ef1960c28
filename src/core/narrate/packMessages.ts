import type { PackKind } from '../sim/packs';
import type { Msg, MsgKind, Told } from './messages';

/*
 * The messages each datapath pack adds to the narrator (sim/packs.ts): their sentences are a
 * per-language part of the pack (i18n/packNarration.ts), loaded with it, not with the narrator.
 */

/** The message kinds of each pack. */
export interface PackMsgKinds {
  vxlan: 'out-vxlan' | 'vxlan-fdb' | 'vxlan-encap' | 'vxlan-decap';
  wireguard: 'wg' | 'out-wg' | 'in-wg';
  ipip: 'out-ipip' | 'ipip-encap' | 'ipip-decap' | 'in-ipip';
  ovs: 'ovs' | 'in-vport';
  bpf: 'bpf';
}

/** A message only a pack's events are told with. */
export type PackMsgKind = PackMsgKinds[PackKind];

/** The messages the narrator's own catalogue tells (every other one is a pack's). */
export type BaseMsgKind = Exclude<MsgKind, PackMsgKind>;

/** One language's sentences for pack `K`'s messages: TypeScript refuses a table missing one. */
export type PackNarration<K extends PackKind> = { [M in PackMsgKinds[K]]: (m: Extract<Msg, { k: M }>) => Told };

/** Which pack tells each pack message (TypeScript refuses a pack message missing here). */
const MSG_PACK: Readonly<Record<PackMsgKind, PackKind>> = {
  'out-vxlan': 'vxlan',
  'vxlan-fdb': 'vxlan',
  'vxlan-encap': 'vxlan',
  'vxlan-decap': 'vxlan',
  wg: 'wireguard',
  'out-wg': 'wireguard',
  'in-wg': 'wireguard',
  'out-ipip': 'ipip',
  'ipip-encap': 'ipip',
  'ipip-decap': 'ipip',
  'in-ipip': 'ipip',
  ovs: 'ovs',
  'in-vport': 'ovs',
  bpf: 'bpf',
};

/** The pack whose sentences tell message `k`, or null for the narrator's own. */
export function packOfMsg(k: MsgKind): PackKind | null {
  return (MSG_PACK as Readonly<Record<string, PackKind>>)[k] ?? null;
}
