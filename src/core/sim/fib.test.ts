import { describe, expect, it } from 'vitest';
import type { DropEvent, FrameEvent, HopEvent, RouteEvent } from '../events';
import type { RouteSpec, Topology } from '../model/topology';
import { hostGwLab, secondNicLab, sharedAddressLab } from '../presets/fieldCases';
import { seedTopology } from '../presets/seed';
import { BROADCAST_MAC, parseIp, ZERO_MAC } from '../net/ipv4';
import { perform } from './actions';
import { arpRcv } from './arp';
import { compileNs } from './compile';
import { Sim } from './engine';
import { arpFrame } from './packet';
import { runJourney } from './runJourney';
import { indexTopology, World } from './world';

/*
 * The kernel's FIB rules and the checks IP input runs on a source address, also on ARP input. The
 * kernel fixtures prove the frames (fixtures/kernel/case-*, fib-*, arp-*, lo-*); these tests pin the
 * decisions and facts the narrator reads.
 */

const frames = (events: HopEvent[]): FrameEvent[] => events.filter((e): e is FrameEvent => e.type === 'frame');
const routes = (events: HopEvent[], ns: string): RouteEvent[] => events.filter((e): e is RouteEvent => e.type === 'route' && e.ns === ns);
const drops = (events: HopEvent[]): DropEvent[] => events.filter((e): e is DropEvent => e.type === 'drop');

/** minion1 of the host-gw lab with these static routes. */
const minion1 = (routesOf: RouteSpec[]): Topology => hostGwLab('t', routesOf);

describe('routes of equal prefix and metric keep the order they joined the table in', () => {
  const own = { dst: '10.10.176.0/20', via: '172.17.8.101', dev: 'enp0s8' } as const;

  it('prepend goes before the connected route, append after it; each knows the routes it hides', () => {
    const table = (op: 'prepend' | 'append'): string[] => {
      const m = minion1([{ ...own, op }]).machines[0];
      if (!m) throw new Error('no minion1');
      return compileNs(m).routes.map((r) => `${r.text}${r.tied.length > 0 ? ` > ${r.tied.join(' | ')}` : ''}`);
    };
    const connected = '10.10.176.0/20 dev docker0 proto kernel scope link src 10.10.176.1';
    const viaOwn = '10.10.176.0/20 via 172.17.8.101 dev enp0s8';
    expect(table('prepend')).toEqual(['172.17.8.0/24 dev enp0s8 proto kernel scope link src 172.17.8.101', `${viaOwn} > ${connected}`, connected]);
    expect(table('append')).toEqual(['172.17.8.0/24 dev enp0s8 proto kernel scope link src 172.17.8.101', `${connected} > ${viaOwn}`, viaOwn]);
  });

  it('a lower metric still wins over table order, and a longer prefix over both', () => {
    const t = seedTopology();
    const node1 = t.machines[0];
    if (!node1) throw new Error('no node1');
    node1.routes = [
      { dst: '10.10.11.0/24', via: '172.16.100.254', dev: 'eth0', metric: 5 },
      { dst: '10.10.11.0/24', via: '172.16.100.2', dev: 'eth0', metric: 10, op: 'prepend' },
      { dst: '10.10.11.1/32', via: '172.16.100.2', dev: 'eth0' },
    ];
    const text = compileNs(node1).routes.map((r) => r.text).filter((x) => x.startsWith('10.10.11.'));
    expect(text).toEqual(['10.10.11.1 via 172.16.100.2 dev eth0', '10.10.11.0/24 via 172.16.100.254 dev eth0 metric 5', '10.10.11.0/24 via 172.16.100.2 dev eth0 metric 10']);
  });

  it('the route event tells the order: prepended, and the connected route it came before', () => {
    const r = runJourney(minion1([{ ...own, op: 'prepend' }]), { from: 'minion1', to: '10.10.176.2', proto: 'tcp', port: 80 });
    expect(routes(r.events, 'minion1')[0]).toMatchObject({ route: '10.10.176.0/20 via 172.17.8.101 dev enp0s8', op: 'prepend', tied: ['10.10.176.0/20 dev docker0 proto kernel scope link src 10.10.176.1'] });
    // The initial tables show the kernel's order too.
    expect(r.initial.ns.minion1?.routes.map((x) => x.text).slice(0, 2)).toEqual(['10.10.176.0/20 via 172.17.8.101 dev enp0s8', '10.10.176.0/20 dev docker0 proto kernel scope link src 10.10.176.1']);
  });

  it('a plain route carries no FIB facts on its events', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3' });
    for (const e of r.events) if (e.type === 'route') expect([e.ownGateway, e.op, e.tied]).toEqual([undefined, undefined, undefined]);
  });
});

