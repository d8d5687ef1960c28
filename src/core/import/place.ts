import { formatIp, inPrefix, networkOf, parseCidr, parseIp } from '../net/ipv4';
import { CALICO_IPIP_DEV, CALICO_VXLAN_DEV, calicoBlocks, calicoPool, programCalico, type CalicoSpec } from '../model/datapathCalico';
import { CILIUM_HOST } from '../model/datapathCilium';
import { TopologyEditError } from '../model/editError';
import { addPod } from '../model/podNetwork';
import { FLANNEL_NETWORK_NAME } from '../model/podCniFlannel';
import { formatProblem } from '../i18n/problems';
import type { MachineSpec, RouteSpec, Topology } from '../model/topology';
import { note, type ImportNote } from './notes';
import type { ClusterPlan, PlannedNode } from './resolve';
import type { IpBlock } from './types';
import { WEAVE_RANGE } from '../model/datapathWeave';

/*
 * Each imported pod given its network by the CNI ADD on its node, keeping the address it has on
 * the cluster through the CNI's own mechanism:
 * - the bridge plugin and Flannel's (host-local): the node's cursor (`lastReservedIp`) is set
 *   just below the address, as if the pod before it had just been made;
 * - Calico: calico-ipam's AssignIP of the address passed as CNI_ARGS `IP=` (what Calico's plugin
 *   does for a pod annotated `cni.projectcalico.org/ipAddrs`; cni-plugin/pkg/ipamplugin), which
 *   claims the /26 block holding it for the node when nobody holds it yet: so the node's blocks
 *   are those of its pods, affine to it, as on the cluster;
 * - Cilium: the node's cluster-pool CIDR (the CiliumNode's `spec.ipam.podCIDRs`) and its agent's
 *   AllocateIP of the address for the pod (pkg/ipam/allocator.go), which IPAMAllocate then answers.
 * - Weave Net: weaver's record of the address it owns for the pod's container ID (ipam/allocator.go
 *   `owned`, which AllocateIP answers with: ipam/allocate.go lookupOwned); the nodes run Weave
 *   before the first ADD (weave.ts). A pod outside the allocation range this build has
 *   (10.32.0.0/12, when the user chose Weave for another CNI's cluster) gets weaver's next address.
 * Pods are added oldest first; one whose address the ADD cannot give is listed, not placed.
 */

/** How a mode's CNI gives pods their addresses. */
export type PlaceBy = 'cursor' | 'calico' | 'cilium' | 'weave';

/** Whether an address lies in Weave Net's allocation range (the lab's: IPALLOC_RANGE's default). */
export function inWeaveRange(ip: number): boolean {
  const r = parseCidr(WEAVE_RANGE);
  return r !== null && inPrefix(ip, r.ip, r.prefix);
}

/** The subnet an imported pod must lie in on its node (null: any address of the pool, Calico, or of the range, Weave). */
function subnetOf(node: PlannedNode, by: PlaceBy): string | null {
  return by === 'calico' || by === 'weave' ? null : node.podCidr;
}

/** Places every pod planned for a namespace; returns the lab with them. */
export function placePods(t: Topology, plan: ClusterPlan, by: PlaceBy, bridgeMode: boolean, notes: ImportNote[]): Topology {
  const network = bridgeMode ? 'cni0' : FLANNEL_NETWORK_NAME;
  const pods = plan.pods.filter((p) => p.place === 'namespace').map((p, k) => ({ p, k })).sort((a, b) => a.p.createdAt - b.p.createdAt || a.k - b.k);
  for (const { p } of pods) {
    const node = plan.nodes.find((n) => n.name === p.fact.node);
    const ip = p.fact.ip ?? '';
    const want = parseIp(ip) as number;
    const subnet = node ? subnetOf(node, by) : '';
    const c = subnet === null ? null : parseCidr(subnet ?? '');
    if (!node || (subnet !== null && (!c || networkOf(want, c.prefix) !== networkOf(c.ip, c.prefix)))) {
      notes.push(note('pod-outside-subnet', { pod: `${p.fact.namespace}/${p.fact.name}`, ip, cidr: node?.podCidr ?? '' }));
      p.place = 'none';
      continue;
    }
    let ready = t;
    if (by === 'cursor') {
      const before = t.machines.find((m) => m.name === node.name) as MachineSpec;
      const cursor: MachineSpec = { ...before, cni: { ...before.cni, lastReservedIp: { ...before.cni?.lastReservedIp, [network]: formatIp(want - 1) } } };
      ready = { ...t, machines: t.machines.map((m) => (m === before ? cursor : m)) };
    }
    const renumber = by === 'weave' && !inWeaveRange(want);
    try {
      const added = addPod(ready, node.name, { name: p.ns, k8s: { namespace: p.fact.namespace, name: p.fact.name }, ...(by !== 'cursor' && !renumber ? { ip } : {}) });
      const got = added.address.split('/')[0] ?? '';
      if (renumber) notes.push(note('pod-renumbered', { pod: `${p.fact.namespace}/${p.fact.name}`, ip, got, range: WEAVE_RANGE }));
      else if (got !== ip) throw new Error(got);
      t = added.topology;
    } catch (e) {
      notes.push(note('pod-ip-refused', { pod: `${p.fact.namespace}/${p.fact.name}`, ip, got: refusal(e) }));
      p.place = 'none';
    }
  }
  return t;
}

