import { affinityKey, blockKey, blockOf, CALICO_POOL_KEY, handleKey, newBlock, type CalicoBlock } from '../cni/calicoBlocks';
import type { Json } from '../cni/goJson';
import type { ConfList } from '../cni/runtime';
import { parseCidr } from '../net/ipv4';
import { CALICO_IPIP_DEV, calicoAllocations, calicoPool, calicoPodMtu, type CalicoSpec } from './datapathCalico';
import type { MachineSpec, Topology } from './topology';

/*
 * The CNI configuration a lab node runs when its lab's datapath is Calico, and the slice of
 * Calico's datastore its plugins read. The list is what calico's manifest installs as
 * /etc/cni/net.d/10-calico.conflist (manifests/calico.yaml, ConfigMap calico-config,
 * cni_network_config): the network `k8s-pod-network` with the calico plugin (Kubernetes datastore,
 * the node's name, the MTU calico-node detected, calico-ipam) then portmap. The datastore holds the
 * pool and, for every node of the lab, the blocks its addresses are in with those addresses
 * allocated (pods by their handle `k8s-pod-network.<pod>`, the VXLAN tunnel address by
 * `vxlan-tunnel-addr-<node>`): so calico-ipam on one node never takes a block another node holds.
 * What the lab cannot say is not kept: the order a block's freed addresses come back in (the lab
 * rebuilds each block's free list in address order).
 */

/** The network name of Calico's configuration list, and so the IPAM handles' prefix. */
export const CALICO_NETWORK_NAME = 'k8s-pod-network';

/** Calico's 10-calico.conflist for node `node`, pods at MTU `mtu`. */
export function calicoConfList(node: string, mtu: number): ConfList {
  const plugins: { [key: string]: Json }[] = [
    { type: 'calico', log_level: 'info', datastore_type: 'kubernetes', nodename: node, mtu, ipam: { type: 'calico-ipam' }, policy: { type: 'k8s' } },
    { type: 'portmap', snat: true, capabilities: { portMappings: true } },
  ];
  const list = { name: CALICO_NETWORK_NAME, cniVersion: '1.0.0', plugins };
  return { cniVersion: list.cniVersion, name: list.name, disableCheck: false, plugins, text: JSON.stringify(list, null, 2) };
}

/** The MTU the node's conflist carries under `spec`. */
export function calicoConfMtu(m: MachineSpec, spec: CalicoSpec): number {
  return calicoPodMtu(m, spec.encapsulation);
}

/** The datastore slice every node's plugins see: the pool, each node's blocks, affinities and handles. */
export function calicoDatastore(t: Topology, spec: CalicoSpec): Record<string, string> {
  const pool = calicoPool(t, spec);
  const ds: Record<string, string> = { [CALICO_POOL_KEY]: JSON.stringify({ spec: pool }) };
  const blocks = new Map<string, CalicoBlock>();
  for (const m of t.machines) {
    if (m.role !== 'node') continue;
    for (const a of calicoAllocations(m, pool)) {
      const cidr = blockOf(pool, a.ip);
      let b = blocks.get(cidr);
      if (!b) {
        b = newBlock(cidr, m.name);
        blocks.set(cidr, b);
        ds[affinityKey(m.name, cidr)] = JSON.stringify({ state: 'confirmed' });
      }
      // calico-node's allocateip: handle and attribute type per tunnel (node/pkg/allocateip, ipam.AttributeTypeVXLAN / AttributeTypeIPIP).
      const ipip = a.dev === CALICO_IPIP_DEV;
      const handle = a.pod !== undefined ? `${CALICO_NETWORK_NAME}.${a.pod}` : `${ipip ? 'ipip' : 'vxlan'}-tunnel-addr-${m.name}`;
      let idx = b.attributes.findIndex((x) => x.handle_id === handle);
      if (idx < 0) idx = b.attributes.push({ handle_id: handle, secondary: a.pod !== undefined ? { namespace: 'default', node: m.name, pod: a.pod } : { node: m.name, type: ipip ? 'ipipTunnelAddress' : 'vxlanTunnelAddress' } }) - 1;
      const o = a.ip - (parseCidr(cidr)?.ip ?? a.ip);
      b.allocations[o] = idx;
      b.unallocated = b.unallocated.filter((x) => x !== o);
      ds[handleKey(handle)] = JSON.stringify({ handleID: handle, block: { [cidr]: 1 } });
    }
  }
  for (const [cidr, b] of blocks) ds[blockKey(cidr)] = JSON.stringify(b);
  return ds;
}

