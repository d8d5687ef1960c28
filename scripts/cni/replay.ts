/**
 * Replays a recorded case (fixtures/cni/<id>.json) on our plugins: the same namespaces, calls and
 * perturbations, in order, on a node state that starts empty; returns what ours printed and the
 * snapshots, in the fixture's shape, so that cni.test.ts can compare them step by step.
 */
import type { Json } from '../../src/core/cni/goJson';
import { Kernel, type Entropy, type EntropyUse } from '../../src/core/cni/kernel';
import { seededEntropy } from '../../src/core/cni/entropy';
import { netnsOp, runPlugin } from '../../src/core/cni/run';
import { snapshotNs, type NsSnapshot } from '../../src/core/cni/snapshot';
import { cloneNode, emptyNode, HOST_NS, type NodeState } from '../../src/core/cni/state';
import type { CallEnv, Deviation } from './cases';

/** A recorded step as the fixture holds it. */
export type FixtureStep =
  | { netns: 'add' | 'del'; name: string }
  | { ip: { ns: string; args: string[] } }
  | { snapshot: NodeSnapshot }
  | { plugin: 'bridge' | 'host-local'; env: CallEnv; conf: Json | string; prevResultOf?: number; ours?: Deviation; stdin: string; stdout: string; stderr?: string; exitCode: number };

/** Namespaces by the case's names (`node`, `pod1`) and the plugins' files. */
export interface NodeSnapshot {
  namespaces: Record<string, NsSnapshot>;
  files: Record<string, string>;
}

export interface Fixture {
  id: string;
  notes: string;
  nat?: boolean;
  reference: { plugins: string; kernel: string };
  steps: FixtureStep[];
}

/** Bytes of a MAC or a veth name's hex digits. */
function hexBytes(text: string): number[] {
  return (text.replace(/^veth/, '').match(/[0-9a-f]{2}/g) ?? []).map((h) => parseInt(h, 16));
}

/**
 * Entropy that draws what the reference plugins drew in the same call (read back from their
 * result: the veth's name, both ends' MACs, the bridge's), so that whatever depends on the random
 * values, such as which port MAC a bridge takes as its own, is compared too. Calls whose result
 * does not show them (errors, old result versions) fall back to seeded bytes.
 */
class ReplayEntropy implements Entropy {
  script: Partial<Record<EntropyUse, number[]>> = {};
  constructor(private readonly fallback: Entropy) {}

  bytes(n: number, use: EntropyUse): number[] {
    const v = this.script[use];
    if (v && v.length === n) {
      delete this.script[use];
      return [...v];
    }
    return this.fallback.bytes(n, use);
  }

  /** The reference's values for one call, from its stdout. */
  load(stdout: string): void {
    this.script = {};
    let r: unknown;
    try {
      r = JSON.parse(stdout);
    } catch {
      return;
    }
    const ifs = (r as { interfaces?: { name: string; mac?: string }[] }).interfaces;
    if (!ifs || ifs.length < 3) return;
    const [br, host, cont] = ifs as [{ name: string; mac?: string }, { name: string; mac?: string }, { name: string; mac?: string }];
    this.script = { 'veth-name': hexBytes(host.name), 'peer-mac': hexBytes(host.mac ?? ''), 'veth-mac': hexBytes(cont.mac ?? ''), 'bridge-mac': hexBytes(br.mac ?? '') };
  }
}

const nsPath = (name: string): string => (name === 'node' ? HOST_NS : `/var/run/netns/${name}`);