function refusal(e: unknown): string {
  if (e instanceof TopologyEditError) return formatProblem({ ...(e.problems[0] ?? { code: 'invalid', params: { got: '' } }), path: '' }, 'en');
  return e instanceof Error ? e.message : '';
}

/** The pods planned for namespaces on a node, as addresses. */
export function podIpsOn(plan: ClusterPlan, node: string): number[] {
  return plan.pods.filter((p) => p.place === 'namespace' && p.fact.node === node).flatMap((p) => {
    const ip = parseIp(p.fact.ip ?? '');
    return ip === null ? [] : [ip];
  });
}

/** minikube's cilium manifest: `cluster-pool-ipv4-mask-size: 24` (networking-facts §5.3). */
const CILIUM_MASK = 24;

/**
 * Each node's cluster-pool CIDR: its CiliumNode's when pasted; else the /24 holding its pods (the
 * operator's CIDRs need not be kube-controller-manager's `spec.podCIDR`, which cluster-pool does
 * not read); else its podCIDR as planned. Changes `plan` (the nodes' `podCidr`).
 */
export function ciliumCidrs(plan: ClusterPlan, notes: ImportNote[]): void {
  for (const n of plan.nodes) {
    const fromNode = n.cilium?.podCidr;
    const ips = podIpsOn(plan, n.name);
    const inOwn = (cidr: string) => {
      const c = parseCidr(cidr);
      return c !== null && ips.every((ip) => networkOf(ip, c.prefix) === networkOf(c.ip, c.prefix));
    };
    const first = ips[0];
    const fromPods = first !== undefined ? `${formatIp(networkOf(first, CILIUM_MASK))}/${CILIUM_MASK}` : null;
    if (fromNode !== undefined) n.podCidr = fromNode;
    else if (fromPods !== null && !inOwn(n.podCidr) && inOwn(fromPods)) n.podCidr = fromPods;
    notes.push(note('cilium-pod-cidr', { node: n.name, cidr: n.podCidr, from: fromNode !== undefined ? 'ciliumnode' : n.podCidr === fromPods ? 'pods' : 'podcidr' }));
  }
}

/**
 * Each node's router IP on cilium_host, once Cilium's devices are in: the CiliumNode's
 * CiliumInternalIP, or cilium_host's address in the node's `ip -j addr`, else the lowest address
 * of the node's CIDR that none of its pods holds (the agent allocates the router IP from the CIDR
 * like any address).
 */
