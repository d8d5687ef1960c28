import type { CniCaller, CniEventBody } from './events';
import { goParse } from './goDecode';
import { goIndent, isObject, type Json } from './goJson';
import type { Kernel } from './kernel';
import { PLUGIN_TEXT as T } from './pluginText';
import { utf8Bytes } from '../net/utf8';
import { CNI_ERR, CniError, type CniEnv, type CniResult, type PluginOutput } from './types';
import { decodeVersion, readResult, reconcile, SUPPORTED_VERSIONS, versionAtLeast, versionText } from './version';

/*
 * How a plugin binary runs: the reference library's skel (containernetworking/cni pkg/skel,
 * getCmdArgsFromEnv and pluginMain) reads the environment and stdin, validates them, checks the
 * configuration's version and calls the plugin's function for the command; invoke (pkg/invoke,
 * DelegateAdd/DelegateDel/FindInPath) runs a delegate, the way bridge runs host-local. Errors go
 * to stdout as JSON with exit code 1 (skel PluginMain), a plugin's own error becoming code 999.
 *
 * For ADD, DEL and CHECK the order of checks is Debian's 1.1.1 (cni v1.1.2 skel: missing
 * variables, then the network name, then the container ID and interface name), which the
 * fixtures record; GC and STATUS, which 1.1.1 does not know, follow cni v1.3 (spec 1.1).
 */

/** The arguments skel hands a plugin function (skel.CmdArgs). */
export interface CmdArgs {
  containerId: string;
  netns: string;
  ifname: string;
  args: string;
  path: string;
  stdin: string;
}

/** What a running plugin can reach: the node's kernel and files, the other plugins, its own environment. */
export interface PluginHost {
  kernel: Kernel;
  emit(e: CniEventBody): void;
  plugins: PluginRegistry;
  env: CniEnv;
  depth: number;
  self: string;
}

/** A plugin: one function per command, each throwing CniError or Error on failure. */
export interface Plugin {
  readonly name: string;
  /** ADD: returns what it prints (its result JSON). */
  add(a: CmdArgs, h: PluginHost): string;
  del(a: CmdArgs, h: PluginHost): void;
  check(a: CmdArgs, h: PluginHost): void;
  /** GC (spec 1.1); absent, GC succeeds without doing anything (skel with a nil function). */
  gc?(a: CmdArgs, h: PluginHost): void;
  /** STATUS (spec 1.1); absent, STATUS succeeds. */
  status?(a: CmdArgs, h: PluginHost): void;
}

/** The plugin binaries on the node, by type name. */
export type PluginRegistry = Readonly<Record<string, Plugin>>;

const CNI_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** skel's validateConfig: JSON with a valid `name`. */
function validateConfig(stdin: string): void {
  const parsed = goParse(stdin);
  if (!parsed.ok) throw new CniError(CNI_ERR.decoding, T.unmarshalConfig(parsed.error));
  const name = isObject(parsed.value) ? parsed.value.name : undefined;
  if (name !== undefined && name !== null && typeof name !== 'string') throw new CniError(CNI_ERR.decoding, T.unmarshalConfig(T.goType(typeof name === 'number' ? 'number' : 'object', '.name', 'string')));
  if (typeof name !== 'string' || name === '') throw new CniError(CNI_ERR.invalidConfig, T.missingName);
  if (!CNI_NAME.test(name)) throw new CniError(CNI_ERR.invalidConfig, T.badNetworkName, name);
}

/** utils.ValidateContainerID. */
function validateContainerId(id: string): void {
  if (id === '') throw new CniError(CNI_ERR.unknownContainer, T.missingContainerId);
  if (!CNI_NAME.test(id)) throw new CniError(CNI_ERR.invalidEnv, T.badContainerId, id);
}

/** utils.ValidateInterfaceName (the kernel's dev_valid_name rules). */
function validateIfname(name: string): void {
  if (name === '') throw new CniError(CNI_ERR.invalidEnv, T.ifnameEmpty);
  if (utf8Bytes(name).length > 15) throw new CniError(CNI_ERR.invalidEnv, T.ifnameLong, T.ifnameLongDetails);
  if (name === '.' || name === '..') throw new CniError(CNI_ERR.invalidEnv, T.ifnameDots);
  if (/[/:\s]/u.test(name)) throw new CniError(CNI_ERR.invalidEnv, T.ifnameChars);
}

/** Which variables each command needs (skel's reqForCmd tables). */
const REQUIRED: Readonly<Record<string, readonly (keyof CniEnv)[]>> = {
  ADD: ['CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_PATH'],
  CHECK: ['CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_PATH'],
  DEL: ['CNI_CONTAINERID', 'CNI_IFNAME', 'CNI_PATH'],
  GC: ['CNI_PATH'],
  STATUS: ['CNI_PATH'],
};

/** CHECK, GC and STATUS need a configuration version that has them, and a plugin that speaks it. */
function versionGate(stdin: string, since: string, notAllowed: string, pluginNotAllowed: string): void {
  const v = decodeVersion(stdin);
  if (!versionAtLeast(v, since)) throw new CniError(CNI_ERR.incompatibleVersion, notAllowed);
  if (!SUPPORTED_VERSIONS.some((p) => versionAtLeast(p, v))) throw new CniError(CNI_ERR.incompatibleVersion, pluginNotAllowed);
  reconcile(v);
}

