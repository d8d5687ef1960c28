import { problem, under, type Problem } from '../i18n/problems';
import { checkPeer, clip, isObject, machineFacts, type IfaceFact, type MachineFacts, type NsFacts } from './validateFacts';
import { shapeProblems } from './shapes';
import type { NamespaceSpec, Topology } from './topology';
import { registerValidator, vouchedLists } from './vouch';

export { vouchValid } from './vouch';

/*
 * Topology validation for user input (files, the editor). Every problem is reported as data with
 * where it is (`machines[0].pods[1].interfaces[0].mac`), a code and its values; the sentence comes
 * from the reader's language catalogue (`formatProblem` in ../i18n/problems.ts).
 *
 * Three layers:
 * - the shape (./schema.ts, zod): fields, types, ranges, kinds;
 * - what Linux refuses when the namespace is built in the order the kernel lab builds it (devices,
 *   masters, addresses, then routes and neighbours in list order), each with the kernel's answer:
 *   a bridge as a bridge port, a veth that is its own peer, a duplicate address, a gateway no
 *   earlier link route covers, a preferred source that is not local, a route whose prefix and
 *   metric the table already has (connected routes included);
 * - what Linux accepts (`validateTopologyWarnings`): warnings for the unwise (an address on a
 *   bridge port, one MAC on several interfaces, a loop at layer 2), and an error for one MAC on two
 *   hosts of one segment, which cannot work.
 *
 * Checks that only concern one namespace are cached by the namespace object's identity (and the
 * object frozen), so re-validating after an edit only re-checks what changed; the cross-namespace
 * checks (names, veth peers, segments) are map lookups. User-given names are only ever looked up
 * in Maps and Sets, never as keys of plain objects.
 */

/** Every namespace of the topology under its first use of a name, with its absolute path prefix. */
interface Space {
  name: string;
  /** `machines[0].` or `machines[0].pods[1].` */
  at: string;
  facts: NsFacts;
}

function topologyErrors(input: unknown): Problem[] {
  if (!isObject(input)) return [problem('topology', 'topology-not-object', {})];
  if (isVouched(input)) return [];
  const errors = shapeProblems('topology', input);
  if (!Array.isArray(input.segments) || !Array.isArray(input.machines)) return errors;

  const segments = new Set<string>();
  input.segments.forEach((s: unknown, i: number) => {
    if (!isObject(s) || typeof s.id !== 'string' || s.id === '') return;
    if (segments.has(s.id)) errors.push(problem(`segments[${i}].id`, 'duplicate-segment', { id: clip(s.id) }));
    else segments.add(s.id);
  });

  if (errors.length === 0) {
    const quick = afterFewChanges(input.machines, segments);
    if (quick) return quick;
  }
  // Messages are built only when something is wrong: these loops run for every namespace and NIC.
  const names = new Map<string, { at: string; path: string }>();
  const external: { v: MachineFacts['external'][number]; at: string }[] = [];
  const nsFactsByName = new Map<string, NsFacts>();
  input.machines.forEach((m: unknown, i: number) => {
    const at = `machines[${i}]`;
    if (!isObject(m)) return void errors.push(problem(at, 'not-object', {}));
    const f = machineFacts(m);
    for (const e of f.errors) errors.push(under(`${at}.`, e));
    for (const n of f.names) {
      const other = names.get(n.name);
      if (other !== undefined) {
        const where = `${other.at}${other.path ? `.${other.path.slice(0, -1)}` : ''}`;
        errors.push(problem(`${at}.${n.path}name`, 'duplicate-name', { name: n.name, where }));
      } else {
        names.set(n.name, { at, path: n.path });
        if (f.external.length + external.length > 0) nsFactsByName.set(n.name, n.facts);
      }
    }
    for (const s of f.segments) if (!segments.has(s.id)) errors.push(problem(`${at}.${s.path}`, 'unknown-segment', { id: clip(s.id) }));
    for (const v of f.external) external.push({ v, at });
  });
  if (external.length > 0) {
    // Rare: veths between machines. Collect every namespace's facts to check them.
    for (const m of input.machines) if (isObject(m)) for (const n of machineFacts(m).names) if (!nsFactsByName.has(n.name)) nsFactsByName.set(n.name, n.facts);
    for (const { v, at } of external) {
      const peerFacts = nsFactsByName.get(v.peer.ns);
      if (!peerFacts) errors.push(problem(`${at}.${v.path}.peer.ns`, 'peer-ns-missing', { ns: clip(v.peer.ns) }));
      else checkPeer({ ...v, path: `${at}.${v.path}` }, peerFacts, errors);
    }
  }
  if (errors.length === 0 && external.length === 0) {
    const owner = new Map<string, number>();
    for (const [name, where] of names) owner.set(name, Number(where.at.slice(9, -1)));
    lastValid = { machines: [...input.machines], segments, owner };
  }
  return errors;
}

