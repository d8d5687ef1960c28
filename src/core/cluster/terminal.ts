import type { ClusterSpec, Topology } from '../model/topology';
import { byKey, daemonSetRows, nodeRows, podRows, replacedAt, type NodeRow, type PodRow, type Rollout } from './clusterView';
import { humanDuration } from './humanDuration';
import { tabwrite } from './tabwriter';

/*
 * A terminal on the lab's cluster: the commands of the notes, answered as kubectl and minikube
 * print them (their own output, in English, as the real tools print it), from the lab and its
 * ClusterSpec. Time moves: each command takes a few seconds to type, `sleep N` waits, and a
 * `kubectl rollout restart` replaces a DaemonSet's pods one node after another.
 */

/** The terminal's own state: its clock (seconds since the control plane registered) and the restarts run. */
export interface TerminalState {
  now: number;
  rollouts: readonly Rollout[];
}

/**
 * What a command gave: a program's output (exit code as the program sets it), or something the
 * terminal itself must say in the reader's language (`unknown`: not one of the commands this
 * terminal knows; `started`: `minikube start` on the cluster the lab already is; `clear`).
 * `restarted` names the DaemonSet a `rollout restart` restarted, so the UI can say what it
 * changes in the datapath and what it does not.
 */
export type TerminalReply =
  | { kind: 'output'; text: string; exitCode: number; restarted?: { namespace: string; name: string } }
  | { kind: 'unknown'; command: string }
  | { kind: 'started' }
  | { kind: 'clear' };

/** Seconds a command takes to type and run: the clock moves by this much per command. */
export const TYPING_S = 3;

/** The commands of the notes, in their order, as the terminal offers them (the Flannel cluster's). */
export const NOTES_COMMANDS: readonly string[] = [
  'minikube start --nodes 3 --cni flannel',
  'kubectl get ds -A',
  'kubectl get pods -A -o wide | grep flannel',
  'kubectl rollout restart ds kube-flannel-ds -n kube-flannel',
  'minikube node list',
  'kubectl get nodes',
];

/** The notes' commands for the same cluster started with `--cni cilium`: its agent DaemonSet is `cilium` in kube-system. */
export const NOTES_COMMANDS_CILIUM: readonly string[] = [
  'minikube start --nodes 3 --cni cilium',
  'kubectl get ds -A',
  'kubectl get pods -A -o wide | grep cilium',
  'kubectl rollout restart ds cilium -n kube-system',
  'minikube node list',
  'kubectl get nodes',
];

/** The same commands for the notes' cluster started with `--cni calico` (calico-node in kube-system). */
export const NOTES_COMMANDS_CALICO: readonly string[] = [
  'minikube start --nodes 3 --cni calico',
  'kubectl get ds -A',
  'kubectl get pods -A -o wide | grep calico',
  'kubectl rollout restart ds calico-node -n kube-system',
  'minikube node list',
  'kubectl get nodes',
];

/** The notes' commands for a lab: Cilium's when it runs Cilium, Calico's when it runs calico-node, else Flannel's. */
export function notesCommands(t: Topology): readonly string[] {
  if (t.datapath?.cni === 'cilium') return NOTES_COMMANDS_CILIUM;
  if (t.datapath?.cni === 'calico' || t.cluster?.daemonSets.some((d) => d.name === 'calico-node') === true) return NOTES_COMMANDS_CALICO;
  return NOTES_COMMANDS;
}

/** The terminal as it starts on `cluster`: at the moment the lab shows, nothing restarted. */
export function startTerminal(cluster: ClusterSpec): TerminalState {
  return { now: cluster.now, rollouts: [] };
}

interface Flags {
  allNamespaces: boolean;
  namespace: string;
  wide: boolean;
  words: string[];
  bad?: string;
}

function parseFlags(args: readonly string[]): Flags {
  const f: Flags = { allNamespaces: false, namespace: 'default', wide: false, words: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-A' || a === '--all-namespaces') f.allNamespaces = true;
    else if (a === '-n' || a === '--namespace') f.namespace = args[++i] ?? '';
    else if (a.startsWith('--namespace=')) f.namespace = a.slice('--namespace='.length);
    else if (a === '-o' || a === '--output') {
      const o = args[++i];
      if (o === 'wide') f.wide = true;
      else f.bad = `-o ${o ?? ''}`;
    } else if (a === '-owide' || a === '-o=wide' || a === '--output=wide') f.wide = true;
    else if (a.startsWith('-')) f.bad = a;
    else f.words.push(a);
  }
  return f;
}

const RESOURCES: Record<string, 'nodes' | 'pods' | 'daemonsets'> = {
  no: 'nodes', node: 'nodes', nodes: 'nodes',
  po: 'pods', pod: 'pods', pods: 'pods',
  ds: 'daemonsets', daemonset: 'daemonsets', daemonsets: 'daemonsets', 'daemonset.apps': 'daemonsets', 'daemonsets.apps': 'daemonsets',
};

