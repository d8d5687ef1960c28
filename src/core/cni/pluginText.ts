import { goList, goQuote, goQuoteList } from './goJson';

/*
 * What the reference plugins say, exactly: containernetworking/plugins v1.1.1 (Debian's
 * containernetworking-plugins 1.1.1, built with containernetworking/cni v1.1.2) and
 * flannel-io/cni-plugin. These texts are protocol data, not prose of ours: a plugin prints them
 * in the `msg` and `details` of its error JSON, the runtime logs them, and users search for them
 * word for word. Each names the Go function that formats it; the recorded fixtures
 * (fixtures/cni) check the ones the reference plugins print. The narrator tells events in its
 * own words and quotes these unchanged, as it quotes the kernel's (model/linux.ts).
 */
export const PLUGIN_TEXT = {
  // cilium/cilium plugins/cilium-cni/cmd/cmd.go (Add): the agent's API unreachable, its IPAM empty.
  ciliumNoAgent: 'unable to connect to Cilium agent: failed to create cilium agent client after 30.000000 seconds timeout: Get "http:///var/run/cilium/cilium.sock/v1/config": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory',
  ciliumIpamFull: (pool: string) => `unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  no more available IPs in pool ${goQuote(pool)}`,
  // weaveworks/weave plugin/net/cni.go (CmdAdd) and its weaveapi client (api/ipam.go AllocateIP).
  weaveNoGateway: 'Gateway functionality not supported',
  weaveNoMasq: 'IP Masquerading functionality not supported',
  weaveAllocate: (err: string) => `unable to allocate IP address: ${err}`,
  weaveNoRouter: (id: string) => `Post "http://127.0.0.1:6784/ip/${id}": dial tcp 127.0.0.1:6784: connect: connection refused`,
  // Weave's allocator would wait for another peer to donate space; the lab's peers have none to give.
  weaveNoSpace: (range: string) => `no free address in this peer's part of ${range}`,
  weaveNoBridge: (bridge: string) => `bridge "${bridge}" not present; did you launch weave?`,
  // cni pkg/skel (skel.go getCmdArgsFromEnv, validateConfig, pluginMain)
  envMissing: (names: readonly string[]) => `required env variables [${names.join(',')}] missing`,
  unknownCommand: (cmd: string) => `unknown CNI_COMMAND: ${cmd}`,
  unmarshalConfig: (err: string) => `error unmarshall network config: ${err}`,
  missingName: 'missing network name',
  missingContainerId: 'missing containerID',
  badContainerId: 'invalid characters in containerID',
  badNetworkName: 'invalid characters found in network name',
  ifnameEmpty: 'interface name is empty',
  ifnameLong: 'interface name is too long',
  ifnameLongDetails: 'interface name should be less than 16 characters',
  ifnameDots: 'interface name is . or ..',
  ifnameChars: 'interface name contains / or : or whitespace characters',
  incompatible: 'incompatible CNI versions',
  incompatibleDetails: (config: string, supported: readonly string[]) => `config is ${goQuote(config)}, plugin supports ${goQuoteList(supported)}`,
  checkNotAllowed: 'config version does not allow CHECK',
  gcNotAllowed: 'config version does not allow GC',
  statusNotAllowed: 'config version does not allow STATUS',
  decodeVersion: (err: string) => `decoding version from network config: ${err}`,
  versionParts: (v: string) => `invalid version ${goQuote(v)}: too many parts`,
  versionPart: (which: 'major' | 'minor' | 'micro', part: string) => `failed to convert ${which} version part ${goQuote(part)}: strconv.Atoi: parsing ${goQuote(part)}: invalid syntax`,
  checkPluginNotAllowed: 'plugin version does not allow CHECK',
  gcPluginNotAllowed: 'plugin version does not allow GC',
  statusPluginNotAllowed: 'plugin version does not allow STATUS',
  /** skel's "about", printed to stderr when CNI_COMMAND is empty (ours names itself). */
  about: (plugin: string, versions: readonly string[]) => `CNI ${plugin} plugin (Packet Journey)\nCNI protocol versions supported: ${versions.join(', ')}\n`,
  // cni pkg/invoke (find.go FindInPath)
  pluginNotFound: (plugin: string, paths: readonly string[]) => `failed to find plugin ${goQuote(plugin)} in path ${goList(paths)}`,
  noPaths: 'no paths provided',
  noPluginName: 'no plugin name provided',
  badPluginName: (plugin: string) => `invalid plugin name: ${plugin}`,
  // cni libcni (conf.go ConfListFromBytes, api.go CheckNetworkList)
  confList: (err: string) => `error parsing configuration list: ${err}`,
  listNoName: 'no name',
  listNoPlugins: "no 'plugins' key",
  listEmpty: 'no plugins in list',
  listNoCheck: (v: string) => `configuration version ${goQuote(v)} does not support the CHECK command`,
  // cni pkg/types/100 convertTo02x
  noIpToConvert: 'cannot convert: no valid IP addresses',
  // plugins pkg/ns (ns_linux.go IsNSorErr) and the bridge's GetNS wrapper
  openNetns: (path: string) => `failed to open netns ${goQuote(path)}: failed to Statfs ${goQuote(path)}: no such file or directory`,
  // plugins/main/bridge (bridge.go)
  loadNetconf: (err: string) => `failed to load netconf: ${err}`,
  badVlan: (vlan: number) => `invalid VLAN ID ${vlan} (must be between 0 and 4094)`,
  hairpinPromisc: 'cannot set hairpin mode and promiscuous mode at the same time.',
  createBridge: (br: string, err: string) => `failed to create bridge ${goQuote(br)}: ${err}`,
  notABridge: (br: string) => `${goQuote(br)} already exists but is not a bridge`,
  vethExists: (ifname: string) => `container veth name provided (${ifname}) already exists`,
  vethNoName: 'failed to find a unique veth name',
  lookupLink: (ifname: string) => `failed to lookup ${goQuote(ifname)}: Link not found`,
  portError: (state: string) => `bridge port in error state: ${state}`,
  ipamMissingIp: 'IPAM plugin returned missing IP config',
  bridgeAddr: (err: string) => `failed to set bridge addr: ${err}`,
  addrDiffers: (br: string, cidr: string) => `${goQuote(br)} already has an IP address different from ${cidr}`,
  prevResultMissing: 'Required prevResult missing',
  /** portmap's own words (plugins/meta/portmap/main.go), and ours for the mappings this model leaves out. */
  portmapParse: (err: string) => `failed to parse config: failed to parse network configuration: ${err}`,
  portmapChained: 'must be called as chained plugin',
  portmapNotObject: (got: string) => `json: cannot unmarshal ${got} into Go value of type main.PortMapConf`,
  portmapNotModelled: 'portmap: port mappings (hostPort) are not part of this model',
  ifaceNotFound: (name: string) => `Interface name ${name} not found`,
  ifaceNameMissing: 'Interface name missing ',
  ifaceNotInSandbox: (name: string) => `Interface ${name} is expected to be in a sandbox`,
  ifaceInSandbox: (name: string) => `Interface ${name} should not be in sandbox`,
  notBridgeType: (name: string) => `Interface ${name} does not have link type of bridge`,
  bridgeMac: (name: string, mac: string) => `Bridge interface ${name} Mac doesn't match: ${mac}`,
  bridgePromisc: (name: string, want: boolean, got: boolean) => `Bridge interface ${name} configured Promisc Mode ${want} doesn't match current state: ${got} `,
  sandboxMismatch: (prev: string, netns: string) => `Sandbox in prevResult ${prev} doesn't match configured netns: ${netns}`,
  contNotVeth: (name: string) => `Error: Container interface ${name} not of type veth`,
  contMac: (name: string, want: string, got: string) => `Interface ${name} Mac ${want} doesn't match container Mac: ${got}`,
  vethMac: (name: string, mac: string) => `Interface ${name} Mac doesn't match: ${mac} not found`,
  bridgeNotFound: (br: string) => `CNI created bridge ${br} in host namespace was not found`,
  contNotFound: (ifname: string) => `CNI created interface in container ${ifname} not found`,
  vethNotFound: (br: string) => `CNI veth created for bridge ${br} was not found`,
  // plugins pkg/ip (utils_linux.go ValidateExpectedInterfaceIPs, ValidateExpectedRoute)
  addrNotMatched: (cidr: string, ifname: string) => `Failed to match addr ${cidr} on interface ${ifname}`,
  containerLink: (ifname: string) => `Cannot find container link ${ifname}`,
  gatewayNotFound: (gw: string, ifname: string) => `Failed to find Gateway ${gw} for interface ${ifname}`,
  routeNotFound: (route: string) => `Expected Route ${route} not found in routing table`,
  // plugins pkg/ipam (ipam_linux.go ConfigureIface)
  addRoute: (dst: string, gw: string, ifname: string, err: string) => `failed to add route '${dst} via ${gw} dev ${ifname}': ${err}`,
  addAddr: (ipc: string, ifname: string, err: string) => `failed to add IP addr ${ipc} to ${goQuote(ifname)}: ${err}`,
  // plugins/ipam/host-local (main.go, backend/allocator)
  ipamMissing: "IPAM config missing 'ipam' key",
  noRanges: 'no IP ranges specified',
  rangeSet: (i: number, err: string) => `invalid range set ${i}: ${err}`,
  emptyRangeSet: 'empty range set',
  tooSmall: (net: string) => `Network ${net} too small to allocate from`,
  hostBits: (ones: number, net: string) => `Network has host bits set. For a subnet mask of length ${ones} the network address is ${net}`,
  startOutside: (ip: string, net: string) => `RangeStart ${ip} not in network ${net}`,
  endOutside: (ip: string, net: string) => `RangeEnd ${ip} not in network ${net}`,
  rangesOverlap: (a: string, b: string) => `subnets ${a} and ${b} overlap`,
  setsOverlap: (i: number, j: number) => `range set ${i} overlaps with ${j}`,
  allocate: (i: number, err: string) => `failed to allocate for range ${i}: ${err}`,
  rangeFull: (set: string) => `no IP addresses available in range set: ${set}`,
  duplicate: (ip: string, id: string) => `${ip} has been allocated to ${id}, duplicate allocation is not allowed`,
  requestedGateway: (ip: string) => `requested ip ${ip} is subnet's gateway`,
  requestedTaken: (ip: string, set: string) => `requested IP address ${ip} is not available in range set ${set}`,
  notInRangeSet: (ip: string, set: string) => `${ip} not in range set ${set}`,
  requestedLeft: (ips: readonly string[]) => `failed to allocate all requested IPs: ${ips.join(' ')}`,
  notFoundByContainer: (id: string) => `host-local: Failed to find address added by container ${id}`,
  cannotUnderstandIp: (err: string) => `cannot understand ip: ${err}`,
  onePerFamily: (v: string) => `CNI version ${v} does not support more than 1 address per family`,
  // cni pkg/types (args.go LoadArgs)
  argsPair: (pair: string) => `ARGS: invalid pair ${goQuote(pair)}`,
  argsUnknown: (pairs: readonly string[]) => `ARGS: unknown args ${goQuoteList(pairs)}`,
  argsValue: (pair: string, err: string) => `ARGS: error parsing value of pair ${goQuote(pair)}: ${err}`,
  argsBool: (value: string) => `boolean unmarshal error: invalid input ${value}`,
  // plugins pkg/ip (ip.go IP.UnmarshalText) and Go's net package
  ipText: (value: string) => `invalid IP address ${value}`,
  netIp: (value: string) => `invalid IP address: ${value}`,
  netCidr: (value: string) => `invalid CIDR address: ${value}`,
  goType: (kind: string, field: string, type: string) => `json: cannot unmarshal ${kind} into Go struct field ${field} of type ${type}`,
  goValue: (kind: string, type: string) => `json: cannot unmarshal ${kind} into Go value of type ${type}`,
  // Go's encoding/json scanner (scanner.go): the end of the input, and where a bad byte was met.
  goEof: 'unexpected end of JSON input',
  goBadChar: (char: string, context: string) => `invalid character ${char} ${context}`,
  goContext: {
    value: 'looking for beginning of value',
    key: 'looking for beginning of object key string',
    afterKey: 'after object key',
    afterPair: 'after object key:value pair',
    afterElement: 'after array element',
    inString: 'in string literal',
    inEscape: 'in string escape code',
    inHex: 'in \\u hexadecimal character escape',
    inNumber: 'in numeric literal',
    afterDot: 'after decimal point in numeric literal',
    inExponent: 'in exponent of numeric literal',
    afterTop: 'after top-level value',
    literal: (word: string, expect: string) => `in literal ${word} (expecting ${expect})`,
  },
  // flannel-io/cni-plugin (flannel.go, flannel_linux.go)
  subnetEnv: (err: string) => `failed to load flannel 'subnet.env' file: ${err}. Check the flannel pod log for this node.`,
  noSuchFile: (path: string) => `open ${path}: no such file or directory`,
  subnetMissing: (path: string, keys: string) => `${path} is missing ${keys}`,
  flannelNetconf: (err: string) => `failed to load flannel netconf file: ${err}`,
  parseUint: (value: string) => `strconv.ParseUint: parsing ${goQuote(value)}: invalid syntax`,
  delegateType: "'delegate' dictionary, if present, must have (string) 'type' field",
  delegateName: "'delegate' dictionary must not have 'name' field, it'll be set by flannel",
  delegateIpam: "'delegate' dictionary must not have 'ipam' field, it'll be set by flannel",
  delegateAdd: (err: string) => `failed to delegate add: ${err}`,
  // projectcalico/calico cni-plugin and libcalico-go lib/ipam (ipam.go AssignIP, PartialFulfillmentError; pools.go)
  calicoNoPools: (host: string) => `no configured Calico pools for host:${host}`,
  calicoAssigned0: 'failed to request IPv4 addresses: Assigned 0 out of 1 requested IPv4 addresses; No more free affine blocks',
  calicoNotInPool: 'The provided IP address is not in a configured pool\n',
  calicoInUse: 'Address already assigned in block',
  calicoAddRoute: (err: string) => `failed to add route inside the container: ${err}`,
  calicoHostRoute: (dev: string, err: string) => `error adding host side routes for interface: ${dev}, error: ${err}`,
  // Ours, not the reference plugins': a field this simulator does not model (code 2, SPEC.md §5).
  notModelled: (key: string, value: string) => `unsupported field in network configuration: ${key}=${value} (not modelled by Packet Journey)`,
  // spec 1.1 STATUS (SPEC.md §2): our flannel's answer when flanneld has not written subnet.env
  flannelUnavailable: (path: string) => `flannel is not ready: ${path} is missing`,
  // Go's errno texts, as syscall.Errno prints them
  errnoExist: 'file exists',
  errnoNetUnreach: 'network is unreachable',
  errnoNoDev: 'no such device',
  errnoNetDown: 'network is down',
  errnoInval: 'invalid argument',
} as const;
