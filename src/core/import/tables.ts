import { parseIp } from '../net/ipv4';
import { note, type ImportNote } from './notes';
import type { BlockKind, DaemonSetFact, Moment, NodeFact, PodFact } from './types';

/*
 * kubectl's plain tables and `minikube node list`, read as they are printed. kubectl writes its
 * tables through Go's text/tabwriter (printers.GetNewTabWriter: padding 3, pad character space), so
 * every cell starts at its header's column and columns are at least three spaces apart; a cell
 * may hold single spaces (RESTARTS `2 (5m ago)`, OS-IMAGE `Ubuntu 22.04.2 LTS`), so rows are cut at
 * the header's column starts, not at every space. The columns are those of kubectl's printers
 * (pkg/printers/internalversion/printers.go: podColumnDefinitions, nodeColumnDefinitions,
 * daemonSetColumnDefinitions), `NAMESPACE` first with `-A`. `minikube node list` prints
 * `name<TAB>ip` per node (cmd/minikube/cmd/node_list.go).
 */

/** One line of input with its number (from 1). */
export interface Line {
  n: number;
  text: string;
}

/** What a run of table lines gave. */
export interface TableRead {
  kind: BlockKind;
  line: number;
  nodes: NodeFact[];
  pods: PodFact[];
  daemonSets: DaemonSetFact[];
  notes: ImportNote[];
}

type TableKind = 'nodes' | 'pods' | 'daemonsets';

/** The headers a table kind starts with (after an optional NAMESPACE). */
const HEADS: Record<TableKind, string[]> = {
  nodes: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  pods: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  daemonsets: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
};

/** A header's columns: names and where each starts. */
interface Columns {
  kind: TableKind;
  names: string[];
  starts: number[];
}

/** The header cells of a line: runs of text separated by two spaces or more, or a tab. */
function headerCells(text: string): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ name: m[0], start: m.index });
  return out;
}

/** The table kind a line is the header of, with its columns; null when it is no kubectl header. */
export function tableHeader(text: string): Columns | null {
  const cells = headerCells(text);
  const names = cells.map((c) => c.name);
  const body = names[0] === 'NAMESPACE' ? names.slice(1) : names;
  for (const kind of ['nodes', 'pods', 'daemonsets'] as const) {
    const head = HEADS[kind];
    if (head.every((h, k) => body[k] === h)) return { kind, names, starts: cells.map((c) => c.start) };
  }
  return null;
}

/**
 * A row's cells under the header's columns. Each cell starts where its header does (tabwriter's
 * alignment); when a row does not line up (retyped, or tabs), cells are split at runs of two
 * spaces or more, in the columns' order, so a row cut short lacks its last columns (named by the
 * caller's `row-short`). Null for a blank row.
 */
function rowCells(text: string, cols: Columns): string[] | null {
  const aligned = cols.starts.every((s, k) => k === 0 || text.length <= s || (text[s - 1] === ' ' && text[s] !== ' '));
  if (aligned) return cols.starts.map((s, k) => text.slice(s, cols.starts[k + 1] ?? text.length).trim());
  const loose = text.trim().split(/\t+|\s{2,}/);
  return loose.length > 0 && loose[0] !== '' ? loose : null;
}

