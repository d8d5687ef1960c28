import type { CniEvent, CniEventBody } from './events';
import { goParse } from './goDecode';
import { goCompact, isObject, sortedKeys, type Json } from './goJson';
import { Kernel, type Entropy } from './kernel';
import { execPlugin } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { eventLog, PLUGINS } from './run';
import { utf8Bytes } from '../net/utf8';
import { cloneNode, type NodeState } from './state';
import { CNI_ERR, CniError, type CniEnv, type CniResult } from './types';
import { readResult, resultInVersion, versionAtLeast } from './version';

/*
 * The runtime's side (containerd or CRI-O through libcni, containernetworking/cni libcni/api.go):
 * since Kubernetes 1.24 the container runtime, not the kubelet, creates the pod's network
 * namespace and runs the network configuration list. ADD runs the plugins in order, each given
 * the previous one's result as `prevResult` (buildOneConfig injects name, cniVersion and
 * prevResult into the plugin's configuration, which json.Marshal of a Go map writes with sorted
 * keys); the final result is cached in /var/lib/cni/results. DEL runs them in reverse with the
 * cached result; CHECK in order with it; GC and STATUS (spec 1.1) in order. A failed ADD is
 * followed by DEL and the namespace's removal, as a CRI runtime cleans up a sandbox it could not
 * set up (SPEC.md §3: every ADD is eventually followed by a DEL).
 */

/** A network configuration list (`/etc/cni/net.d/*.conflist`). */
export interface ConfList {
  cniVersion: string;
  name: string;
  disableCheck: boolean;
  plugins: { [key: string]: Json }[];
  /** The list's text, cached with the result (libcni keeps the bytes). */
  text: string;
}

/** One attachment: which container, which namespace, which interface (and CNI_ARGS pairs). */
export interface Attachment {
  containerId: string;
  netns: string;
  ifname: string;
  args?: [string, string][];
}

/** What a runtime operation did. */
export interface RuntimeRun {
  node: NodeState;
  events: CniEvent[];
  /** The final result of an ADD. */
  result?: CniResult;
  /** The first error, as the plugin printed it. */
  error?: CniError;
}

/** Where libcni caches a result: /var/lib/cni/results/<network>-<containerID>-<ifname>. */
export function cachePath(network: string, a: Attachment): string {
  return `/var/lib/cni/results/${network}-${a.containerId}-${a.ifname}`;
}

/** ConfListFromBytes. @throws Error with libcni's text. */
export function parseConfList(text: string): ConfList {
  const parsed = goParse(text);
  if (!parsed.ok) throw new Error(T.confList(parsed.error));
  const raw = isObject(parsed.value) ? parsed.value : {};
  if (typeof raw.name !== 'string') throw new Error(T.confList(T.listNoName));
  const plugins = raw.plugins;
  if (!Array.isArray(plugins)) throw new Error(T.confList(T.listNoPlugins));
  if (plugins.length === 0) throw new Error(T.confList(T.listEmpty));
  return { cniVersion: typeof raw.cniVersion === 'string' ? raw.cniVersion : '', name: raw.name, disableCheck: raw.disableCheck === true, plugins: plugins.map((p) => (isObject(p) ? p : {})), text };
}

/** buildOneConfig: the plugin's configuration with name, cniVersion and prevResult injected, keys sorted. */
export function pluginStdin(list: ConfList, plugin: { [key: string]: Json }, prev: CniResult | undefined, extra: { [key: string]: Json } = {}): string {
  const inject: { [key: string]: Json } = { ...plugin, name: list.name, cniVersion: list.cniVersion, ...extra };
  const sorted = sortedKeys(inject) as { [key: string]: Json };
  if (!prev) return goCompact(sorted);
  // prevResult is a Go struct, not a map: its fields keep their order inside the sorted map.
  const out: { [key: string]: Json } = {};
  for (const k of [...Object.keys(sorted), 'prevResult'].sort()) out[k] = k === 'prevResult' ? resultInVersion(prev, list.cniVersion) : (sorted[k] as Json);
  return goCompact(out);
}

