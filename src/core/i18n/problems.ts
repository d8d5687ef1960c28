import type { Lang } from './lang';
import type { LabFix } from '../model/labChecks';

/*
 * Problems found in user input (a topology file, the editor), as data: where, which kind, and the
 * values the sentence needs. The sentence itself comes from the catalogue of the reader's language
 * (`./en/problems.ts`, `./ru/problems.ts`), so the check is written once and read in every language.
 */

/**
 * The parameters each kind of problem carries, by code. A value shown to the user as it was
 * written (`got`, `key`) is its JSON text (`"x"`, `2`, `null`, shortened past a few dozen
 * characters), or `undefined` when the field is absent; the catalogue decides how to quote it.
 * Names, MACs and prefixes are plain strings. `kernel` is what Linux itself answers to the same
 * configuration (iproute2's line, such as `RTNETLINK answers: File exists`): the catalogues show
 * it beside their own explanation, unchanged in every language.
 *
 * Codes in {@link WARNING_CODES} are warnings: Linux accepts the configuration, but it is unwise.
 * `validateTopology` returns what Linux refuses (errors only); `validateTopologyWarnings` what it
 * accepts (warnings, and `duplicate-mac`, an error: it cannot work); `labChecks` adds the design checks.
 */
export type ProblemParams = {
  /** The whole input is not a JSON object. */
  'topology-not-object': Record<string, never>;
  /** Reading the input threw (an accessor or a proxy, never plain JSON). */
  'topology-unreadable': Record<string, never>;
  /** A list element or a field must be an object. */
  'not-object': Record<string, never>;
  /** A field must be an array. */
  'not-array': Record<string, never>;
  /** A required field is absent. */
  missing: Record<string, never>;
  /** A field the format does not have (a typo such as `neighbors`, or a prototype key). */
  'unknown-key': { key: string };
  /** A field must be a string. */
  'not-string': { got: string };
  /** A field must be `true` or `false` (a string "false" is not). */
  'not-boolean': { got: string };
  /** A field must be a finite number. */
  'not-number': { got: string };
  /** A field must be one of a few values; `options` is their JSON array text (`["udp","tcp"]`). */
  'one-of': { options: string; got: string };
  /** A field must be a whole number in a range. */
  'int-range': { min: number; max: number; got: string; kernel?: string | undefined };
  /** A value the format refuses for another reason. */
  invalid: { got: string };
  /** A field must be a non-empty string (the topology's name, a segment id). */
  'non-empty-string': Record<string, never>;
  /** An edit names a machine the topology does not have. */
  'unknown-machine': { name: string };
  /** A pod cannot get its network: the machine has no bridge (or not `bridge`) with an IPv4 address to be its gateway. */
  'pod-no-bridge': { machine: string; bridge: string };
  /** host-local IPAM has no free address left in the bridge's subnet (`range`, first-last). */
  'pod-subnet-full': { bridge: string; range: string };
  /** The CNI plugins refused to give a pod its network for another reason: their error's code and message, as they printed them. */
  'cni-add-failed': { code: number; msg: string };
  /** A link asked of one end of a veth pair: its one link is its peer (`peer`, as `ns/iface`). */
  'link-veth': { iface: string; peer: string };
  /** A link asked of a bridge: its ports plug into it, it does not plug into a segment. */
  'link-bridge': { iface: string };
  /** A link asked of a VXLAN device: it reaches its peers through its underlay device `dev`, not a cable. */
  'link-vxlan': { iface: string; dev: string };
  'link-ovs': { iface: string };
  'link-wireguard': { iface: string };
  /** A link asked of an IPIP tunnel (tunl0): it reaches the other nodes in IPv4 packets the routing table sends out of a NIC. */
  'link-ipip': { iface: string };
  /** Flannel's host-gw asked of nodes that share no layer-2 segment: `node` cannot reach `other` directly. */
  'hostgw-no-l2': { node: string; other: string };
  /** Calico without encapsulation asked of nodes that share no layer-2 segment: BIRD's routes name `node` as next hop, which `other` cannot reach directly. */
  'calico-bgp-no-l2': { node: string; other: string };
  /** Cilium's native routing asked of nodes that share no layer-2 segment (auto-direct-node-routes routes via the other node's own address). */
  'cilium-native-no-l2': { node: string; other: string };
  /** A link from an interface to itself. */
  'link-self': { iface: string };
  /** A NIC plugged into a segment whose subnet has no free address left. */
  'segment-full': { segment: string; subnet: string };
  /** Design check (warning): `machine` has no route to the pod subnet of `node`. */
  'subnet-unrouted': { machine: string; subnet: string; node: string };
  /** Design check (warning): a machine that must forward (a router, a node with pods, another's gateway) has ip_forward=0. */
  'forwarding-off': { machine: string };
  /** Design check (warning): `machine` forwards, but `forwarding` is 0 on `iface`, an interface packets arrive by. */
  'iface-forwarding-off': { machine: string; iface: string };
  /** Design check (warning): `machine` has no route to `subnet`, a subnet of segment `segment`. */
  'segment-unrouted': { machine: string; subnet: string; segment: string };
  /** Design check (warning): pod `pod` has no route to `subnet` (the first of the lab's subnets it misses). */
  'pod-unrouted': { pod: string; subnet: string };
  /** Design check (error): `address` is also held by `other` (`ns/iface`) on the same layer-2 network. */
  'duplicate-ip': { address: string; other: string };
  /** Design check (warning): `address` is also held by `other` (`ns/iface`), on another network. */
  'address-reused': { address: string; other: string };
  /** Design check (error): no other host on the interface's layer-2 network reaches `address` directly; `subnets` are theirs. */
  'address-outside-subnet': { address: string; subnets: string };
  /** Design check (error): the pod subnet of `machine` overlaps `otherSubnet` of `other`; `free` is a free one to suggest ('' when none). */
  'pod-subnets-overlap': { machine: string; subnet: string; other: string; otherSubnet: string; free: string };
  /** Design check (error): no other host on the link of `dev` has the gateway address `via`. */
  'gateway-absent': { via: string; dev: string };
  /** Design check (warning): `iface`, the host end of pod `pod`'s veth, is in no bridge and has no address or route. */
  'veth-detached': { iface: string; pod: string };
  /** Design check (warning): NIC `iface` is the only one on segment `segment`. */
  'link-alone': { iface: string; segment: string };
  /** Design check (warning): the route to `dst` goes out of `dev`, whose link holds no other host. */
  'route-no-link': { dev: string; dst: string };
  'vxlan-underlay-mtu': { iface: string; mtu: number; dev: string; underlay: number; fits: number };
  'pod-mtu-over-overlay': { pod: string; iface: string; mtu: number; overlay: string; limit: number };
  /** Design check (warning): a Calico node with pods has no route for 169.254.1.1 out of another device, so proxy ARP answers none of its pods. */
  'calico-gateway-unrouted': { node: string };
  /** Design check (warning): the host end `iface` of Calico pod `pod` on `node` has proxy_arp off. */
  'calico-proxy-arp-off': { node: string; iface: string; pod: string };
  /** Design check (warning): a pod of a Calico lab whose default route goes via `gw`, not 169.254.1.1. */
  'calico-pod-gateway': { pod: string; gw: string };
  /** Design check (warning): Calico pod `pod`'s interface has MTU `mtu`, more than its node's tunnel `tunnel` (tunl0, vxlan.calico) carries, `limit`; `overhead` is the tunnel's bytes (20, 50). */
  'calico-pod-mtu': { pod: string; iface: string; mtu: number; tunnel: string; limit: number; overhead: number };
  'vxlan-port-mismatch': { iface: string; port: number; machine: string; theirs: string };
  'vxlan-vni-mismatch': { iface: string; vni: number; machine: string; theirs: string };
  /** Design check (warning): Weave's MTU on `node` plus VXLAN's 50 bytes is more than its underlay `dev` carries. */
  'weave-underlay-mtu': { node: string; mtu: number; dev: string; underlay: number; fits: number };
  /** Design check: `node`'s fastdp VXLAN vport `iface` listens on `port`, where its peers send to `expected`. */
  'weave-port-mismatch': { node: string; iface: string; port: number; expected: number };
  /** Design check: `node`'s WireGuard device `iface` listens on `port`, where its peers send to `expected` (51871). */
  'wg-port-mismatch': { node: string; iface: string; port: number; expected: number };
  /** Design check (warning): `node`'s WireGuard device MTU plus 80 bytes is more than its NIC `dev` carries. */
  'wg-underlay-mtu': { node: string; iface: string; mtu: number; dev: string; underlay: number; fits: number };
  /** Design check (warning): Cilium node `node` of a WireGuard lab has no WireGuard device, so `peers` (the nodes that have one) list no peer for it; `routing`: tunnel or native. */
  'wg-no-device': { node: string; peers: string; routing: string };
  /** A lab file that is not JSON: where the parser stopped (line and column from 1; 0 when unknown), or the character it refused. */
  'file-not-json': { line: number; column: number; token: string };
  /** A lab file whose `version` is missing, not a whole number, or one no migration starts from. */
  'file-version': { got: string; supported: number };
  /** A lab file from a newer Packet Journey: its format version is above the one this build reads. */
  'file-version-future': { version: number; supported: number };
  /** A link's lab (`?lab=`) does not decode: cut short or mistyped (`chars`: its length). */
  'link-corrupt': { chars: number };
  /** Two segments with one id. */
  'duplicate-segment': { id: string };
  /** A pod or machine name used twice; `where` is the path of the first use. */
  'duplicate-name': { name: string; where: string };
  /** A NIC plugs into a segment that `segments` does not list. */
  'unknown-segment': { id: string };
  /** A veth's peer names a pod or machine that does not exist. */
  'peer-ns-missing': { ns: string };
  /** A veth's peer names an interface its namespace does not have. */
  'peer-iface-missing': { ns: string; iface: string };
  /** The two ends of a veth do not name each other. */
  'peer-mismatch': { ns: string; iface: string; from: string; fromIface: string };
  /** A veth whose peer is itself: creating the pair needs two devices of one name. */
  'veth-self-peer': { kernel?: string | undefined };
  /** A pod or machine name breaks the naming rule (1-31 characters). */
  'ns-name': { got: string };
  /** An interface name breaks the rule (at most 15 characters, IFNAMSIZ). */
  'iface-name': { got: string; kernel?: string | undefined };
  /** An interface named `lo`: every namespace already has its loopback interface. */
  'iface-lo': { kernel?: string | undefined };
  /** Two interfaces with one name in a namespace. */
  'duplicate-iface': { name: string; kernel?: string | undefined };
  /** A MAC that does not parse. */
  'mac-syntax': { got: string };
  /** A group (multicast) MAC on an interface. */
  'mac-multicast': { mac: string; kernel?: string | undefined };
  /** The all-zero MAC on an interface. */
  'mac-zero': { kernel?: string | undefined };
  /** An address that is not IPv4 with a prefix length. */
  'address-syntax': { got: string };
  /** The same address and prefix twice on one interface. */
  'duplicate-address': { address: string; kernel?: string | undefined };
  /** `master` names no interface in the namespace. */
  'unknown-master': { master: string; kernel?: string | undefined };
  /** `master` names an interface that is not a bridge. */
  'master-not-bridge': { master: string; kernel?: string | undefined };
  /** A bridge as a port of a bridge (itself or another). */
  'bridge-port-bridge': { master: string; kernel?: string | undefined };
  /** A route destination that is neither default nor a prefix. */
  'route-dst': { got: string };
  /** A route prefix with host bits set (`ip route` refuses it). */
  'route-host-bits': { dst: string; kernel?: string | undefined };
  /** A field that must be an IPv4 address (a gateway, a source). */
  'ip-syntax': { got: string };
  /** A route or neighbour names a device the namespace does not have. */
  'no-such-dev': { dev: string; kernel?: string | undefined };
  /** A gateway not reachable through its device (fib_check_nh()). */
  'gateway-unreachable': { via: string; dev: string; kernel?: string | undefined };
  /**
   * An `onlink` gateway that is one of the namespace's own addresses: fib_check_nh_v4_gw() wants
   * a unicast address there (inet_addr_type_dev_table() finds RTN_LOCAL).
   */
  'onlink-local-gateway': { via: string; kernel?: string | undefined };
  /** A route's preferred source that is not a local address (fib_valid_prefsrc()). */
  'prefsrc-not-local': { src: string; kernel?: string | undefined };
  /** A route whose prefix and metric the table already has; `other` is that route as `ip route` prints it. */
  'route-exists': { dst: string; metric: number; other: string; kernel?: string | undefined };
  /**
   * An edit of an interface's addresses (or a pod subnet) would strand a route of the namespace:
   * its gateway `via` would no longer lie on a subnet of `dev`, and Linux refuses such a route.
   */
  'address-holds-gateway': { route: string; via: string; dev: string; kernel?: string | undefined };
  /** An edit of addresses would take away the local address a route names as its preferred source. */
  'address-holds-src': { route: string; src: string; kernel?: string | undefined };
  /** A route edited or deleted is the device route another route (`route`) reaches its gateway `via` through. */
  'route-holds-gateway': { route: string; via: string; kernel?: string | undefined };
  /** Two static neighbour entries for one address on one device. */
  'duplicate-neighbour': { ip: string; dev: string; kernel?: string | undefined };
  /** A VXLAN FDB entry for a group MAC (Linux takes one with `append`; the lab models unicast entries only). */
  'fdb-mac-group': { mac: string };
  /** An FDB entry (`bridge fdb append … self`) on a device that is not a VXLAN device. */
  'fdb-not-vxlan': { dev: string };
  /** Warning: an address on a bridge port. */
  'port-address': { bridge: string };
  /** Warning: a MAC used by another interface of the namespace, on another link (Calico's host-side veths). */
  'shared-mac': { mac: string; other: string };
  /** Error (Linux accepts it, but it cannot work): a MAC used by another interface of the same layer-2 segment, one of the two with an address. */
  'duplicate-mac': { mac: string; other: string };
  /** Warning: a MAC used by another interface of the same layer-2 segment, neither with an address (bridge ports): nothing is sent to it. */
  'duplicate-mac-unused': { mac: string; other: string };
  /** Warning: this link closes a loop at layer 2. */
  'l2-loop': Record<string, never>;
};

