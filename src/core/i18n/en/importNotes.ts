import { count } from '../plural';
import type { ImportCatalog } from '../../import/tell';

/*
 * English sentences of the cluster import: what a block was read as, what was assumed, what was
 * listed and not placed, and what is wrong with the input (with what would be right). Commands and
 * Kubernetes fields are written as the tools print them.
 */

const n = (k: number, one: string, other: string) => count('en', k, { one, other });

const BLOCKS: Record<string, (k: number) => string> = {
  'nodes-json': (k) => `kubectl JSON: ${n(k, 'node', 'nodes')}`,
  'ciliumnodes-json': (k) => `kubectl JSON: ${n(k, 'CiliumNode', 'CiliumNodes')}`,
  'pods-json': (k) => `kubectl JSON: ${n(k, 'pod', 'pods')}`,
  'daemonsets-json': (k) => `kubectl JSON: ${n(k, 'DaemonSet', 'DaemonSets')}`,
  'list-json': (k) => `kubectl JSON list: ${n(k, 'object', 'objects')}`,
  'nodes-table': (k) => `kubectl get nodes: ${n(k, 'node', 'nodes')}`,
  'pods-table': (k) => `kubectl get pods: ${n(k, 'pod', 'pods')}`,
  'daemonsets-table': (k) => `kubectl get ds: ${n(k, 'DaemonSet', 'DaemonSets')}`,
  'minikube-nodes': (k) => `minikube node list: ${n(k, 'node', 'nodes')}`,
  'ip-addr': (k) => `ip -j addr: ${n(k, 'interface', 'interfaces')}`,
  'ip-route': (k) => `ip -j route: ${n(k, 'route', 'routes')}`,
  'ip-neigh': (k) => `ip -j neigh: ${n(k, 'neighbour entry', 'neighbour entries')}`,
  'bridge-fdb': (k) => `bridge -j fdb: ${n(k, 'FDB entry', 'FDB entries')}`,
};

/** The command whose output was applied (`table`: addr, route, neigh or fdb). */
const command = (table: string) => (table === 'fdb' ? 'bridge -j fdb' : `ip -j ${table}`);

/** The datapath modes by their keys. */
export const IMPORT_MODES_EN: Record<string, string> = {
  'flannel-vxlan': 'Flannel, VXLAN backend',
  'flannel-host-gw': 'Flannel, host-gw backend',
  calico: 'Calico, no encapsulation (BGP routes via the other node)',
  'calico-vxlan': 'Calico VXLAN (vxlan.calico, UDP 4789)',
  'calico-ipip': 'Calico IP-in-IP (tunl0, BGP routes through it; the manifest\'s default)',
  'cilium-tunnel': 'Cilium, tunnel (eBPF, cilium_vxlan, UDP 8472)',
  'cilium-native': 'Cilium, native routing (eBPF)',
  bridge: 'bridge plugin only, no routes to the other nodes\' pod subnets',
  weave: 'Weave Net, fastdp (Open vSwitch datapath, VXLAN on UDP 6784)',
  'cilium-tunnel-wg': 'Cilium, tunnel, encrypted with WireGuard (cilium_wg0, UDP 51871)',
  'cilium-native-wg': 'Cilium, native routing, encrypted with WireGuard (cilium_wg0, UDP 51871)',
};

const CNIS: Record<string, string> = { flannel: 'Flannel', calico: 'Calico', cilium: 'Cilium', weave: 'Weave Net', kindnet: 'kindnet', bridge: "minikube's bridge CNI" };

const ROUTE_WHY: Record<string, string> = {
  dev: 'its interface is not in the lab',
  type: 'the lab holds unicast routes only',
  refused: 'Linux would refuse it in the lab as built',
};

/** What a field should have held (`expected` comes from the code as a short name). */
const EXPECTED: Record<string, string> = { IPv4: 'an IPv4 address', 'IPv4 prefix': 'an IPv4 prefix', 'IPv4 CIDR': 'an IPv4 subnet in CIDR form', MAC: 'a MAC address' };

