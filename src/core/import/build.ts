import { formatIp, networkOf, parseCidr, parseIp } from '../net/ipv4';
import { setDatapath } from '../model/datapath';
import { TopologyEditError } from '../model/editError';
import { macFor } from '../model/labEdits';
import { validateTopology } from '../model/validate';
import { formatProblem } from '../i18n/problems';
import type { ClusterNodeSpec, ClusterPodSpec, ClusterSpec, MachineSpec, Topology } from '../model/topology';
import { applyIpTables, assignIpBlocks, externalLink } from './applyIp';
import { cniOfMinikubeFlag, datapathOfCni, detectCni, modeSpec, type DetectedCni, type ImportMode, type ModeEvidence } from './cni';
import { modeEvidence } from './evidence';
import { note, noteKind, type ImportNote } from './notes';
import { calicoFinish, calicoGateway, ciliumCidrs, ciliumRouters, placePods } from './place';
import { readSources } from './read';
import { resolveCluster, type ClusterPlan } from './resolve';
import { weaveLaunchImported } from './weave';
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
    // Calico does not read the node's podCIDR: its pods' addresses come from the pool's blocks.
    const m: MachineSpec = { name: n.name, role: 'node', interfaces: [eth0], routes: [], sysctls: { ip_forward: true }, pods: [], ...(mode === 'calico' || mode === 'calico-vxlan' ? {} : { cni: { podCidr: n.podCidr } }) };
    if (mode !== 'bridge') return m;
    // The bridge plugin's own network: cni0 with the subnet's first address, the pods' gateway.
    const c = parseCidr(n.podCidr) as { ip: number; prefix: number };
    const gw = networkOf(c.ip, c.prefix) + 1;
    return { ...m, interfaces: [eth0, { kind: 'bridge', name: 'cni0', mac: macFor(gw), addresses: [`${formatIp(gw)}/${c.prefix}`] }] };
  });
}

/** A node as the control plane lists it: the lab's facts and, when the input gave them, -o wide's. */
function nodeSpecOf(n: ClusterPlan['nodes'][number], version: string): ClusterNodeSpec {
  return {
    name: n.name, joinedAt: n.joinedAt, ...(n.controlPlane ? { controlPlane: true } : {}),
    ...(n.version !== undefined && n.version !== version ? { version: n.version } : {}),
    ...(n.externalIp !== undefined ? { externalIp: n.externalIp } : {}),
    ...(n.osImage !== undefined ? { osImage: n.osImage } : {}),
    ...(n.kernelVersion !== undefined ? { kernelVersion: n.kernelVersion } : {}),
    ...(n.containerRuntime !== undefined ? { containerRuntime: n.containerRuntime } : {}),
  };
}

/**
 * What the control plane knows: nodes, DaemonSets, every pod kubectl listed. A pod the lab does
 * not hold (pending, finished, or refused by the ADD) keeps its STATUS, IP and node as pasted, so
 * `kubectl get pods` shows what the cluster showed; RESTARTS travel with every pod.
 */
