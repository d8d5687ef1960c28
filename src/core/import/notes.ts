/*
 * Every remark an import makes, as data: a code, the values its sentence needs, and where in the
 * input it points (the source's name and line, the JSON field). The sentences are the import
 * catalogue's (src/core/i18n/<lang>/importNotes.ts), so a remark is written once and read in every
 * language. Errors stop the import until the input is fixed; the rest is what the summary tells.
 */

/** Values of each remark, by code. Lists arrive joined (`a, b, c`); counts as numbers. */
export type ImportNoteParams = {
  // --- Errors: this input cannot be imported as it is.
  /** Nothing but blank lines. */
  empty: Record<string, never>;
  /** Not text: NUL bytes or bytes that are not UTF-8 (`bytes`: how many). */
  binary: { bytes: number };
  /** A JSON value that starts at `line` is never closed (cut short when it was copied). */
  'json-truncated': { startLine: number };
  /** JSON.parse refused the value: the column of the first character that breaks the grammar, and that character (JSON-quoted), or `end`. */
  'json-invalid': { column: number; found: string };
  /** JSON that is neither kubectl's nor iproute2's (`what`: its top-level shape, such as `object with kind "Service"`). */
  'json-unknown': { what: string };
  /** iproute2's text output where its JSON is needed (`command`: `ip addr`, `ip route`, `ip neigh`, `bridge fdb`). */
  'ip-not-json': { command: string };
  /** A line no format starts with (`text`: its beginning). */
  unrecognised: { text: string };
  /** A table row with fewer cells than its header (`missing`: the columns it lacks). */
  'row-short': { missing: string };
  /** A table without columns the lab needs (`table`: what it lists; `columns`: the missing ones; `flag`: what prints them). */
  'table-columns': { table: string; columns: string; flag: string };
  /** A field a kubectl object must have is absent or empty. */
  'field-missing': Record<string, never>;
  /** A value of the wrong shape (`got`: as written; `expected`: what would be right). */
  'field-invalid': { got: string; expected: string };
  /** Nothing to build a lab from: no node and no scheduled pod. */
  'no-nodes': Record<string, never>;
  /** An iproute2 block that does not say which node it is from. */
  'ip-node-unknown': { command: string };
  /** An iproute2 block names a node the cluster does not have. */
  'ip-node-missing': { node: string; nodes: string };
  /** A node whose address nothing gives, in a cluster whose tool does not fix one. */
  'node-no-ip': { node: string };
  /** Two nodes with one address. */
  'node-ip-twice': { ip: string; a: string; b: string };
  /** The CNI has no datapath mode here (or none was found): the user must pick one. */
  'pick-datapath': { detected: string };
  /** host-gw asked of nodes that share no layer-2 segment (setDatapath's `hostgw-no-l2`): `node` cannot reach `other` directly. */
  'datapath-refused': { mode: string; node: string; other: string };
  /** The lab built refuses validation (`problems`: their sentences): a bug of the import, named so it can be reported. */
  'lab-invalid': { problems: string };

  // --- Recognised.
  /** A block read (`kind`: its BlockKind; `count`: objects or entries; `node`: for iproute2 blocks). */
  block: { kind: string; count: number; node: string };
  /** The CNI found by its DaemonSet or pods (`from`: `kube-flannel/kube-flannel-ds`). */
  'cni-detected': { cni: string; from: string };
  /** The datapath mode the lab gets (`mode`: a compare-mode key such as `flannel-vxlan`; `chosen`: the user picked it). */
  datapath: { mode: string; chosen: boolean };
  /** A node's iproute2 data applied: what was confirmed (already so in the lab) and added. */
  'ip-applied': { node: string; table: string; confirmed: number; added: number };
  /** A MAC address taken from `ip -j addr` (an interface the lab made with another). */
  'ip-mac': { node: string; iface: string; mac: string };
  /** A `minikube start` line: its `--cni` (empty: not given) and `--nodes` (0: not given). */
  'minikube-start': { cni: string; nodes: number };
  /** The /26 blocks of Calico's pool that hold a node's pods, claimed by affinity for it (`blocks`: joined). */
  'calico-blocks': { node: string; blocks: string };
  /** Cilium encrypts between nodes with WireGuard (`from`: cilium_wg0, the agent's device in a node's ip -j addr; ciliumnode, a CiliumNode's wg-pub-key annotation). */
  'cilium-wireguard': { from: string };

  // --- Assumed.
  /** A node's address by minikube's rule (its Docker network's gateway + the node's index). */
  'node-ip-minikube': { node: string; ip: string };
  /** A node's address by kind's Docker network (172.18.0.0/16, in node order). */
  'node-ip-kind': { node: string; ip: string };
  /** A node's address from a hostNetwork pod on it (kube-proxy shares its node's address). */
  'node-ip-from-pod': { node: string; ip: string; pod: string };
  /** The nodes share one layer-2 network (`cidr`): a Docker bridge for minikube and kind (`tool`), only assumed from the addresses for any other cluster. */
  segment: { cidr: string; tool: string };
  /** A node's pod subnet inferred from its pods' addresses. */
  'pod-cidr-from-pods': { node: string; cidr: string };
  /** A node's pod subnet taken from its cni0 in `ip -j addr`. */
  'pod-cidr-from-ip': { node: string; cidr: string };
  /** A node's pod subnet assumed: the next /24 of the cluster network, in join order (kube-controller-manager's node IPAM). */
  'pod-cidr-assumed': { node: string; cidr: string };
  /** The cluster's pod network (`from`: `pods` or `default`). */
  'cluster-network': { cidr: string; from: string };
  /** Which node is the control plane, when nothing said. */
  'control-plane-assumed': { node: string };
  /** Flannel's backend (`from`: `flannel.1`, `routes`, `default`). */
  'flannel-backend': { backend: string; from: string };
  /** A pod's name longer than the lab allows, shortened for its namespace (`ns`). */
  'name-shortened': { pod: string; ns: string };
  /** `minikube start --nodes N` and the node count of the output disagree (`found` nodes built). */
  'minikube-nodes-differ': { flag: number; found: number };
  /** `minikube start --cni X` and the DaemonSets name different CNIs: what runs (the DaemonSets) wins. */
  'cni-conflict': { flag: string; detected: string };
  /** Calico's encapsulation (`encap`: ipip, vxlan, none; `from`: tunl0, vxlan.calico, routes, default; `modelled`: this build has that mode). */
  'calico-encapsulation': { encap: string; from: string; modelled: boolean };
  /** The nodes' default gateway, which Calico's proxy ARP for 169.254.1.1 needs (`from`: routes, docker, subnet). */
  'calico-gateway': { ip: string; from: string };
  /** Cilium's routing mode (`from`: cilium_vxlan, routes, default). */
  'cilium-routing': { routing: string; from: string };
  /** A node's cluster-pool CIDR (`from`: ciliumnode, pods, podcidr). */
  'cilium-pod-cidr': { node: string; cidr: string; from: string };
  /** A node's router IP on cilium_host (`from`: ciliumnode, cilium_host, lowest). */
  'cilium-router': { node: string; ip: string; from: string };
  /** Weave Net's datapath (`fastdp`: the OVS datapath; false: sleeve, not modelled, fastdp used) and what showed it (`from`: datapath, weave, default). */
  'weave-fastdp': { fastdp: boolean; from: string };
  /** A node's Weave peer name and its share of the allocation range (`from`: ip-addr, the bridge's MAC; pods, chosen so the share holds its pods; assumed). */
  'weave-peer': { node: string; peer: string; share: string; from: string };
  /** A node's `weave` bridge address, the pods' gateway (`from`: ip-addr; share, its share's first free address). */
  'weave-bridge': { node: string; ip: string; from: string };
  /** A pod outside the allocation range the lab's Weave has, given weaver's next address (`got`) instead. */
  'pod-renumbered': { pod: string; ip: string; got: string; range: string };
  /** A node's age is younger than its oldest pod (outputs taken at different moments): it joined when that pod was made (`pod`). */
  'ages-adjusted': { node: string; pod: string };
  /** No time was given: the nodes joined a minute apart, the pods a second apart. */
  'times-assumed': Record<string, never>;
  /** The eth0 MACs as Docker up to 27 derived them from the address (minikube, kind; 28.0 picks random ones, moby#48808) or made up from it. */
  'macs-assumed': { rule: string };

  // --- Listed, not placed.
  /** A pod that shares its node's network (hostNetwork): no namespace of its own. */
  'host-network': { pods: string; count: number };
  /** Pods not running on a node (`Pending`, `Succeeded`, …): listed, not placed. */
  'pod-not-placed': { pod: string; status: string };
  /** A pod whose address lies outside its node's pod subnet. */
  'pod-outside-subnet': { pod: string; ip: string; cidr: string };
  /** The CNI ADD could not give a pod the address it has on the cluster (taken, or the gateway). */
  'pod-ip-refused': { pod: string; ip: string; got: string };
  /** Output of a command the import does not read. */
  'block-skipped': { command: string };
  /** Interfaces of a node the lab does not model (`ifaces`: name and addresses, joined; `count`: how many). */
  'ip-iface-absent': { node: string; ifaces: string; count: number };
  /** Veth host ends the node output cannot tie to a pod (the pod side's ifindex is missing). */
  'ip-veth-unmatched': { node: string; count: number };
  /** An interface address that differs from the lab's (kept as the cluster's objects say). */
  'ip-addr-differs': { node: string; iface: string; lab: string; real: string };
  /** A route the lab cannot take (`why`: `dev` unknown device, `type` not unicast, `refused` the kernel would refuse it here). */
  'ip-route-skipped': { node: string; route: string; why: string };
  /** A route the lab has and the node's table does not. */
  'ip-route-lab-only': { node: string; route: string };
  /** Neighbour entries the kernel learned (REACHABLE, STALE, …): a journey starts cold or warm instead. */
  'ip-neigh-dynamic': { node: string; count: number };
  /** FDB entries the lab does not hold (bridge ports' own, multicast, learned). */
  'ip-fdb-skipped': { node: string; count: number };
};