/** One kind of problem, named like the kernel would (`mac-multicast`, `iface-name`, …). */
export type ProblemCode = keyof ProblemParams;

/**
 * One problem in user input, as plain JSON-safe data: `path` says where
 * (`machines[0].pods[1].interfaces[0].mac`), `code` which kind, `params` the values its sentence
 * shows. Render it with {@link formatProblem}.
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  params: Record<string, string | number>;
}

/**
 * The codes of the editor's design checks (model/labChecks.ts): only the editor raises them, so
 * their sentences are a catalogue of their own ({@link CheckCatalog}) that loads with the editor.
 */
export type CheckCode =
  | 'subnet-unrouted' | 'segment-unrouted' | 'pod-unrouted' | 'forwarding-off' | 'iface-forwarding-off' | 'duplicate-ip' | 'address-reused'
  | 'address-outside-subnet' | 'pod-subnets-overlap' | 'gateway-absent' | 'veth-detached' | 'link-alone' | 'route-no-link'
  | 'vxlan-underlay-mtu' | 'pod-mtu-over-overlay' | 'vxlan-port-mismatch' | 'vxlan-vni-mismatch' | 'weave-underlay-mtu' | 'weave-port-mismatch'
  | 'calico-gateway-unrouted' | 'calico-proxy-arp-off' | 'calico-pod-gateway' | 'calico-pod-mtu'
  | 'wg-port-mismatch' | 'wg-underlay-mtu'
  | 'wg-no-device';

