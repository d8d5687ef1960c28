import { formatIp, parseCidr } from '../net/ipv4';
import { goParse } from './goDecode';
import { isObject } from './goJson';
import { delContainerLink, type CmdArgs, type Plugin, type PluginHost } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { HOST_NS } from './state';
import { CNI_ERR, CniError, type CniResult } from './types';
import { printResult } from './version';

/*
 * weave-net, Weave Net's CNI plugin (weaveworks/weave plugin/net/cni.go CmdAdd, last release
 * 2.8.1; the project is dormant since 2022-11), as /etc/cni/net.d/10-weave.conflist runs it
 * (the `weave` script's create_cni_config: cniVersion 0.3.0, weave-net with hairpinMode, then
 * portmap). ADD, in its order:
 * - loadNetConf: `bridge` defaults to `weave`, `hairpinMode` to true; `isGateway` and `ipMasq`
 *   are refused ("… functionality not supported");
 * - getIP: with no `ipam.type`, weave's own IPAM: the plugin asks the local weaver over HTTP
 *   (plugin/ipam/cni.go Allocate → AllocateIP); the address comes with the range's prefix (/12),
 *   no gateway and no routes. The lab's weaver gives the lowest free address of its peer's share
 *   (ipam/space/space.go Allocate; NodeState.weave), or the one it already owns for the container
 *   ID (ipam/allocate.go Try → lookupOwned; `WeaveRouterState.owned`);
 * - no routes and no gateway: the gateway is the bridge's address (net/bridge.go FindBridgeIP);
 *   when the bridge has none yet, the plugin allocates one for the ID "weave:expose" and exposes
 *   the bridge with it (c.weave.Expose), as `weave expose` would;
 * - weavenet.AttachContainer (net/veth.go): the pair `vethwepl<id>` (host, a port of the bridge,
 *   hairpin per the conf) / `vethwepg<id>` renamed to CNI_IFNAME in the pod, where <id> is the
 *   container ID cut to IFNAMSIZ − 1 − len("vethwepl") = 7 characters (an ID shorter than 5 is
 *   replaced by 10 random hex digits); MTU the conf's, else the bridge's (CreateAndAttachVeth);
 *   the address on the pod's end. The lab makes the pod's end under its final name (the same
 *   links, without the rename);
 * - setupRoutes: `default via <bridge IP>` (plus `<bridge IP>/32` scope link first when the bridge's
 *   address is outside the pod's subnet, which it never is with weave's own IPAM);
 * - the result: the IPAM's, with the gateway filled in: `ips` and `dns`, no `interfaces`.
 * DEL removes the pod's interface (the pair goes with it) and releases its address in weaver;
 * it succeeds when the namespace is gone already.
 */

/** The network name of 10-weave.conflist. */
export const WEAVE_NETWORK_NAME = 'weave';
/** The host end's prefix (net/veth.go: `vethPrefix + "pl"`, vethPrefix = "v" + "ethwe"). */
export const WEAVE_VETH_PREFIX = 'vethwepl';
/** IFNAMSIZ − 1: the longest interface name. */
const MAX_IFNAME = 15;

interface WeaveConf {
  cniVersion: string;
  bridge: string;
  hairpinMode: boolean;
  isGateway: boolean;
  ipMasq: boolean;
  mtu: number;
}

function loadConf(stdin: string): WeaveConf {
  const parsed = goParse(stdin);
  if (!parsed.ok) throw new CniError(CNI_ERR.decoding, T.unmarshalConfig(parsed.error));
  const v = isObject(parsed.value) ? parsed.value : {};
  return {
    cniVersion: typeof v.cniVersion === 'string' ? v.cniVersion : '0.3.0',
    bridge: typeof v.bridge === 'string' ? v.bridge : 'weave',
    hairpinMode: typeof v.hairpinMode === 'boolean' ? v.hairpinMode : true,
    isGateway: v.isGateway === true,
    ipMasq: v.ipMasq === true,
    mtu: typeof v.mtu === 'number' ? v.mtu : 0,
  };
}

/** The host end's name for a container ID (net/veth.go AttachContainer); `random` gives 10 hex digits for a short ID. */
export function weaveVethName(containerId: string, random: () => string = () => ''): string {
  const id = containerId.length < 5 ? random() : containerId;
  return `${WEAVE_VETH_PREFIX}${id.slice(0, MAX_IFNAME - WEAVE_VETH_PREFIX.length)}`;
}

