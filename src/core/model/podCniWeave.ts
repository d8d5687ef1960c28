import type { Json } from '../cni/goJson';
import type { ConfList } from '../cni/runtime';
import type { WeaveRouterState } from '../cni/state';
import { addressesOf, runsWeave, WEAVE_RANGE, weaveNodes } from './datapathWeave';
import type { MachineSpec, Topology } from './topology';

/*
 * A Weave Net lab's pods get their network through the same CNI ADD as any other (podNetwork.ts):
 * the node runs 10-weave.conflist as the `weave` script's create_cni_config writes it
 * (weaveworks/weave `weave`: cniVersion 0.3.0, weave-net with hairpinMode true, then portmap with
 * portMappings and snat), and weaver's IPAM answers the plugin (cni/weave.ts).
 */

/** 10-weave.conflist as weave-net's launch writes it. */
export function weaveConfList(): ConfList {
  const plugins: { [key: string]: Json }[] = [
    { name: 'weave', type: 'weave-net', hairpinMode: true },
    { type: 'portmap', capabilities: { portMappings: true }, snat: true },
  ];
  const list = { cniVersion: '0.3.0', name: 'weave', plugins };
  return { cniVersion: list.cniVersion, name: list.name, disableCheck: false, plugins, text: JSON.stringify(list, null, 4) };
}

/** What the node's weaver knows (the range and its peer's share), when the lab runs Weave Net and the node has its datapath. */
export function weaveRouterOf(t: Topology, machine: MachineSpec): WeaveRouterState | null {
  if (t.datapath?.cni !== 'weave' || !runsWeave(machine)) return null;
  const n = weaveNodes(t).find((x) => x.name === machine.name);
  if (!n) return null;
  // A node that joined later gets a share of a ring split again (weaveNodes); the addresses other
  // peers already hold stay theirs, as the ring's owners would keep them.
  const held = t.machines.filter((m) => m.name !== machine.name).flatMap((m) => [...addressesOf(m)]);
  return { range: WEAVE_RANGE, start: n.start, end: n.end, held };
}