/**
 * The last topology found valid without veths between machines: its machine objects, segment ids,
 * and the machine position that owns each namespace name. A Kubernetes-sized lab (150,000 pods)
 * takes a tenth of a second to walk; an edit replaces one or two machine objects, so the next
 * validation re-checks only those against this (the per-machine checks are cached anyway).
 */
let lastValid: { machines: readonly unknown[]; segments: ReadonlySet<string>; owner: Map<string, number> | null } | undefined;

/** The machine position owning each namespace name of a vouched lab (its machines and their pods), made when an edit first asks. */
function ownersOf(machines: readonly unknown[]): Map<string, number> {
  const owner = new Map<string, number>();
  machines.forEach((m, i) => {
    if (!isObject(m)) return;
    if (typeof m.name === 'string') owner.set(m.name, i);
    if (Array.isArray(m.pods)) for (const p of m.pods) if (isObject(p) && typeof p.name === 'string') owner.set(p.name, i);
  });
  return owner;
}

/** Whether `input` is a vouched lab still holding the lists it was vouched with; records it as the last valid one. */
function isVouched(input: Record<string, unknown>): boolean {
  const v = vouchedLists(input);
  if (!v) return false;
  if (lastValid?.machines.length === v.machines.length && lastValid.machines.every((m, i) => m === v.machines[i])) return true;
  const segments = new Set<string>();
  for (const seg of v.segments) if (isObject(seg) && typeof seg.id === 'string') segments.add(seg.id);
  lastValid = { machines: [...v.machines], segments, owner: null };
  return true;
}

/** Most machine objects an edit may replace for the quick path (a paste or a cable touches a few). */
const QUICK_CHANGES = 16;

/**
 * Validates `machines` as a few replacements in the last valid topology: `[]` when each new
 * machine is valid on its own, plugs into known segments, has no veth to another machine, and
 * names no namespace another machine (or itself twice) has. Anything else (or another shape of
 * change) returns undefined, and the full walk reports the problems in their usual order. Updates
 * `lastValid` to this topology when it answers.
 */
function afterFewChanges(machines: readonly unknown[], segments: ReadonlySet<string>): Problem[] | undefined {
  const last = lastValid;
  if (!last || last.machines.length !== machines.length || last.segments.size !== segments.size) return undefined;
  for (const id of segments) if (!last.segments.has(id)) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < machines.length; i++) {
    if (machines[i] === last.machines[i]) continue;
    if (changed.length === QUICK_CHANGES) return undefined;
    changed.push(i);
  }
  const facts: MachineFacts[] = [];
  const taken = new Set<string>();
  for (const i of changed) {
    const m = machines[i];
    if (!isObject(m)) return undefined;
    const f = machineFacts(m);
    if (f.errors.length > 0 || f.external.length > 0) return undefined;
    for (const s of f.segments) if (!segments.has(s.id)) return undefined;
    for (const n of f.names) {
      last.owner ??= ownersOf(last.machines);
      const at = last.owner.get(n.name);
      if ((at !== undefined && at !== i) || taken.has(n.name)) return undefined;
      taken.add(n.name);
    }
    facts.push(f);
  }
  // Valid: move the names over (the old machines' first, as a rename frees a name).
  const owner = last.owner ?? ownersOf(last.machines);
  changed.forEach((i) => {
    const old = last.machines[i];
    if (isObject(old)) for (const n of machineFacts(old).names) if (owner.get(n.name) === i) owner.delete(n.name);
  });
  changed.forEach((i, k) => {
    for (const n of (facts[k] as MachineFacts).names) owner.set(n.name, i);
  });
  lastValid = { machines: [...machines], segments, owner };
  return [];
}

/**
 * Checks a topology (typically parsed from a user's file) and returns every error found, in a
 * stable order, each as data naming where it is (`Problem.path`) and what kind it is
 * (`Problem.code`); `formatProblem(p, lang)` or `problemsText(problems, lang)` from
 * ../i18n/problems.ts turn them into sentences. An empty list means valid: Linux would build it.
 * Warnings (accepted, but unwise) are not errors: see {@link validateTopologyWarnings}.
 *
 * It never throws, whatever `input` is: JSON of any shape, size or depth is answered with
 * problems, and an input that throws when read (an accessor, a proxy) with `topology-unreadable`.
 * Results are cached per namespace and per machine object, which it freezes.
 */
