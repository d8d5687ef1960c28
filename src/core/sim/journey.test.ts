import { describe, expect, it } from 'vitest';
import type { FrameEvent, HopEvent } from '../events';
import type { ListenerSpec, MachineSpec, Topology } from '../model/topology';
import { seedTopology } from '../presets/seed';
import { JourneyError } from '../errors';
import { runJourney } from './runJourney';
import { tellChapters, tellEvent, tellOutcome } from '../narrate/index';

const frames = (events: HopEvent[]): FrameEvent[] => events.filter((e): e is FrameEvent => e.type === 'frame');
/** Targets of the ARP requests a namespace itself sent: the first frame of each ARP message is its origin. */
const arpRequests = (events: HopEvent[], ns: string): string[] => {
  const seen = new Set<number>();
  const out: string[] = [];
  for (const f of frames(events)) {
    if (seen.has(f.pkt)) continue;
    seen.add(f.pkt);
    if (f.ns === ns && f.arp?.op === 'request') out.push(f.arp.tpa);
  }
  return out;
};

describe('cold ping pod1 → pod3 on the seed lab', () => {
  const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3' });

  it('ARPs only for next hops: pod1 for its gateway, node1 for the router, the router for node2, node2 for pod3', () => {
    expect(arpRequests(r.events, 'pod1')).toEqual(['10.10.10.254']);
    expect(arpRequests(r.events, 'node1')).toEqual(['172.16.100.254']);
    expect(arpRequests(r.events, 'router')).toEqual(['172.16.100.2']);
    expect(arpRequests(r.events, 'node2')).toEqual(['10.10.11.1']);
    // Nobody on node1 ever asks for the remote pod: the notes' simplification.
    expect(frames(r.events).some((f) => f.ns === 'node1' && f.arp?.tpa === '10.10.11.1')).toBe(false);
  });

  it('decrements TTL once per routing hop: node1, router, node2', () => {
    const atPod3 = frames(r.events).find((f) => f.ns === 'pod3' && f.dir === 'in' && f.icmp?.type === 8);
    expect(atPod3?.ipv4?.ttl).toBe(61);
    expect(r.events.filter((e) => e.type === 'ttl').map((e) => e.ns)).toEqual(['node1', 'router', 'node2', 'node2', 'router', 'node1']);
  });

  it('rewrites MACs at each routed hop and keeps IPs end to end', () => {
    const req = frames(r.events).filter((f) => f.icmp?.type === 8 && f.dir === 'out');
    expect(req.map((f) => `${f.ns}/${f.iface} ${f.eth.src}>${f.eth.dst}`)).toEqual([
      'pod1/eth0 02:00:0a:0a:0a:01>02:00:0a:0a:0a:fe',
      'node1/eth0 02:00:ac:10:64:01>02:00:ac:10:64:fe',
      'router/eth0 02:00:ac:10:64:fe>02:00:ac:10:64:02',
      'node2/cni0 02:00:0a:0a:0b:fe>02:00:0a:0a:0b:01',
      'node2/veth-pod3 02:00:0a:0a:0b:fe>02:00:0a:0a:0b:01',
    ]);
    expect(new Set(req.map((f) => `${f.ipv4?.src}>${f.ipv4?.dst}`))).toEqual(new Set(['10.10.10.1>10.10.11.1']));
  });

  it('learns the asker from an ARP request, so the reply path needs no ARP', () => {
    const learned = r.events.filter((e) => e.type === 'neigh' && e.from === null && e.to === 'STALE').map((e) => (e.type === 'neigh' ? `${e.ns} ${e.ip}` : ''));
    expect(learned).toEqual(['node1 10.10.10.1', 'router 172.16.100.1', 'node2 172.16.100.254', 'pod3 10.10.11.254']);
    // On the way back every hop finds a STALE entry, uses it at once and moves it to DELAY.
    const delays = r.events.filter((e) => e.type === 'neigh' && e.from === 'STALE' && e.to === 'DELAY').map((e) => e.ns);
    expect(delays).toEqual(['pod3', 'node2', 'router', 'node1']);
  });

  it('shows on the bridge device only broadcasts and the host\'s own traffic', () => {
    const onCni0 = frames(r.events).filter((f) => f.ns === 'node2' && f.iface === 'cni0');
    for (const f of onCni0) {
      const hostOwn = f.eth.src === '02:00:0a:0a:0b:fe' || f.eth.dst === '02:00:0a:0a:0b:fe' || f.eth.dst === 'ff:ff:ff:ff:ff:ff';
      expect(hostOwn).toBe(true);
    }
    expect(onCni0.length).toBe(4);
  });

  it('floods the ARP broadcast to the other pod, which ignores it without learning', () => {
    const pod2 = r.events.filter((e) => e.ns === 'pod2');
    // arp_process() consumes it (consume_skb): an ignored request, not a drop.
    expect(pod2.map((e) => e.type)).toEqual(['frame', 'consume']);
    expect(pod2[1]?.type === 'consume' && pod2[1].reason).toBe('arp-other-target');
  });

  it('ends with the echo reply delivered to pod1 and says so in both languages', () => {
    const last = r.events.at(-1);
    expect(last?.type).toBe('deliver');
    expect(last?.ns).toBe('pod1');
    expect(tellOutcome(r, 'en')).toBe('Echo replies back at pod1: 1 of 1. TTL: 64 → 63 (node1) → 62 (router) → 61 (node2); bridges never change it.');
    expect(tellOutcome(r, 'ru')).toBe('Эхо-ответов вернулось в pod1: 1 из 1. TTL: 64 → 63 (node1) → 62 (router) → 61 (node2); мосты TTL не меняют.');
    expect(r.pending).toEqual([]);
  });

  it('tells every event in English and Russian, at both levels', () => {
    r.events.forEach((_, i) => {
      expect(tellEvent(r, i, 'en', 'short').length).toBeGreaterThan(10);
      expect(tellEvent(r, i, 'ru', 'detailed')).toMatch(/[а-яё]/i);
      expect(tellEvent(r, i, 'en', 'detailed').length).toBeGreaterThan(tellEvent(r, i, 'en', 'short').length);
    });
  });

  it('groups the journey into the nine steps of the notes plus the way back, with corrections', () => {
    const chapters = tellChapters(r, 'en');
    expect(chapters.map((c) => c.title)).toEqual([
      'pod1 sends the echo request to pod3 (10.10.11.1) via the gateway 10.10.10.254 (eth0)',
      "The packet enters node1's root namespace through veth-pod1",
      "The bridge cni0 passes the frame up to node1's IP stack",
      'node1 routes the packet and resolves the next hop 172.16.100.254',
      'The packet leaves node1 through eth0',
      'The router forwards the packet to 172.16.100.2',
      'node2 receives the packet on eth0 and routes it to cni0',
      'node2 asks by ARP for the MAC of pod3 (through cni0)',
      'The packet crosses veth-pod3 into pod3',
      'pod3 answers: the echo reply travels back',
    ]);
    const starts = chapters.map((c) => c.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(chapters.filter((c) => c.correction).map((c) => c.n)).toEqual([1, 4, 5, 6, 7, 8]);
    expect(chapters[3]?.correction).toContain('A bridge, as a switch, never sends ARP');
    expect(tellChapters(r, 'ru')[7]?.correction).toContain('мост лишь рассылает');
    const step8 = r.events[chapters[7]?.start ?? -1];
    expect(step8?.type === 'neigh' && step8.ip).toBe('10.10.11.1');
  });

  it('is deterministic', () => {
    const again = runJourney(seedTopology(), { from: 'pod1', to: 'pod3' });
    expect(again.events).toEqual(r.events);
  });
});

describe('other journeys on the seed lab', () => {
  it('pod1 → pod2 is switched by the bridge: no routing, no TTL change, cni0 never sees the unicast', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod2' });
    expect(r.events.some((e) => e.type === 'ttl')).toBe(false);
    expect(arpRequests(r.events, 'pod1')).toEqual(['10.10.10.2']);
    const unicastOnCni0 = frames(r.events).filter((f) => f.iface === 'cni0' && f.eth.dst !== 'ff:ff:ff:ff:ff:ff');
    expect(unicastOnCni0).toEqual([]);
    expect(frames(r.events).find((f) => f.ns === 'pod2' && f.icmp?.type === 8)?.ipv4?.ttl).toBe(64);
  });

  it('a second ping finds warm caches and sends no ARP', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', count: 2 });
    const second = r.events.findIndex((e) => e.type === 'send' && e.icmp?.seq === 2);
    expect(second).toBeGreaterThan(0);
    expect(frames(r.events.slice(second)).filter((f) => f.arp)).toEqual([]);
    expect(tellOutcome(r, 'en')).toContain('Echo replies back at pod1: 2 of 2.');
  });

  it('warm: true starts from the caches an identical journey left behind', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', warm: true });
    expect(r.initial.ns.pod1?.neigh).toEqual([{ ip: '10.10.10.254', iface: 'eth0', mac: '02:00:0a:0a:0a:fe', state: 'REACHABLE' }]);
    expect(r.events[0]?.t).toBe(0);
    const replied = r.events.findIndex((e) => e.type === 'deliver' && e.ns === 'pod1');
    expect(replied).toBeGreaterThan(0);
    expect(frames(r.events.slice(0, replied)).filter((f) => f.arp)).toEqual([]);
    // 5 s after the earlier journey used them, the entries learned from ARP requests were never
    // confirmed, so Linux checks them with unicast probes (DELAY → PROBE), 1.5 s into this one.
    const probes = frames(r.events.slice(replied)).filter((f) => f.arp?.op === 'request' && f.dir === 'out');
    expect(probes.length).toBeGreaterThan(0);
    for (const p of probes) expect(p.eth.dst).not.toBe('ff:ff:ff:ff:ff:ff');
    expect(r.events.some((e) => e.type === 'neigh' && e.from === 'DELAY' && e.to === 'PROBE' && e.ns === 'pod3')).toBe(true);
  });

  it('TTL 1: node1 answers time exceeded from its cni0 address', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', ttl: 1 });
    const err = r.events.find((e) => e.type === 'deliver' && e.ns === 'pod1');
    expect(err?.type === 'deliver' && [err.ipv4.src, err.icmp?.type, err.icmp?.code, err.icmp?.quote?.ipv4.ttl]).toEqual(['10.10.10.254', 11, 0, 1]);
    expect(r.events.some((e) => e.type === 'drop' && e.ns === 'node1' && e.reason === 'ttl-exceeded')).toBe(true);
  });

  it('no route at the router: net unreachable from 172.16.100.254', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: '10.10.12.1' });
    expect(r.events.some((e) => e.type === 'route' && e.ns === 'router' && e.route === null)).toBe(true);
    expect(tellOutcome(r, 'en')).toContain('ICMP Destination Net Unreachable came from 172.16.100.254 (router); ping prints "From 172.16.100.254 icmp_seq=1 Destination Net Unreachable"');
  });

  it('an address nobody has: three broadcasts a second apart, FAILED, then host unreachable over loopback', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: '10.10.10.77' });
    const asks = frames(r.events).filter((f) => f.ns === 'pod1' && f.arp?.op === 'request');
    expect(asks.map((f) => f.t / 1e9)).toEqual([0, 1, 2]);
    expect(r.events.some((e) => e.type === 'neigh' && e.to === 'FAILED')).toBe(true);
    expect(tellOutcome(r, 'en')).toContain('ICMP Destination Host Unreachable came from 10.10.10.1 (pod1)');
    // The error pod1 reports to itself never reaches a wire: tcpdump sees it on pod1's lo only, received.
    const errors = frames(r.events).filter((f) => f.icmp?.type === 3);
    expect(errors.map((f) => [f.ns, f.iface, f.dir, f.eth.src, f.eth.dst, f.ipv4?.src, f.ipv4?.dst])).toEqual([['pod1', 'lo', 'in', '00:00:00:00:00:00', '00:00:00:00:00:00', '10.10.10.1', '10.10.10.1']]);
  });

  it('UDP to a closed port gets port unreachable; a listener gets the datagram', () => {
    const closed = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', proto: 'udp', port: 9999 });
    expect(tellOutcome(closed, 'en')).toContain('ICMP Destination Port Unreachable came from 10.10.11.1 (pod3)');
    const t: Topology = seedTopology();
    const node2 = t.machines[2];
    const pod3 = node2?.pods?.[0];
    if (!node2 || !pod3) throw new Error('seed changed');
    const listeners: ListenerSpec[] = [{ proto: 'udp', port: 9999 }, { proto: 'tcp', port: 80 }];
    const node2Open: MachineSpec = { ...node2, pods: [{ ...pod3, listeners }, ...(node2.pods ?? []).slice(1)] };
    const withListener: Topology = { ...t, machines: t.machines.map((m) => (m === node2 ? node2Open : m)) };
    const open = runJourney(withListener, { from: 'pod1', to: 'pod3', proto: 'udp', port: 9999 });
    expect(open.events.some((e) => e.type === 'deliver' && e.ns === 'pod3' && e.udp?.dport === 9999)).toBe(true);
    const tcp = runJourney(withListener, { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80 });
    const flags = frames(tcp.events).filter((f) => f.tcp && f.dir === 'out' && (f.ns === 'pod1' || f.ns === 'pod3')).map((f) => `${f.ns}:${f.tcp?.flags}`);
    expect(flags).toEqual(['pod1:S', 'pod3:S.', 'pod1:.']);
  });

  it('TCP SYN to a closed port is refused with RST-ACK', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80 });
    expect(frames(r.events).filter((f) => f.ns === 'pod3' && f.dir === 'out' && f.tcp).map((f) => f.tcp?.flags)).toEqual(['R.']);
  });

  it('delivers 127.0.0.1 over loopback without touching a wire', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: '127.0.0.1' });
    // Request and reply each appear once on lo, as received, and nowhere else.
    expect(frames(r.events).map((f) => `${f.ns}/${f.iface} ${f.dir} ${f.icmp?.type}`)).toEqual(['pod1/lo in 8', 'pod1/lo in 0']);
    expect(r.events.find((e) => e.type === 'route')).toMatchObject({ route: 'local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1', result: 'local' });
    expect(tellOutcome(r, 'en')).toBe('Echo replies back at pod1: 1 of 1.');
  });

  it('refuses multicast and 0.0.0.0 destinations, saying why', () => {
    expect(() => runJourney(seedTopology(), { from: 'pod1', to: '224.0.0.1' })).toThrow('is a multicast address; multicast is not simulated yet.');
    expect(() => runJourney(seedTopology(), { from: 'pod1', to: '0.0.0.0' })).toThrow('means "this host"');
  });

  it('adds the "ARPs for the gateway" correction only when the source really uses a gateway', () => {
    expect(tellChapters(runJourney(seedTopology(), { from: 'pod1', to: 'pod3' }), 'en')[0]?.correction).toBeDefined();
    expect(tellChapters(runJourney(seedTopology(), { from: 'pod1', to: 'pod2' }), 'en')[0]?.correction).toBeUndefined();
  });

  it('rejects bad input with an error naming the field', () => {
    expect(() => runJourney(seedTopology(), { from: 'pod9', to: 'pod3' })).toThrow('from: no pod or machine named "pod9"');
    expect(() => runJourney(seedTopology(), { from: 'pod1', to: '10.10.300.1' })).toThrow('to: "10.10.300.1" is neither a pod, a machine nor an IPv4 address');
    expect(() => runJourney(seedTopology(), { from: 'pod1', to: 'pod3', ttl: 0 })).toThrow('ttl: expected a whole number from 1 to 255, got 0');
    expect(() => runJourney(seedTopology(), { from: 'pod1', to: 'pod3', count: 1000 })).toThrow('count: expected a whole number from 1 to 100, got 1000');
    expect(() => runJourney({ ...seedTopology(), segments: [] }, { from: 'pod1', to: 'pod3' })).toThrow('Invalid topology: machines[0].interfaces[0].segment: no segment "lan"');
    try {
      runJourney(seedTopology(), { from: 'pod1', to: 'nowhere' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JourneyError);
      expect((e as JourneyError).text.ru).toBe('to: «nowhere» — не под, не машина и не IPv4-адрес');
    }
  });
});