/** The environment libcni gives every plugin of an attachment (CNIConfig.args). */
function envOf(command: string, a: Attachment | null, cniPath: string): CniEnv {
  if (!a) return { CNI_COMMAND: command, CNI_PATH: cniPath };
  return {
    CNI_COMMAND: command,
    CNI_CONTAINERID: a.containerId,
    CNI_NETNS: a.netns,
    ...(a.args && a.args.length > 0 ? { CNI_ARGS: a.args.map(([k, v]) => `${k}=${v}`).join(';') } : {}),
    CNI_IFNAME: a.ifname,
    CNI_PATH: cniPath,
  };
}

/** Runs one plugin of the list; a plugin that is not installed is libcni's FindInPath error. */
function runOne(k: Kernel, emit: (e: CniEventBody) => void, type: string, env: CniEnv, stdin: string, cniPath: string): { stdout: string; error?: CniError } {
  const p = PLUGINS[type];
  if (!p) return { stdout: '', error: new CniError(CNI_ERR.internal, T.pluginNotFound(type, cniPath.split(':'))) };
  const out = execPlugin(p, env, stdin, { kernel: k, emit, plugins: PLUGINS });
  return out.error ? { stdout: out.stdout, error: out.error } : { stdout: out.stdout };
}

interface Ctx {
  k: Kernel;
  log: ReturnType<typeof eventLog>;
}

function begin(node: NodeState, entropy: Entropy, owned = false): Ctx {
  const log = eventLog();
  return { k: new Kernel(owned ? node : cloneNode(node), entropy, log.emit), log };
}

/** AddNetworkList: the plugins in order, each with the previous result; the final one cached. */
function addList(c: Ctx, list: ConfList, a: Attachment, cniPath: string): { result?: CniResult; error?: CniError } {
  let prev: CniResult | undefined;
  for (const plugin of list.plugins) {
    const out = runOne(c.k, c.log.emit, String(plugin.type ?? ''), envOf('ADD', a, cniPath), pluginStdin(list, plugin, prev), cniPath);
    if (out.error) return { error: out.error };
    const parsed = goParse(out.stdout);
    prev = readResult(parsed.ok ? parsed.value : null);
  }
  if (prev) {
    const cached = { kind: 'cniCacheV1', containerId: a.containerId, config: base64(list.text), ifName: a.ifname, networkName: list.name, ...(a.args ? { cniArgs: a.args } : {}), result: resultInVersion(prev, list.cniVersion) };
    c.k.writeFile(cachePath(list.name, a), goCompact(cached));
    return { result: prev };
  }
  return {};
}

/** The cached result of an attachment, in the list's version. */
function cached(c: Ctx, list: ConfList, a: Attachment): CniResult | undefined {
  const text = c.k.node.files[cachePath(list.name, a)];
  const parsed = text === undefined ? null : goParse(text);
  return parsed?.ok && isObject(parsed.value) && parsed.value.result !== undefined ? readResult(parsed.value.result) : undefined;
}

/** DelNetworkList: the plugins in reverse, with the cached result from spec 0.4.0 on; the cache entry removed. */
function delList(c: Ctx, list: ConfList, a: Attachment, cniPath: string): { error?: CniError } {
  const prev = versionAtLeast(list.cniVersion || '0.1.0', '0.4.0') ? cached(c, list, a) : undefined;
  for (const plugin of [...list.plugins].reverse()) {
    const out = runOne(c.k, c.log.emit, String(plugin.type ?? ''), envOf('DEL', a, cniPath), pluginStdin(list, plugin, prev), cniPath);
    if (out.error) return { error: out.error };
  }
  c.k.removeFile(cachePath(list.name, a));
  return {};
}

/**
 * A pod sandbox's network coming up: the runtime creates the namespace at `a.netns`, then runs
 * ADD over the list; when that fails it runs DEL and removes the namespace again. `node` is left
 * as it was (the run works on a copy) unless `options.owned` says the caller made it for this run
 * alone and hands it over (addPod: an import runs thousands of ADDs).
 */