/** A sentence per problem code but the design checks', in one language: what a catalogue under `./<lang>/` provides. */
export type ProblemCatalog = { readonly [C in Exclude<ProblemCode, CheckCode>]: (params: ProblemParams[C]) => string };

/** The design checks' sentences and their fixes in one language (`./<lang>/checks.ts`). */
export interface CheckCatalog {
  problems: { readonly [C in CheckCode]: (params: ProblemParams[C]) => string };
  /** A fix as a short imperative line: "add route 10.10.12.0/24 via 172.16.100.3 dev eth0 on router". */
  fix(fix: LabFix): string;
}

/** The design checks' catalogues, once the editor's code registered them. */
let checkCatalogs: Readonly<Partial<Record<Lang, CheckCatalog>>> = {};

/**
 * Makes {@link formatProblem} read the design checks' sentences: model/labChecks.ts calls it when
 * it loads, so the player's first page, which raises no design check, does not carry them.
 */
export function registerCheckCatalogs(catalogs: Readonly<Record<Lang, CheckCatalog>>): void {
  checkCatalogs = catalogs;
}

/** The problems' sentences of each language, once ./catalogs.ts registered them. */
let problemCatalogs: Readonly<Partial<Record<Lang, { problems: ProblemCatalog; problemList: ProblemListCatalog }>>> = {};