/** skel's pluginMain for `plugin`: the text it prints and its exit code. */
function dispatch(plugin: Plugin, env: CniEnv, stdin: string, h: PluginHost): { stdout: string; stderr?: string } {
  const cmd = env.CNI_COMMAND ?? '';
  const get = (k: keyof CniEnv): string => env[k] ?? '';
  const missing = (['CNI_COMMAND', 'CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_ARGS', 'CNI_PATH'] as const).filter((k) => get(k) === '' && (k === 'CNI_COMMAND' || (REQUIRED[cmd] ?? []).includes(k)));
  if (missing.length > 0) {
    // No command at all: the binary prints what it is to stderr and exits 0 (skel's "about").
    if (cmd === '') return { stdout: '', stderr: T.about(plugin.name, SUPPORTED_VERSIONS) };
    throw new CniError(CNI_ERR.invalidEnv, T.envMissing(missing));
  }
  if (cmd === 'VERSION') return { stdout: versionText() };
  const a: CmdArgs = { containerId: get('CNI_CONTAINERID'), netns: get('CNI_NETNS'), ifname: get('CNI_IFNAME'), args: get('CNI_ARGS'), path: get('CNI_PATH'), stdin };
  validateConfig(stdin);
  if (cmd === 'ADD' || cmd === 'DEL' || cmd === 'CHECK') {
    validateContainerId(a.containerId);
    validateIfname(a.ifname);
  }
  switch (cmd) {
    case 'ADD':
      reconcile(decodeVersion(stdin));
      return { stdout: plugin.add(a, h) };
    case 'DEL':
      reconcile(decodeVersion(stdin));
      plugin.del(a, h);
      return { stdout: '' };
    case 'CHECK':
      versionGate(stdin, '0.4.0', T.checkNotAllowed, T.checkPluginNotAllowed);
      plugin.check(a, h);
      return { stdout: '' };
    case 'GC':
      versionGate(stdin, '1.1.0', T.gcNotAllowed, T.gcPluginNotAllowed);
      plugin.gc?.(a, h);
      return { stdout: '' };
    case 'STATUS':
      versionGate(stdin, '1.1.0', T.statusNotAllowed, T.statusPluginNotAllowed);
      plugin.status?.(a, h);
      return { stdout: '' };
    default:
      throw new CniError(CNI_ERR.invalidEnv, T.unknownCommand(cmd));
  }
}

/** The context of one execution of a plugin binary. */
export interface ExecContext {
  kernel: Kernel;
  emit(e: CniEventBody): void;
  plugins: PluginRegistry;
}

/**
 * Runs `plugin` as its binary would run: environment and stdin in, stdout and exit code out,
 * every error as the JSON skel prints (code 999 for a plugin's own Go error).
 */
export function execPlugin(plugin: Plugin, env: CniEnv, stdin: string, ctx: ExecContext, depth = 0, caller: CniCaller = { by: 'runtime' }): PluginOutput & { stderr?: string } {
  ctx.emit({ type: 'exec', plugin: plugin.name, depth, caller, env: { ...env }, stdin });
  const h: PluginHost = { kernel: ctx.kernel, emit: ctx.emit, plugins: ctx.plugins, env, depth, self: plugin.name };
  let out: PluginOutput & { stderr?: string };
  try {
    const r = dispatch(plugin, env, stdin, h);
    out = { stdout: r.stdout, exitCode: 0, ...(r.stderr !== undefined ? { stderr: r.stderr } : {}) };
  } catch (e) {
    const err = e instanceof CniError ? e : new CniError(CNI_ERR.internal, e instanceof Error ? e.message : String(e));
    out = { stdout: goIndent(err.toJson()), exitCode: 1, error: err };
  }
  ctx.emit({ type: 'exit', plugin: plugin.name, depth, exitCode: out.exitCode, stdout: out.stdout, ...(out.error ? { code: out.error.code } : {}) });
  return out;
}

/**
 * invoke.FindInPath: the delegate's binary in one of CNI_PATH's directories. Ours are every
 * plugin of the registry, in any directory listed.
 * @throws Error with FindInPath's text.
 */
function findInPath(type: string, h: PluginHost): Plugin {
  const paths = (h.env.CNI_PATH ?? '').split(':').filter((p) => p !== '');
  if (type === '') throw new Error(T.noPluginName);
  if (type.includes('/')) throw new Error(T.badPluginName(type));
  if (paths.length === 0) throw new Error(T.noPaths);
  const p = h.plugins[type];
  if (!p) throw new Error(T.pluginNotFound(type, paths));
  return p;
}

/**
 * Runs delegate `type` with CNI_COMMAND `command` and the whole `stdin` (SPEC.md §4), as
 * invoke.DelegateAdd/DelegateCheck/DelegateDel do. Returns the delegate's result for ADD.
 * @throws CniError the delegate's own error (code, msg, details kept); Error when it is not found.
 */
export function delegate(h: PluginHost, type: string, command: string, stdin: string): CniResult | undefined {
  const p = findInPath(type, h);
  const out = execPlugin(p, { ...h.env, CNI_COMMAND: command }, stdin, h, h.depth + 1, { by: 'plugin', plugin: h.self });
  if (out.exitCode !== 0) throw out.error ?? new CniError(CNI_ERR.internal, out.stdout);
  if (command !== 'ADD') return undefined;
  const parsed = goParse(out.stdout);
  return readResult(parsed.ok ? parsed.value : (null as Json));
}

/**
 * DEL's interface clean-up for plugins that own one container interface (Calico, Cilium, Weave Net):
 * deletes `a.ifname` in `a.netns` when both still exist, and does nothing otherwise, since DEL must
 * succeed when the namespace is already gone (CNI SPEC.md §"DEL"; ip.DelLinkByName in each plugin's
 * cmdDel). The host end of the veth goes with it, as the kernel deletes both ends of a pair.
 */
export function delContainerLink(a: CmdArgs, h: PluginHost): void {
  const k = h.kernel;
  if (a.netns !== '' && k.hasNetns(a.netns) && k.link(a.netns, a.ifname)) k.delLink(a.netns, a.ifname);
}
