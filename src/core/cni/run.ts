import { bridge } from './bridge';
import { calico } from './calico';
import { calicoIpam } from './calicoIpam';
import type { CniEvent, CniEventBody } from './events';
import { flannel } from './flannel';
import { ciliumCni } from './cilium';
import { weaveNet } from './weave';
import { hostLocal } from './hostLocal';
import { portmap } from './portmap';
import { Kernel, type Entropy } from './kernel';
import { execPlugin, type PluginRegistry } from './plugin';
import { cloneNode, type NodeState } from './state';
import type { CniEnv, PluginOutput } from './types';

/*
 * Running a plugin on a node, as one pure function: the node state in, a new node state, what
 * the plugin printed, its exit code and every event out. The CNI command (scripts/cni.ts) and
 * the runtime (runtime.ts) both go through here; the input state is never changed.
 */

/** The plugins installed on every node: bridge, host-local, flannel, portmap, calico, calico-ipam, cilium-cni and weave-net, by type name. */
export const PLUGINS: PluginRegistry = { bridge, 'host-local': hostLocal, flannel, portmap, calico, 'calico-ipam': calicoIpam, 'cilium-cni': ciliumCni, 'weave-net': weaveNet };

/** What one execution did. */
export interface PluginRun extends PluginOutput {
  node: NodeState;
  stderr: string;
  events: CniEvent[];
}

/** An event collector that numbers events from 0. */
export function eventLog(): { events: CniEvent[]; emit(e: CniEventBody): void } {
  const events: CniEvent[] = [];
  return { events, emit: (e) => events.push({ ...e, seq: events.length } as CniEvent) };
}

/**
 * Runs plugin `plugin` (a type name of {@link PLUGINS}) with `env` and `stdin` on `node`.
 * @throws Error only for a plugin name we do not have (a runtime would not find the binary).
 */
export function runPlugin(node: NodeState, plugin: string, env: CniEnv, stdin: string, entropy: Entropy): PluginRun {
  const p = PLUGINS[plugin];
  if (!p) throw new Error(`plugin-missing: ${plugin}`);
  const log = eventLog();
  const work = cloneNode(node);
  const kernel = new Kernel(work, entropy, log.emit);
  const out = execPlugin(p, env, stdin, { kernel, emit: log.emit, plugins: PLUGINS });
  return { ...out, stderr: out.stderr ?? '', node: work, events: log.events };
}

/** The runtime's `ip netns add PATH` / `ip netns del PATH` on a node, as a new node state. */
export function netnsOp(node: NodeState, op: 'add' | 'del', path: string, entropy: Entropy): { node: NodeState; events: CniEvent[] } {
  const log = eventLog();
  const work = cloneNode(node);
  const kernel = new Kernel(work, entropy, log.emit);
  if (op === 'add') kernel.netnsAdd(path);
  else kernel.netnsDel(path);
  return { node: work, events: log.events };
}
