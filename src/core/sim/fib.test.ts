import { describe, expect, it } from 'vitest';
import type { FrameEvent, HopEvent, RouteEvent } from '../events';
import type { RouteSpec, Topology } from '../model/topology';
import { hostGwLab } from '../presets/fieldCases';
import { seedTopology } from '../presets/seed';
import { compileNs } from './compile';
import { runJourney } from './runJourney';

/*
 * The kernel's FIB rules. The kernel fixtures prove the frames (fixtures/kernel/case-fib-*, fib-*);
 * these tests pin the decisions and facts the narrator reads.
 */

const frames = (events: HopEvent[]): FrameEvent[] => events.filter((e): e is FrameEvent => e.type === 'frame');
const routes = (events: HopEvent[], ns: string): RouteEvent[] => events.filter((e): e is RouteEvent => e.type === 'route' && e.ns === ns);

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
    expect(text).toEqual(['10.10.11.1/32 via 172.16.100.2 dev eth0', '10.10.11.0/24 via 172.16.100.254 dev eth0 metric 5', '10.10.11.0/24 via 172.16.100.2 dev eth0 metric 10']);
  });

  it('the route event tells the order: prepended, and the connected route it came before', () => {
    const r = runJourney(minion1([{ ...own, op: 'prepend' }]), { from: 'minion1', to: '10.10.176.2', proto: 'tcp', port: 80 });
    expect(routes(r.events, 'minion1')[0]).toMatchObject({ route: '10.10.176.0/20 via 172.17.8.101 dev enp0s8', op: 'prepend', tied: ['10.10.176.0/20 dev docker0 proto kernel scope link src 10.10.176.1'] });
    // The initial tables show the kernel's order too.
    expect(r.initial.ns.minion1?.routes.map((x) => x.text).slice(1, 3)).toEqual(['10.10.176.0/20 via 172.17.8.101 dev enp0s8', '10.10.176.0/20 dev docker0 proto kernel scope link src 10.10.176.1']);
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
