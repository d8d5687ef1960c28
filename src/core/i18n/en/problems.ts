import { count } from '../plural';
import type { ProblemCatalog, ProblemListCatalog } from '../problems';
import { optionTexts } from '../options';

/*
 * English sentences for topology problems. Values written by the user (`got`, `key`) arrive as
 * JSON text and are shown as such: `got "x"`, `got 2`, `got undefined` for a missing field. What
 * Linux itself answers (`kernel`) follows the explanation in parentheses, word for word.
 */

/** ` (Linux: "…")` when the kernel's own answer is known, otherwise nothing. */
function linux(kernel: string | undefined): string {
  return kernel === undefined ? '' : ` (Linux: "${kernel}")`;
}

/** A JSON array of allowed values as a list: `"node", "router" or "host"`. */
function alternatives(options: string): string {
  const texts = optionTexts(options);
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1] ?? ''}`;
}

/** One sentence per problem code, in English; `formatProblem` puts the path in front. */
export const problemsEn: ProblemCatalog = {
  'topology-not-object': () => 'expected a JSON object',
  'topology-unreadable': () => 'could not be read as JSON data (reading one of its fields failed)',
  'not-object': () => 'expected an object',
  'not-array': () => 'expected an array',
  missing: () => 'required, but missing',
  'unknown-key': ({ key }) => `unknown field ${key}`,
  'not-string': ({ got }) => `expected a string, got ${got}`,
  'not-boolean': ({ got }) => `expected true or false, got ${got}`,
  'not-number': ({ got }) => `expected a number, got ${got}`,
  'one-of': ({ options, got }) => `expected ${alternatives(options)}, got ${got}`,
  'int-range': ({ min, max, got, kernel }) => `expected a whole number from ${min} to ${max}, got ${got}${linux(kernel)}`,
  invalid: ({ got }) => `invalid value ${got}`,
  'non-empty-string': () => 'expected a non-empty string',
  'duplicate-segment': ({ id }) => `duplicate segment "${id}"`,
  'file-not-json': ({ line, column, token }) =>
    `the file is not valid JSON${line > 0 ? ` (line ${line}, column ${column})` : token ? ` (unexpected "${token}")` : ''}; nothing was changed`,
  'file-version': ({ got, supported }) => `the file has no format version this app reads (version: ${got}; it reads 1 to ${supported}); nothing was changed`,
  'file-version-future': ({ version, supported }) =>
    `the file is in format version ${version}, made by a newer Packet Journey; this one reads up to version ${supported}. Open it in a newer version; nothing was changed`,
  'link-corrupt': ({ chars }) => `the lab in this link cannot be read (${chars} characters): it was probably cut short when it was copied; ask for the link again`,
  'unknown-machine': ({ name }) => `no machine named "${name}"`,
  'pod-no-bridge': ({ machine, bridge }) => bridge
    ? `${machine} has no bridge "${bridge}" with an IPv4 address: a pod's gateway is its node's bridge address (the bridge plugin's isGateway)`
    : `${machine} has no bridge with an IPv4 address: a pod's gateway is its node's bridge address (the bridge plugin's isGateway); add one, such as cni0 with 10.10.12.254/24`,
  'pod-subnet-full': ({ bridge, range }) => `no free address left for a pod on ${bridge}: host-local IPAM says "no IP addresses available in range set: ${range}"; use a larger subnet or delete a pod`,
  'cni-add-failed': ({ code, msg }) => `the CNI plugins could not give the pod its network: error ${code}, "${msg}"`,
  'link-veth': ({ iface, peer }) =>
    `${iface} is one end of a veth pair: its only link is its other end, ${peer}, and it cannot be plugged into a segment; a pod reaches other networks through its node`,
  'link-bridge': ({ iface }) =>
    `${iface} is a bridge, a switch inside its machine: its ports are plugged into it (ip link set … master ${iface}), it is not itself plugged into a segment; link a NIC (eth0, eth1, …) instead`,
  'link-vxlan': ({ iface, dev }) =>
    `${iface} is a VXLAN device: it reaches the other VTEPs in UDP datagrams sent through its underlay device ${dev}, so it takes no cable; link ${dev} instead`,
  'link-ovs': ({ iface }) =>
    `${iface} is an Open vSwitch datapath, a flow table inside its machine: its ports (vports) are devices of the machine, it is not itself plugged into a segment; link a NIC (eth0, eth1, …) instead`,
  'link-wireguard': ({ iface }) =>
    `${iface} is a WireGuard device: it has no Ethernet link, its encrypted UDP datagrams leave by the route to each peer's endpoint (usually eth0), so it takes no cable; link a NIC (eth0, eth1, …) instead`,
  'link-ipip': ({ iface }) =>
    `${iface} is an IP-in-IP tunnel: what it sends leaves inside a new IPv4 header (protocol 4) that the routing table sends out of a NIC, so it takes no cable; link a NIC (eth0, eth1, …) instead`,
  'hostgw-no-l2': ({ node, other }) =>
    `flannel's host-gw backend needs direct layer-2 reachability between nodes: it routes each pod subnet via the other node's own address, and ${node} is not on ${other}'s segment; use the vxlan backend, or put the nodes on one segment`,
  'calico-bgp-no-l2': ({ node, other }) =>
    `Calico without encapsulation needs direct layer-2 reachability between nodes: BIRD routes each node's address blocks via that node's own address, and ${node} is not on ${other}'s segment; use VXLAN, or put the nodes on one segment`,
  'cilium-native-no-l2': ({ node, other }) =>
    `Cilium's native routing here routes each node's pod CIDR via that node's own address (auto-direct-node-routes), which needs the nodes on one layer-2 segment, and ${node} is not on ${other}'s segment; use tunnel mode, or put the nodes on one segment`,
  'link-self': ({ iface }) => `${iface} cannot be linked to itself; let it go on a segment's line or on another machine's NIC`,
  'segment-full': ({ segment, subnet }) => `segment ${segment} has no free address left in ${subnet}; nothing was changed`,
  'duplicate-name': ({ name, where }) => `"${name}" is already used by ${where}; pod and machine names must be unique`,
  'unknown-segment': ({ id }) => `no segment "${id}"`,
  'peer-ns-missing': ({ ns }) => `no pod or machine "${ns}"`,
  'peer-iface-missing': ({ ns, iface }) => `no interface "${iface}" in ${ns}`,
  'peer-mismatch': ({ ns, iface, from, fromIface }) => `${ns}/${iface} must be a veth whose peer is ${from}/${fromIface}`,
  'veth-self-peer': ({ kernel }) => `a veth cannot be its own peer: the pair would be two interfaces with one name${linux(kernel)}`,
  'ns-name': ({ got }) => `expected 1-31 letters, digits, "_", "." or "-", starting with a letter or digit; got ${got}`,
  'iface-name': ({ got, kernel }) => `expected 1-15 letters, digits, "_", "." or "-" (Linux IFNAMSIZ), got ${got}${linux(kernel)}`,
  'iface-lo': ({ kernel }) => `every network namespace already has its loopback interface "lo"${linux(kernel)}`,
  'duplicate-iface': ({ name, kernel }) => `duplicate interface "${name}"${linux(kernel)}`,
  'mac-syntax': ({ got }) => `expected a MAC like 02:00:0a:0a:0a:01, got ${got}`,
  'mac-multicast': ({ mac, kernel }) => `${mac} is a multicast address; an interface needs a unicast MAC${linux(kernel)}`,
  'mac-zero': ({ kernel }) => `the all-zero MAC is not a valid interface address; an interface needs a unicast MAC${linux(kernel)}`,
  'address-syntax': ({ got }) => `expected an IPv4 address with prefix like 10.10.10.1/24, got ${got}`,
  'duplicate-address': ({ address, kernel }) => `${address} is already on this interface${linux(kernel)}`,
  'unknown-master': ({ master, kernel }) => `no bridge "${master}" in this namespace${linux(kernel)}`,
  'master-not-bridge': ({ master, kernel }) => `"${master}" is not a bridge, and only a bridge takes ports${linux(kernel)}`,
  'bridge-port-bridge': ({ master, kernel }) => `a bridge cannot be a port of a bridge, so it cannot join "${master}"${linux(kernel)}`,
  'route-dst': ({ got }) => `expected "default" or a prefix like 10.10.11.0/24, got ${got}`,
  'route-host-bits': ({ dst, kernel }) => `${dst} has host bits set${linux(kernel)}`,
  'ip-syntax': ({ got }) => `expected an IPv4 address, got ${got}`,
  'no-such-dev': ({ dev, kernel }) => `no interface "${dev}" here${linux(kernel)}`,
  'gateway-unreachable': ({ via, dev, kernel }) =>
    `${via} is not reachable directly through ${dev}${linux(kernel)}; add an address or an earlier device route that covers it, or set onlink`,
  'onlink-local-gateway': ({ via, kernel }) =>
    `${via} is an address of this namespace, and an onlink gateway must be another host's${linux(kernel)}; drop onlink (a gateway that is the device's own address then makes a link route) or name another gateway`,
  'prefsrc-not-local': ({ src, kernel }) => `${src} is not an address of this namespace, so it cannot be the preferred source${linux(kernel)}`,
  'route-exists': ({ dst, metric, other, kernel }) =>
    `the table already has a route to ${dst} with metric ${metric}: ${other}${linux(kernel)}; give this route another metric or drop one of them`,
  'address-holds-gateway': ({ route, via, dev, kernel }) =>
    `the route "${route}" reaches its gateway ${via} through an address of ${dev} on that subnet; without it Linux refuses the route${linux(kernel)}. Change or delete the route first`,
  'address-holds-src': ({ route, src, kernel }) =>
    `the route "${route}" names ${src} as its preferred source, and without that address Linux refuses the route${linux(kernel)}. Change or delete the route first`,
  'route-holds-gateway': ({ route, via, kernel }) =>
    `the route "${route}" reaches its gateway ${via} through this route; without it Linux refuses that route${linux(kernel)}. Change or delete that route first`,
  'duplicate-neighbour': ({ ip, dev, kernel }) => `there is already a neighbour entry for ${ip} on ${dev}${linux(kernel)}`,
  'fdb-mac-group': ({ mac }) =>
    `${mac} is a group address; a VXLAN FDB entry here names one remote MAC (or 00:00:00:00:00:00 for the default entry), as flanneld's do`,
  'fdb-not-vxlan': ({ dev }) => `"${dev}" is not a VXLAN device; only a VXLAN device's FDB sends frames to a remote VTEP`,
  'port-address': ({ bridge }) =>
    `Linux accepts an address on a bridge port, but the port hands every frame it receives to the bridge "${bridge}": ` +
    'replies to this address arrive on the bridge, not here, so ARP through this interface fails; put the address on the bridge instead',
  'shared-mac': ({ mac, other }) =>
    `${mac} is also used by ${other}; Linux accepts this (Calico does it on purpose: each veth is a link of its own), but the same MAC then names several interfaces in tables and traces`,
  'duplicate-mac': ({ mac, other }) =>
    `${mac} is also used by ${other} on the same layer-2 segment; Linux accepts this, but bridges and switches then deliver frames for one to the other ` +
    '(and a bridge takes frames for its port\'s MAC as its own); give one of them another MAC',
  'duplicate-mac-unused': ({ mac, other }) =>
    `${mac} is also used by ${other} on the same layer-2 segment; neither has an IPv4 address, so no frame is sent to it and Linux accepts it ` +
    '(a bridge takes its ports\' MACs as its own), but the same MAC then names two interfaces in tables and traces',
  'l2-loop': () => 'this link closes a loop at layer 2; Linux accepts it, but without STP every broadcast goes round the loop for ever',
};

/** The English sentences around a list of problems. */
export const problemListEn: ProblemListCatalog = {
  more: (n) => `and ${count('en', n, { one: 'more problem', other: 'more problems' })}`,
  invalidTopology: (list) => `Invalid topology: ${list}`,
};