describe('a gateway that is a local address', () => {
  it('of the route\'s own device is no gateway: the host ARPs for the destination itself on that device', () => {
    const r = runJourney(minion1([{ dst: '10.10.208.0/20', via: '172.17.8.101', dev: 'enp0s8' }]), { from: 'minion1', to: '10.10.208.5' });
    expect(routes(r.events, 'minion1')[0]).toMatchObject({ result: 'send', nexthop: '10.10.208.5', dev: 'enp0s8', match: 'connected', ownGateway: '172.17.8.101' });
    expect(frames(r.events).filter((f) => f.ns === 'minion1' && f.arp).map((f) => `${f.iface} ${f.arp?.tpa} ${f.arp?.spa}`)).toEqual(Array(3).fill('enp0s8 10.10.208.5 172.17.8.101'));
  });

  it('of another device, reached by a link route on this one, is a gateway like any other: the host ARPs for its own address', () => {
    const r = runJourney(minion1([{ dst: '10.10.176.1/32', dev: 'enp0s8' }, { dst: '10.10.208.0/20', via: '10.10.176.1', dev: 'enp0s8' }]), { from: 'minion1', to: '10.10.208.5' });
    const route = routes(r.events, 'minion1')[0];
    expect(route).toMatchObject({ nexthop: '10.10.176.1', match: 'gateway' });
    expect(route?.ownGateway).toBeUndefined();
  });
});

describe('ARP input runs the source checks of IP input (arp_process → ip_route_input_noref)', () => {
  const journey = { from: 'kube1', to: '10.87.87.202', proto: 'tcp', port: 80 } as const;

  it('rp_filter=1: the request is left unanswered, the SYN never leaves, kube1 reports host unreachable to itself on lo', () => {
    const r = runJourney(secondNicLab('t', 1), journey);
    const refused = drops(r.events).filter((d) => d.ns === 'kube2');
    expect(refused.map((d) => [d.reason, d.rpFilter, d.spa, d.tpa, d.iface])).toEqual(Array(3).fill(['arp-rp-filter', 1, '192.168.27.13', '10.87.87.202', 'ens5']));
    expect(frames(r.events).some((f) => f.tcp)).toBe(false);
    const lo = frames(r.events).filter((f) => f.iface === 'lo');
    expect(lo.map((f) => [f.ns, f.dir, f.icmp?.type, f.icmp?.code, f.ipv4?.src, f.ipv4?.dst, f.t])).toEqual([['kube1', 'in', 3, 1, '192.168.27.13', '192.168.27.13', 3_000_001_000]]);
  });

  it('rp_filter=2 passes when some route leads back, fails when none does', () => {
    const answered = runJourney(secondNicLab('t', 2), journey);
    expect(drops(answered.events).filter((d) => d.reason.startsWith('arp-'))).toEqual([]);
    expect(frames(answered.events).some((f) => f.ns === 'kube2' && f.tcp?.flags === 'S.')).toBe(true);
    const silent = runJourney(secondNicLab('t', 2, false), journey);
    expect(drops(silent.events).filter((d) => d.ns === 'kube2').map((d) => [d.reason, d.rpFilter])).toEqual(Array(3).fill(['arp-rp-filter', 2]));
  });

  it('a sender address that is one of the receiver\'s own is refused (IP_LOCAL_SOURCE), for ARP and for IP', () => {
    const arp = runJourney(sharedAddressLab(), { from: 'h1', to: '10.0.0.2' });
    expect(drops(arp.events).filter((d) => d.ns === 'h2').map((d) => d.reason)).toEqual(['arp-local-source', 'arp-local-source', 'arp-local-source']);
    const ip = runJourney(sharedAddressLab(true), { from: 'h1', to: '10.0.0.2' });
    expect(drops(ip.events).map((d) => [d.ns, d.reason, d.iface, d.ipv4?.src])).toEqual([['h2', 'local-source', 'eth0', '10.0.0.1']]);
  });

  it('a refused request still refreshes an entry the receiver already has for the sender', () => {
    // kube2 learned kube1's ens5 address from an earlier exchange; now kube1 asks with its eth0 address.
    const t = secondNicLab('t', 1);
    const kube2 = t.machines[1];
    if (!kube2) throw new Error('no kube2');
    kube2.neighbours = [{ ip: '192.168.27.13', mac: '02:00:0a:57:57:c9', dev: 'ens5', state: 'PERMANENT' }];
    const r = runJourney(t, journey);
    // A PERMANENT entry never changes, and the request is still not answered.
    expect(drops(r.events).filter((d) => d.ns === 'kube2').length).toBe(3);
    expect(r.events.some((e) => e.type === 'neigh' && e.ns === 'kube2')).toBe(false);
  });
});

