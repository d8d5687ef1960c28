import { formatIp, networkOf, parseCidr, parseIp } from '../net/ipv4';
import { setDatapath } from '../model/datapath';
import { TopologyEditError } from '../model/editError';
import { macFor } from '../model/labEdits';
import { addPod } from '../model/podNetwork';
import { FLANNEL_NETWORK_NAME } from '../model/podCniFlannel';
import { validateTopology } from '../model/validate';
import { formatProblem } from '../i18n/problems';
import type { ClusterPodSpec, ClusterSpec, MachineSpec, Topology } from '../model/topology';
import { applyIpTables, assignIpBlocks, externalLink } from './applyIp';
import { datapathOfCni, detectCni, modeSpec, type DetectedCni, type ImportMode } from './cni';
import { note, noteKind, type ImportNote } from './notes';
import { readSources } from './read';
import { resolveCluster, type ClusterPlan } from './resolve';
import { importCatalog } from './tell';
import type { ImportSource, IpBlock } from './types';

/*
 * From cluster output to a lab, through the one path: nodes on their network with their pod
 * subnets, each pod given its network by the CNI ADD (`addPod`) with the address it has on the
 * cluster (host-local hands out the address after its cursor, so the cursor is set just below it,
 * as if the pod before it had just been made), then what the CNI's agent programs on every node
 * (`setDatapath`), then the nodes' own iproute2 tables. Every step says what it recognised, assumed
 * or skipped; errors leave no lab.
 */

/** What the user may decide. */
export interface ImportOptions {
  /** The datapath mode, when the detected one is not wanted or none was detected. */
  mode?: ImportMode;
}

/** What an import gives: the lab (null while there are errors), every remark, and what it decided. */
export interface ImportOutcome {
  topology: Topology | null;
  notes: ImportNote[];
  detected: DetectedCni | null;
  /** The mode the lab has (or would have): the user's, else the detected CNI's; null when none. */
  mode: ImportMode | null;
  counts: { nodes: number; pods: number; hostNetwork: number; notPlaced: number };
  /** A first journey: a ping between two pods on different nodes (or any two pods; else a pod or node to another node), null with one machine. */
  journey: { from: string; to: string } | null;
}

/**
 * Two pods on different nodes, the first of the lab's and the first of another node's; else the
 * first two. The user's own pods come first (kubectl namespaces other than kube-*), so the journey
 * is between what they deployed rather than from the cluster's DNS.
 */
export function firstJourney(t: Topology): { from: string; to: string } | null {
  const system = new Set((t.cluster?.pods ?? []).filter((p) => p.namespace.startsWith('kube-') && p.ns !== undefined).map((p) => p.ns));
  const all = t.machines.flatMap((m) => (m.pods ?? []).map((p) => ({ node: m.name, pod: p.name })));
  const pods = [...all.filter((p) => !system.has(p.pod)), ...all.filter((p) => system.has(p.pod))];
  const [a] = pods;
  const b = a ? (pods.find((p) => p.node !== a.node) ?? pods[1]) : undefined;
  if (a && b) return { from: a.pod, to: b.pod };
  // Nodes alone (only `kubectl get nodes` pasted), or one pod: a ping between two machines still
  // shows the nodes' own network (ARP on the shared segment, or the way to another node).
  const nodes = t.machines.map((m) => m.name);
  const from = a?.pod ?? nodes[0];
  const to = nodes.find((n) => n !== (a?.node ?? from));
  return from !== undefined && to !== undefined ? { from, to } : null;
}

/** Docker up to 27 gave a container the MAC 02:42 followed by its IPv4 address (minikube's and kind's nodes are containers); 28.0 picks random ones (moby#48808), which only ip -j addr tells. */
function dockerMac(ip: string): string {
  return `02:42:${ip.split('.').map((b) => Number(b).toString(16).padStart(2, '0')).join(':')}`;
}

/** The machines of the plan: eth0 (the node's real device name, MAC and MTU when `ip -j addr` gives them) and the pod subnet. */
function machinesOf(plan: ClusterPlan, mode: ImportMode, ipOf: ReadonlyMap<string, IpBlock[]>, segments: Map<string, string>): MachineSpec[] {
  return plan.nodes.map((n) => {
    const link = externalLink(ipOf.get(n.name), n.ip);
    const ipNum = parseIp(n.ip) as number;
    const net = `${formatIp(networkOf(ipNum, n.prefix))}/${n.prefix}`;
    const segment = segments.get(net) ?? `${plan.profile}${segments.size === 0 ? '' : segments.size + 1}`;
    segments.set(net, segment);
    const mac = link?.mac ?? (plan.tool === 'kubernetes' ? macFor(ipNum) : dockerMac(n.ip));
    const eth0 = { kind: 'ether' as const, name: link?.ifname ?? 'eth0', mac, addresses: [`${n.ip}/${n.prefix}`], segment, ...(link?.mtu !== undefined && link.mtu !== 1500 ? { mtu: link.mtu } : {}) };
    const m: MachineSpec = { name: n.name, role: 'node', interfaces: [eth0], routes: [], sysctls: { ip_forward: true }, pods: [], cni: { podCidr: n.podCidr } };
    if (mode !== 'bridge') return m;
    // The bridge plugin's own network: cni0 with the subnet's first address, the pods' gateway.
    const c = parseCidr(n.podCidr) as { ip: number; prefix: number };
    const gw = networkOf(c.ip, c.prefix) + 1;
    return { ...m, interfaces: [eth0, { kind: 'bridge', name: 'cni0', mac: macFor(gw), addresses: [`${formatIp(gw)}/${c.prefix}`] }] };
  });
}