/** The import's sentences in English. */
export const importNotesEn: ImportCatalog = {
  notes: {
    empty: () => 'Nothing to import: paste the output of kubectl, minikube or ip -j, or choose files.',
    binary: ({ bytes }) => `This is not text (${n(bytes, 'byte', 'bytes')} that no text has): choose the saved output of a command, not a binary file.`,
    'json-truncated': ({ startLine }) => `The JSON that starts at line ${startLine} is never closed: it was cut short when it was copied. Copy the whole output again.`,
    'json-invalid': ({ column, found }) => `This is not valid JSON: ${found === 'end' ? 'the text ends' : `unexpected ${found}`} at column ${column}.`,
    'json-unknown': ({ what }) => `This JSON (${what}) is not what kubectl get nodes, pods or ds -o json, nor ip -j or bridge -j print.`,
    'ip-not-json': ({ command }) => `This is the text output of ${command}; the import reads its JSON: run it with -j (${command.replace(/^(ip|bridge) /, '$1 -j ')}).`,
    unrecognised: ({ text }) => `"${text}" starts no output the import knows (kubectl get nodes/pods/ds, minikube node list, ip -j addr/route/neigh, bridge -j fdb).`,
    'row-short': ({ missing }) => `This row has fewer cells than its header: ${missing} missing. Copy the table again, whole lines.`,
    'table-columns': ({ table, columns, flag }) => `This ${table} table has no ${columns} column${columns.includes(',') ? 's' : ''}: print it with ${flag} (kubectl get ${table} -A ${flag}).`,
    'field-missing': () => 'Required, but missing.',
    'field-invalid': ({ got, expected }) => `Expected ${EXPECTED[expected] ?? expected}, got "${got}".`,
    'no-nodes': () => 'No node found: paste kubectl get nodes (or minikube node list), or pods with their NODE column.',
    'ip-node-unknown': ({ command }) => `Which node is this ${command} output from? Paste it under the command that printed it (minikube ssh -n NODE -- ${command}) or under a line "# node: NAME".`,
    'ip-node-missing': ({ node, nodes }) => `"${node}" is not a node of this cluster (its nodes: ${nodes}).`,
    'node-no-ip': ({ node }) => `No address for node ${node}: paste kubectl get nodes -o wide (INTERNAL-IP), or the node's JSON.`,
    'node-ip-twice': ({ ip, a, b }) => `Nodes ${a} and ${b} both have address ${ip}.`,
    'pick-datapath': ({ detected }) =>
      detected === ''
        ? 'No CNI found among the DaemonSets or pods: choose the datapath mode the lab should have.'
        : `${CNIS[detected] ?? detected} was found, but this build has no datapath mode for it yet: choose one of the modes it has.`,
    'datapath-refused': ({ mode, node, other }) =>
      `The mode "${IMPORT_MODES_EN[mode] ?? mode}" needs the nodes on one layer-2 network, and ${node} is not on ${other}'s: choose a mode that tunnels (VXLAN).`,
    'lab-invalid': ({ problems }) => `The lab built from this input is not valid (${problems}). This is a fault of the import; please report it with your input.`,
    block: ({ kind, count: k, node }) => `${(BLOCKS[kind] ?? ((c: number) => `${kind}: ${c}`))(k)}${node !== '' ? ` (node ${node})` : ''}.`,
    'cni-detected': ({ cni, from }) => `CNI: ${CNIS[cni] ?? cni}, recognised by ${from}.`,
    datapath: ({ mode, chosen }) => `Datapath mode: ${IMPORT_MODES_EN[mode] ?? mode}${chosen ? ' (your choice)' : ''}.`,
    'ip-applied': ({ node, table, confirmed, added }) => `${node}, ${command(table)}: ${confirmed} already as in the lab, ${added} added.`,
    'ip-mac': ({ node, iface, mac }) => `${node}: ${iface} has MAC ${mac}, as ip -j addr shows.`,
    'minikube-start': ({ cni, nodes }) =>
      `minikube start${nodes > 0 ? ` with ${n(nodes, 'node', 'nodes')}` : ''}${cni !== '' ? `${nodes > 0 ? ' and' : ' with'} --cni ${cni}` : ''}${cni !== '' ? ': it names the CNI when no DaemonSet does' : ''}.`,
    'calico-blocks': ({ node, blocks }) => `${node}: Calico block${blocks.includes(',') ? 's' : ''} ${blocks}, affine to it (the /26 of the pool holding its pods' addresses, claimed by calico-ipam when it assigned them).`,
    'cilium-wireguard': ({ from }) =>
      `Transparent encryption with WireGuard is on (enable-wireguard), as ${from === 'ciliumnode' ? "the CiliumNodes' annotation network.cilium.io/wg-pub-key (each node's public key)" : `${from} in ip -j addr`} shows: traffic between pods on different nodes leaves each node encrypted, as UDP 51871 datagrams between the nodes' addresses.`,
    'node-ip-minikube': ({ node, ip }) => `${node}: address ${ip}, by minikube's rule for the docker driver: the cluster's network is 192.168.49.0/24 when that is free (else 192.168.58.0/24, 192.168.67.0/24, …), and a node's address is the gateway's plus the node's index. Check with minikube node list.`,
    'node-ip-kind': ({ node, ip }) => `${node}: address ${ip} on kind's Docker network, in node order (Docker picks them; check with kubectl get nodes -o wide).`,
    'node-ip-from-pod': ({ node, ip, pod }) => `${node}: address ${ip}, that of ${pod}, which shares its node's network (hostNetwork).`,
    segment: ({ cidr, tool }) =>
      tool === 'minikube' || tool === 'kind'
        ? `The nodes share one layer-2 network, ${cidr}: the Docker network ${tool} runs them on is one bridge.`
        : `The nodes with addresses in ${cidr} are taken to share one layer-2 network (in a cloud VPC a subnet is routed, not switched, and host-gw usually fails there).`,
    'pod-cidr-from-pods': ({ node, cidr }) => `${node}: pod subnet ${cidr}, from its pods' addresses (no podCIDR was given).`,
    'pod-cidr-from-ip': ({ node, cidr }) => `${node}: pod subnet ${cidr}, from its cni0 in ip -j addr.`,
    'pod-cidr-assumed': ({ node, cidr }) => `${node}: pod subnet ${cidr}, the next /24 of the pod network in join order (kube-controller-manager's node IPAM).`,
    'cluster-network': ({ cidr, from }) => `Pod network ${cidr}${from === 'default' ? ", the usual default (minikube's, kind's, and the Network in kube-flannel's net-conf.json): no pod address or podCIDR was given" : ', the /16 holding the pods'}.`,
    'control-plane-assumed': ({ node }) => `${node} taken for the control plane (no ROLES column or label said which node is).`,
    'flannel-backend': ({ backend, from }) =>
      `Flannel backend ${backend}${from === 'default' ? ", kube-flannel's default (paste ip -j addr of a node to check: flannel.1 means vxlan)" : from === 'flannel.1' ? ', as flannel.1 in ip -j addr shows' : ', as the nodes\' routes show'}.`,
    'name-shortened': ({ pod, ns }) => `${pod} is named ${ns} in the lab (network namespace names there have at most 31 characters and are unique).`,
    'minikube-nodes-differ': ({ flag, found }) => `minikube start asked for ${n(flag, 'node', 'nodes')}, the output shows ${found}: the lab has the ${found} it shows (nodes added or deleted since, or part of the output not pasted).`,
    'cni-conflict': ({ flag, detected }) => `minikube start said --cni ${flag}, but the DaemonSets run ${CNIS[detected] ?? detected}: the lab follows what runs.`,
    'calico-encapsulation': ({ encap, from, modelled }) => {
      const how = from === 'default' ? "the manifest's default (CALICO_IPV4POOL_IPIP Always in calico.yaml and minikube's copy; paste a node's ip -j addr to check: an addressed tunl0 means IP-in-IP, vxlan.calico VXLAN)" : from === 'routes' ? "as BIRD's routes in ip -j route show" : `as ${from} in ip -j addr shows`;
      const what = encap === 'ipip' ? 'IP-in-IP (tunl0)' : encap === 'vxlan' ? 'VXLAN (vxlan.calico)' : 'none';
      return `Calico encapsulation: ${what}, ${how}.${modelled ? '' : " This build has no IP-in-IP device: the lab runs Calico without encapsulation, whose BIRD routes carry the blocks the same way on one network (the packets lack tunl0's 20-byte outer header)."}`;
    },
    'calico-gateway': ({ ip, from }) =>
      `The nodes' default gateway ${ip}${from === 'routes' ? ', from ip -j route' : from === 'docker' ? ", the Docker network's gateway" : ', the first address of the nodes\' subnet (assumed)'}: Calico needs it, as the node answers the pods' ARP for 169.254.1.1 (proxy ARP) only for an address it routes.`,
    'cilium-routing': ({ routing, from }) =>
      `Cilium routing mode: ${routing}${from === 'default' ? ", Cilium's default (routing-mode: tunnel in minikube's manifest; paste a node's ip -j addr to check: cilium_vxlan means tunnel)" : from === 'routes' ? ", as the routes to the other nodes' pod CIDRs show" : `, as ${from} in ip -j addr shows`}.`,
    'cilium-pod-cidr': ({ node, cidr, from }) =>
      `${node}: Cilium's cluster-pool CIDR ${cidr}${from === 'ciliumnode' ? ', from its CiliumNode (spec.ipam.podCIDRs)' : from === 'pods' ? ", the /24 holding its pods (cluster-pool-ipv4-mask-size 24; the operator's CIDRs need not be the Node's podCIDR)" : ", its podCIDR (paste kubectl get ciliumnodes -o json to check)"}.`,
    'cilium-router': ({ node, ip, from }) =>
      `${node}: router IP ${ip} on cilium_host${from === 'ciliumnode' ? ' (the CiliumNode\'s CiliumInternalIP)' : from === 'cilium_host' ? ', as ip -j addr shows' : ', the lowest address of its CIDR no pod holds (assumed; the agent picks it from the CIDR)'}.`,
    'weave-fastdp': ({ fastdp, from }) =>
      fastdp
        ? `Weave Net datapath: fastdp (the kernel's Open vSwitch datapath, the device datapath, with VXLAN on UDP 6784)${from === 'datapath' ? ', as datapath in ip -j addr shows' : ", Weave Net's default where the kernel has Open vSwitch (paste a node's ip -j addr to check: a device named datapath means fastdp)"}.`
        : "ip -j addr shows the bridge weave without the device datapath: Weave Net runs in sleeve mode there (the weaver process itself encapsulates packets in UDP 6783). This build has no sleeve mode: the lab runs fastdp, whose packets cross the same bridge and leave through vxlan-6784 instead.",
    'weave-peer': ({ node, peer, share, from }) =>
      `${node}: Weave peer ${peer}, with the share ${share} of the allocation range 10.32.0.0/12${from === 'ip-addr' ? " (the bridge weave's MAC in ip -j addr is the peer name, and the ring splits the range among the peers sorted by name)" : from === 'pods' ? ' (the share that holds its pods: the peer name is made up so that the split among the names in sorted order gives it that share)' : " (assumed: neither ip -j addr nor its pods show which; paste the node's ip -j addr to check)"}.`,
    'weave-bridge': ({ node, ip, from }) =>
      `${node}: the bridge weave has ${ip}, the pods' gateway${from === 'ip-addr' ? ', as ip -j addr shows' : ' (assumed: the first address of its share that no pod holds, as weave --local expose takes it at launch)'}.`,
    'ages-adjusted': ({ node, pod }) => `${node} is younger in the pasted output than its pod ${pod}: the outputs were taken at different moments, so the node is taken to have joined when that pod was made.`,
    'times-assumed': () => 'No ages or creation times were given: the nodes joined 20 s apart and the pods a second apart.',
    'macs-assumed': ({ rule }) =>
      rule === 'docker' ? "Nodes' MACs as Docker up to 27 derived them from the address (02:42 and the address; Docker 28 and later picks random ones), where ip -j addr gave none." : "Nodes' MACs made up from their address, where ip -j addr gave none.",
    'host-network': ({ pods, count: k }) => `${n(k, 'pod shares its', 'pods share their')} node's network (hostNetwork): listed in the terminal, with no network namespace of ${k === 1 ? 'its' : 'their'} own: ${pods}.`,
    'pod-not-placed': ({ pod, status }) => `${pod} (${status}) is listed but not placed: it has no network of its own on a node.`,
    'pod-outside-subnet': ({ pod, ip, cidr }) => `${pod} (${ip}) is not placed: its address is outside its node's pod subnet ${cidr}.`,
    'pod-renumbered': ({ pod, ip, got, range }) => `${pod} has ${ip} on the cluster, outside ${range}, the allocation range of the lab's Weave Net: weaver gave it ${got} instead.`,
    'pod-ip-refused': ({ pod, ip, got }) => `${pod} is not placed: the CNI ADD could not give it ${ip}${got !== '' ? ` (${got})` : ''}.`,
    'block-skipped': ({ command }) => `Output of "${command}" skipped: the import does not read it.`,
    'ip-iface-absent': ({ node, ifaces, count: k }) => `${node}: ${k === 1 ? 'interface' : 'interfaces'} not in the lab: ${ifaces}.`,
    'ip-veth-unmatched': ({ node, count: k }) =>
      `${node}: ${n(k, 'veth host end', 'veth host ends')} not tied to a pod (the node's side does not name the pod; kubectl exec POD -- cat /sys/class/net/eth0/iflink would).`,
    'ip-addr-differs': ({ node, iface, lab, real }) => `${node}: ${iface} has ${real} on the node and ${lab} in the lab (kept as kubectl says).`,
    'ip-route-skipped': ({ node, route, why }) => `${node}: route ${route} not added: ${ROUTE_WHY[why] ?? why}.`,
    'ip-route-lab-only': ({ node, route }) => `${node}: the lab has route ${route}, the node's table does not.`,
    'ip-neigh-dynamic': ({ node, count: k }) => `${node}: ${n(k, 'neighbour entry', 'neighbour entries')} the kernel learned, not kept: a journey starts with the caches cold or warm.`,
    'ip-fdb-skipped': ({ node, count: k }) => `${node}: ${n(k, 'FDB entry', 'FDB entries')} not kept (ports' own MACs, multicast, learned; the lab keeps VXLAN remotes).`,
  },
  where: ({ source, line, field }) => [source === 'paste' ? 'pasted text' : source, line > 0 ? `line ${line}` : '', field].filter((x) => x !== '').join(', '),
  kinds: { error: 'Fix first', recognised: 'Recognised', assumed: 'Assumed', skipped: 'Listed, not placed' },
  description: ({ nodes, pods, mode }) => `Imported cluster: ${n(nodes, 'node', 'nodes')}, ${n(pods, 'pod with its own network', 'pods with their own network')}, ${IMPORT_MODES_EN[mode] ?? mode}.`,
  modes: IMPORT_MODES_EN,
};
