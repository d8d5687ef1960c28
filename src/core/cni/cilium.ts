import { formatIp, networkOf, parseCidr } from '../net/ipv4';
import { goParse } from './goDecode';
import { isObject } from './goJson';
import { lxcHostName } from './ciliumName';
import { delContainerLink, type CmdArgs, type Plugin, type PluginHost } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { HOST_NS } from './state';
import { CNI_ERR, CniError, type CniResult } from './types';
import { printResult } from './version';

/*
 * cilium-cni (cilium/cilium plugins/cilium-cni/cmd/cmd.go Add), the plugin the agent installs as
 * /etc/cni/net.d/05-cilium.conflist. ADD, in its order:
 * - asks the local agent over /var/run/cilium/cilium.sock for the node's configuration and for an
 *   address (IPAMAllocate; cluster-pool hands out the node's pod CIDR; the lab's agent gives the
 *   lowest free address, not the router IP);
 * - connector.SetupVeth: the host end `lxc` + 12 hex digits of sha256(container ID), the pod's end
 *   made as `tmp…` and renamed to CNI_IFNAME in the pod's namespace (the lab makes it there under
 *   its final name: the same links, without the rename);
 * - in the pod: the address as a /32, the link up, and the routes connector/ipam.go IPv4Routes
 *   gives: `<router IP>/32 dev eth0` (scope link) and `default via <router IP> dev eth0`;
 * - EndpointCreate: the agent attaches cil_from_container to the host end and gives the pod its
 *   security identity (what the lab writes back, model/podCniCilium.ts).
 * No bridge, no host-local. DEL removes the pod's interface (the pair goes with it) and releases
 * the address in the agent; it succeeds when the namespace is gone already.
 */

/** The Cilium conflist's network name. */
export const CILIUM_NETWORK_NAME = 'cilium';

function loadConf(stdin: string): { cniVersion: string } {
  const parsed = goParse(stdin);
  if (!parsed.ok) throw new CniError(CNI_ERR.decoding, T.unmarshalConfig(parsed.error));
  const v = isObject(parsed.value) ? parsed.value : {};
  return { cniVersion: typeof v.cniVersion === 'string' ? v.cniVersion : '0.3.1' };
}

/**
 * IPAMAllocate as the lab's agent answers it: the address it already holds for this owner (the
 * container ID) when it holds one, else the lowest address of the pod CIDR nobody on the node holds.
 */
function allocate(h: PluginHost, owner: string): { ip: string; prefix: number; router: string } {
  const agent = h.kernel.node.agent;
  if (!agent) throw new Error(T.ciliumNoAgent);
  const cidr = parseCidr(agent.podCidr);
  if (!cidr) throw new Error(T.ciliumNoAgent);
  const taken = new Set<string>([agent.router]);
  for (const n of Object.values(h.kernel.node.namespaces)) for (const l of n.links) for (const a of l.addresses) taken.add(a.split('/')[0] ?? a);
  const held = agent.held?.[owner];
  if (held !== undefined) return { ip: held, prefix: cidr.prefix, router: agent.router };
  const net = networkOf(cidr.ip, cidr.prefix);
  const size = 2 ** (32 - cidr.prefix);
  for (let ip = net + 1; ip < net + size - 1; ip++) {
    if (!taken.has(formatIp(ip))) return { ip: formatIp(ip), prefix: cidr.prefix, router: agent.router };
  }
  throw new Error(T.ciliumIpamFull(agent.podCidr));
}

/** cilium-cni. */
export const ciliumCni: Plugin = {
  name: 'cilium-cni',

  add(a: CmdArgs, h: PluginHost): string {
    const k = h.kernel;
    const conf = loadConf(a.stdin);
    const addr = allocate(h, a.containerId);
    if (!k.hasNetns(a.netns)) throw new Error(T.openNetns(a.netns));
    const [cont, host] = k.addVeth(a.netns, a.ifname, HOST_NS, lxcHostName(a.containerId), 1500);
    k.setUp(HOST_NS, host, true);
    k.addrAdd(a.netns, cont, `${addr.ip}/32`);
    k.setUp(a.netns, cont, true);
    k.routeAdd(a.netns, { dst: `${addr.router}/32`, dev: cont.index });
    k.routeAdd(a.netns, { dst: '0.0.0.0/0', gw: addr.router, dev: cont.index });
    const result: CniResult = {
      cniVersion: conf.cniVersion,
      interfaces: [{ name: cont.name, mac: cont.mac, sandbox: a.netns }],
      ips: [{ interface: 0, address: `${addr.ip}/32`, gateway: addr.router }],
      routes: [{ dst: `${addr.router}/32` }, { dst: '0.0.0.0/0', gw: addr.router }],
      dns: {},
    };
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
