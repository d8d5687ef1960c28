import { describe, expect, it } from 'vitest';
import type { JourneyResult, JourneySpec } from '../journey';
import type { Topology } from '../model/topology';
import { generateCluster } from '../presets/generate';
import { HOSTILE_CASES } from '../presets/hostile';
import { SCENARIOS } from '../presets/scenarios';
import { FIELD_SCENARIOS } from '../presets/fieldCases';
import { TCP_SCENARIOS } from '../presets/tcpScenarios';
import { MTU_SCENARIOS } from '../presets/mtuScenarios';
import { DATAPATH_SCENARIOS } from '../presets/datapathScenarios';
import { CALICO_SCENARIOS } from '../presets/calicoPresets';
import { CILIUM_SCENARIOS } from '../presets/ciliumScenarios';
import { MINIKUBE_SCENARIOS } from '../presets/minikube';
import { MINIKUBE_CILIUM_SCENARIOS } from '../presets/minikubeCilium';
import { journeySpecs } from '../narrate/journeySet';
import { seedTopology } from '../presets/seed';
import { stateAt } from '../state';
import { perform } from './actions';
import { Sim } from './engine';
import { hear } from './link';
import { arpFrame } from './packet';
import { runJourney } from './runJourney';
import { indexTopology, World, type PortRef } from './world';
import { parseIp } from '../net/ipv4';

/*
 * Quiet hearing (hear.ts) must change nothing but the time: the event log (with its key order), the
 * places and their order, the packets left pending and the tables after the journey are what
 * delivering every flood through a built namespace gives (`hearEvery`, the engine before it).
 */

/** Everything a journey's result says, as text: events, places in order, pending, the tables at the end of the namespaces it reached. */
function facts(r: JourneyResult): string[] {
  const end = stateAt(r, r.events.length - 1);
  const places = Object.keys(r.places);
  return [
    JSON.stringify(r.events),
    JSON.stringify(places),
    JSON.stringify(places.map((n) => r.places[n])),
    JSON.stringify(r.pending),
    JSON.stringify(places.map((n) => [n, end.ns[n], r.initial.ns[n]])),
    JSON.stringify(end.segments),
    JSON.stringify([r.dstIp, r.dstNs, r.spec]),
  ];
}

function expectSame(t: Topology, spec: JourneySpec, label: string): JourneyResult {
  const quiet = runJourney(t, spec);
  const every = runJourney(t, spec, { hearEvery: true });
  const a = facts(quiet);
  const b = facts(every);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    // Where the texts part, with some context: the logs run to megabytes.
    let at = 0;
    while (at < x.length && x[at] === y[at]) at++;
    expect(at === x.length && x.length === y.length ? '' : `${x.slice(Math.max(0, at - 200), at + 200)}\n  vs\n${y.slice(Math.max(0, at - 200), at + 200)}`, `${label}: part ${i}`).toBe('');
  }
  return quiet;
}

describe('quiet hearing gives the journey every NIC hearing gives', () => {
  it('on every reference scenario and hostile lab', () => {
    const all = [SCENARIOS, FIELD_SCENARIOS, TCP_SCENARIOS, MTU_SCENARIOS, DATAPATH_SCENARIOS, CALICO_SCENARIOS, CILIUM_SCENARIOS, MINIKUBE_SCENARIOS, MINIKUBE_CILIUM_SCENARIOS].flat();
    for (const s of all) expectSame(s.topology(), s.journey, s.id);
    for (const h of HOSTILE_CASES) expectSame(h.topology(), h.journey, h.name);
  }, 60_000);

  it('on the seed lab journey set (every pair, protocol, TTL, cold and warm)', () => {
    const t = seedTopology();
    for (const spec of journeySpecs()) expectSame(t, spec, JSON.stringify(spec));
  }, 120_000);

  it('on a generated 250-node cluster, before and after edits that make nodes act on what they hear', () => {
    let t = generateCluster({ nodes: 250, podsPerNode: 110 });
    const specs: JourneySpec[] = [
      { from: 'pod1-1', to: 'pod250-110' },
      { from: 'pod3-7', to: 'pod200-1', proto: 'udp', count: 3 },
      { from: 'pod9-9', to: 'pod120-5', proto: 'tcp', warm: true },
      { from: 'node1', to: '172.16.255.255' },
      { from: 'node5', to: '172.16.9.99', count: 2 },
      { from: 'router', to: 'node77' },
    ];
    const first = expectSame(t, specs[0] as JourneySpec, 'pod1-1 → pod250-110');
    // The ARP request for the last node crossed the segment: 249 nodes and the router heard it.
    expect(first.events.filter((e) => e.type === 'consume' && e.reason === 'arp-other-target').length).toBeGreaterThan(240);
    for (const spec of specs) expectSame(t, spec, JSON.stringify(spec));
    // node2 answers by proxy, node3 has a permanent entry for the router, node4 bridges its NIC,
    // node6 already knows node1 (a warm journey) and node8 has the last node's address too.
    const edit = (name: string, f: (m: Topology['machines'][number]) => Topology['machines'][number]): void => {
      t = { ...t, machines: t.machines.map((m) => (m.name === name ? f(m) : m)) };
    };
    edit('node2', (m) => ({ ...m, interfaces: m.interfaces.map((i) => (i.name === 'eth0' ? { ...i, sysctls: { proxy_arp: true } } : i)) }));
    edit('node3', (m) => ({ ...m, neighbours: [{ ip: '172.16.0.254', mac: '02:00:ac:10:00:fe', dev: 'eth0', state: 'PERMANENT' }] }));
    edit('node8', (m) => ({ ...m, interfaces: m.interfaces.map((i) => (i.name === 'cni0' ? { ...i, addresses: [...(i.addresses ?? []), '172.16.1.250/32'] } : i)) }));
    for (const spec of specs) expectSame(t, spec, `edited: ${JSON.stringify(spec)}`);
    expectSame(t, { from: 'node6', to: 'node1', warm: true, count: 2 }, 'warm node6 → node1');
    expectSame(t, { from: 'node1', to: '172.16.1.250' }, 'node1 → an address node8 and node250 share');
  }, 120_000);
});

