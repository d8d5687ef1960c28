import { seededEntropy } from './entropy';
import type { Json } from './goJson';
import { netnsOp, runPlugin, type PluginRun } from './run';
import { emptyNode, type NodeState } from './state';
import type { CniEnv } from './types';

/*
 * Helpers for the CNI core's tests: a node with pod namespaces, a runtime's environment, a call.
 * Not used by the app.
 */

/** Repeatable bytes for tests. */
export const TEST_ENTROPY = seededEntropy('cni-tests');

/** A node with the namespaces of `pods` (`/var/run/netns/<pod>`). */
export function nodeWith(...pods: string[]): NodeState {
  let n = emptyNode();
  for (const p of pods) n = netnsOp(n, 'add', `/var/run/netns/${p}`, TEST_ENTROPY).node;
  return n;
}

/** A runtime's environment for `command` on container `id` in pod namespace `pod`, eth0. */
export function envFor(command: string, id: string, pod: string, extra: CniEnv = {}): CniEnv {
  return { CNI_COMMAND: command, CNI_CONTAINERID: id, CNI_NETNS: `/var/run/netns/${pod}`, CNI_IFNAME: 'eth0', CNI_PATH: '/opt/cni/bin', ...extra };
}

/** Runs `plugin` with `conf` (JSON or text); `prevResult` is injected when given. */
export function call(node: NodeState, plugin: string, env: CniEnv, conf: Json | string, prevResult?: string): PluginRun {
  const stdin = typeof conf === 'string' ? conf : JSON.stringify(prevResult === undefined ? conf : { ...(conf as Record<string, Json>), prevResult: JSON.parse(prevResult) as Json });
  return runPlugin(node, plugin, env, stdin, TEST_ENTROPY);
}

/** The error a failed run printed: code and msg (and details when set). */
export function errorOf(r: PluginRun): { code: number; msg: string; details?: string } {
  if (r.exitCode !== 1) throw new Error(`exit-0: ${r.stdout}`);
  return JSON.parse(r.stdout) as { code: number; msg: string; details?: string };
}

/** The bridge plugin as a gateway with host-local over 10.22.0.0/24 and a route to 10.244.0.0/16. */
export const BRIDGE_CONF: Json = {
  cniVersion: '1.0.0', name: 'mynet', type: 'bridge', bridge: 'cni0', isGateway: true, isDefaultGateway: true,
  ipam: { type: 'host-local', ranges: [[{ subnet: '10.22.0.0/24' }]], routes: [{ dst: '10.244.0.0/16' }] },
};
