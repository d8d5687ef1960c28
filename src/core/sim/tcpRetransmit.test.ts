import { describe, expect, it } from 'vitest';
import type { DeliverEvent, DropEvent, HopEvent, SendEvent } from '../events';
import { seedTopology } from '../presets/seed';
import { seedRpFilterBackRoute } from '../presets/tcpScenarios';
import { seedWithListeners } from '../presets/scenarios';
import { runJourney } from './runJourney';

/*
 * TCP SYN retransmissions with the kernel's timings (tcp_syn_linear_timeouts, tcp_syn_retries) and
 * what ends them. The kernel fixtures check the frames of the first seconds; these check the
 * timings and the facts the narrator reads.
 */

const sends = (events: readonly HopEvent[], cause: SendEvent['cause']): SendEvent[] => events.filter((e): e is SendEvent => e.type === 'send' && e.cause === cause);
const delivers = (events: readonly HopEvent[], ns: string): DeliverEvent[] => events.filter((e): e is DeliverEvent => e.type === 'deliver' && e.ns === ns);
const drops = (events: readonly HopEvent[], reason: DropEvent['reason']): DropEvent[] => events.filter((e): e is DropEvent => e.type === 'drop' && e.reason === reason);
const SEC = 1e9;

describe('TCP SYN retransmissions', () => {
  it('a silently dropped SYN goes again after 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s; connect() gives up at 131 s', () => {
    // Three attempts a minute apart: the window (123.5 s) shows the first attempt's ten retransmissions,
    // four attempts (183.5 s) its ETIMEDOUT too.
    const r = runJourney(seedRpFilterBackRoute('node2'), { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80, count: 4, intervalMs: 60000 });
    const first = sends(r.events, 'app')[0] as SendEvent;
    const retries = sends(r.events, 'tcp-retransmit').filter((e) => e.about === first.pkt);
    expect(retries.map((e) => Math.round((e.t - first.t) / 1e6) / 1000)).toEqual([1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
    expect(retries.map((e) => e.retry)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(retries.map((e) => e.rtoMs)).toEqual([1000, 1000, 1000, 1000, 1000, 2000, 4000, 8000, 16000, 32000]);
    // The same segment each time: same ports and header objects, a new packet id.
    for (const e of retries) {
      expect(e.tcp).toEqual(first.tcp);
      expect(e.pkt).not.toBe(first.pkt);
    }
    const gaveUp = drops(r.events, 'connect-timeout').filter((e) => e.pkt === first.pkt);
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]).toMatchObject({ ns: 'pod1', retries: 10, port: 80 });
    expect(((gaveUp[0] as DropEvent).t - first.t) / SEC).toBe(131);
  });

  it('within one journey window (3.5 s) a dropped SYN is sent again three times', () => {
    const r = runJourney(seedRpFilterBackRoute('router'), { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80 });
    expect(sends(r.events, 'tcp-retransmit').map((e) => e.t / SEC)).toEqual([1, 2, 3]);
    expect(drops(r.events, 'rp-filter').map((e) => e.ns)).toEqual(['router', 'router', 'router', 'router']);
  });

  it('an ICMP error in the SYN\'s own softirq run is only noted; the next one ends connect()', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: '10.10.12.1', proto: 'tcp', port: 80 });
    expect(delivers(r.events, 'pod1').map((e) => e.tcpSocket)).toEqual(['soft', 'aborts']);
    expect(sends(r.events, 'tcp-retransmit').map((e) => e.t / SEC)).toEqual([1]);
  });

  it('TTL 1: node1\'s time exceeded is soft the first time, final the second', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80, ttl: 1 });
    expect(delivers(r.events, 'pod1').map((e) => [e.icmp?.type, e.tcpSocket])).toEqual([[11, 'soft'], [11, 'aborts']]);
  });

  it('a SYN waiting for ARP in its own host is never sent again; the host unreachable ends connect()', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: '10.10.10.77', proto: 'tcp', port: 80 });
    expect(sends(r.events, 'tcp-retransmit')).toEqual([]);
    expect(r.events.filter((e) => e.type === 'frame' && e.ns === 'pod1' && e.tcp)).toEqual([]);
    expect(delivers(r.events, 'pod1').map((e) => e.tcpSocket)).toEqual(['aborts']);
  });

  it('a SYN waiting for ARP further on is sent again, and joins the queue there', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: '10.10.11.9', proto: 'tcp', port: 80 });
    expect(sends(r.events, 'tcp-retransmit').length).toBeGreaterThan(0);
    expect(r.events.some((e) => e.type === 'neigh' && e.ns === 'node2' && e.cause === 'queue')).toBe(true);
  });

  it('a SYN-ACK or a RST ends the wait: no retransmission', () => {
    const accepted = runJourney(seedWithListeners(), { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80, count: 3 });
    const refused = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80, count: 3 });
    expect(sends(accepted.events, 'tcp-retransmit')).toEqual([]);
    expect(sends(refused.events, 'tcp-retransmit')).toEqual([]);
  });

  it('no route at the source: connect() fails at once, no timer', () => {
    const t = seedTopology();
    const pod1 = t.machines[0]?.pods?.[0];
    if (pod1) pod1.routes = [];
    const r = runJourney(t, { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80 });
    expect(sends(r.events, 'tcp-retransmit')).toEqual([]);
  });

  it('a warm journey shows only its own connect()\'s retransmissions (the warm-up\'s program is gone)', () => {
    const r = runJourney(seedRpFilterBackRoute('node2'), { from: 'pod1', to: 'pod3', proto: 'tcp', port: 80, warm: true });
    const first = sends(r.events, 'app')[0] as SendEvent;
    expect(sends(r.events, 'tcp-retransmit').map((e) => [e.about, (e.t - first.t) / SEC])).toEqual([[first.pkt, 1], [first.pkt, 2], [first.pkt, 3]]);
  });
});
