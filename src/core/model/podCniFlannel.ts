import type { Json } from '../cni/goJson';
import type { ConfList } from '../cni/runtime';
import { formatIp, networkOf, parseCidr } from '../net/ipv4';
import type { MachineSpec, Topology } from './topology';

/*
 * The CNI configuration a lab node runs when its lab's datapath is Flannel: what kube-flannel
 * installs (Documentation/kube-flannel.yml, ConfigMap kube-flannel-cfg): the network list `cbr0`
 * with the flannel meta-plugin, which delegates to bridge with hairpinMode and isDefaultGateway,
 * then portmap; and what flanneld writes in /run/flannel/subnet.env for the node: the cluster
 * network, the node's lease (its first address, the bridge's gateway), the MTU of the backend
 * (the underlay's, less 50 bytes for VXLAN) and FLANNEL_IPMASQ=true (flanneld runs with --ip-masq,
 * so the plugin tells bridge not to masquerade). The bridge cni0 is then created by the first
 * pod's ADD, as on a real node.
 */

/** The network name of kube-flannel's configuration list, and so host-local's directory. */
export const FLANNEL_NETWORK_NAME = 'cbr0';

/** kube-flannel's cni-conf.json, as the runtime reads it from /etc/cni/net.d/10-flannel.conflist. */
export function flannelConfList(): ConfList {
  const plugins: { [key: string]: Json }[] = [
    { type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } },
    { type: 'portmap', capabilities: { portMappings: true } },
  ];
  const list = { name: FLANNEL_NETWORK_NAME, cniVersion: '0.3.1', plugins };
  return { cniVersion: list.cniVersion, name: list.name, disableCheck: false, plugins, text: JSON.stringify(list, null, 2) };
}

/** A node's pod subnet as flannel's lease: network and prefix. */
export interface FlannelLease {
  net: number;
  prefix: number;
}

/**
 * The node's lease, when its lab can use the Flannel configuration: from `cni.podCidr`, or else
 * from cni0's address when that address is the subnet's first (what flannel's bridge would have
 * put there). A node whose cni0 holds another address (the seed's .254) keeps the plain bridge
 * configuration: flannel's delegate would give cni0 the subnet's .1 and bridge would refuse
 * ("already has an IP address different from …").
 */
export function flannelLease(machine: MachineSpec): FlannelLease | null {
  const fromSpec = parseCidr(machine.cni?.podCidr ?? '');
  if (fromSpec) return { net: networkOf(fromSpec.ip, fromSpec.prefix), prefix: fromSpec.prefix };
  const cni0 = machine.interfaces.find((i) => i.kind === 'bridge' && i.name === 'cni0');
  const addr = parseCidr(cni0?.addresses?.[0] ?? '');
  if (!cni0) return null;
  if (!addr) return null;
  const net = networkOf(addr.ip, addr.prefix);
  return addr.ip === net + 1 ? { net, prefix: addr.prefix } : null;
}

/** flanneld's MTU for this node: the VXLAN device's (underlay − 50 unless set), or the underlay's for host-gw. */
export function flannelMtu(machine: MachineSpec, backend: 'host-gw' | 'vxlan'): number {
  const eth0 = machine.interfaces.find((i) => i.kind === 'ether');
  const under = eth0?.mtu ?? 1500;
  if (backend === 'host-gw') return under;
  const vtep = machine.interfaces.find((i) => i.kind === 'vxlan');
  return vtep?.mtu ?? under - 50;
}

/** The cluster network: the datapath's `network`, or the /16 holding the node's lease (10.244.0.0/16 for 10.244.1.0/24). */
export function flannelNetwork(t: Topology, lease: FlannelLease): string {
  const given = t.datapath?.cni === 'flannel' ? t.datapath.network : undefined;
  if (given !== undefined) return given;
  const prefix = Math.min(16, lease.prefix);
  return `${formatIp(networkOf(lease.net, prefix))}/${prefix}`;
}

/** /run/flannel/subnet.env as flanneld writes it (pkg/subnet WriteSubnetFile), IPv4 only. */
export function subnetEnv(network: string, lease: FlannelLease, mtu: number): string {
  return `FLANNEL_NETWORK=${network}\nFLANNEL_SUBNET=${formatIp(lease.net + 1)}/${lease.prefix}\nFLANNEL_MTU=${mtu}\nFLANNEL_IPMASQ=true\n`;
}