describe('arp_process on addresses no lab produces by itself', () => {
  /** h2 of the shared-address lab receiving one ARP message on eth0, as crafted here. */
  function receive(op: 'request' | 'reply', spa: string, tpa: string): HopEvent[] {
    const world = new World(indexTopology(sharedAddressLab()));
    const sim = new Sim(world, perform);
    const dev = world.ns('h2')?.ifaces.get('eth0');
    if (!dev) throw new Error('no h2/eth0');
    const sha = '02:00:0a:00:00:09';
    const frame = arpFrame({ src: sha, dst: BROADCAST_MAC, type: 'arp' }, { op, sha, spa, tha: ZERO_MAC, tpa }, parseIp(spa) ?? 0, parseIp(tpa) ?? 0, 1);
    arpRcv(sim, dev, frame, false, 1);
    sim.runUntil(1e6);
    return sim.events;
  }

  it('ignores ARP for a multicast or loopback target at once, learning nothing', () => {
    for (const tpa of ['224.0.0.5', '127.0.0.1']) {
      expect(receive('request', '10.0.0.9', tpa).map((e) => [e.type, e.type === 'drop' ? [e.reason, e.martian] : null])).toEqual([['drop', ['arp-martian', 'target']]]);
    }
  });

  it('leaves a request from a martian sender unanswered, even for its own address', () => {
    for (const spa of ['127.0.0.9', '224.0.0.9', '255.255.255.255', '0.1.2.3']) {
      const events = receive('request', spa, '10.0.0.2');
      expect(events.map((e) => (e.type === 'drop' ? `${e.reason} ${e.martian}` : e.type)), spa).toEqual(['arp-martian sender']);
    }
  });

  it('answers a duplicate address probe (sender 0.0.0.0) for its own address, without learning the asker', () => {
    const events = receive('request', '0.0.0.0', '10.0.0.2');
    expect(events.filter((e) => e.type === 'neigh')).toEqual([]);
    const reply = events.find((e): e is FrameEvent => e.type === 'frame' && e.arp?.op === 'reply');
    expect(reply?.arp).toEqual({ op: 'reply', sha: '02:00:0a:00:00:02', spa: '10.0.0.2', tha: '02:00:0a:00:00:09', tpa: '0.0.0.0' });
  });
});