describe('a NIC that hears a flood', () => {
  const lab = (): { t: Topology; world: World; sim: Sim; ref: (ns: string) => PortRef } => {
    const t = generateCluster({ nodes: 6, podsPerNode: 1 });
    const world = new World(indexTopology(t));
    const sim = new Sim(world, perform);
    const ports = world.index.segments.get('lan') ?? [];
    const ref = (ns: string): PortRef => {
      const r = ports.find((p) => p.ns === ns);
      if (!r) throw new Error(`${ns} has no NIC on lan`);
      return r;
    };
    return { t, world, sim, ref };
  };
  const request = (spa: string, tpa: string, sha = '02:00:ac:10:01:01') =>
    arpFrame({ src: sha, dst: 'ff:ff:ff:ff:ff:ff', type: 'arp' }, { op: 'request', sha, spa, tha: '00:00:00:00:00:00', tpa }, parseIp(spa) ?? 0, parseIp(tpa) ?? 0, 1);

  it('is not built when the request is for someone else, and logs its arrival and arp_process ending', () => {
    const { world, sim, ref } = lab();
    hear(sim, ref('node4'), request('172.16.1.1', '172.16.1.6'), 1);
    expect(world.builtNs('node4')).toBeUndefined();
    expect(sim.events.map((e) => [e.type, e.ns, 'reason' in e ? e.reason : 'dir' in e ? e.dir : ''])).toEqual([
      ['frame', 'node4', 'in'],
      ['consume', 'node4', 'arp-other-target'],
    ]);
  });

  it('is built and answers when the request is for its address', () => {
    const { world, sim, ref } = lab();
    hear(sim, ref('node6'), request('172.16.1.1', '172.16.1.6'), 1);
    expect(world.builtNs('node6')).toBeDefined();
    expect(sim.events.some((e) => e.type === 'neigh' && e.ns === 'node6' && e.to === 'STALE')).toBe(true);
    expect(sim.events.some((e) => e.type === 'frame' && e.ns === 'node6' && e.dir === 'out' && e.arp?.op === 'reply')).toBe(true);
  });

  it('is built when it holds an entry for the sender (it refreshes it)', () => {
    const { world, sim, ref } = lab();
    // node4 already talked to node1 this journey: its namespace is built and may know the sender.
    world.ns('node4');
    hear(sim, ref('node4'), request('172.16.1.1', '172.16.1.6'), 1);
    expect(sim.events.map((e) => e.type)).toEqual(['frame', 'consume']);
    expect(world.builtNs('node4')).toBeDefined();
  });

  it('drops a frame to another MAC without being built', () => {
    const { world, sim, ref } = lab();
    const f = request('172.16.1.1', '172.16.1.6');
    hear(sim, ref('node5'), { ...f, eth: { ...f.eth, dst: '02:00:ac:10:01:06' } }, 1);
    expect(world.builtNs('node5')).toBeUndefined();
    expect(sim.events.at(-1)).toMatchObject({ type: 'drop', ns: 'node5', reason: 'not-for-us', dstMac: '02:00:ac:10:01:06', ifaceMac: '02:00:ac:10:01:05' });
  });
});