export function validateTopology(input: unknown): Problem[] {
  try {
    return topologyErrors(input);
  } catch {
    return [problem('topology', 'topology-unreadable', {})];
  }
}

/**
 * What Linux accepts in a topology, as problems: warnings (`problemSeverity(code) === 'warning'`)
 * for an address on a bridge port, a MAC shared by several interfaces of one namespace on separate
 * links (Calico's host-side veths), a MAC used twice in one layer-2 segment by interfaces without
 * an address, a link that closes a loop at layer 2; and one error, as it cannot work: a MAC used
 * twice in one layer-2 segment where one of the two has an address. A journey runs regardless.
 * Meant for a topology `validateTopology` accepts; on any other it reports what it can read. Never
 * throws.
 */
export function validateTopologyWarnings(input: unknown): Problem[] {
  try {
    return topologyWarnings(input);
  } catch {
    return [];
  }
}

/**
 * The last warnings found: the machines they were found in, each machine's own warnings, and those
 * across machines (layer-2 loops and MACs), which read only names and interfaces' layer-2 facts.
 */
let lastWarnings: { machines: readonly unknown[]; own: Problem[][]; cross: Problem[] } | undefined;

/**
 * The warnings of `machines` as a few replacements in the last warned-about list whose names and
 * interfaces' layer-2 facts (kind, MAC, peer, segment, master, addressed) are unchanged: the
 * replaced machines' own warnings anew, the rest as they were. Undefined for any other change.
 */
function warningsAfterFewChanges(machines: readonly unknown[]): Problem[] | undefined {
  const last = lastWarnings;
  if (!last || last.machines.length !== machines.length) return undefined;
  const own = last.own.slice();
  let changes = 0;
  for (let i = 0; i < machines.length; i++) {
    const m = machines[i];
    const old = last.machines[i];
    if (m === old) continue;
    if (++changes > QUICK_CHANGES || !isObject(m) || !isObject(old)) return undefined;
    const a = machineFacts(old);
    const b = machineFacts(m);
    if (!sameLayer2(a, b)) return undefined;
    own[i] = b.warnings.map((w) => under(`machines[${i}].`, w));
  }
  lastWarnings = { machines: [...machines], own, cross: last.cross };
  return [...own.flat(), ...last.cross];
}

/** Whether two machines' facts name the same namespaces and interfaces with the same layer-2 facts. */
function sameLayer2(a: MachineFacts, b: MachineFacts): boolean {
  if (a.names.length !== b.names.length) return false;
  return a.names.every((n, k) => {
    const o = b.names[k];
    if (!o || o.name !== n.name || o.path !== n.path || o.facts.ifaces.size !== n.facts.ifaces.size) return false;
    const theirs = [...o.facts.ifaces];
    return [...n.facts.ifaces].every(([name, x], j) => {
      const [oname, y] = theirs[j] ?? [];
      return oname === name && y !== undefined && x.kind === y.kind && x.index === y.index && x.mac === y.mac && x.peer?.ns === y.peer?.ns && x.peer?.iface === y.peer?.iface &&
        x.segment === y.segment && x.master === y.master && x.addressed === y.addressed;
    });
  });
}

