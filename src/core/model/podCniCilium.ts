import type { Json } from '../cni/goJson';
import type { ConfList } from '../cni/runtime';
import type { CiliumAgentState } from '../cni/state';
import { CILIUM_HOST, ciliumNodes, lastIdentity } from './datapathCilium';
import type { IfaceSpec, MachineSpec, Topology } from './topology';

/*
 * A Cilium lab's pods get their network through the same CNI ADD as any other (podNetwork.ts):
 * the node runs 05-cilium.conflist, which the agent writes (cilium/cilium install/kubernetes
 * cilium-cni configuration: cniVersion 0.3.1, one plugin, cilium-cni), and the agent answers the
 * plugin's questions (cni/cilium.ts). After the ADD the agent's EndpointCreate attaches
 * cil_from_container to the new lxc device with the pod's security identity: the next one after
 * the lab's highest (each lab pod has its own labels, so its own identity).
 */

/** 05-cilium.conflist as the agent writes it. */
export function ciliumConfList(): ConfList {
  const plugins: { [key: string]: Json }[] = [{ type: 'cilium-cni', 'enable-debug': false, 'log-file': '/var/run/cilium/cilium-cni.log' }];
  const list = { cniVersion: '0.3.1', name: 'cilium', plugins };
  return { cniVersion: list.cniVersion, name: list.name, disableCheck: false, plugins, text: JSON.stringify(list, null, 2) };
}

/** What the node's agent knows (its pod CIDR and router IP), when the lab runs Cilium and the node is one of its nodes. */
export function ciliumAgentOf(t: Topology, machine: MachineSpec): CiliumAgentState | null {
  if (t.datapath?.cni !== 'cilium' || !machine.interfaces.some((i) => i.name === CILIUM_HOST)) return null;
  const n = ciliumNodes(t).find((x) => x.name === machine.name);
  return n ? { podCidr: n.podCidr, router: n.router } : null;
}

/** The machine after the agent's EndpointCreate: the new host end `hostIface` runs cil_from_container with the next identity. */
export function withEndpoint(t: Topology, machine: MachineSpec, hostIface: string): MachineSpec {
  const identity = lastIdentity(t) + 1;
  const interfaces = machine.interfaces.map((i): IfaceSpec => (i.name === hostIface && i.kind === 'veth' ? { ...i, bpf: { prog: 'cil_from_container', identity } } : i));
  return { ...machine, interfaces };
}