/**
 * Makes {@link formatProblem} read the problems' sentences: ./catalogs.ts calls it when it loads.
 * Whatever raises a problem loads it (the zod schema, which validates untrusted input, and
 * TopologyEditError), so the pages, whose own labs raise none, do not carry the sentences.
 */
export function registerProblemCatalogs(catalogs: Readonly<Record<Lang, { problems: ProblemCatalog; problemList: ProblemListCatalog }>>): void {
  problemCatalogs = catalogs;
}

/** The sentences around a list of problems, in one language. */
export interface ProblemListCatalog {
  /** The tail of a shortened list: "and 11 more problems". */
  more(n: number): string;
  /** The error a journey throws on an invalid topology: "Invalid topology: LIST". */
  invalidTopology(list: string): string;
}


/**
 * Builds a problem, checking its parameters against its code at compile time. The result and its
 * params are frozen: validation caches problems and hands the same params out again.
 */
export function problem<C extends ProblemCode>(path: string, code: C, params: ProblemParams[C]): Problem {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params) as [string, string | number | undefined][]) if (v !== undefined) values[k] = v;
  return Object.freeze({ path, code, params: Object.freeze(values) });
}

/**
 * The codes that are warnings: Linux accepts the configuration and nothing in it contradicts
 * itself, but it is unwise or a piece is missing (a route, forwarding, a link). Every other code is
 * an error: Linux refuses it, or what the lab says contradicts itself so that the packets that
 * depend on it fail (one address or MAC on two hosts of a link, an address outside its link's
 * subnets, overlapping pod subnets, a gateway nobody has).
 */