/** Each pod in its namespace, oldest first (host-local's cursor ends where the node's last pod left it). */
function placePods(t: Topology, plan: ClusterPlan, mode: ImportMode, notes: ImportNote[]): Topology {
  const network = mode === 'bridge' ? 'cni0' : FLANNEL_NETWORK_NAME;
  const pods = plan.pods.filter((p) => p.place === 'namespace').map((p, k) => ({ p, k })).sort((a, b) => a.p.createdAt - b.p.createdAt || a.k - b.k);
  for (const { p } of pods) {
    const node = plan.nodes.find((n) => n.name === p.fact.node);
    const ip = p.fact.ip ?? '';
    const want = parseIp(ip) as number;
    const c = parseCidr(node?.podCidr ?? '');
    if (!node || !c || networkOf(want, c.prefix) !== networkOf(c.ip, c.prefix)) {
      notes.push(note('pod-outside-subnet', { pod: `${p.fact.namespace}/${p.fact.name}`, ip, cidr: node?.podCidr ?? '' }));
      p.place = 'none';
      continue;
    }
    const before = t.machines.find((m) => m.name === node.name) as MachineSpec;
    const cursor: MachineSpec = { ...before, cni: { ...before.cni, lastReservedIp: { ...before.cni?.lastReservedIp, [network]: formatIp(want - 1) } } };
    const ready = { ...t, machines: t.machines.map((m) => (m === before ? cursor : m)) };
    try {
      const added = addPod(ready, node.name, { name: p.ns });
      const got = added.address.split('/')[0] ?? '';
      if (got !== ip) throw new Error(got);
      t = added.topology;
    } catch (e) {
      const got = e instanceof TopologyEditError ? formatProblem({ ...(e.problems[0] ?? { code: 'invalid', params: { got: '' } }), path: '' }, 'en') : e instanceof Error ? e.message : '';
      notes.push(note('pod-ip-refused', { pod: `${p.fact.namespace}/${p.fact.name}`, ip, got }));
      p.place = 'none';
    }
  }
  return t;
}

/** What the control plane knows: nodes, DaemonSets, every pod kubectl lists that the lab has. */
function clusterSpecOf(plan: ClusterPlan): ClusterSpec {
  const cp = plan.nodes.find((n) => n.controlPlane);
  const dsNames = plan.daemonSets.map((d) => d.name);
  const pods: ClusterPodSpec[] = plan.pods.filter((p) => p.place !== 'none').map((p) => {
    const ds = p.fact.daemonSet ?? dsNames.find((d) => p.fact.name.length === d.length + 6 && p.fact.name.startsWith(`${d}-`));
    return {
      namespace: p.fact.namespace, name: p.fact.name, node: p.fact.node ?? '', createdAt: p.createdAt,
      ...(p.place === 'namespace' ? { ns: p.ns } : {}),
      ...(ds !== undefined ? { daemonSet: ds } : {}),
      ...(p.fact.containers !== undefined && p.fact.containers >= 1 && p.fact.containers <= 100 ? { containers: p.fact.containers } : {}),
    };
  });
  return {
    tool: plan.tool,
    profile: plan.profile,
    kubernetesVersion: cp?.version ?? plan.nodes.find((n) => n.version !== undefined)?.version ?? 'v0.0.0',
    now: plan.now,
    nodes: plan.nodes.map((n) => ({ name: n.name, joinedAt: n.joinedAt, ...(n.controlPlane ? { controlPlane: true } : {}) })),
    daemonSets: plan.daemonSets,
    pods,
  };
}

/** Flannel's backend as the node tables show it: flannel.1 means vxlan, routes to pod subnets via node addresses host-gw. */
function flannelBackend(plan: ClusterPlan, ipOf: ReadonlyMap<string, IpBlock[]>): 'vxlan' | 'host-gw' | undefined {
  const blocks = [...ipOf.values()].flat();
  if (blocks.some((b) => b.table.kind === 'addr' && b.table.links.some((l) => l.ifname === 'flannel.1'))) return 'vxlan';
  const hostGw = blocks.some((b) => b.table.kind === 'route' && b.table.routes.some((r) => plan.nodes.some((n) => n.podCidr === r.dst && n.ip === r.gateway)));
  return hostGw ? 'host-gw' : undefined;
}

