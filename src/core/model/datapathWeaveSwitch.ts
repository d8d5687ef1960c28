import { flannelNodes, setDatapath } from './datapath';
import { podsOf, readd, switchDatapath, withoutPods } from './datapathCalicoSwitch';
import { launchWeave, runsWeave, withoutWeaveDevices } from './datapathWeave';
import type { DatapathSpec, MachineSpec, Topology } from './topology';

/*
 * Switching a lab into or out of Weave Net. Weave's pods live on one flat network handed out by
 * its own IPAM (model/datapathWeave.ts), so, as for Calico, every pod is re-created through the one
 * path, addPod, under the other CNI: as if the nodes were re-provisioned and each pod scheduled
 * again. Into Weave the addresses come from weaver's share of 10.32.0.0/12 (its IPAM takes no
 * `IP=`); out of it, from the node's pod subnet, which the lab keeps as `cni.podCidr` while Weave
 * runs (Kubernetes still gives each node a podCIDR; Weave ignores it). A bridge the pods leave
 * stays, as nothing deletes cni0 on a real node.
 */

/** The pods to re-create, without their addresses: neither IPAM can grant the other's. */
function podNames(t: Topology): { node: string; name: string }[] {
  return podsOf(t).map((p) => ({ node: p.node, name: p.name }));
}

/**
 * `t` switched into or out of Weave Net (`spec` or `t.datapath` is `weave`): the pods re-created
 * by addPod under the new mode's CNI, in the lab's order. Out of Weave they are wired first under
 * Flannel VXLAN (the bridge plugin makes cni0 on each node's lease), then the lab is switched to
 * `spec` by setDatapath (bridge, host-gw, Cilium) or switchDatapath (Calico); nodes that kept cni0
 * from before Weave get their pods back from the bridge plugin on it instead.
 * @throws TopologyEditError as addPod, setDatapath and switchDatapath do (e.g. `hostgw-no-l2`).
 */
export function switchWeave(t: Topology, spec: DatapathSpec): Topology {
  const fromWeave = t.datapath?.cni === 'weave';
  if (fromWeave && spec.cni === 'weave') return t;
  const pods = podNames(t);
  if (spec.cni === 'weave') {
    // Leave the current mode for plain bridges (Calico through Flannel, which gives its nodes cni0).
    const flat = t.datapath?.cni === 'calico' ? setDatapath(switchDatapath(t, { cni: 'flannel', backend: 'vxlan' }), { cni: 'bridge' }) : setDatapath(t, { cni: 'bridge' });
    const nodes = flannelNodes(flat);
    const machines = flat.machines.map((m): MachineSpec => {
      if (m.role !== 'node') return m;
      const bare = withoutPods(m);
      const n = nodes.find((x) => x.name === m.name);
      return n ? { ...bare, cni: { ...bare.cni, podCidr: n.subnet } } : bare;
    });
    return readd(launchWeave({ ...flat, machines }), pods);
  }
  const { datapath: _weave, ...rest } = t;
  const bare: Topology = { ...rest, machines: t.machines.map((m) => (m.role === 'node' && runsWeave(m) ? withoutWeaveDevices(withoutPods(m)) : m)) };
  // Nodes that kept their cni0 from before Weave get their pods from the bridge plugin on it (Flannel's
  // ADD would refuse a cni0 whose address is not its lease's first: "already has an IP address
  // different from"); fresh nodes under Flannel VXLAN, whose bridge plugin makes cni0.
  const kept = bare.machines.filter((m) => m.role === 'node').every((m) => m.interfaces.some((i) => i.kind === 'bridge' && (i.addresses ?? []).length > 0));
  const via: DatapathSpec = kept ? { cni: 'bridge' } : spec.cni === 'flannel' ? spec : { cni: 'flannel', backend: 'vxlan' };
  const wired = readd(setDatapath(bare, via), pods);
  if (spec.cni === via.cni && (spec.cni !== 'flannel' || (via.cni === 'flannel' && spec.backend === via.backend))) return wired;
  if (spec.cni === 'calico') return switchDatapath(wired, spec);
  return setDatapath(wired, spec);
}