function out(lines: readonly string[], exitCode = 0): TerminalReply {
  return { kind: 'output', text: lines.join('\n'), exitCode };
}

function noResources(f: Flags): TerminalReply {
  return out([f.allNamespaces ? 'No resources found' : `No resources found in ${f.namespace} namespace.`]);
}

/**
 * -o wide's node columns (kubectl's printNode): INTERNAL-IP from the lab, the rest as the cluster
 * reported it. What nobody told the lab prints `<unknown>`, as kubectl prints an empty nodeInfo
 * field; EXTERNAL-IP is `<none>` on minikube's and kind's nodes, whose kubelets report only an
 * InternalIP and a Hostname.
 */
function wideNodeCells(n: NodeRow, c: ClusterSpec): string[] {
  const external = n.spec?.externalIp ?? (c.tool === 'kubernetes' ? '<unknown>' : '<none>');
  return [n.ip, external, n.spec?.osImage ?? '<unknown>', n.spec?.kernelVersion ?? '<unknown>', n.spec?.containerRuntime ?? '<unknown>'];
}

function getNodes(t: Topology, c: ClusterSpec, now: number, wide: boolean): TerminalReply {
  const rows = nodeRows(t, c).filter((n) => n.joinedAt <= now).sort((a, b) => byKey(a.name, b.name));
  const header = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', ...(wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : [])];
  const body = rows.map((n) => [n.name, 'Ready', n.controlPlane ? 'control-plane' : '<none>', humanDuration(now - n.joinedAt), n.spec?.version ?? c.kubernetesVersion, ...(wide ? wideNodeCells(n, c) : [])]);
  return out(tabwrite([header, ...body]));
}

/** RESTARTS as kubectl prints it: the count, and how long ago the last restart was when known (`1 (3m ago)`). */
function restartsCell(p: PodRow, now: number): string {
  return p.restarts > 0 && p.lastRestartAt !== undefined ? `${p.restarts} (${humanDuration(Math.max(0, now - p.lastRestartAt))} ago)` : `${p.restarts}`;
}

function podCells(p: PodRow, now: number, wide: boolean, withNs: boolean): string[] {
  const cells = [p.name, `${p.ready}/${p.containers}`, p.status, restartsCell(p, now), humanDuration(now - p.createdAt)];
  if (wide) cells.push(p.ip, p.node, '<none>', '<none>');
  return withNs ? [p.namespace, ...cells] : cells;
}

function getPods(t: Topology, c: ClusterSpec, s: TerminalState, f: Flags): TerminalReply {
  const pods = podRows(t, c, s.rollouts, s.now).filter((p) => f.allNamespaces || p.namespace === f.namespace);
  if (pods.length === 0) return noResources(f);
  const header = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', ...(f.wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : [])];
  return out(tabwrite([f.allNamespaces ? ['NAMESPACE', ...header] : header, ...pods.map((p) => podCells(p, s.now, f.wide, f.allNamespaces))]));
}

function getDaemonSets(t: Topology, c: ClusterSpec, s: TerminalState, f: Flags): TerminalReply {
  const rows = daemonSetRows(t, c, s.rollouts, s.now).filter((d) => f.allNamespaces || d.namespace === f.namespace);
  if (rows.length === 0) return noResources(f);
  const header = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'];
  const body = rows.map((d) => {
    const cells = [d.name, `${d.desired}`, `${d.current}`, `${d.ready}`, `${d.upToDate}`, `${d.ready}`, d.nodeSelector ?? '<none>', humanDuration(s.now - d.createdAt)];
    return f.allNamespaces ? [d.namespace, ...cells] : cells;
  });
  return out(tabwrite([f.allNamespaces ? ['NAMESPACE', ...header] : header, ...body]));
}

function findDaemonSet(c: ClusterSpec, f: Flags): { namespace: string; name: string } | TerminalReply {
  const [kind, name] = f.words;
  if (kind === undefined || RESOURCES[kind] !== 'daemonsets' || name === undefined) return out(['error: you must provide one or more resources by argument or filename'], 1);
  const ds = c.daemonSets.find((d) => d.name === name && d.namespace === f.namespace);
  if (!ds) return out([`Error from server (NotFound): daemonsets.apps "${name}" not found`], 1);
  return ds;
}

/** `kubectl rollout status`: waits, printing each step, until every node runs the new pod. */
function rolloutStatus(t: Topology, c: ClusterSpec, s: TerminalState, ds: { namespace: string; name: string }): { reply: TerminalReply; now: number } {
  const last = s.rollouts.filter((r) => r.name === ds.name && r.namespace === ds.namespace).at(-1);
  const nodes = nodeRows(t, c);
  const lines: string[] = [];
  let now = s.now;
  if (last !== undefined) {
    for (let k = 0; k < nodes.length; k++) {
      const ready = replacedAt(last, k) + 4;
      if (ready <= now) continue;
      lines.push(`Waiting for daemon set "${ds.name}" rollout to finish: ${k} out of ${nodes.length} new pods have been updated...`);
      now = ready;
    }
  }
  lines.push(`daemon set "${ds.name}" successfully rolled out`);
  return { reply: out(lines), now };
}