function counts(plan: ClusterPlan | null): ImportOutcome['counts'] {
  const pods = plan?.pods ?? [];
  return {
    nodes: plan?.nodes.length ?? 0,
    pods: pods.filter((p) => p.place === 'namespace').length,
    hostNetwork: pods.filter((p) => p.place === 'host').length,
    notPlaced: pods.filter((p) => p.place === 'none').length,
  };
}

/**
 * Reads the sources and builds the lab they describe. Never throws: every problem is a remark
 * naming the source, line or field (`noteKind` 'error'), and then `topology` is null.
 */
export function importCluster(sources: readonly ImportSource[], options: ImportOptions = {}): ImportOutcome {
  const read = readSources(sources);
  const notes = [...read.notes];
  const detected = detectCni(read.facts.daemonSets, read.facts.pods);
  const fail = (plan: ClusterPlan | null, mode: ImportMode | null): ImportOutcome => ({ topology: null, notes, detected, mode, counts: counts(plan), journey: null });
  if (notes.some((n) => noteKind(n.code) === 'error')) return fail(null, options.mode ?? null);
  const resolved = resolveCluster(read.facts);
  notes.push(...resolved.notes);
  const plan = resolved.plan;
  if (!plan) return fail(null, options.mode ?? null);
  const assigned = assignIpBlocks(read.facts.ip, plan.nodes);
  notes.push(...assigned.notes);
  if (detected) notes.push(note('cni-detected', { cni: detected.cni, from: detected.from }));
  const backend = flannelBackend(plan, assigned.byNode);
  const fromCni = detected ? datapathOfCni(detected.cni, backend) : null;
  const mode = options.mode ?? fromCni;
  if (mode === null) {
    notes.push(note('pick-datapath', { detected: detected?.cni ?? '' }));
    return fail(plan, null);
  }
  notes.push(note('datapath', { mode, chosen: options.mode !== undefined && options.mode !== fromCni }));
  if (mode !== 'bridge' && options.mode === undefined) notes.push(note('flannel-backend', { backend: mode === 'flannel-vxlan' ? 'vxlan' : 'host-gw', from: backend === undefined ? 'default' : backend === 'vxlan' ? 'flannel.1' : 'routes' }));
  if (notes.some((n) => noteKind(n.code) === 'error')) return fail(plan, mode);

  const segments = new Map<string, string>();
  const spec = modeSpec(mode, plan.network);
  let t: Topology = {
    version: 1,
    name: plan.profile,
    machines: machinesOf(plan, mode, assigned.byNode, segments),
    segments: [...segments].map(([net, id]) => ({ id, label: net })),
    ...(spec.cni !== 'bridge' ? { datapath: spec } : {}),
  };
  for (const net of segments.keys()) notes.push(note('segment', { cidr: net, tool: plan.tool }));
  if (plan.nodes.some((n) => !externalLink(assigned.byNode.get(n.name), n.ip)?.mac)) notes.push(note('macs-assumed', { rule: plan.tool === 'kubernetes' ? 'address' : 'docker' }));
  t = placePods(t, plan, mode, notes);
  try {
    t = setDatapath(t, spec);
  } catch (e) {
    const p = e instanceof TopologyEditError ? e.problems[0] : undefined;
    const params = (p?.params ?? {}) as { node?: string; other?: string };
    notes.push(note('datapath-refused', { mode, node: params.node ?? '', other: params.other ?? '' }));
    return fail(plan, mode);
  }
  const applied = applyIpTables(t, assigned.byNode);
  t = applied.topology;
  notes.push(...applied.notes);
  const host = plan.pods.filter((p) => p.place === 'host');
  if (host.length > 0) notes.push(note('host-network', { pods: host.map((p) => `${p.fact.namespace}/${p.fact.name}`).join(', '), count: host.length }));
  for (const p of plan.pods) if (p.place === 'none' && !notes.some((n) => n.code !== 'pod-not-placed' && 'pod' in n.params && n.params.pod === `${p.fact.namespace}/${p.fact.name}`)) notes.push(note('pod-not-placed', { pod: `${p.fact.namespace}/${p.fact.name}`, status: p.fact.status }));
  const c = counts(plan);
  const description = { en: importCatalog('en').description({ nodes: c.nodes, pods: c.pods, mode }), ru: importCatalog('ru').description({ nodes: c.nodes, pods: c.pods, mode }) };
  t = { ...t, description, cluster: clusterSpecOf(plan) };
  const problems = validateTopology(t);
  if (problems.length > 0) {
    notes.push(note('lab-invalid', { problems: problems.slice(0, 3).map((p) => formatProblem(p, 'en')).join('; ') }));
    return fail(plan, mode);
  }
  return { topology: t, notes, detected, mode, counts: c, journey: firstJourney(t) };
}
