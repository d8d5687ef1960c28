import { describe, expect, it } from 'vitest';
import { seedTopology } from '../presets/seed';
import { runJourney } from '../sim/runJourney';
import { formatJsonl, formatText, tcpdumpLine } from './text';

describe('trace formats', () => {
  const r = runJourney(seedTopology(), { from: 'pod1', to: 'pod3' });

  it('prints frames like tcpdump -e -n', () => {
    const first = r.events.find((e) => e.type === 'frame');
    if (!first || first.type !== 'frame') throw new Error('no frame');
    expect(tcpdumpLine(first)).toBe('02:00:0a:0a:0a:01 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 10.10.10.254 tell 10.10.10.1');
  });

  it('writes one JSON object per event with the frame layers at the top level, then chapters and the outcome', () => {
    const lines = formatJsonl(r).split('\n');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((o) => o.record === undefined).length).toBe(r.events.length);
    expect(records.filter((o) => o.record === 'chapter').map((o) => o.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(records.at(-1)).toEqual({ record: 'outcome', text: 'Echo replies back at pod1: 1 of 1. TTL: 64 → 63 (node1) → 62 (router) → 61 (node2); bridges never change it.' });
    const frame = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((o) => o.type === 'frame' && (o.ipv4 as { ttl?: number } | undefined)?.ttl === 62);
    expect(frame).toMatchObject({ ns: 'router', iface: 'eth0', dir: 'out', eth: { type: 'ipv4' }, ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 62, proto: 'icmp' }, icmp: { type: 8, code: 0 } });
  });

  it('reads as a log with chapters and explanations, in either language', () => {
    const en = formatText(r, 'en');
    const ru = formatText(r, 'ru');
    expect(en).toContain('== 8. node2 asks by ARP for the MAC of pod3 (through cni0) ==');
    expect(en).toContain('# router decrements TTL: 63 → 62. Every router decrements TTL by one; bridges and the sender never do. (kernel: ip_forward)');
    expect(ru).toContain('== 8. node2 выясняет по ARP MAC-адрес pod3 (через cni0) ==');
    expect(ru.trimEnd().split('\n').at(-1)).toBe('Эхо-ответов вернулось в pod1: 1 из 1. TTL: 64 → 63 (node1) → 62 (router) → 61 (node2); мосты TTL не меняют.');
  });

  it('explains at the level asked: one line, the reasons too, or not at all', () => {
    const short = formatText(r, 'en', 'short');
    const none = formatText(r, 'en', 'none');
    expect(short).toContain('# router decrements TTL: 63 → 62.\n');
    expect(short).not.toContain('(kernel:');
    expect(none).not.toContain('# ');
    expect(none).toContain('== 8.');
  });
});
