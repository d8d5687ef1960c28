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

  it('writes one JSON object per event with the frame layers at the top level', () => {
    const lines = formatJsonl(r).split('\n');
    expect(lines.length).toBe(r.events.length);
    const frame = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((o) => o.type === 'frame' && (o.ipv4 as { ttl?: number } | undefined)?.ttl === 62);
    expect(frame).toMatchObject({ ns: 'router', iface: 'eth0', dir: 'out', eth: { type: 'ipv4' }, ipv4: { src: '10.10.10.1', dst: '10.10.11.1', ttl: 62, proto: 'icmp' }, icmp: { type: 8, code: 0 } });
  });

  it('reads as a log with chapters and explanations, in either language', () => {
    const en = formatText(r, 'en');
    const ru = formatText(r, 'ru');
    expect(en).toContain('== 8. node2 ARPs for pod3 on cni0 ==');
    expect(en).toContain('# Every router decrements TTL by one: 63 → 62.');
    expect(ru).toContain('== 8. node2 выясняет по ARP адрес pod3 на cni0 ==');
    expect(ru.trimEnd().split('\n').at(-1)).toBe('Эхо-ответов вернулось в pod1: 1 из 1.');
  });
});
