import { describe, expect, it } from 'vitest';
import type { HopEvent } from '../events';
import { seedNarrowWan } from '../presets/mtuScenarios';
import { seedTopology } from '../presets/seed';
import { stateAt } from '../state';
import { tellEvent, tellOutcome } from '../narrate/index';
import { fragmentPacket } from './fragment';
import type { Packet } from './packet';
import { runJourney } from './runJourney';

const ping = (len: number): Packet => ({
  ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 64, proto: 'icmp' }, icmp: { type: 8, code: 0, seq: 1 }, udp: undefined, tcp: undefined,
  kind: 'request', s: 0x0a0a0a01, d: 0x0a0a0b01, id: 7, len, df: false, encap: undefined,
});

const frames = (events: readonly HopEvent[], ns: string, iface: string): { dir: string; off: number | undefined; mf: boolean | undefined }[] =>
  events.flatMap((e) => (e.type === 'frame' && e.ns === ns && e.iface === iface && e.ipv4 ? [{ dir: e.dir, off: e.ipv4.fragOffset, mf: e.ipv4.mf }] : []));

describe('fragmentation', () => {
  it('cuts data in multiples of 8 that fit the MTU, the transport header only in the first', () => {
    const parts = fragmentPacket(ping(2028), 1500);
    expect(parts.map((p) => [p.len, p.ipv4.fragOffset, p.ipv4.mf, p.icmp !== undefined, p.df])).toEqual([
      [1500, 0, true, true, false],
      [548, 1480, false, false, false],
    ]);
    // A fragment cut again keeps its place in the packet and its MF bit.
    const again = fragmentPacket(parts[0] as Packet, 1000);
    expect(again.map((p) => [p.len, p.ipv4.fragOffset, p.ipv4.mf])).toEqual([[996, 0, true], [524, 976, true]]);
    expect(fragmentPacket(ping(1400), 1400)).toHaveLength(1);
  });

  it('ping -s 2000: pod1 sends two fragments, pod3 reassembles and answers in two fragments', () => {
    const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', size: 2000 });
    expect(frames(r.events, 'pod1', 'eth0').filter((f) => f.dir === 'out')).toEqual([{ dir: 'out', off: 0, mf: true }, { dir: 'out', off: 1480, mf: false }]);
    const defrags = r.events.filter((e) => e.type === 'defrag');
    expect(defrags.map((e) => e.type === 'defrag' && [e.ns, e.done, e.len])).toEqual([['pod3', false, undefined], ['pod3', true, 2028], ['pod1', false, undefined], ['pod1', true, 2028]]);
    expect(tellOutcome(r, 'en')).toContain('Echo replies back at pod1: 1 of 1.');
    const cut = r.events.findIndex((e) => e.type === 'fragment');
    expect(tellEvent(r, cut, 'en', 'detailed')).toContain('IP_PMTUDISC_WANT');
    expect(tellEvent(r, cut, 'ru', 'short')).toContain('2 фрагмента');
  });

  it('ping -M do refuses a packet larger than the MTU (EMSGSIZE); -M dont lets the router fragment it', () => {
    const refused = runJourney(seedTopology(), { from: 'pod1', to: 'pod3', size: 1600, pmtudisc: 'do' });
    expect(refused.events.filter((e) => e.type === 'frame')).toEqual([]);
    expect(refused.events.some((e) => e.type === 'drop' && e.reason === 'emsgsize' && e.mtu === 1500 && e.len === 1628)).toBe(true);
    expect(tellOutcome(refused, 'en')).toContain('message too long, mtu=1500');
    const dont = runJourney(seedNarrowWan(), { from: 'pod1', to: 'pod3', size: 1400, pmtudisc: 'dont' });
    const cut = dont.events.find((e) => e.type === 'fragment');
    expect(cut?.type === 'fragment' && [cut.ns, cut.dev, cut.local, cut.count]).toEqual(['router', 'eth1', false, 2]);
    expect(dont.events.some((e) => e.type === 'drop' && e.reason === 'frag-needed')).toBe(false);
    expect(() => runJourney(seedTopology(), { from: 'pod1', to: 'pod3', pmtudisc: 'maybe' as 'do' })).toThrow('pmtudisc: expected want, do or dont');
  });

  it('learns the path MTU from "fragmentation needed" and fragments the next packet for it', () => {
    const r = runJourney(seedNarrowWan(), { from: 'pod1', to: 'pod3', size: 1400, count: 2 });
    const learned = r.events.findIndex((e) => e.type === 'pmtu');
    expect(r.events[learned]).toMatchObject({ type: 'pmtu', ns: 'pod1', dst: '10.10.11.1', mtu: 1400, from: 1500, expiresS: 600 });
    const cache = stateAt(r, learned).ns.pod1?.routes.filter((x) => x.table === 'cache').map((x) => x.text);
    expect(cache).toEqual(['10.10.11.1 via 10.10.10.254 dev eth0 cache expires 600sec mtu 1400']);
    expect(stateAt(r, learned - 1).ns.pod1?.routes.some((x) => x.table === 'cache')).toBe(false);
    const second = r.events.find((e) => e.type === 'fragment' && e.ns === 'pod1');
    expect(second?.type === 'fragment' && [second.pmtu, second.mtu, second.count]).toEqual([true, 1400, 2]);
    expect(tellOutcome(r, 'en')).toContain('1 of 2');
  });
});
