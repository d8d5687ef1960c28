import { isKubeJson, readKubeJson } from './kubeJson';
import { ipKind, readIpJson } from './ipJson';
import { jsonErrorOffset } from './jsonError';
import { note, type ImportNote } from './notes';
import { ipTextCommand, readHeaderlessPods, readMinikubeList, readTable, tableHeader, type Line } from './tables';
import type { BlockKind, ClusterFacts, ImportSource } from './types';

/*
 * Recognising what was pasted: a source is cut into blocks (a JSON value, a run of table lines),
 * each read by its shape, so several outputs pasted together (with or without the commands that
 * printed them) are each read. A command line (`$ kubectl get pods -A -o wide`, a prompt such as
 * `docker@minikube-m02:~$ ip -j route`) says which node an iproute2 block is from, and a line
 * `# node: NAME` says it too; the output of a command the import does not read is skipped and named.
 */

/** What the reader found in all sources: the facts, and one `block` remark per block read. */
export interface ReadResult {
  facts: ClusterFacts;
  notes: ImportNote[];
}

/** The context a command line sets for the output under it. */
interface Context {
  command?: string;
  node?: string;
  /** The command prints something the import does not read. */
  foreign?: boolean;
}

const PROMPT = /^(?:([\w.-]+)@([\w.-]+)(?::[^\s$#]*)?\s*[$#]|[$#>]|PS [^>]*>)\s*(\S.*)$/;
const BARE_COMMAND = /^(?:sudo\s+)?(?:kubectl|minikube|ip|bridge|docker|kind|ssh)\s+-?[a-z]/;
const READ_COMMAND = /\b(?:kubectl(?:\s+\S+)*\s+get\b|minikube\s+node\s+(?:list|ls)\b|\bip\s+(?:-\S+\s+)*(?:a|addr|address|r|ro|route|n|neigh|neighbor|neighbour)\b|\bbridge\s+(?:-\S+\s+)*fdb\b)/;

/** The node a command runs on: `minikube ssh -n X`, `--node X`, `docker exec X`, `ssh X`, `kubectl debug node/X`. */
function nodeOfCommand(cmd: string): string | undefined {
  const ssh = /\bminikube\s+ssh\b.*?(?:-n|--node)[=\s]+([\w.-]+)/.exec(cmd);
  if (ssh) return ssh[1];
  const docker = /\bdocker\s+exec\s+(?:-\S+\s+)*([\w.-]+)/.exec(cmd);
  if (docker) return docker[1];
  const plainSsh = /(?:^|\s)ssh\s+(?:-\S+\s+)*(?:[\w.-]+@)?([\w.-]+)/.exec(cmd);
  if (plainSsh) return plainSsh[1];
  return /\bnode\/([\w.-]+)/.exec(cmd)?.[1];
}

/**
 * `minikube start`'s flags that say what cluster it made (cmd/minikube/cmd/start_flags.go):
 * `--cni` (auto, bridge, calico, cilium, flannel, kindnet, or a manifest's path) and `--nodes`
 * (`-n`, default 1). Null when the command is not `minikube start`.
 */
export function readMinikubeStart(cmd: string): { cni?: string; nodes?: number } | null {
  if (!/\bminikube\s+start\b/.test(cmd)) return null;
  const cni = /(?:^|\s)--cni(?:=|\s+)(\S+)/.exec(cmd)?.[1];
  const nodes = /(?:^|\s)(?:--nodes|-n)(?:=|\s+)(\d+)\b/.exec(cmd)?.[1];
  return { ...(cni !== undefined ? { cni } : {}), ...(nodes !== undefined ? { nodes: Number(nodes) } : {}) };
}

/** A command line's context, or null when the line is no command. */
function commandLine(text: string): Context | null {
  const t = text.trim();
  if (/^#\s*node:?\s+[\w.-]+\s*$/i.test(t)) return null;
  const m = PROMPT.exec(t);
  const cmd = m ? (m[3] ?? '') : BARE_COMMAND.test(t) ? t : null;
  if (cmd === null) return null;
  // A prompt's host is the node when the command itself runs iproute2 there (`docker@minikube-m02:~$ ip -j addr`).
  const local = /^(?:sudo\s+)?(?:ip|bridge)\s/.test(cmd) ? m?.[2] : undefined;
  const node = nodeOfCommand(cmd) ?? local;
  return { command: cmd, ...(node !== undefined ? { node } : {}), ...(READ_COMMAND.test(cmd) ? {} : { foreign: true }) };
}

/**
 * The end of the JSON value that starts at `from` (an offset of `[` or `{`): the offset after its
 * closing bracket, or -1 when the text ends first. Strings and escapes are skipped.
 */
export function jsonEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Line number (from 1) of an offset. */
function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Where JSON.parse stopped in `text`: the line within it (from 0), the column (from 1), and the character found there. */
function parseFault(text: string): { line: number; column: number; found: string } {
  const at = jsonErrorOffset(text);
  const before = text.slice(0, at).split('\n');
  const found = text[at];
  return { line: before.length - 1, column: (before[before.length - 1] ?? '').length + 1, found: found === undefined ? 'end' : JSON.stringify(found) };
}

/** Whether a source is binary: a NUL byte, or U+FFFD where undecodable bytes were. */
function binaryBytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd) n++;
  }
  return n;
}

function empty(): ClusterFacts {
  return { nodes: [], pods: [], daemonSets: [], ip: [], minikube: false };
}

/** Reads one JSON value found at `line` of `source`. */
function readJson(value: unknown, ctx: Context, src: ImportSource, line: number, facts: ClusterFacts, notes: ImportNote[]): void {
  const at = { source: src.name, line };
  if (Array.isArray(value)) {
    const kind = value.length === 0 ? null : ipKind(value);
    if (kind === null) {
      // An empty array is an empty table of some iproute2 command: nothing to read, nothing wrong.
      if (value.length > 0) notes.push(note('json-unknown', { what: 'array' }, at));
      return;
    }
    const { table, notes: more } = readIpJson(value, kind, src.name, line);
    notes.push(...more);
    facts.ip.push({ table, ...(ctx.node !== undefined ? { node: ctx.node } : {}), fileName: src.name, source: src.name, line });
    const count = table.kind === 'addr' ? table.links.length : table.kind === 'route' ? table.routes.length : table.entries.length;
    const kinds: Record<IpKindName, BlockKind> = { addr: 'ip-addr', route: 'ip-route', neigh: 'ip-neigh', fdb: 'bridge-fdb' };
    notes.push(note('block', { kind: kinds[table.kind], count, node: ctx.node ?? '' }, at));
    return;
  }
  if (!isKubeJson(value)) {
    notes.push(note('json-unknown', { what: typeof value === 'object' && value !== null ? 'object' : typeof value }, at));
    return;
  }
  const read = readKubeJson(value as Record<string, unknown>, src.name, line);
  notes.push(...read.notes);
  facts.nodes.push(...read.nodes);
  facts.pods.push(...read.pods);
  facts.daemonSets.push(...read.daemonSets);
  const count = read.nodes.length + read.pods.length + read.daemonSets.length;
  if (count > 0 || read.notes.length === 0) notes.push(note('block', { kind: read.kind, count, node: '' }, at));
}

type IpKindName = 'addr' | 'route' | 'neigh' | 'fdb';

/** Reads a run of non-JSON lines under one context. */
function readLines(lines: Line[], ctx: Context, src: ImportSource, facts: ClusterFacts, notes: ImportNote[]): void {
  if (lines.length === 0) return;
  let first = lines[0] as Line;
  if (ctx.foreign) {
    // A table pasted under another command's output without its own command line (the notes'
    // `minikube start` above `kubectl get nodes`): read from its header on.
    const at = lines.findIndex((l) => tableHeader(l.text) !== null);
    const list = at < 0 && lines.length > 0 ? readMinikubeList(lines) : null;
    if (at !== 0 && list === null) notes.push(note('block-skipped', { command: ctx.command ?? '' }, { source: src.name, line: first.n }));
    if (at < 0 && list === null) return;
    lines = at < 0 ? lines : lines.slice(at);
    first = lines[0] as Line;
  }
  const ipText = ipTextCommand(first.text.trim());
  if (ipText !== null) {
    notes.push(note('ip-not-json', { command: ipText }, { source: src.name, line: first.n }));
    return;
  }
  if (/^No resources found/.test(first.text.trim())) {
    lines = lines.slice(1);
    if (lines.length === 0) return;
  }
  const list = readMinikubeList(lines);
  if (list) {
    facts.nodes.push(...list);
    facts.minikube = true;
    notes.push(note('block', { kind: 'minikube-nodes', count: list.length, node: '' }, { source: src.name, line: first.n }));
    return;
  }
  const bare = tableHeader(first.text) ? null : readHeaderlessPods(lines);
  if (bare) {
    facts.pods.push(...bare);
    notes.push(note('block', { kind: 'pods-table', count: bare.length, node: '' }, { source: src.name, line: first.n }));
    return;
  }
  let k = 0;
  while (k < lines.length) {
    const l = lines[k] as Line;
    if (!tableHeader(l.text)) {
      notes.push(note('unrecognised', { text: l.text.trim().slice(0, 40) }, { source: src.name, line: l.n }));
      return;
    }
    const { read, next } = readTable(lines.slice(k), src.name);
    facts.nodes.push(...read.nodes);
    facts.pods.push(...read.pods);
    facts.daemonSets.push(...read.daemonSets);
    notes.push(...read.notes);
    notes.push(note('block', { kind: read.kind, count: read.nodes.length + read.pods.length + read.daemonSets.length, node: '' }, { source: src.name, line: l.n }));
    k += next;
  }
}

/** Reads one source into `facts`. */
function readSource(src: ImportSource, facts: ClusterFacts, notes: ImportNote[]): void {
  const bad = binaryBytes(src.text);
  if (bad > 0) {
    notes.push(note('binary', { bytes: bad }, { source: src.name }));
    return;
  }
  const text = src.text.replace(/\r\n?/g, '\n');
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  let ctx: Context = {};
  let run: Line[] = [];
  const flush = () => {
    readLines(run, ctx, src, facts, notes);
    run = [];
  };
  for (let n = 0; n < starts.length; n++) {
    const off = starts[n] as number;
    const raw = text.slice(off, starts[n + 1] !== undefined ? (starts[n + 1] as number) - 1 : text.length);
    const t = raw.trim();
    if (t === '') {
      flush();
      continue;
    }
    const named = /^#\s*node:?\s+([\w.-]+)\s*$/i.exec(t);
    if (named) {
      flush();
      ctx = { node: named[1] as string };
      continue;
    }
    const cmd = commandLine(raw);
    if (cmd) {
      flush();
      ctx = cmd;
      if (/\bminikube\b/.test(cmd.command ?? '')) facts.minikube = true;
      const start = readMinikubeStart(cmd.command ?? '');
      if (start) {
        facts.minikubeStart = { ...start, source: src.name, line: n + 1 };
        notes.push(note('minikube-start', { cni: start.cni ?? '', nodes: start.nodes ?? 0 }, { source: src.name, line: n + 1 }));
      }
      continue;
    }
    if ((t.startsWith('[') || t.startsWith('{')) && run.length === 0) {
      // One JSON value or several in a row; a value may span many lines.
      let at = off + raw.indexOf(t[0] as string);
      let lastEnd = at;
      while (at < text.length && (text[at] === '[' || text[at] === '{')) {
        const end = jsonEnd(text, at);
        const line = lineAt(text, at);
        if (end < 0) {
          notes.push(note('json-truncated', { startLine: line }, { source: src.name, line }));
          return;
        }
        const slice = text.slice(at, end);
        try {
          readJson(JSON.parse(slice) as unknown, ctx, src, line, facts, notes);
        } catch {
          const f = parseFault(slice);
          notes.push(note('json-invalid', { column: f.column, found: f.found }, { source: src.name, line: line + f.line }));
        }
        lastEnd = end;
        at = end;
        while (at < text.length && /\s/.test(text[at] as string)) at++;
      }
      // Go on at the line after the last value read.
      const next = lineAt(text, lastEnd);
      n = next - 1;
      const rest = text.slice(lastEnd, starts[next] !== undefined ? (starts[next] as number) - 1 : text.length).trim();
      if (rest !== '') notes.push(note('unrecognised', { text: rest.slice(0, 40) }, { source: src.name, line: next }));
      continue;
    }
    run.push({ n: n + 1, text: raw.replace(/\s+$/, '') });
  }
  flush();
}

/**
 * Reads everything pasted or uploaded. Never throws: what cannot be read is a remark naming the
 * source, the line and, in JSON, the field. `empty` when no source holds anything.
 */
export function readSources(sources: readonly ImportSource[]): ReadResult {
  const facts = empty();
  const notes: ImportNote[] = [];
  const filled = sources.filter((s) => s.text.trim() !== '');
  if (filled.length === 0) return { facts, notes: [note('empty', {})] };
  for (const s of filled) readSource(s, facts, notes);
  return { facts, notes };
}