export function ciliumRouters(t: Topology, plan: ClusterPlan, ipOf: ReadonlyMap<string, IpBlock[]>, notes: ImportNote[]): Topology {
  const machines = t.machines.map((m) => {
    const n = plan.nodes.find((x) => x.name === m.name);
    const c = parseCidr(n?.podCidr ?? '');
    if (!n || !c || !m.interfaces.some((i) => i.name === CILIUM_HOST)) return m;
    const shown = (ipOf.get(n.name) ?? []).flatMap((b) => (b.table.kind === 'addr' ? b.table.links : [])).find((l) => l.ifname === CILIUM_HOST)?.addresses[0]?.split('/')[0];
    let ip = n.cilium?.router ?? shown;
    const from = n.cilium?.router !== undefined ? 'ciliumnode' : shown !== undefined ? 'cilium_host' : 'lowest';
    if (ip === undefined) {
      const taken = new Set(podIpsOn(plan, n.name));
      const net = networkOf(c.ip, c.prefix);
      for (let a = net + 1; a < net + 2 ** (32 - c.prefix) - 1 && ip === undefined; a++) if (!taken.has(a)) ip = formatIp(a);
    }
    if (ip === undefined) return m;
    notes.push(note('cilium-router', { node: n.name, ip, from }));
    const router = ip;
    return { ...m, interfaces: m.interfaces.map((i) => (i.name === CILIUM_HOST ? { ...i, addresses: [`${router}/32`] } : i)) };
  });
  return { ...t, machines };
}

/**
 * The nodes' default route, which Calico needs: the proxy ARP answer for 169.254.1.1 comes only
 * when the node routes it out of another device (arp_process). The gateway is the node's
 * `ip -j route` default when pasted, else the first address of the nodes' network (the Docker
 * network's gateway for minikube and kind, networking-facts §7), drawn as a router machine.
 */
export function calicoGateway(t: Topology, plan: ClusterPlan, ipOf: ReadonlyMap<string, IpBlock[]>, notes: ImportNote[]): Topology {
  const first = plan.nodes[0];
  if (!first) return t;
  const shown = [...ipOf.values()].flat().flatMap((b) => (b.table.kind === 'route' ? b.table.routes : [])).find((r) => r.dst === 'default' && r.gateway !== undefined)?.gateway;
  const ip = shown ?? formatIp(networkOf(parseIp(first.ip) as number, first.prefix) + 1);
  notes.push(note('calico-gateway', { ip, from: shown !== undefined ? 'routes' : plan.tool === 'kubernetes' ? 'subnet' : 'docker' }));
  const eth0 = t.machines.find((m) => m.name === first.name)?.interfaces[0];
  if (!eth0 || eth0.kind !== 'ether') return t;
  const names = new Set(t.machines.map((m) => m.name));
  let name = 'gateway';
  for (let k = 2; names.has(name); k++) name = `gateway${k}`;
  const route: RouteSpec = { dst: 'default', via: ip, dev: eth0.name };
  const machines = t.machines.map((m) => {
    const nic = m.interfaces.find((i) => i.kind === 'ether' && i.segment === eth0.segment);
    return m.role === 'node' && nic ? { ...m, routes: [...(m.routes ?? []), { ...route, dev: nic.name }] } : m;
  });
  const gw: MachineSpec = {
    name, role: 'router', sysctls: { ip_forward: true },
    interfaces: [{ kind: 'ether', name: 'eth0', mac: `02:42:${ip.split('.').map((b) => Number(b).toString(16).padStart(2, '0')).join(':')}`, addresses: [`${ip}/${first.prefix}`], segment: eth0.segment }],
  };
  return { ...t, machines: [...machines, gw] };
}

/**
 * calico-node's program on every node (also those without pods), and the blocks each node holds,
 * said. The tunnel addresses the placement's own programs took go first: on the real node calico-node
 * took its tunnel address before any pod, from the block its pods then filled (minikube-calico.txt:
 * tunl0 10.244.205.192, the pod .193), so each is taken again as the first free address of the
 * block that holds the node's pods, not from a block the lab's order of additions chose.
 */
export function calicoFinish(t: Topology, spec: CalicoSpec, notes: ImportNote[]): Topology {
  const tunnels = new Set([CALICO_VXLAN_DEV, CALICO_IPIP_DEV]);
  const bare: Topology = { ...t, machines: t.machines.map((m) => (m.role === 'node' && m.interfaces.some((i) => tunnels.has(i.name)) ? { ...m, interfaces: m.interfaces.filter((i) => !tunnels.has(i.name)) } : m)) };
  const done = programCalico(bare, spec);
  for (const [node, blocks] of calicoBlocks(done, calicoPool(done, spec))) if (blocks.length > 0) notes.push(note('calico-blocks', { node, blocks: blocks.join(', ') }));
  return done;
}
