import { describe, expect, it } from 'vitest';
import type { DeliverEvent, DropEvent, HopEvent, RouteEvent, SendEvent } from '../events';
import { seedTopology } from '../presets/seed';
import { seedNode2UdpListener, seedRpFilterBackRoute } from '../presets/tcpScenarios';
import { perform } from './actions';
import { broadcastOutput, broadcastRouteList, broadcastRouteRows, broadcastRoutes } from './broadcast';
import { compileNs } from './compile';
import { Sim } from './engine';
import type { Packet } from './packet';
import { runJourney } from './runJourney';
import { indexTopology, World } from './world';

/*
 * Packets to a broadcast address: the local table's broadcast routes, a directed broadcast taken in
 * by the host that owns its subnet, and what answers it (nothing, except a UDP listener).
 */

const sends = (events: readonly HopEvent[], cause: SendEvent['cause']): SendEvent[] => events.filter((e): e is SendEvent => e.type === 'send' && e.cause === cause);
const delivers = (events: readonly HopEvent[], ns: string): DeliverEvent[] => events.filter((e): e is DeliverEvent => e.type === 'deliver' && e.ns === ns);
const drops = (events: readonly HopEvent[], reason: DropEvent['reason']): DropEvent[] => events.filter((e): e is DropEvent => e.type === 'drop' && e.reason === reason);