function topologyWarnings(input: unknown): Problem[] {
  if (!isObject(input) || !Array.isArray(input.machines)) return [];
  const quick = warningsAfterFewChanges(input.machines);
  if (quick) return quick;
  const out: Problem[] = [];
  const own: Problem[][] = [];
  const spaces: Space[] = [];
  const byName = new Map<string, Space>();
  input.machines.forEach((m: unknown, i: number) => {
    own[i] = [];
    if (!isObject(m)) return;
    const f = machineFacts(m);
    for (const w of f.warnings) {
      const p = under(`machines[${i}].`, w);
      out.push(p);
      own[i]?.push(p);
    }
    for (const n of f.names) {
      if (byName.has(n.name)) continue;
      const space = { name: n.name, at: `machines[${i}].${n.path}`, facts: n.facts };
      byName.set(n.name, space);
      spaces.push(space);
    }
  });

  // Layer-2 segments: interfaces joined by veth pairs, bridge ports and segment switches.
  const nodes: { space: Space; name: string; fact: IfaceFact }[] = [];
  const ids = new Map<Space, Map<string, number>>();
  for (const space of spaces) {
    const byIface = new Map<string, number>();
    for (const [name, fact] of space.facts.ifaces) {
      byIface.set(name, nodes.length);
      nodes.push({ space, name, fact });
    }
    ids.set(space, byIface);
  }
  const parent: number[] = nodes.map((_, i) => i);
  const segmentNode = new Map<string, number>();
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    for (let j = i; parent[j] !== r; ) {
      const next = parent[j] as number;
      parent[j] = r;
      j = next;
    }
    return r;
  };
  /** Joins two nodes; false when they were joined already, so this link closes a loop. */
  const join = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return false;
    parent[ra] = rb;
    return true;
  };
  const at = (id: number): string => {
    const n = nodes[id] as L2Node & object;
    return `${n.space.at}interfaces[${n.fact.index}]`;
  };
  nodes.forEach(({ space, name, fact }, id) => {
    if (fact.peer) {
      const peerSpace = byName.get(fact.peer.ns);
      const peerId = peerSpace ? ids.get(peerSpace)?.get(fact.peer.iface) : undefined;
      const back = peerId === undefined ? undefined : nodes[peerId]?.fact.peer;
      if (peerId !== undefined && peerId > id && back?.ns === space.name && back.iface === name && !join(id, peerId)) out.push(problem(at(id), 'l2-loop', {}));
    }
    if (fact.master !== undefined) {
      const bridge = ids.get(space)?.get(fact.master);
      if (bridge !== undefined && !join(id, bridge)) out.push(problem(`${at(id)}.master`, 'l2-loop', {}));
    }
    if (fact.segment !== undefined) {
      let seg = segmentNode.get(fact.segment);
      if (seg === undefined) {
        seg = parent.length;
        parent.push(seg);
        segmentNode.set(fact.segment, seg);
      }
      if (!join(id, seg)) out.push(problem(`${at(id)}.segment`, 'l2-loop', {}));
    }
  });

  // MACs seen more than once: in one layer-2 segment (a bridge and its own port excepted), or
  // on separate links of one namespace. Most MACs are seen once: only the others are compared.
  const byMac = new Map<string, number[]>();
  nodes.forEach(({ fact }, id) => {
    if (fact.mac === null) return;
    const same = byMac.get(fact.mac);
    if (same) same.push(id);
    else byMac.set(fact.mac, [id]);
  });
  const found: { id: number; p: Problem }[] = [];
  for (const [mac, same] of byMac) {
    if (same.length < 2) continue;
    same.forEach((id, k) => {
      const node = nodes[id];
      if (!node) return;
      const root = find(id);
      const earlier = same.slice(0, k);
      const clash = earlier.find((o) => find(o) === root && !ownPort(nodes[o], node));
      const elsewhere = earlier.find((o) => nodes[o]?.space === node.space && find(o) !== root);
      // Frames are addressed to an interface's MAC only when it has an address (a port's MAC is a
      // bridge's own): two without one, such as bridge ports, clash in name only.
      const used = node.fact.addressed === true || nodes[clash ?? -1]?.fact.addressed === true;
      if (clash !== undefined) found.push({ id, p: problem(`${at(id)}.mac`, used ? 'duplicate-mac' : 'duplicate-mac-unused', { mac, other: nameOf(nodes[clash]) }) });
      else if (elsewhere !== undefined) found.push({ id, p: problem(`${at(id)}.mac`, 'shared-mac', { mac, other: nameOf(nodes[elsewhere]) }) });
    });
  }
  found.sort((a, b) => a.id - b.id);
  for (const f of found) out.push(f.p);
  lastWarnings = { machines: [...input.machines], own, cross: out.slice(own.reduce((n, w) => n + w.length, 0)) };
  return out;
}

type L2Node = { space: Space; name: string; fact: IfaceFact } | undefined;

/** Whether one of the two is a bridge and the other its port: Linux gives a bridge a port's MAC. */
function ownPort(a: L2Node, b: L2Node): boolean {
  if (!a || !b || a.space !== b.space) return false;
  return (a.fact.kind === 'bridge' && b.fact.master === a.name) || (b.fact.kind === 'bridge' && a.fact.master === b.name);
}

function nameOf(n: L2Node): string {
  return n ? `${n.space.name}/${clip(n.name)}` : '';
}

/** The namespace type the checks above accept, re-exported for callers that build topologies. */
export type { NamespaceSpec, Topology };

// Loading this module is what makes labs from outside runnable (vouch.ts, core/packs.ts's `validation`).
registerValidator(validateTopology);
