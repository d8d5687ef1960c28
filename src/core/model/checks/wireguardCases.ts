import type { ProblemCode } from '../../i18n/problems';
import { seedCiliumWireguard } from '../../presets/ciliumScenarios';
import type { Topology } from '../topology';
import type { ProblemPlace } from './place';

/*
 * The WireGuard checks' cases for checks.test.ts (datapathWireguard.ts): each a Cilium + WireGuard
 * lab with one fault, where the finding points and its fix (none is clear for either).
 */

/** The seed under Cilium's tunnel mode with WireGuard, with `change` made to each node's cilium_wg0. */
function withWg(change: (wg: { listenPort: number; mtu?: number }, node: string) => void): Topology {
  const t = seedCiliumWireguard();
  for (const m of t.machines) for (const i of m.interfaces) if (i.kind === 'wireguard') change(i, m.name);
  return t;
}

/** The seed under Cilium's tunnel mode with WireGuard (or `lab`), node2 without its WireGuard device. */
export function withoutWg(lab: () => Topology = seedCiliumWireguard): Topology {
  const t = lab();
  return { ...t, machines: t.machines.map((m) => (m.name === 'node2' ? { ...m, interfaces: m.interfaces.filter((i) => i.kind !== 'wireguard') } : m)) };
}

/** Cases in checks.test.ts's shape. */
export const WIREGUARD_CHECK_CASES: { code: ProblemCode; what: string; lab: () => Topology; path: string; place: Partial<ProblemPlace>; fix: string | null }[] = [
  {
    code: 'wg-port-mismatch', what: 'node2\'s cilium_wg0 on WireGuard\'s usual 51820 where Cilium\'s agents send to 51871',
    lab: () => withWg((wg, node) => void (node === 'node2' && (wg.listenPort = 51820))),
    path: 'machines[1].interfaces[4].listenPort', place: { ns: 'node2', iface: 'cilium_wg0' }, fix: null,
  },
  {
    code: 'wg-underlay-mtu', what: 'cilium_wg0 at 1500 over a 1500-byte eth0',
    lab: () => withWg((wg) => void (wg.mtu = 1500)),
    path: 'machines[0].interfaces[4].mtu', place: { ns: 'node1', iface: 'cilium_wg0' }, fix: null,
  },
  {
    code: 'wg-no-device', what: 'node2 without cilium_wg0 (its agent made none), so node1 lists no peer for it',
    lab: withoutWg,
    path: 'machines[1].interfaces', place: { ns: 'node2' }, fix: null,
  },
];
