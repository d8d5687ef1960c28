import { parseCidr } from '../net/ipv4';
import { TopologyEditError } from './editError';
import { calicoNodes, calicoPool, calicoPoolCidr, programCalico, withoutCalicoProgram, type CalicoSpec } from './datapathCalico';
import { setDatapath } from './datapath';
import { addPod } from './podNetwork';
import { switchWeave } from './datapathWeaveSwitch';
import type { DatapathSpec, MachineSpec, Topology } from './topology';

/*
 * Switching a lab's datapath mode, Calico included. Calico wires pods its own way (no bridge, cali* veths,
 * /32 addresses), so every pod is re-created through the one path, addPod, under the new mode's
 * CNI, keeping its name and, where the new IPAM grants it, its address (asked for with CNI_ARGS
 * `IP=`): as if the cluster's nodes were re-provisioned with the other CNI and each pod scheduled
 * again. A bridge the pods leave stays, with its address, as on a real node (nothing deletes cni0),
 * so the way back to the bridge plugin finds it. Between Calico's own encapsulations only
 * calico-node's program changes (datapathCalico.ts).
 */

/** A pod to re-create: its node, its name, its IPv4 address when it had one. */
export interface PodToAdd {
  node: string;
  name: string;
  ip?: string;
}

/** A machine without its pods: their namespaces, their host ends, and the routes and neighbour entries through those ends. */
export function withoutPods(m: MachineSpec): MachineSpec {
  const pods = new Set((m.pods ?? []).map((p) => p.name));
  const ends = new Set(m.interfaces.filter((i) => i.kind === 'veth' && pods.has(i.peer.ns)).map((i) => i.name));
  const out: MachineSpec = {
    ...m,
    interfaces: m.interfaces.filter((i) => !ends.has(i.name)),
    routes: (m.routes ?? []).filter((r) => !ends.has(r.dev)),
    neighbours: (m.neighbours ?? []).filter((n) => !ends.has(n.dev)),
    pods: [],
  };
  if (out.routes?.length === 0) delete out.routes;
  if (out.neighbours?.length === 0) delete out.neighbours;
  return out;
}

/** Every pod of the lab with its node and address, in the lab's order. */
export function podsOf(t: Topology): PodToAdd[] {
  return t.machines.flatMap((m) => (m.pods ?? []).map((p) => {
    const a = p.interfaces.flatMap((i) => i.addresses ?? [])[0];
    const ip = a === undefined ? undefined : parseCidr(a)?.ip === undefined ? undefined : a.split('/')[0];
    return { node: m.name, name: p.name, ...(ip !== undefined ? { ip } : {}) };
  }));
}

/** Each pod added again under the lab's datapath, its address asked for first, any address if refused (another mode's IPAM may not grant it). */
export function readd(t: Topology, pods: readonly PodToAdd[]): Topology {
  let lab = t;
  for (const p of pods) {
    if (p.ip !== undefined) {
      try {
        lab = addPod(lab, p.node, { name: p.name, ip: p.ip }).topology;
        continue;
      } catch (e) {
        if (!(e instanceof TopologyEditError)) throw e;
      }
    }
    lab = addPod(lab, p.node, { name: p.name }).topology;
  }
  return lab;
}

/**
 * `t` switched to datapath mode `spec`, whichever it is: into or out of Calico by re-creating the
 * pods (above), otherwise by datapath.ts's setDatapath. Loads the CNI model (addPod): the compare
 * view and the editor call it, the first page's presets call setDatapath.
 * @throws TopologyEditError as setDatapath does (`hostgw-no-l2`, `calico-bgp-no-l2`), or addPod's
 *   refusal of a pod under the new mode (`pod-no-bridge` when going back to the bridge plugin on
 *   nodes that never had one).
 */
export function switchDatapath(t: Topology, spec: DatapathSpec): Topology {
  // Weave Net re-creates the pods both ways, on its own flat network (datapathWeaveSwitch.ts).
  if (t.datapath?.cni === 'weave' || spec.cni === 'weave') return switchWeave(t, spec);
  const fromCalico = t.datapath?.cni === 'calico';
  if (fromCalico === (spec.cni === 'calico')) return setDatapath(t, spec);
  const pods = podsOf(t);
  if (spec.cni === 'calico') {
    // The pool is read from the lab as it is (its pods' addresses), before they leave it.
    const withPool: CalicoSpec = { ...spec, pool: spec.pool ?? calicoPoolCidr(t) };
    // Refuse before any work: BIRD's next hops must be on-link.
    const nodes = calicoNodes(t);
    const apart = nodes.find((n) => n.segment !== nodes[0]?.segment);
    if (spec.encapsulation === 'none' && nodes[0] && apart) throw new TopologyEditError([{ path: 'datapath', code: 'calico-bgp-no-l2', params: { node: apart.name, other: nodes[0].name } }]);
    const bare = setDatapath(t, { cni: 'bridge' });
    const empty: Topology = { ...bare, machines: bare.machines.map((m) => (m.role === 'node' ? withoutPods(m) : m)), datapath: withPool };
    return programCalico(readd(empty, pods), withPool);
  }
  const pool = calicoPool(t);
  const { datapath: _old, ...rest } = t;
  const empty: Topology = { ...rest, machines: t.machines.map((m) => (m.role === 'node' ? withoutPods(withoutCalicoProgram(m, t, pool)) : m)) };
  // Cilium is entered from the bridge mode (datapathCilium.ts), which a Calico node without cni0
  // lacks: its pods are wired first as under Flannel (a bridge on each node's lease), then moved.
  const via: DatapathSpec | null = spec.cni === 'flannel' ? spec : spec.cni === 'cilium' ? { cni: 'flannel', backend: 'vxlan' } : null;
  const target: Topology = via ? { ...empty, datapath: via } : empty;
  return setDatapath(readd(target, pods), spec);
}
