import { count } from '../plural';
import type { ProblemCatalog, ProblemListCatalog } from '../problems';

/*
 * English sentences for topology problems. Values written by the user (`got`, `dev`) arrive as
 * JSON text and are shown as such: `got "x"`, `got 2`, `got undefined` for a missing field.
 */

/** One sentence per problem code, in English; `formatProblem` puts the path in front. */
export const problemsEn: ProblemCatalog = {
  'topology-not-object': () => 'expected a JSON object',
  'not-object': () => 'expected an object',
  'not-array': () => 'expected an array',
  'non-empty-string': () => 'expected a non-empty string',
  version: ({ got }) => `expected 1, got ${got}`,
  'duplicate-segment': ({ id }) => `duplicate segment "${id}"`,
  'duplicate-name': ({ name, where }) => `"${name}" is already used by ${where}; pod and machine names must be unique`,
  'duplicate-mac': ({ mac, ns }) => `${mac} is already used in ${ns}`,
  'unknown-segment': ({ id }) => `no segment "${id}"`,
  'peer-ns-missing': ({ ns }) => `no pod or machine "${ns}"`,
  'peer-iface-missing': ({ ns, iface }) => `no interface "${iface}" in ${ns}`,
  'peer-mismatch': ({ ns, iface, from, fromIface }) => `${ns}/${iface} must be a veth whose peer is ${from}/${fromIface}`,
  role: ({ got }) => `expected "node", "router" or "host", got ${got}`,
  'ns-name': ({ got }) => `expected 1-31 letters, digits, "_", "." or "-", starting with a letter or digit; got ${got}`,
  'iface-name': ({ got }) => `expected 1-15 letters, digits, "_", "." or "-" (Linux IFNAMSIZ), got ${got}`,
  'duplicate-iface': ({ name }) => `duplicate interface "${name}"`,
  'mac-syntax': ({ got }) => `expected a MAC like 02:00:0a:0a:0a:01, got ${got}`,
  'mac-multicast': ({ mac }) => `${mac} is a multicast address; an interface needs a unicast MAC`,
  'address-syntax': ({ got }) => `expected an IPv4 address with prefix like 10.10.10.1/24, got ${got}`,
  'unknown-master': ({ master }) => `no bridge "${master}" in this namespace`,
  'port-address': ({ bridge }) => `a bridge port does not route; put the address on the bridge "${bridge}" instead`,
  'mtu-range': ({ min, max }) => `expected a whole number from ${min} to ${max}`,
  'veth-peer': () => 'expected { ns, iface }',
  'ether-segment': () => 'expected a segment id',
  'iface-kind': ({ got }) => `expected "veth", "ether" or "bridge", got ${got}`,
  'route-dst': ({ got }) => `expected "default" or a prefix like 10.10.11.0/24, got ${got}`,
  'route-host-bits': ({ dst }) => `${dst} has host bits set (Linux: "Invalid prefix for given prefix length")`,
  'ip-syntax': ({ got }) => `expected an IPv4 address, got ${got}`,
  'no-such-dev': ({ dev }) => `no interface ${dev} here`,
  'gateway-unreachable': ({ via, dev }) =>
    `${via} is not reachable directly through ${dev} (Linux: "Nexthop has invalid gateway"); add an address or a device route that covers it, or set onlink`,
  'neigh-ip': () => 'expected an IPv4 address',
  'neigh-mac': () => 'expected a MAC address',
  listener: () => 'expected { proto: "udp" | "tcp", port: 1-65535 }',
  'ttl-range': ({ min, max }) => `expected ${min}-${max}`,
  'proxy-delay-range': ({ min, max }) => `expected milliseconds from ${min} to ${max}`,
};

/** The English sentences around a list of problems. */
export const problemListEn: ProblemListCatalog = {
  more: (n) => `and ${count('en', n, { one: 'more problem', other: 'more problems' })}`,
  invalidTopology: (list) => `Invalid topology: ${list}`,
};
