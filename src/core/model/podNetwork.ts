import { TopologyEditError } from './editError';
import { formatIp, networkOf, parseCidr } from '../net/ipv4';
import { seededEntropy } from '../cni/entropy';
import type { CniEvent } from '../cni/events';
import type { CiliumAgentState } from '../cni/state';
import { podAdd, type Attachment, type ConfList } from '../cni/runtime';
import type { CniResult } from '../cni/types';
import { FLANNEL_SUBNET_FILE } from '../cni/flannel';
import { LAB_CNI_PATH, labConfList, machineAfterAdd, nodeOfMachine, podNetnsPath } from './podCni';
import { FLANNEL_NETWORK_NAME, flannelConfList, flannelLease, flannelMtu, flannelNetwork, subnetEnv } from './podCniFlannel';
import { calicoConfList, calicoConfMtu, calicoDatastore } from './podCniCalico';
import { programCalico } from './datapathCalico';
import { CILIUM_NETWORK_NAME } from '../cni/cilium';
import { ciliumAgentOf, ciliumConfList, withEndpoint } from './podCniCilium';
import { WEAVE_NETWORK_NAME } from '../cni/weave';
import type { WeaveRouterState } from '../cni/state';
import { weaveConfList, weaveRouterOf } from './podCniWeave';
import type { MachineSpec, PodSpec, Topology } from './topology';

export { TopologyEditError };

/*
 * Giving a pod its network: the one path, whoever creates the pod (the editor's "Add pod", paste,
 * the lab edits). It is the CNI ADD itself (src/core/cni): the runtime creates the pod's network
 * namespace and runs the node's network configuration (the bridge plugin with host-local IPAM,
 * labConfList; or kube-flannel's list, flannel delegating to bridge, in a Flannel lab) with CNI_CONTAINERID = the pod's name, CNI_IFNAME = eth0; what the plugins did to
 * the node is written back into the lab (podCni.ts). So a new pod gets what the real plugins give:
 * the next address round-robin after host-local's last reservation (the gateway skipped), a veth
 * pair whose host end is `veth` + 8 hex digits on the node's bridge, a default route via the
 * bridge's address, ip_forward on. The veth names and MACs the real kernel and plugin draw at
 * random come here from bytes seeded by the node and pod names, so the same edit gives the same lab.
 */

/** What addPod may be told; everything has a default. */
export interface AddPodOptions {
  /** Pod name; default: `podN` for the first N no namespace uses. */
  name?: string;
  /** The node's bridge; default: its first bridge with an IPv4 address (cni0 in the seed). */
  bridge?: string;
  /** The interface inside the pod (CNI_IFNAME); default `eth0`. */
  ifname?: string;
  /**
   * An address asked for, passed as CNI_ARGS `IP=` (host-local and calico-ipam both honour it;
   * Calico's plugin passes it for a pod annotated `cni.projectcalico.org/ipAddrs`): how a pod keeps
   * its address when the lab changes CNI. Under Cilium, whose plugin reads no `IP=`, the node's
   * agent holds it for the pod instead (CiliumAgentState.held); under Weave Net, whose IPAM reads
   * none either, the node's weaver owns it for the pod's container ID (WeaveRouterState.owned).
   */
  ip?: string;
  /** The pod's Kubernetes namespace and name, as the runtime passes them in CNI_ARGS; default `default` and the lab's name. Calico names the host end after them. */
  k8s?: { namespace: string; name: string };
}

/** The CNI operation that gave the pod its network, for the story of a pod's creation. */
export interface PodCniAdd {
  /** The network configuration list the runtime ran. */
  conflist: ConfList;
  attachment: Attachment;
  /** Every event, from the namespace's creation to the last plugin's exit. */
  events: CniEvent[];
  /** The final result, as the runtime cached it. */
  result: CniResult;
}

/** A pod with its network, and the topology that holds it. */
export interface AddedPod {
  topology: Topology;
  pod: PodSpec;
  /** The pod's address with prefix (`10.10.10.3/24`), its gateway, and the host end of its veth. */
  address: string;
  gateway: string;
  hostIface: string;
  cni: PodCniAdd;
}