function kubectl(t: Topology, c: ClusterSpec, s: TerminalState, args: readonly string[]): { reply: TerminalReply; state: TerminalState } | null {
  const [verb, ...rest] = args;
  const f = parseFlags(rest);
  if (f.bad !== undefined) return { reply: out([`error: unknown flag: ${f.bad}`], 1), state: s };
  if (verb === 'get') {
    const what = RESOURCES[f.words[0] ?? ''];
    if (f.words.length !== 1) return f.words.length === 0 ? { reply: out(['error: you must specify the type of resource to get.'], 1), state: s } : null;
    if (what === undefined) return { reply: out([`error: the server doesn't have a resource type "${f.words[0] ?? ''}"`], 1), state: s };
    if (what === 'nodes') return { reply: getNodes(t, c, s.now, f.wide), state: s };
    return { reply: what === 'pods' ? getPods(t, c, s, f) : getDaemonSets(t, c, s, f), state: s };
  }
  if (verb === 'rollout' && (f.words[0] === 'restart' || f.words[0] === 'status')) {
    const ds = findDaemonSet(c, { ...f, words: f.words.slice(1) });
    if ('kind' in ds) return { reply: ds, state: s };
    if (f.words[0] === 'status') {
      const { reply, now } = rolloutStatus(t, c, s, ds);
      return { reply, state: { ...s, now } };
    }
    return {
      reply: { kind: 'output', text: `daemonset.apps/${ds.name} restarted`, exitCode: 0, restarted: ds },
      state: { ...s, rollouts: [...s.rollouts, { namespace: ds.namespace, name: ds.name, at: s.now }] },
    };
  }
  return null;
}

/** `grep WORD`: the lines holding WORD (a fixed string; grep exits 1 when none does). */
function grep(reply: TerminalReply, word: string): TerminalReply {
  if (reply.kind !== 'output') return reply;
  const lines = reply.text.split('\n').filter((l) => l.includes(word));
  return { kind: 'output', text: lines.join('\n'), exitCode: lines.length > 0 ? 0 : 1 };
}

/**
 * Runs one command line on the lab's cluster.
 *
 * @param t the lab (nodes' and pods' addresses come from it)
 * @param c what the control plane knows (`t.cluster`)
 * @param s the terminal's clock and rollouts
 * @param line what was typed: `kubectl get nodes|pods|ds` (`-A`, `-n NS`, `-o wide`), `kubectl
 *   rollout restart|status ds NAME -n NS`, `minikube node list`, `minikube start …`, `sleep N`,
 *   `clear`, any of them piped into `grep WORD`
 * @returns the reply and the terminal's next state (its clock moved by {@link TYPING_S}, or by N for `sleep N`)
 */
export function runCommand(t: Topology, c: ClusterSpec, s: TerminalState, line: string): { reply: TerminalReply; state: TerminalState } {
  const [cmd = '', ...pipes] = line.split('|').map((p) => p.trim());
  const args = cmd.split(/\s+/).filter((a) => a !== '');
  const unknown = { reply: { kind: 'unknown', command: line.trim() } as TerminalReply, state: s };
  const filters = pipes.map((p) => p.split(/\s+/));
  if (filters.some((g) => g.length !== 2 || g[0] !== 'grep')) return unknown;
  const moved: TerminalState = { ...s, now: s.now + TYPING_S };
  let result: { reply: TerminalReply; state: TerminalState } | null = null;
  const [program, ...rest] = args;
  if (program === 'kubectl') result = kubectl(t, c, moved, rest);
  else if (program === 'minikube' && c.tool !== 'minikube') result = null;
  else if (program === 'minikube' && rest[0] === 'node' && (rest[1] === 'list' || rest[1] === 'ls') && rest.length === 2) {
    result = { reply: out(nodeRows(t, c).map((n) => `${n.name}\t${n.ip}`)), state: moved };
  } else if (program === 'minikube' && rest[0] === 'start') result = { reply: { kind: 'started' }, state: moved };
  else if (program === 'sleep' && rest.length === 1 && /^\d{1,4}$/.test(rest[0] ?? '')) {
    result = { reply: out([]), state: { ...s, now: s.now + Number(rest[0]) } };
  } else if (program === 'clear' && rest.length === 0) result = { reply: { kind: 'clear' }, state: s };
  if (!result) return unknown;
  let reply = result.reply;
  for (const g of filters) reply = grep(reply, g[1] ?? '');
  return { reply, state: result.state };
}
