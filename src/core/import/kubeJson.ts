import { parseCidr, parseIp } from '../net/ipv4';
import { note, type ImportNote } from './notes';
import type { BlockKind, DaemonSetFact, Moment, NodeFact, PodFact } from './types';

/*
 * kubectl's JSON (`kubectl get nodes|pods|ds -o json`, one object or a `List`, or one List of
 * several kinds from `kubectl get nodes,pods,ds -A -o json`), read by the fields of the Kubernetes
 * API (core/v1 Node and Pod, apps/v1 DaemonSet): metadata.name/namespace/creationTimestamp/labels/
 * ownerReferences, Node spec.podCIDR and status.addresses (type InternalIP) and
 * status.nodeInfo.kubeletVersion, Pod spec.nodeName/hostNetwork/containers and status.phase/podIP,
 * DaemonSet spec.template.spec.nodeSelector. kubectl gives every item of a list its own `kind`.
 */

/** What one JSON value gave. */
export interface JsonRead {
  kind: BlockKind;
  nodes: NodeFact[];
  pods: PodFact[];
  daemonSets: DaemonSetFact[];
  notes: ImportNote[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `items[2].` inside a List, nothing for a single object. */
function pre(path: string): string {
  return path === '' ? '' : `${path}.`;
}

function created(meta: Obj): Moment | undefined {
  const t = str(meta.creationTimestamp);
  const ms = t === undefined ? NaN : Date.parse(t);
  return Number.isFinite(ms) ? { kind: 'created', ms } : undefined;
}

/** The kind of a kubectl object: its `kind`, or the List's item kind, or its shape. */
function kindOf(o: Obj, listKind: string | undefined): string | undefined {
  const k = str(o.kind) ?? (listKind?.endsWith('List') ? listKind.slice(0, -4) : undefined);
  if (k !== undefined) return k;
  const spec = obj(o.spec);
  if (isObj(obj(o.status).nodeInfo) || 'podCIDR' in spec) return 'Node';
  if (Array.isArray(spec.containers)) return 'Pod';
  if (isObj(spec.template) && isObj(spec.selector)) return 'DaemonSet';
  return undefined;
}

function readNode(o: Obj, path: string, at: { source: string; line: number }, out: JsonRead): void {
  const meta = obj(o.metadata);
  const name = str(meta.name);
  if (name === undefined) {
    out.notes.push(note('field-missing', {}, { ...at, field: `${pre(path)}metadata.name` }));
    return;
  }
  const status = obj(o.status);
  const addresses = Array.isArray(status.addresses) ? status.addresses.map(obj) : [];
  const internal = str(addresses.find((a) => a.type === 'InternalIP' && parseIp(str(a.address) ?? '') !== null)?.address);
  const podCidr = str(obj(o.spec).podCIDR);
  if (podCidr !== undefined && !parseCidr(podCidr)) out.notes.push(note('field-invalid', { got: podCidr, expected: 'IPv4 CIDR' }, { ...at, field: `${pre(path)}spec.podCIDR` }));
  const labels = obj(meta.labels);
  const info = obj(status.nodeInfo);
  const version = str(info.kubeletVersion);
  const when = created(meta);
  // kubectl's -o wide columns come from here (printers.go printNode); an empty one prints `<unknown>`, no ExternalIP `<none>`.
  const external = Array.isArray(status.addresses) ? (str(addresses.find((a) => a.type === 'ExternalIP')?.address) ?? '<none>') : undefined;
  const wide = { osImage: str(info.osImage), kernelVersion: str(info.kernelVersion), containerRuntime: str(info.containerRuntimeVersion) };
  out.nodes.push({
    name,
    ...(internal !== undefined ? { ip: internal } : {}),
    ...(podCidr !== undefined && parseCidr(podCidr) ? { podCidr } : {}),
    controlPlane: 'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels,
    ...(version !== undefined ? { version } : {}),
    ...(when ? { at: when } : {}),
    ...(external !== undefined ? { externalIp: external } : {}),
    ...Object.fromEntries(Object.entries(wide).filter(([, v]) => v !== undefined)),
  });
}

/**
 * Cilium's CiliumNode (cilium.io/v2, `kubectl get ciliumnodes -o json`), named as its node: the
 * cluster-pool CIDR the operator gave it (`spec.ipam.podCIDRs`, what the agent allocates pod
 * addresses from, not the Node's `spec.podCIDR`) and its CiliumInternalIP (the router IP on
 * cilium_host), from `spec.addresses`; the WireGuard public key the agent publishes in its
 * annotations when transparent encryption is on (pkg/annotation WireguardPubKey,
 * `network.cilium.io/wg-pub-key`; `io.cilium.network.wg-pub-key` before Cilium 1.14).
 */
/** The annotation that carries a node's WireGuard public key, by Cilium's current and earlier names. */
const WG_PUB_KEY_ANNOTATIONS = ['network.cilium.io/wg-pub-key', 'io.cilium.network.wg-pub-key'];

function readCiliumNode(o: Obj, path: string, at: { source: string; line: number }, out: JsonRead): void {
  const name = str(obj(o.metadata).name);
  if (name === undefined) {
    out.notes.push(note('field-missing', {}, { ...at, field: `${pre(path)}metadata.name` }));
    return;
  }
  const spec = obj(o.spec);
  const cidrs = Array.isArray(obj(spec.ipam).podCIDRs) ? (obj(spec.ipam).podCIDRs as unknown[]).map(str) : [];
  const podCidr = cidrs.find((c) => c !== undefined && parseCidr(c) !== null);
  const addresses = Array.isArray(spec.addresses) ? spec.addresses.map(obj) : [];
  const router = str(addresses.find((a) => a.type === 'CiliumInternalIP' && parseIp(str(a.ip) ?? '') !== null)?.ip);
  const internal = str(addresses.find((a) => a.type === 'InternalIP' && parseIp(str(a.ip) ?? '') !== null)?.ip);
  const annotations = obj(obj(o.metadata).annotations);
  const wg = WG_PUB_KEY_ANNOTATIONS.some((k) => (str(annotations[k]) ?? '') !== '');
  out.nodes.push({ name, ...(internal !== undefined ? { ip: internal } : {}), cilium: { ...(podCidr !== undefined ? { podCidr } : {}), ...(router !== undefined ? { router } : {}), ...(wg ? { wgPubKey: true } : {}) } });
}

/** kubectl's RESTARTS of a pod: the containers' restart counts summed, and the newest `lastState.terminated.finishedAt` (printers.go printPod). */
function restartsOf(status: Obj): { restarts?: number; lastRestart?: Moment } {
  if (!Array.isArray(status.containerStatuses)) return {};
  let restarts = 0;
  let last = -Infinity;
  for (const c of status.containerStatuses.map(obj)) {
    if (typeof c.restartCount === 'number') restarts += c.restartCount;
    const finished = Date.parse(str(obj(obj(c.lastState).terminated).finishedAt) ?? '');
    if (Number.isFinite(finished)) last = Math.max(last, finished);
  }
  return { restarts, ...(Number.isFinite(last) ? { lastRestart: { kind: 'created' as const, ms: last } } : {}) };
}

function readPod(o: Obj, path: string, at: { source: string; line: number }, out: JsonRead): void {
  const meta = obj(o.metadata);
  const name = str(meta.name);
  if (name === undefined) {
    out.notes.push(note('field-missing', {}, { ...at, field: `${pre(path)}metadata.name` }));
    return;
  }
  const spec = obj(o.spec);
  const status = obj(o.status);
  const ip = str(status.podIP);
  if (ip !== undefined && parseIp(ip) === null && !ip.includes(':')) out.notes.push(note('field-invalid', { got: ip, expected: 'IPv4' }, { ...at, field: `${pre(path)}status.podIP` }));
  const owner = (Array.isArray(meta.ownerReferences) ? meta.ownerReferences.map(obj) : []).find((r) => r.kind === 'DaemonSet');
  const node = str(spec.nodeName);
  const ds = str(owner?.name);
  const when = created(meta);
  // A pod being deleted keeps its phase; kubectl's STATUS says Terminating.
  const phase = meta.deletionTimestamp !== undefined ? 'Terminating' : (str(status.phase) ?? 'Unknown');
  out.pods.push({
    namespace: str(meta.namespace) ?? 'default',
    name,
    status: phase,
    ...(node !== undefined ? { node } : {}),
    ...(ip !== undefined && parseIp(ip) !== null ? { ip } : {}),
    hostNetwork: spec.hostNetwork === true,
    ...(Array.isArray(spec.containers) ? { containers: spec.containers.length } : {}),
    ...(ds !== undefined ? { daemonSet: ds } : {}),
    ...(when ? { at: when } : {}),
    ...restartsOf(status),
  });
}

function readDaemonSet(o: Obj, path: string, at: { source: string; line: number }, out: JsonRead): void {
  const meta = obj(o.metadata);
  const name = str(meta.name);
  if (name === undefined) {
    out.notes.push(note('field-missing', {}, { ...at, field: `${pre(path)}metadata.name` }));
    return;
  }
  const selector = obj(obj(obj(obj(o.spec).template).spec).nodeSelector);
  const pairs = Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`);
  const when = created(meta);
  out.daemonSets.push({
    namespace: str(meta.namespace) ?? 'default',
    name,
    ...(pairs.length > 0 ? { nodeSelector: pairs.join(',') } : {}),
    ...(when ? { at: when } : {}),
  });
}

/** Whether a parsed JSON value looks like kubectl's output (an object with `kind`/`apiVersion`, or an API object). */
export function isKubeJson(v: unknown): boolean {
  if (!isObj(v)) return false;
  return typeof v.apiVersion === 'string' || typeof v.kind === 'string' || isObj(v.metadata);
}

/**
 * Reads one kubectl JSON value: a Node, Pod or DaemonSet, or a List of them (of one kind or
 * several). Objects of other kinds are skipped and named; a list with none the lab uses is
 * `json-unknown`. Never throws.
 *
 * @param line where the value starts in its source (for the remarks)
 */
export function readKubeJson(v: Obj, source: string, line: number): JsonRead {
  const at = { source, line };
  const out: JsonRead = { kind: 'list-json', nodes: [], pods: [], daemonSets: [], notes: [] };
  const list = Array.isArray(v.items);
  const items: { o: Obj; path: string }[] = list ? (v.items as unknown[]).map((o, k) => ({ o: obj(o), path: `items[${k}]` })) : [{ o: v, path: '' }];
  const listKind = list ? str(v.kind) : undefined;
  const others = new Set<string>();
  for (const { o, path } of items) {
    const kind = kindOf(o, listKind);
    if (kind === 'Node') readNode(o, path, at, out);
    else if (kind === 'Pod') readPod(o, path, at, out);
    else if (kind === 'DaemonSet') readDaemonSet(o, path, at, out);
    else if (kind === 'CiliumNode') readCiliumNode(o, path, at, out);
    else others.add(kind ?? 'object');
  }
  const kinds = [out.nodes.length > 0, out.pods.length > 0, out.daemonSets.length > 0].filter(Boolean).length;
  if (kinds === 1) out.kind = out.nodes.length > 0 ? (out.nodes.every((n) => n.cilium !== undefined) ? 'ciliumnodes-json' : 'nodes-json') : out.pods.length > 0 ? 'pods-json' : 'daemonsets-json';
  const found = out.nodes.length + out.pods.length + out.daemonSets.length;
  // An empty List (`kubectl get pods -o json` with no pods) is read, not refused; a List of only other kinds is.
  if (found === 0 && !(list && items.length === 0) && out.notes.length === 0) {
    out.notes.push(note('json-unknown', { what: `kind ${[...others].join(', ')}` }, at));
  }
  return out;
}