/** The configuration an ADD on this node runs, and what the node must hold for it. */
interface PodSetup {
  conflist: ConfList;
  /** host-local's network name (its directory); undefined: the bridge's own name. */
  network?: string;
  /** Files the node has besides host-local's (flanneld's subnet.env). */
  files: Record<string, string>;
  /** The bridge the pods join, for messages. */
  bridge: string;
  /** Calico's datastore slice (its pool and every node's blocks), in a Calico lab. */
  datastore?: Record<string, string>;
  /** Under Cilium: what the node's agent knows (no bridge, no host-local). */
  agent?: CiliumAgentState;
  /** Under Weave Net: what the node's weaver knows (its IPAM, no host-local). */
  weave?: WeaveRouterState;
}

/**
 * Which configuration the node runs: Calico's list in a Calico lab (podCniCalico.ts), cilium-cni's
 * when the node runs the Cilium agent (podCniCilium.ts), kube-flannel's when the lab's datapath is
 * Flannel and the node has a lease flannel can use (podCniFlannel.ts), otherwise the bridge plugin over the node's
 * bridge with an address (the seed's way).
 */
function podSetup(topology: Topology, machine: MachineSpec, index: number, options: AddPodOptions): PodSetup {
  const dp = topology.datapath;
  if (dp?.cni === 'calico') {
    return { conflist: calicoConfList(machine.name, calicoConfMtu(machine, dp)), files: {}, bridge: '', datastore: calicoDatastore(topology, dp) };
  }
  const agent = options.bridge === undefined ? ciliumAgentOf(topology, machine) : null;
  if (agent) return { conflist: ciliumConfList(), network: CILIUM_NETWORK_NAME, files: {}, bridge: '', agent };
  const weave = options.bridge === undefined ? weaveRouterOf(topology, machine) : null;
  if (weave) return { conflist: weaveConfList(), network: WEAVE_NETWORK_NAME, files: {}, bridge: 'weave', weave };
  const lease = dp?.cni === 'flannel' && options.bridge === undefined ? flannelLease(machine) : null;
  if (dp?.cni === 'flannel' && lease) {
    const env = subnetEnv(flannelNetwork(topology, lease), lease, flannelMtu(machine, dp.backend));
    return { conflist: flannelConfList(), network: FLANNEL_NETWORK_NAME, files: { [FLANNEL_SUBNET_FILE]: env }, bridge: 'cni0' };
  }
  const bridge = machine.interfaces.find((i) => i.kind === 'bridge' && (options.bridge === undefined ? (i.addresses ?? []).length > 0 : i.name === options.bridge));
  const gwCidr = bridge ? parseCidr(bridge.addresses?.[0] ?? '') : null;
  if (!bridge || bridge.kind !== 'bridge' || !gwCidr) {
    throw new TopologyEditError([{ path: `machines[${index}].interfaces`, code: 'pod-no-bridge', params: { machine: machine.name, bridge: options.bridge ?? '' } }]);
  }
  const subnet = `${formatIp(networkOf(gwCidr.ip, gwCidr.prefix))}/${gwCidr.prefix}`;
  return { conflist: labConfList(bridge, formatIp(gwCidr.ip), subnet), files: {}, bridge: bridge.name };
}

/** A pod sandbox's ID as a container runtime gives it (64 hex digits), seeded by node and pod so the same edit gives the same lab. */
function sandboxId(node: string, pod: string): string {
  return seededEntropy(`sandbox/${node}/${pod}`).bytes(32, 'veth-name').map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Each machine's namespace names (its own and its pods'), by machine object: an import adds thousands of pods one by one. */
const machineNames = new WeakMap<MachineSpec, Set<string>>();

/** Whether a namespace of the topology (a machine or a pod) has `name`; one set per machine, made once per machine object. */
function nameTaken(t: Topology, name: string): boolean {
  return t.machines.some((m) => {
    let names = machineNames.get(m);
    if (!names) {
      names = new Set([m.name, ...(m.pods ?? []).map((p) => p.name)]);
      machineNames.set(m, names);
    }
    return names.has(name);
  });
}

/**
 * Adds a pod to node `machineName` by running the CNI ADD there, and returns the new topology;
 * `topology` itself is never changed.
 *
 * @throws TopologyEditError naming the field: no such machine (`machines`, code `unknown-machine`),
 *   a name in use (`duplicate-name`), no bridge with an address to take the pod subnet from
 *   (`pod-no-bridge`), a full subnet (`pod-subnet-full`, host-local's "no IP addresses available
 *   in range set"), any other failure of the plugins (`cni-add-failed`, with their error).
 */
