import type { Topology } from '../model/topology';

/**
 * Whether a lab has something to compare: two or more Kubernetes nodes a CNI could serve (an
 * addressed NIC, and a pod subnet: `cni.podCidr` or a bridge with an address), the same nodes
 * `flannelNodes` counts. Cheap and free of the datapath code, so the player's first page can ask
 * it without loading that code (the compare view loads it on demand).
 */
export function compareOffered(t: Topology): boolean {
  let nodes = 0;
  for (const m of t.machines) {
    if (m.role !== 'node') continue;
    const nic = m.interfaces.some((i) => i.kind === 'ether' && (i.addresses ?? []).length > 0 && i.master === undefined);
    const lease = m.cni?.podCidr !== undefined || m.interfaces.some((i) => i.kind === 'bridge' && (i.addresses ?? []).length > 0);
    if (nic && lease) nodes++;
  }
  return nodes >= 2;
}
