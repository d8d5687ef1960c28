import { networkOf, parseCidr } from '../net/ipv4';
import { WG_DEV } from '../model/wireguard';
import type { ModeEvidence } from './cni';
import type { ClusterPlan } from './resolve';
import type { IpBlock, IpLink, IpRoute } from './types';

/*
 * What the nodes' own tables say of the CNI's mode, read from the devices and routes each agent
 * makes (networking-facts §3.5, §4.2, §5.1): flanneld's `flannel.1` (VXLAN) or its host-gw routes
 * (a remote pod subnet via that node's address); calico-node's `vxlan.calico`, an addressed `tunl0`
 * (IP-in-IP; the ipip module makes tunl0 on any host, only Calico gives it an address from its
 * pool) or BIRD's routes (`proto bird`, over tunl0 or straight via the other node); Cilium's
 * `cilium_vxlan` (tunnel), or `cilium_host` without it and routes to the other nodes' CIDRs via
 * their addresses (native, auto-direct-node-routes); Cilium's WireGuard device `cilium_wg0`
 * (transparent encryption, pkg/wireguard/agent).
 */

function links(blocks: readonly IpBlock[]): IpLink[] {
  return blocks.flatMap((b) => (b.table.kind === 'addr' ? b.table.links : []));
}

function routes(blocks: readonly IpBlock[]): IpRoute[] {
  return blocks.flatMap((b) => (b.table.kind === 'route' ? b.table.routes : []));
}

/** Whether a route's destination lies inside the cluster's pod network. */
function inNetwork(network: string, dst: string): boolean {
  const net = parseCidr(network);
  const d = parseCidr(dst);
  return net !== null && d !== null && d.prefix >= net.prefix && networkOf(d.ip, net.prefix) === networkOf(net.ip, net.prefix);
}

/** Each CNI's mode as the pasted `ip -j addr` and `ip -j route` of any node show it; absent where nothing shows it. */
export function modeEvidence(plan: ClusterPlan, ipOf: ReadonlyMap<string, IpBlock[]>): ModeEvidence {
  const blocks = [...ipOf.values()].flat();
  const ls = links(blocks);
  const rs = routes(blocks);
  const has = (name: string): boolean => ls.some((l) => l.ifname === name);
  const viaNode = rs.some((r) => plan.nodes.some((n) => n.podCidr === r.dst && n.ip === r.gateway));
  const out: ModeEvidence = {};
  if (has('flannel.1')) out.flannel = { backend: 'vxlan', from: 'flannel.1' };
  else if (viaNode) out.flannel = { backend: 'host-gw', from: 'routes' };
  const bird = rs.filter((r) => r.protocol === 'bird' && r.type === undefined);
  if (has('vxlan.calico')) out.calico = { encap: 'vxlan', from: 'vxlan.calico' };
  else if (ls.some((l) => l.ifname === 'tunl0' && l.addresses.length > 0)) out.calico = { encap: 'ipip', from: 'tunl0' };
  else if (bird.some((r) => r.dev === 'tunl0')) out.calico = { encap: 'ipip', from: 'routes' };
  else if (bird.some((r) => r.gateway !== undefined && plan.nodes.some((n) => n.ip === r.gateway))) out.calico = { encap: 'none', from: 'routes' };
  if (has('cilium_vxlan')) out.cilium = { routing: 'tunnel', from: 'cilium_vxlan' };
  else if (has('cilium_host')) out.cilium = { routing: 'native', from: 'cilium_host' };
  else if (rs.some((r) => r.protocol !== 'bird' && inNetwork(plan.network, r.dst) && plan.nodes.some((n) => n.ip === r.gateway))) out.cilium = { routing: 'native', from: 'routes' };
  // Cilium's WireGuard device: a link without a link layer (`link_type` none), whatever its MTU.
  if (has(WG_DEV)) out.wireguard = { from: 'cilium_wg0' };
  else if (plan.nodes.some((n) => n.cilium?.wgPubKey === true)) out.wireguard = { from: 'ciliumnode' };
  // Weave Net (net/bridge.go): fastdp makes the OVS datapath `datapath` beside the bridge `weave`; sleeve only the bridge.
  if (has('datapath')) out.weave = { fastdp: true, from: 'datapath' };
  else if (has('weave')) out.weave = { fastdp: false, from: 'weave' };
  return out;
}
