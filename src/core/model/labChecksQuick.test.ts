import { describe, expect, it } from 'vitest';
import { generateCluster } from '../presets/generate';
import { labChecks } from './labChecks';
import type { IfaceSpec, MachineSpec, NamespaceSpec, Topology } from './topology';

/*
 * After an edit that replaces a few machines, the live checks reuse what those machines cannot
 * change (facts.ts layeredFacts, validate.ts's warnings, labChecks' shape checks). Whatever they
 * reuse, the findings must be those of a run from nothing: here the same lab as fresh objects
 * (structuredClone), which no cache has seen.
 */

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = (m: MachineSpec, r: () => number, t: Topology) => MachineSpec;

/**
 * The generated cluster with a host `edge` behind the router on a second segment, without routes:
 * its missing routes' fixes go via the router (a forwarder on its segment that has a route there),
 * so they change when the router's routes do.
 */
function lab(): Topology {
  const t = generateCluster({ nodes: 250, podsPerNode: 2 });
  const machines = t.machines.map((m) => (m.name === 'router' ? { ...m, interfaces: [...m.interfaces, { kind: 'ether' as const, name: 'eth1', mac: '02:00:0a:c8:00:01', addresses: ['10.200.0.1/24'], segment: 'wan' }] } : m));
  const edge: MachineSpec = { name: 'edge', role: 'host', interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:00:0a:c8:00:02', addresses: ['10.200.0.2/24'], segment: 'wan' }] };
  return { ...t, machines: [...machines, edge], segments: [...t.segments, { id: 'wan' }] };
}

const pick = <T,>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;
const withIface = <N extends NamespaceSpec>(ns: N, name: string, f: (i: IfaceSpec) => IfaceSpec): N => ({ ...ns, interfaces: ns.interfaces.map((i) => (i.name === name ? f(i) : i)) });
const onPod = (m: MachineSpec, r: () => number, f: (p: NonNullable<MachineSpec['pods']>[number]) => NonNullable<MachineSpec['pods']>[number]): MachineSpec => {
  const pods = m.pods ?? [];
  if (pods.length === 0) return m;
  const k = Math.floor(r() * pods.length);
  return { ...m, pods: pods.map((p, j) => (j === k ? f(p) : p)) };
};

/** Edits of one machine, of the kinds the editor makes: most keep the machine's shape, some do not. */
const EDITS: readonly [string, Edit][] = [
  ['add a route via the router', (m, r) => ({ ...m, routes: [...(m.routes ?? []), { dst: `192.168.${Math.floor(r() * 250)}.0/24`, via: '172.16.0.254', dev: 'eth0' }] })],
  ['drop the default route', (m) => ({ ...m, routes: (m.routes ?? []).filter((x) => x.dst !== 'default') })],
  ['route via a gateway nobody has', (m, r) => ({ ...m, routes: [...(m.routes ?? []), { dst: `192.168.${Math.floor(r() * 250)}.0/24`, via: '172.16.9.9', dev: 'eth0' }] })],
  ['device route on the NIC', (m, r) => ({ ...m, routes: [...(m.routes ?? []), { dst: `10.99.${Math.floor(r() * 250)}.0/24`, dev: 'eth0' }] })],
  ['forwarding off', (m) => ({ ...m, sysctls: { ...m.sysctls, ip_forward: false } })],
  ['forwarding on', (m) => ({ ...m, sysctls: { ...m.sysctls, ip_forward: true } })],
  ['proxy ARP on the NIC', (m) => withIface(m, 'eth0', (i) => ({ ...i, sysctls: { ...i.sysctls, proxy_arp: true } }))],
  ['forwarding off on the bridge', (m) => (m.interfaces.some((i) => i.name === 'cni0') ? withIface(m, 'cni0', (i) => ({ ...i, sysctls: { ...i.sysctls, forwarding: false } })) : m)],
  ['a pod without its default route', (m, r) => onPod(m, r, (p) => ({ ...p, routes: [] }))],
  ['a pod with a route via a stranger', (m, r) => onPod(m, r, (p) => ({ ...p, routes: [{ dst: 'default', via: `${(p.interfaces[0]?.addresses?.[0] ?? '10.0.0.1/24').split('.').slice(0, 3).join('.')}.200`, dev: 'eth0' }] }))],
  ["another node's MAC", (m, r, t) => withIface(m, 'eth0', (i) => ({ ...i, mac: pick(t.machines, r).interfaces[0]?.mac ?? i.mac }))],
  ['an MTU', (m, r) => withIface(m, 'eth0', (i) => ({ ...i, mtu: 1400 + Math.floor(r() * 100) }))],
  ["another node's address (shape changes)", (m, r, t) => withIface(m, 'eth0', (i) => ({ ...i, addresses: [pick(t.machines, r).interfaces[0]?.addresses?.[0] ?? '172.16.1.1/16'] }))],
  ['a veth out of its bridge (shape changes)', (m) => {
    const v = m.interfaces.find((i) => i.kind === 'veth');
    return v ? withIface(m, v.name, ({ master: _, ...rest }) => rest as IfaceSpec) : m;
  }],
  ['the role (shape changes)', (m) => ({ ...m, role: m.role === 'node' ? 'host' : 'node' })],
  ['router: loses a route to a pod subnet', (m, r) => {
    const drop = Math.floor(r() * (m.routes ?? []).length);
    return { ...m, routes: (m.routes ?? []).filter((_, k) => k !== drop) };
  }],
  // edge, which has no pods and does not forward, becomes a gateway: forwarding-off on a machine the edit did not touch.
  ['router: a route via edge', (m, r) => ({ ...m, routes: [...(m.routes ?? []), { dst: `10.201.${Math.floor(r() * 250)}.0/24`, via: '10.200.0.2', dev: 'eth1' }] })],
];

/** Findings as text: problem, fix and place, in order. */
function text(t: Topology): string[] {
  return labChecks(t).map((c) => JSON.stringify([c.problem, c.fix ?? null, c.place ?? null]));
}

describe('live checks after edits of a few machines', () => {
  it('equal a run from nothing, edit after edit, on a generated 250-node lab', () => {
    const r = rng(12);
    let t = lab();
    text(t);
    const seen = new Set<string>();
    let edgeForwards = false;
    for (let step = 0; step < EDITS.length + 2; step++) {
      // One to three machines, each with one edit: every kind in turn, then random ones.
      const n = 1 + Math.floor(r() * 3);
      let next = t;
      for (let k = 0; k < n; k++) {
        const [name, edit] = k === 0 ? (EDITS[step % EDITS.length] as [string, Edit]) : pick(EDITS, r);
        // The router's own edits go to the router, the others to the nodes: edge keeps its way out.
        const i = name.startsWith('router:') ? next.machines.findIndex((x) => x.name === 'router') : Math.floor(r() * 250);
        seen.add(name);
        const m = next.machines[i] as MachineSpec;
        next = { ...next, machines: next.machines.map((x, j) => (j === i ? edit(m, r, next) : x)) };
      }
      t = next;
      const quick = text(t);
      const full = text(structuredClone(t));
      expect(quick, `step ${step}`).toEqual(full);
      if (quick.some((q) => q.includes('"forwarding-off"') && q.includes('"machine":"edge"'))) edgeForwards = true;
      // The run from nothing replaced the caches' base: the same lab as new top-level objects over
      // the same machines makes it this one again, so the next edit is checked from here.
      text({ ...t });
    }
    expect(seen.size).toBe(EDITS.length);
    expect(edgeForwards).toBe(true);
  }, 300_000);
});