export function addPod(topology: Topology, machineName: string, options: AddPodOptions = {}): AddedPod {
  const index = topology.machines.findIndex((m) => m.name === machineName);
  const machine = topology.machines[index];
  if (!machine) throw new TopologyEditError([{ path: 'machines', code: 'unknown-machine', params: { name: machineName } }]);
  let name = options.name;
  if (name === undefined) {
    const pods = topology.machines.reduce((s, m) => s + (m.pods?.length ?? 0), 0);
    for (let n = pods + 1; name === undefined; n++) if (!nameTaken(topology, `pod${n}`)) name = `pod${n}`;
  }
  if (nameTaken(topology, name)) throw new TopologyEditError([{ path: `machines[${index}].pods`, code: 'duplicate-name', params: { name, where: 'machines' } }]);
  const setup = podSetup(topology, machine, index, options);
  const { conflist } = setup;
  const ifname = options.ifname ?? 'eth0';
  // A Kubernetes runtime's CNI_ARGS; the lab's sandbox (container) ID is the pod's name, except
  // under Weave Net, whose host end is named after the ID's first 7 characters (net/veth.go): pods
  // of one ReplicaSet share those, so there the ID is 64 hex digits as containerd's are, seeded.
  const containerId = setup.weave ? sandboxId(machineName, name) : name;
  const attachment: Attachment = {
    containerId,
    netns: podNetnsPath(name),
    ifname,
    args: [['IgnoreUnknown', '1'], ['K8S_POD_NAMESPACE', options.k8s?.namespace ?? 'default'], ['K8S_POD_NAME', options.k8s?.name ?? name], ['K8S_POD_INFRA_CONTAINER_ID', containerId], ...(options.ip !== undefined ? [['IP', options.ip] as [string, string]] : [])],
  };
  const node = nodeOfMachine(machine, setup.network, setup.files);
  if (setup.datastore) node.datastore = setup.datastore;
  if (setup.agent) node.agent = options.ip !== undefined ? { ...setup.agent, held: { [name]: options.ip } } : setup.agent;
  if (setup.weave) node.weave = options.ip !== undefined ? { ...setup.weave, owned: { [containerId]: options.ip } } : setup.weave;
  // The node state is made for this run alone (nodeOfMachine): handed over, not copied.
  const run = podAdd(node, conflist, attachment, LAB_CNI_PATH, seededEntropy(`${machineName}/${name}/${ifname}`), { owned: true });
  if (run.error || !run.result) {
    const full = run.events.find((e) => e.type === 'ipam' && e.op === 'full');
    if (full && full.type === 'ipam' && full.op === 'full') throw new TopologyEditError([{ path: `machines[${index}].interfaces`, code: 'pod-subnet-full', params: { bridge: setup.bridge, range: full.rangeSet } }]);
    throw new TopologyEditError([{ path: `machines[${index}].pods`, code: 'cni-add-failed', params: { code: run.error?.code ?? 0, msg: run.error?.msg ?? '' } }]);
  }
  const after = machineAfterAdd(machine, run.node, name);
  // The host end: the link the ADD made in the node's namespace towards the pod (cilium-cni's result
  // names only the pod's end); Calico's result lists the host end first (no bridge), the bridge plugin's the bridge first.
  const made = run.events.find((e) => e.type === 'link' && e.op === 'add' && e.kind === 'veth' && e.ns === 'host');
  const hostIface = topology.datapath?.cni === 'calico' ? (run.result.interfaces?.[0]?.name ?? '') : made?.type === 'link' ? made.name : (run.result.interfaces?.[1]?.name ?? '');
  const next: MachineSpec = setup.agent ? withEndpoint(topology, after.machine, hostIface) : after.machine;
  const machines = topology.machines.map((m, k) => (k === index ? next : m));
  const ip = run.result.ips?.[0];
  // calico-node reacts to the new endpoint: Felix's static ARP entry, BIRD's routes to a new block.
  const withPod: Topology = topology.datapath?.cni === 'calico' ? programCalico({ ...topology, machines }, topology.datapath) : { ...topology, machines };
  return {
    topology: withPod,
    pod: after.pod,
    address: ip?.address ?? '',
    gateway: ip?.gateway ?? '',
    hostIface,
    cni: { conflist, attachment, events: run.events, result: run.result },
  };
}