/** weaver's AllocateIP: the lowest free address of the peer's share, inside the range's host part. */
function allocate(h: PluginHost, id: string): { ip: string; prefix: number } {
  const router = h.kernel.node.weave;
  if (!router) throw new Error(T.weaveAllocate(T.weaveNoRouter(id)));
  const r = parseCidr(router.range);
  if (!r) throw new Error(T.weaveAllocate(T.weaveNoSpace(router.range)));
  const net = r.ip >>> 0;
  // lookupOwned: an address the allocator already owns for this ID, anywhere in the range.
  const owned = parseCidr(`${router.owned?.[id] ?? ''}/32`);
  if (owned && (owned.ip >>> (32 - r.prefix)) === (net >>> (32 - r.prefix))) return { ip: formatIp(owned.ip), prefix: r.prefix };
  const first = Math.max(router.start, net + 1);
  const last = Math.min(router.end - 1, net + 2 ** (32 - r.prefix) - 2);
  const taken = new Set<number>(router.held ?? []);
  for (const n of Object.values(h.kernel.node.namespaces)) for (const l of n.links) for (const a of l.addresses) {
    const c = parseCidr(a);
    if (c) taken.add(c.ip >>> 0);
  }
  for (let ip = first; ip <= last; ip++) if (!taken.has(ip)) return { ip: formatIp(ip), prefix: r.prefix };
  throw new Error(T.weaveAllocate(T.weaveNoSpace(router.range)));
}

/** weave-net. */
export const weaveNet: Plugin = {
  name: 'weave-net',

  add(a: CmdArgs, h: PluginHost): string {
    const k = h.kernel;
    const conf = loadConf(a.stdin);
    if (conf.isGateway) throw new Error(T.weaveNoGateway);
    if (conf.ipMasq) throw new Error(T.weaveNoMasq);
    const addr = allocate(h, a.containerId);
    const br = k.link(HOST_NS, conf.bridge);
    if (!br || br.kind !== 'bridge') throw new Error(T.weaveNoBridge(conf.bridge));
    // FindBridgeIP: the bridge's address in the pod's subnet, else its first; none: expose it.
    const subnet = { ip: parseCidr(`${addr.ip}/${addr.prefix}`)?.ip ?? 0, prefix: addr.prefix };
    const inSubnet = (cidr: string): boolean => {
      const c = parseCidr(cidr);
      return c !== null && c.ip >>> (32 - subnet.prefix) === subnet.ip >>> (32 - subnet.prefix);
    };
    let gwCidr = br.addresses.find(inSubnet) ?? br.addresses[0];
    if (gwCidr === undefined) {
      const exposed = allocate(h, 'weave:expose');
      gwCidr = `${exposed.ip}/${exposed.prefix}`;
      k.addrAdd(HOST_NS, br, gwCidr);
    }
    const gw = gwCidr.split('/')[0] ?? gwCidr;
    if (!k.hasNetns(a.netns)) throw new Error(T.openNetns(a.netns));
    const hex = (): string => h.kernel.entropy.bytes(5, 'veth-name').map((b) => b.toString(16).padStart(2, '0')).join('');
    const [cont, host] = k.addVeth(a.netns, a.ifname, HOST_NS, weaveVethName(a.containerId, hex), conf.mtu > 0 ? conf.mtu : br.mtu);
    k.setMaster(HOST_NS, host, br);
    k.setUp(HOST_NS, host, true);
    k.setFlag(HOST_NS, host, 'hairpin', conf.hairpinMode);
    const cidr = `${addr.ip}/${addr.prefix}`;
    k.addrAdd(a.netns, cont, cidr);
    k.setUp(a.netns, cont, true);
    if (!inSubnet(gwCidr)) k.routeAdd(a.netns, { dst: `${gw}/32`, dev: cont.index });
    k.routeAdd(a.netns, { dst: '0.0.0.0/0', gw, dev: cont.index });
    const result: CniResult = { cniVersion: conf.cniVersion, ips: [{ address: cidr, gateway: gw }], dns: {} };
    return printResult(result, conf.cniVersion);
  },

  del(a: CmdArgs, h: PluginHost): void {
    loadConf(a.stdin);
    delContainerLink(a, h);
  },

  check(a: CmdArgs): void {
    loadConf(a.stdin);
  },
};