function clusterSpecOf(plan: ClusterPlan): ClusterSpec {
  const cp = plan.nodes.find((n) => n.controlPlane);
  const dsNames = plan.daemonSets.map((d) => d.name);
  const pods: ClusterPodSpec[] = plan.pods.map((p) => {
    const ds = p.fact.daemonSet ?? dsNames.find((d) => p.fact.name.length === d.length + 6 && p.fact.name.startsWith(`${d}-`));
    return {
      namespace: p.fact.namespace, name: p.fact.name, node: p.fact.node ?? '', createdAt: p.createdAt,
      ...(p.place === 'namespace' ? { ns: p.ns } : {}),
      ...(p.place === 'none' ? { status: p.fact.status || 'Unknown', ...(p.fact.ip !== undefined ? { ip: p.fact.ip } : {}) } : {}),
      ...(ds !== undefined ? { daemonSet: ds } : {}),
      ...(p.fact.containers !== undefined && p.fact.containers >= 1 && p.fact.containers <= 100 ? { containers: p.fact.containers } : {}),
      ...(p.fact.restarts !== undefined && p.fact.restarts > 0 ? { restarts: p.fact.restarts } : {}),
      ...(p.lastRestartAt !== undefined && (p.fact.restarts ?? 0) > 0 ? { lastRestartAt: p.lastRestartAt } : {}),
    };
  });
  const version = cp?.version ?? plan.nodes.find((n) => n.version !== undefined)?.version ?? 'v0.0.0';
  return {
    tool: plan.tool,
    profile: plan.profile,
    kubernetesVersion: version,
    now: plan.now,
    nodes: plan.nodes.map((n) => nodeSpecOf(n, version)),
    daemonSets: plan.daemonSets,
    pods,
  };
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

/** The CNI the input names: its DaemonSets or pods, else a `minikube start --cni` line (a disagreement is said; what runs wins). */
function cniOf(facts: ReturnType<typeof readSources>['facts'], notes: ImportNote[]): DetectedCni | null {
  const detected = detectCni(facts.daemonSets, facts.pods);
  const start = facts.minikubeStart;
  const flag = start?.cni !== undefined ? cniOfMinikubeFlag(start.cni) : null;
  if (!start || start.cni === undefined || flag === null) return detected;
  if (!detected) return { cni: flag, from: `minikube start --cni ${start.cni}` };
  if (detected.cni !== flag) notes.push(note('cni-conflict', { flag: start.cni, detected: detected.cni }, { source: start.source, line: start.line }));
  return detected;
}

/** The remarks that say how the detected CNI's own mode was told (node tables, or its manifest's default). */
function modeNotes(mode: ImportMode, evidence: ModeEvidence): ImportNote[] {
  const told = modeNote(mode, evidence);
  const wg = (mode === 'cilium-tunnel-wg' || mode === 'cilium-native-wg') && evidence.wireguard ? [note('cilium-wireguard', { from: evidence.wireguard.from })] : [];
  return [...(told ? [told] : []), ...wg];
}

/** The remark that says how the detected CNI's own mode was told (node tables, or its manifest's default). */
function modeNote(mode: ImportMode, evidence: ModeEvidence): ImportNote | null {
  if (mode === 'flannel-vxlan' || mode === 'flannel-host-gw') return note('flannel-backend', { backend: mode === 'flannel-vxlan' ? 'vxlan' : 'host-gw', from: evidence.flannel?.from ?? 'default' });
  if (mode === 'calico' || mode === 'calico-vxlan' || mode === 'calico-ipip') {
    const encap = evidence.calico?.encap ?? 'ipip';
    // Every Calico encapsulation has its mode now (IP-in-IP since tunl0 became a device here).
    return note('calico-encapsulation', { encap, from: evidence.calico?.from ?? 'default', modelled: true });
  }
  if (mode.startsWith('cilium-')) return note('cilium-routing', { routing: mode.startsWith('cilium-native') ? 'native' : 'tunnel', from: evidence.cilium?.from ?? 'default' });
  if (mode === 'weave') return note('weave-fastdp', { fastdp: evidence.weave?.fastdp ?? true, from: evidence.weave?.from ?? 'default' });
  return null;
}

/** Remarks about node pod subnets that a CNI with its own IPAM does not use (Calico's blocks, Weave's ring; Cilium's cluster-pool says its own). */
const POD_CIDR_NOTES = new Set<string>(['pod-cidr-from-pods', 'pod-cidr-from-ip', 'pod-cidr-assumed']);

/**
 * The lab's machines with every pod placed and the CNI's agents' program on the nodes: by
 * host-local's cursor then `setDatapath` (bridge, Flannel); under Calico with the gateway the
 * proxy ARP needs, calico-ipam's AssignIP, then calico-node's program; under Cilium its devices
 * on the empty nodes (each node's cluster-pool CIDR and router IP), then the agent's AllocateIP;
 * under Weave Net its launch on the empty nodes (peer names, shares, bridges), then weaver's IPAM.
 * @throws TopologyEditError when the mode's agent refuses the nodes (`hostgw-no-l2`, …).
 */
function buildLab(base: Topology, plan: ClusterPlan, mode: ImportMode, ipOf: ReadonlyMap<string, IpBlock[]>, notes: ImportNote[]): Topology {
  const spec = modeSpec(mode, plan.network);
  if (spec.cni === 'calico') {
    const t = calicoGateway({ ...base, datapath: spec }, plan, ipOf, notes);
    return calicoFinish(placePods(t, plan, 'calico', false, notes), spec, notes);
  }
  if (spec.cni === 'cilium') {
    const t = ciliumRouters(setDatapath(base, spec), plan, ipOf, notes);
    return placePods(t, plan, 'cilium', false, notes);
  }
  if (spec.cni === 'weave') return placePods(weaveLaunchImported(base, plan, ipOf, notes), plan, 'weave', false, notes);
  // kube-flannel's list runs the ADD when the lab's datapath says Flannel (podCniFlannel.ts).
  const ready: Topology = spec.cni === 'flannel' ? { ...base, datapath: spec } : base;
  return setDatapath(placePods(ready, plan, 'cursor', mode === 'bridge', notes), spec);
}

/**
 * Reads the sources and builds the lab they describe. Never throws: every problem is a remark
 * naming the source, line or field (`noteKind` 'error'), and then `topology` is null.
 */
export function importCluster(sources: readonly ImportSource[], options: ImportOptions = {}): ImportOutcome {
  const read = readSources(sources);
  let notes = [...read.notes];
  const detected = cniOf(read.facts, notes);
  const fail = (plan: ClusterPlan | null, mode: ImportMode | null): ImportOutcome => ({ topology: null, notes, detected, mode, counts: counts(plan), journey: null });
  if (notes.some((n) => noteKind(n.code) === 'error')) return fail(null, options.mode ?? null);
  const resolved = resolveCluster(read.facts);
  notes.push(...resolved.notes);
  const plan = resolved.plan;
  if (!plan) return fail(null, options.mode ?? null);
  const start = read.facts.minikubeStart;
  if (start?.nodes !== undefined && start.nodes !== plan.nodes.length) notes.push(note('minikube-nodes-differ', { flag: start.nodes, found: plan.nodes.length }, { source: start.source, line: start.line }));
  const assigned = assignIpBlocks(read.facts.ip, plan.nodes);
  notes.push(...assigned.notes);
  if (detected) notes.push(note('cni-detected', { cni: detected.cni, from: detected.from }));
  const evidence = modeEvidence(plan, assigned.byNode);
  const fromCni = detected ? datapathOfCni(detected.cni, evidence) : null;
  const mode = options.mode ?? fromCni;
  if (mode === null) {
    notes.push(note('pick-datapath', { detected: detected?.cni ?? '' }));
    return fail(plan, null);
  }
  notes.push(note('datapath', { mode, chosen: options.mode !== undefined && options.mode !== fromCni }));
  if (options.mode === undefined) notes.push(...modeNotes(mode, evidence));
  if (notes.some((n) => noteKind(n.code) === 'error')) return fail(plan, mode);
  const family = modeSpec(mode, plan.network).cni;
  if (family === 'calico' || family === 'cilium' || family === 'weave') notes = notes.filter((n) => !POD_CIDR_NOTES.has(n.code));
  if (family === 'cilium') ciliumCidrs(plan, notes);

  const segments = new Map<string, string>();
  const base: Topology = {
    version: 1,
    name: plan.profile,
    machines: machinesOf(plan, mode, assigned.byNode, segments),
    segments: [...segments].map(([net, id]) => ({ id, label: net })),
  };
  for (const net of segments.keys()) notes.push(note('segment', { cidr: net, tool: plan.tool }));
  if (plan.nodes.some((n) => !externalLink(assigned.byNode.get(n.name), n.ip)?.mac)) notes.push(note('macs-assumed', { rule: plan.tool === 'kubernetes' ? 'address' : 'docker' }));
  let t: Topology;
  try {
    t = buildLab(base, plan, mode, assigned.byNode, notes);
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