describe('packets to a broadcast address', () => {
  it('the local table has a broadcast route for every address shorter than /31, once per subnet and device', () => {
    const ns = { interfaces: [
      { kind: 'ether' as const, name: 'eth0', mac: '02:00:00:00:00:01', segment: 's', addresses: ['10.0.0.1/24', '10.0.0.9/24', '10.0.1.1/31', '10.0.2.1/32', '192.168.1.1/16'] },
      { kind: 'ether' as const, name: 'eth1', mac: '02:00:00:00:00:02', segment: 's', addresses: ['10.0.0.2/24'] },
    ] };
    const c = compileNs(ns);
    expect(broadcastRouteList(c).map((r) => r.text)).toEqual([
      'broadcast 10.0.0.255 dev eth0 table local proto kernel scope link src 10.0.0.1',
      'broadcast 192.168.255.255 dev eth0 table local proto kernel scope link src 192.168.1.1',
      'broadcast 10.0.0.255 dev eth1 table local proto kernel scope link src 10.0.0.2',
    ]);
    expect(broadcastRoutes(c).get(0x0a0000ff)?.dev).toBe('eth0');
    // The rows a namespace's tables list, from the parsed interfaces alone.
    expect(broadcastRouteRows(c.ifaces)[0]).toEqual({ text: 'broadcast 10.0.0.255 dev eth0 table local proto kernel scope link src 10.0.0.1', dst: '10.0.0.255/32', dev: 'eth0', proto: 'kernel', table: 'local' });
  });

  it('ping to another subnet\'s broadcast address: unicast up to node2, which ignores the echo request', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: '10.10.11.255' });
    const route = r.events.find((e): e is RouteEvent => e.type === 'route' && e.match === 'broadcast');
    expect(route).toMatchObject({ ns: 'node2', direction: 'input', result: 'local', dev: 'cni0', iif: 'eth0', route: 'broadcast 10.10.11.255 dev cni0 table local proto kernel scope link src 10.10.11.254' });
    expect(drops(r.events, 'broadcast-ignored').map((e) => e.ns)).toEqual(['node2']);
    expect(sends(r.events, 'echo-reply')).toEqual([]);
    // Nobody ARPs for a broadcast address, and nothing enters cni0's network.
    expect(r.events.some((e) => e.type === 'neigh' && e.ip === '10.10.11.255')).toBe(false);
    expect(r.events.some((e) => e.type === 'frame' && (e.ns === 'pod3' || e.ns === 'pod4'))).toBe(false);
  });

  it('UDP to a broadcast address reaches a listener; without one it is dropped with no ICMP error', () => {
    const heard = runJourney(seedNode2UdpListener(), { from: 'pod1', to: '10.10.11.255', proto: 'udp', port: 53 });
    expect(delivers(heard.events, 'node2')).toMatchObject([{ cause: 'udp', broadcast: true }]);
    const unheard = runJourney(seedTopology(), { from: 'pod1', to: '10.10.11.255', proto: 'udp', port: 9999 });
    expect(drops(unheard.events, 'broadcast-ignored')).toMatchObject([{ ns: 'node2', port: 9999 }]);
    expect(sends(unheard.events, 'icmp-error')).toEqual([]);
  });

  it('TCP to a broadcast address gets neither SYN-ACK nor RST, even from a listener', () => {
    const t = seedTopology();
    const node2 = t.machines.find((m) => m.name === 'node2');
    if (node2) node2.listeners = [{ proto: 'tcp', port: 80 }];
    const r = runJourney(t, { from: 'pod1', to: '10.10.11.255', proto: 'tcp', port: 80 });
    expect(sends(r.events, 'tcp-synack')).toEqual([]);
    expect(sends(r.events, 'tcp-rst')).toEqual([]);
    expect(sends(r.events, 'tcp-retransmit')).toHaveLength(3);
  });

  it('to a broadcast of its own network (ipOutput\'s hook): ff:ff:ff:ff:ff:ff with no ARP, a copy to itself, no answer', () => {
    const world = new World(indexTopology(seedTopology()));
    const sim = new Sim(world, perform);
    const pod1 = world.ns('pod1');
    if (!pod1) throw new Error('no pod1');
    const packet = (proto: 'icmp' | 'tcp'): Packet => ({
      ipv4: { src: '10.10.10.1', dst: '10.10.10.255', ttl: 64, proto }, icmp: proto === 'icmp' ? { type: 8, code: 0, seq: 1 } : undefined, udp: undefined,
      tcp: proto === 'tcp' ? { sport: 40000, dport: 80, flags: 'S' } : undefined, kind: 'request', s: 0x0a0a0a01, d: 0x0a0a0aff, id: sim.nextPacket(),
      len: 84, df: true, encap: undefined,
    });
    expect(broadcastOutput(sim, pod1, packet('icmp'), 'want')).toBe(true);
    sim.runUntil(3.5e9);
    const ev = sim.events;
    expect(ev[0]).toMatchObject({ type: 'route', ns: 'pod1', direction: 'output', match: 'broadcast', dev: 'eth0', route: 'broadcast 10.10.10.255 dev eth0 table local proto kernel scope link src 10.10.10.1' });
    expect(ev.filter((e) => e.type === 'frame' && e.dir === 'out' && e.ns === 'pod1').map((e) => e.type === 'frame' && e.eth.dst)).toEqual(['ff:ff:ff:ff:ff:ff']);
    expect(ev.some((e) => e.type === 'neigh' || (e.type === 'frame' && e.arp !== undefined))).toBe(false);
    // node1 (cni0's own broadcast), pod2 and pod1's own looped-back copy all ignore the echo request.
    expect(drops(ev, 'broadcast-ignored').map((e) => e.ns).sort()).toEqual(['node1', 'pod1', 'pod2']);
    expect(sends(ev, 'echo-reply')).toEqual([]);
    // connect() refuses a broadcast of its own network: nothing is sent.
    const before = ev.length;
    expect(broadcastOutput(sim, pod1, packet('tcp'), 'keep')).toBe(true);
    expect(ev.slice(before).map((e) => e.type)).toEqual(['route', 'drop']);
    // Not a broadcast for pod1: left to ipOutput.
    expect(broadcastOutput(sim, pod1, { ...packet('icmp'), ipv4: { src: '10.10.10.1', dst: '10.10.11.255', ttl: 64, proto: 'icmp' }, d: 0x0a0a0bff }, 'want')).toBe(false);
  });

  it('rp_filter applies to broadcasts too', () => {
    const r = runJourney(seedRpFilterBackRoute('node2'), { from: 'pod1', to: '10.10.11.255' });
    expect(drops(r.events, 'rp-filter').map((e) => e.ns)).toEqual(['node2']);
    expect(r.events.some((e) => e.type === 'route' && e.match === 'broadcast')).toBe(false);
  });
});