/** kubectl's AGE (`36s`, `5m2s`, `3h20m`, `2d3h`, `45d`, `2y3d`) in seconds; null when it is not one. */
export function parseAge(text: string): number | null {
  const m = /^(?:(\d+)y)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!m || text === '') return null;
  const [, y, d, h, mi, s] = m.map((x) => Number(x ?? 0));
  return ((((y ?? 0) * 365 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (mi ?? 0)) * 60 + (s ?? 0);
}

function age(text: string | undefined): Moment | undefined {
  const s = parseAge(text ?? '');
  return s === null ? undefined : { kind: 'age', s };
}

/** RESTARTS as kubectl prints it: `0`, or `1 (3m ago)` with the age of the last restart (printers.go printPod). */
export function parseRestarts(text: string | undefined): Pick<PodFact, 'restarts' | 'lastRestart'> {
  const m = /^(\d+)(?: \((\S+) ago\))?$/.exec(text ?? '');
  if (!m) return {};
  const ago = m[2] !== undefined ? parseAge(m[2]) : null;
  return { restarts: Number(m[1]), ...(ago !== null ? { lastRestart: { kind: 'age' as const, s: ago } } : {}) };
}

/** `<none>`, `<unknown>` and empty cells as absent. */
function value(text: string | undefined): string | undefined {
  return text === undefined || text === '' || text === '<none>' || text === '<unknown>' ? undefined : text;
}

/** The DaemonSet a pod's name says it belongs to: `kube-proxy-x7k2p` → `kube-proxy` (a DaemonSet pod is its name and 5 characters). */
export function daemonSetOfName(pod: string, daemonSets: readonly string[]): string | undefined {
  return daemonSets.find((ds) => pod.length === ds.length + 6 && pod.startsWith(`${ds}-`));
}

function readRow(kind: TableKind, cells: Record<string, string>, line: number, notes: ImportNote[], out: TableRead, source: string): void {
  const at = { source, line };
  if (kind === 'nodes') {
    const ip = value(cells['INTERNAL-IP']);
    if (ip !== undefined && parseIp(ip) === null) notes.push(note('field-invalid', { got: ip, expected: 'IPv4' }, { ...at, field: 'INTERNAL-IP' }));
    const roles = cells.ROLES ?? '';
    const a = age(cells.AGE);
    out.nodes.push({
      name: cells.NAME ?? '',
      ...(ip !== undefined && parseIp(ip) !== null ? { ip } : {}),
      controlPlane: /control-plane|master/.test(roles),
      ...(value(cells.VERSION) !== undefined ? { version: cells.VERSION } : {}),
      ...(a ? { at: a } : {}),
      // -o wide's columns, kept to print them back; EXTERNAL-IP's `<none>` is a fact (no ExternalIP address).
      ...(cells['EXTERNAL-IP'] !== undefined ? { externalIp: cells['EXTERNAL-IP'] } : 'OS-IMAGE' in cells ? { externalIp: '<none>' } : {}),
      ...(value(cells['OS-IMAGE']) !== undefined ? { osImage: cells['OS-IMAGE'] } : {}),
      ...(value(cells['KERNEL-VERSION']) !== undefined ? { kernelVersion: cells['KERNEL-VERSION'] } : {}),
      ...(value(cells['CONTAINER-RUNTIME']) !== undefined ? { containerRuntime: cells['CONTAINER-RUNTIME'] } : {}),
    });
    return;
  }
  if (kind === 'pods') {
    const ip = value(cells.IP);
    const node = value(cells.NODE);
    if (ip !== undefined && parseIp(ip) === null) notes.push(note('field-invalid', { got: ip, expected: 'IPv4' }, { ...at, field: 'IP' }));
    const ready = /^(\d+)\/(\d+)$/.exec(cells.READY ?? '');
    const a = age(cells.AGE);
    out.pods.push({
      namespace: cells.NAMESPACE ?? 'default',
      name: cells.NAME ?? '',
      status: cells.STATUS ?? '',
      ...(node !== undefined ? { node } : {}),
      ...(ip !== undefined && parseIp(ip) !== null ? { ip } : {}),
      ...(ready ? { containers: Number(ready[2]) } : {}),
      ...(a ? { at: a } : {}),
      ...parseRestarts(cells.RESTARTS),
    });
    return;
  }
  const a = age(cells.AGE);
  out.daemonSets.push({
    namespace: cells.NAMESPACE ?? 'default',
    name: cells.NAME ?? '',
    ...(value(cells['NODE SELECTOR']) !== undefined ? { nodeSelector: cells['NODE SELECTOR'] } : {}),
    ...(a ? { at: a } : {}),
  });
}

/** The columns a table must have for the lab, and the flag that prints them. */
const NEEDED: Record<TableKind, { columns: string[]; flag: string }> = {
  nodes: { columns: ['NAME'], flag: '' },
  pods: { columns: ['IP', 'NODE'], flag: '-o wide' },
  daemonsets: { columns: ['NAME'], flag: '' },
};

const KIND_OF: Record<TableKind, BlockKind> = { nodes: 'nodes-table', pods: 'pods-table', daemonsets: 'daemonsets-table' };

/**
 * Reads a kubectl table whose header is `lines[0]`. Rows end at the first line that is not one
 * (returned as `next`, the index of the first line not read).
 */
export function readTable(lines: readonly Line[], source: string): { read: TableRead; next: number } {
  const head = lines[0] as Line;
  const cols = tableHeader(head.text) as Columns;
  const read: TableRead = { kind: KIND_OF[cols.kind], line: head.n, nodes: [], pods: [], daemonSets: [], notes: [] };
  const need = NEEDED[cols.kind];
  const missing = need.columns.filter((c) => !cols.names.includes(c));
  if (missing.length > 0) read.notes.push(note('table-columns', { table: cols.kind, columns: missing.join(', '), flag: need.flag }, { source, line: head.n }));
  let k = 1;
  for (; k < lines.length; k++) {
    const l = lines[k] as Line;
    if (tableHeader(l.text)) break;
    const cells = rowCells(l.text, cols);
    const named: Record<string, string> = {};
    cols.names.forEach((name, j) => {
      const c = cells?.[j];
      if (c !== undefined && c !== '') named[name] = c;
    });
    const absent = cols.names.filter((name) => named[name] === undefined && !(name === 'NOMINATED NODE' || name === 'READINESS GATES' || name === 'EXTERNAL-IP'));
    if (!cells || absent.length > 0) {
      read.notes.push(note('row-short', { missing: absent.join(', ') || cols.names.join(', ') }, { source, line: l.n }));
      continue;
    }
    readRow(cols.kind, named, l.n, read.notes, read, source);
  }
  return { read, next: k };
}

/** `minikube node list`: every line `name ip`. Null when the lines are not that. */
export function readMinikubeList(lines: readonly Line[]): NodeFact[] | null {
  const nodes: NodeFact[] = [];
  for (const l of lines) {
    const m = /^(\S+)\s+(\d{1,3}(?:\.\d{1,3}){3})\s*$/.exec(l.text);
    if (!m || parseIp(m[2] ?? '') === null) return null;
    nodes.push({ name: m[1] ?? '', ip: m[2] ?? '' });
  }
  return nodes.length > 0 ? nodes : null;
}

/**
 * Pod rows without their header, as `kubectl get pods -A -o wide | grep flannel` prints them:
 * NAMESPACE NAME READY STATUS RESTARTS AGE IP NODE NOMINATED-NODE READINESS-GATES. Null unless every
 * line has that shape.
 */
export function readHeaderlessPods(lines: readonly Line[]): PodFact[] | null {
  const pods: PodFact[] = [];
  for (const l of lines) {
    const m = /^(\S+)\s+(\S+)\s+(\d+)\/(\d+)\s+(\S+)\s+(\d+(?: \([^)]*\))?)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+\S+){0,2}\s*$/.exec(l.text);
    if (!m) return null;
    const ip = m[8] ?? '';
    const node = m[9] ?? '';
    const a = age(m[7]);
    pods.push({
      namespace: m[1] ?? '', name: m[2] ?? '', status: m[5] ?? '', containers: Number(m[4]),
      ...(parseIp(ip) !== null ? { ip } : {}),
      ...(node !== '<none>' ? { node } : {}),
      ...(a ? { at: a } : {}),
      ...parseRestarts(m[6]),
    });
  }
  return pods.length > 0 ? pods : null;
}

/** iproute2's text output (not its JSON): which command printed it, or null. */
export function ipTextCommand(text: string): string | null {
  if (/^\d+: [^:\s]+(@\S+)?: <[A-Z_,-]*>/.test(text)) return 'ip addr';
  if (/^(default|\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?) (via \S+ )?dev \S+/.test(text) && !/ lladdr /.test(text)) return 'ip route';
  if (/^\d{1,3}(\.\d{1,3}){3} dev \S+ (lladdr \S+ )?(router )?(PERMANENT|REACHABLE|STALE|DELAY|PROBE|FAILED|INCOMPLETE|NOARP)/.test(text)) return 'ip neigh';
  if (/^([0-9a-f]{2}:){5}[0-9a-f]{2} dev \S+/.test(text)) return 'bridge fdb';
  return null;
}
