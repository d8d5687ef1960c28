/**
 * `npm run --silent cni -- --state node1.json < conf.json`: a CNI plugin binary over a node kept in
 * a file. It reads CNI_COMMAND, CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME, CNI_ARGS and CNI_PATH from
 * the environment and the network configuration from stdin, runs our bridge, host-local or flannel
 * plugin (src/core/cni) on the node, saves the node, and prints what the plugin prints: the
 * result or error JSON on stdout, exit code 0 or 1, as the reference plugins do. `--netns add|del`
 * plays the runtime's `ip netns add/del`, `--write` a file on the node (flanneld's subnet.env),
 * `--show` prints the node's namespaces and files. Usage mistakes: stderr, exit code 2.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { goParse } from '../src/core/cni/goDecode';
import { isObject } from '../src/core/cni/goJson';
import { netnsOp, PLUGINS, runPlugin } from '../src/core/cni/run';
import { snapshotNs } from '../src/core/cni/snapshot';
import { emptyNode, HOST_NS, isNodeState, type NodeState } from '../src/core/cni/state';
import type { CniEnv } from '../src/core/cni/types';
import type { Lang } from '../src/core/i18n/lang';
import { CNI_CLI_TEXT, CNI_HELP_HINT, CNI_USAGE, CniCliError, parseCniArgs } from './cniArgs';

const entropy = { bytes: (n: number) => [...randomBytes(n)] };

function load(file: string): NodeState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return emptyNode();
    throw new CniCliError(CNI_CLI_TEXT.cannotRead(file, err.code ?? err.message));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CniCliError(CNI_CLI_TEXT.notState(file));
  }
  if (!isNodeState(data)) throw new CniCliError(CNI_CLI_TEXT.notState(file));
  return data;
}

function save(file: string, node: NodeState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(node, null, 1)}\n`);
    renameSync(tmp, file);
  } catch (e) {
    throw new CniCliError(CNI_CLI_TEXT.cannotWrite(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

/** `ip netns add NAME` takes a name; a path is accepted too. */
const netnsPath = (name: string): string => (name.startsWith('/') ? name : `/var/run/netns/${name}`);

/** Runs the command; returns its exit code. */
export function main(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, err: (s: string) => void, stdin: () => string = readStdin): number {
  const args = parseCniArgs(argv);
  if (args.kind === 'help') {
    out(`${CNI_USAGE[args.lang]}\n`);
    return 0;
  }
  const node = load(args.state);
  if (args.kind === 'netns') {
    const path = netnsPath(args.name);
    const exists = Object.hasOwn(node.namespaces, path);
    // iproute2's own words when the namespace file is there already, or not.
    if (args.op === 'add' && exists) {
      err(`Cannot create namespace file "${path}": File exists\n`);
      return 1;
    }
    if (args.op === 'del' && !exists) {
      err(`Cannot remove namespace file "${path}": No such file or directory\n`);
      return 1;
    }
    save(args.state, netnsOp(node, args.op, path, entropy).node);
    return 0;
  }
  if (args.kind === 'write') {
    save(args.state, { ...node, files: { ...node.files, [args.path]: stdin() } });
    return 0;
  }
  if (args.kind === 'show') {
    const namespaces = Object.fromEntries(Object.keys(node.namespaces).map((ns) => [ns, snapshotNs(node, ns, ns === HOST_NS)]));
    out(`${JSON.stringify({ namespaces, files: node.files }, null, 2)}\n`);
    return 0;
  }
  const input = env.CNI_COMMAND === 'VERSION' ? '' : stdin();
  const parsed = goParse(input);
  const type = parsed.ok && isObject(parsed.value) && typeof parsed.value.type === 'string' ? parsed.value.type : undefined;
  const plugin = args.plugin ?? (type !== undefined && type in PLUGINS ? type : 'bridge');
  if (!(plugin in PLUGINS)) throw new CniCliError(CNI_CLI_TEXT.unknownPlugin(plugin, Object.keys(PLUGINS)));
  const cniEnv: CniEnv = {};
  for (const k of ['CNI_COMMAND', 'CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_ARGS', 'CNI_PATH'] as const) {
    const v = env[k];
    if (v !== undefined) cniEnv[k] = v;
  }
  const r = runPlugin(node, plugin, cniEnv, input, entropy);
  save(args.state, r.node);
  out(r.stdout);
  if (r.stderr) err(r.stderr);
  return r.exitCode;
}

// Run as a command (tsx scripts/cni.ts), not when a test imports main().
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  let lang: Lang = 'en';
  const argv = process.argv.slice(2);
  try {
    lang = argv[argv.indexOf('--lang') + 1] === 'ru' ? 'ru' : 'en';
    process.exitCode = main(argv, process.env, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  } catch (e) {
    if (!(e instanceof CniCliError)) throw e;
    process.stderr.write(`cni: ${e.text[lang]}\n${CNI_HELP_HINT[lang]}\n`);
    process.exitCode = 2;
  }
}