export function podAdd(node: NodeState, list: ConfList, a: Attachment, cniPath: string, entropy: Entropy, options: { owned?: boolean } = {}): RuntimeRun {
  const c = begin(node, entropy, options.owned ?? false);
  c.k.netnsAdd(a.netns);
  const out = addList(c, list, a, cniPath);
  if (out.error) {
    delList(c, list, a, cniPath);
    c.k.netnsDel(a.netns);
    return { node: c.k.node, events: c.log.events, error: out.error };
  }
  return { node: c.k.node, events: c.log.events, ...(out.result ? { result: out.result } : {}) };
}

/** A pod sandbox going away: DEL over the list, then the namespace removed. */
export function podDel(node: NodeState, list: ConfList, a: Attachment, cniPath: string, entropy: Entropy): RuntimeRun {
  const c = begin(node, entropy);
  const out = delList(c, list, a, cniPath);
  c.k.netnsDel(a.netns);
  return { node: c.k.node, events: c.log.events, ...(out.error ? { error: out.error } : {}) };
}

/** CheckNetworkList: from spec 0.4.0, unless disableCheck; every plugin with the cached result. */
export function podCheck(node: NodeState, list: ConfList, a: Attachment, cniPath: string, entropy: Entropy): RuntimeRun {
  const c = begin(node, entropy);
  const done = (error?: CniError): RuntimeRun => ({ node: c.k.node, events: c.log.events, ...(error ? { error } : {}) });
  if (!versionAtLeast(list.cniVersion || '0.1.0', '0.4.0')) return done(new CniError(CNI_ERR.internal, T.listNoCheck(list.cniVersion)));
  if (list.disableCheck) return done();
  const prev = cached(c, list, a);
  for (const plugin of list.plugins) {
    const out = runOne(c.k, c.log.emit, String(plugin.type ?? ''), envOf('CHECK', a, cniPath), pluginStdin(list, plugin, prev), cniPath);
    if (out.error) return done(out.error);
  }
  return done();
}

/** GCNetworkList (spec 1.1): every plugin, told which attachments are still valid; errors collected, not stopping. */
export function networkGc(node: NodeState, list: ConfList, valid: readonly { containerID: string; ifname: string }[], cniPath: string, entropy: Entropy): RuntimeRun & { errors: CniError[] } {
  const c = begin(node, entropy);
  const errors: CniError[] = [];
  for (const plugin of list.plugins) {
    const out = runOne(c.k, c.log.emit, String(plugin.type ?? ''), envOf('GC', null, cniPath), pluginStdin(list, plugin, undefined, { 'cni.dev/valid-attachments': valid.map((v) => ({ containerID: v.containerID, ifname: v.ifname })) }), cniPath);
    if (out.error) errors.push(out.error);
  }
  return { node: c.k.node, events: c.log.events, errors, ...(errors[0] ? { error: errors[0] } : {}) };
}

/** GetStatusNetworkList (spec 1.1): every plugin's STATUS, the first error wins. */
export function networkStatus(node: NodeState, list: ConfList, cniPath: string, entropy: Entropy): RuntimeRun {
  const c = begin(node, entropy);
  for (const plugin of list.plugins) {
    const out = runOne(c.k, c.log.emit, String(plugin.type ?? ''), envOf('STATUS', null, cniPath), pluginStdin(list, plugin, undefined), cniPath);
    if (out.error) return { node: c.k.node, events: c.log.events, error: out.error };
  }
  return { node: c.k.node, events: c.log.events };
}

/** Standard base64 of a string's UTF-8 bytes (Go marshals a []byte as base64). */
function base64(text: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] as number, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += (abc[n >> 18] as string) + (abc[(n >> 12) & 63] as string) + (b === undefined ? '=' : (abc[(n >> 6) & 63] as string)) + (c === undefined ? '=' : (abc[n & 63] as string));
  }
  return out;
}