/** An import remark's code. */
export type ImportNoteCode = keyof ImportNoteParams;

/** The four kinds of remark, by what the summary does with them. */
export type NoteKind = 'error' | 'recognised' | 'assumed' | 'skipped';

/** One remark with its place in the input. */
export interface ImportNote<C extends ImportNoteCode = ImportNoteCode> {
  code: C;
  params: ImportNoteParams[C];
  /** The source (`paste` or a file's name); absent for remarks about the whole cluster. */
  source?: string;
  /** Line in the source, from 1 (0: the whole block). */
  line?: number;
  /** The field of a JSON object (`items[2].status.podIP`). */
  field?: string;
}

const ERRORS = new Set<ImportNoteCode>([
  'empty', 'binary', 'json-truncated', 'json-invalid', 'json-unknown', 'ip-not-json', 'unrecognised', 'row-short', 'table-columns',
  'field-missing', 'field-invalid', 'no-nodes', 'ip-node-unknown', 'ip-node-missing', 'node-no-ip', 'node-ip-twice', 'pick-datapath',
  'datapath-refused', 'lab-invalid',
]);
const RECOGNISED = new Set<ImportNoteCode>(['block', 'cni-detected', 'datapath', 'ip-applied', 'ip-mac', 'minikube-start', 'calico-blocks',
  'cilium-wireguard']);
const ASSUMED = new Set<ImportNoteCode>([
  'node-ip-minikube', 'node-ip-kind', 'node-ip-from-pod', 'segment', 'pod-cidr-from-pods', 'pod-cidr-from-ip', 'pod-cidr-assumed',
  'cluster-network', 'control-plane-assumed', 'flannel-backend', 'name-shortened', 'times-assumed', 'macs-assumed',
  'minikube-nodes-differ', 'cni-conflict', 'calico-encapsulation', 'calico-gateway', 'cilium-routing', 'cilium-pod-cidr', 'cilium-router', 'ages-adjusted',
  'weave-fastdp', 'weave-peer', 'weave-bridge', 'pod-renumbered',
]);

/** What kind of remark a code is. */
export function noteKind(code: ImportNoteCode): NoteKind {
  return ERRORS.has(code) ? 'error' : RECOGNISED.has(code) ? 'recognised' : ASSUMED.has(code) ? 'assumed' : 'skipped';
}

/** A remark (typed by its code). */
export function note<C extends ImportNoteCode>(code: C, params: ImportNoteParams[C], at: { source?: string; line?: number; field?: string } = {}): ImportNote {
  return { code, params, ...at } as ImportNote;
}