export const WARNING_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'port-address', 'shared-mac', 'duplicate-mac-unused', 'l2-loop', 'subnet-unrouted', 'segment-unrouted', 'pod-unrouted', 'forwarding-off', 'iface-forwarding-off',
  'address-reused', 'veth-detached', 'link-alone', 'route-no-link', 'vxlan-underlay-mtu', 'pod-mtu-over-overlay',
  'calico-gateway-unrouted', 'calico-proxy-arp-off', 'calico-pod-gateway', 'weave-underlay-mtu', 'calico-pod-mtu',
  'wg-underlay-mtu',
  'wg-no-device',
]);

/** Whether a problem refuses the topology (`error`) or only advises (`warning`). */
export function problemSeverity(code: ProblemCode): 'error' | 'warning' {
  return WARNING_CODES.has(code) ? 'warning' : 'error';
}

/**
 * The same problem one level deeper: `prefix` (`machines[0].`) is prepended to its path. A path
 * that starts with a bracket (`[0]`, `["a b"]`) or is empty joins without the prefix's dot.
 */
export function under(prefix: string, p: Problem): Problem {
  const base = prefix.endsWith('.') && (p.path === '' || p.path.startsWith('[')) ? prefix.slice(0, -1) : prefix;
  return { path: `${base}${p.path}`, code: p.code, params: p.params };
}

export { shown } from './shownValue';

/**
 * The problem as one line in `lang`: `path: sentence`, the sentence from that language's
 * catalogue (a design check's from the checks' catalogue, registered with the editor). A code no
 * catalogue knows (data from an older version, or a catalogue not registered: see
 * {@link registerProblemCatalogs}) is shown as the code itself.
 */
export function formatProblem(p: Problem, lang: Lang): string {
  const problems = problemCatalogs[lang]?.problems ?? {};
  const checks = checkCatalogs[lang]?.problems;
  const catalog = (Object.hasOwn(problems, p.code) ? problems : checks && Object.hasOwn(checks, p.code) ? checks : null) as Record<string, (params: Record<string, string | number>) => string> | null;
  const say = catalog?.[p.code];
  if (!say) return `${p.path}: ${String(p.code)}`;
  const sentence = say(p.params);
  // A problem of the whole file (not JSON, a version) has no path.
  return p.path === '' ? sentence : `${p.path}: ${sentence}`;
}

/** How many problems {@link problemsText} lists before it only counts the rest. */
export const PROBLEMS_LISTED = 10;

/**
 * Problems as one line in `lang`: the first {@link PROBLEMS_LISTED} joined by "; ", then how many
 * more there are, with the numeral agreeing ("and 1 more problem", «и ещё 21 ошибка»).
 */
export function problemsText(problems: readonly Problem[], lang: Lang): string {
  const shownList = problems.slice(0, PROBLEMS_LISTED).map((p) => formatProblem(p, lang));
  const rest = problems.length - shownList.length;
  if (rest > 0) shownList.push(problemCatalogs[lang]?.problemList.more(rest) ?? `+${rest}`);
  return shownList.join('; ');
}

/** The message of a journey refused for an invalid topology, in `lang` ("Invalid topology: …"). */
export function invalidTopologyText(problems: readonly Problem[], lang: Lang): string {
  const list = problemsText(problems, lang);
  return problemCatalogs[lang]?.problemList.invalidTopology(list) ?? list;
}