/** The few `ip` commands the cases use to break a pod after ADD, applied to our state. */
function applyIp(node: NodeState, ns: string, argv: string[], entropy: Entropy): NodeState {
  const work = cloneNode(node);
  const k = new Kernel(work, entropy, () => undefined);
  const id = nsPath(ns);
  const [obj, verb, ...rest] = argv;
  const link = (name: string | undefined) => {
    const l = k.link(id, name ?? '');
    if (!l) throw new Error(`replay: no link ${name ?? ''} in ${ns}`);
    return l;
  };
  if (obj === 'addr' && verb === 'flush' && rest[0] === 'dev') {
    const l = link(rest[1]);
    for (const a of [...l.addresses]) k.addrDel(id, l, a);
  } else if (obj === 'route' && verb === 'del') k.routeDel(id, rest[0] === 'default' ? '0.0.0.0/0' : (rest[0] ?? ''));
  else if (obj === 'link' && verb === 'set' && rest[1] === 'down') k.setUp(id, link(rest[0]), false);
  else if (obj === 'link' && verb === 'add' && rest[1] === 'type' && rest[2] === 'veth' && rest[3] === 'peer' && rest[4] === 'name') k.addVeth(id, rest[0] ?? '', id, rest[5] ?? '', 0);
  else throw new Error(`replay: ip ${argv.join(' ')} is not modelled`);
  return work;
}

/** What our side produced at each step: the stdout and exit code of a call, or a snapshot. */
export type Replayed = { stdout: string; exitCode: number } | { snapshot: NodeSnapshot } | null;

/** Replays `fx` on our plugins. */
/** A different way to make a recorded call: another plugin, another configuration (flannel in front of the bridge). */
export type Swap = (step: Extract<FixtureStep, { plugin: string }>) => { plugin: string; conf: Json | string } | undefined;

export function replay(fx: Fixture, swap?: Swap, start: NodeState = emptyNode()): Replayed[] {
  const entropy = new ReplayEntropy(seededEntropy(fx.id.length));
  let node = start;
  const live = new Set<string>();
  const out: Replayed[] = [];
  for (const step of fx.steps) {
    if ('netns' in step) {
      node = netnsOp(node, step.netns, nsPath(step.name), entropy).node;
      if (step.netns === 'add') live.add(step.name);
      else live.delete(step.name);
      out.push(null);
    } else if ('ip' in step) {
      node = applyIp(node, step.ip.ns, step.ip.args, entropy);
      out.push(null);
    } else if ('snapshot' in step) {
      const namespaces: Record<string, NsSnapshot> = { node: snapshotNs(node, HOST_NS, fx.nat === true) };
      for (const name of [...live].sort()) namespaces[name] = snapshotNs(node, nsPath(name));
      const files = Object.fromEntries(Object.entries(node.files).filter(([p]) => p.startsWith('/var/lib/cni/networks/')).sort(([a], [b]) => (a < b ? -1 : 1)));
      out.push({ snapshot: { namespaces, files } });
    } else {
      const swapped = swap?.(step);
      const conf = swapped?.conf ?? step.conf;
      let stdin: string;
      if (typeof conf === 'object' && conf !== null && !Array.isArray(conf) && step.prevResultOf !== undefined) {
        const prev = out[step.prevResultOf];
        const prevText = prev && 'stdout' in prev ? prev.stdout : 'null';
        stdin = JSON.stringify({ ...conf, prevResult: JSON.parse(prevText) as Json });
      } else stdin = typeof conf === 'string' ? conf : JSON.stringify(conf);
      entropy.load(step.stdout);
      const r = runPlugin(node, swapped?.plugin ?? step.plugin, step.env, stdin, entropy);
      node = r.node;
      out.push({ stdout: r.stdout, exitCode: r.exitCode });
    }
  }
  return out;
}

/**
 * Masks what is random by nature (MACs, veth names) by its order of first appearance in
 * `texts`, so two runs compare equal when they agree on which values are the same.
 */
export function maskRandom(texts: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const token = (kind: string, v: string): string => {
    let t = seen.get(v);
    if (!t) {
      t = `<${kind}${[...seen.keys()].filter((k) => seen.get(k)?.startsWith(`<${kind}`)).length + 1}>`;
      seen.set(v, t);
    }
    return t;
  };
  return texts.map((t) => t.replace(/veth[0-9a-f]{8}\b/g, (v) => token('veth', v)).replace(/\b(?:[0-9a-f]{2}:){5}[0-9a-f]{2}\b/g, (m) => (m === '00:00:00:00:00:00' ? m : token('mac', m))));
}
