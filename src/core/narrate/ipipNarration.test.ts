import { describe, expect, it } from 'vitest';
import { runJourney } from '../index';
import { CALICO_SCENARIOS, seedCalicoIpip } from '../presets/calicoPresets';
import { GLOSSARY_RU } from '../i18n/ru/glossary';
import { tellChapters, tellEvent, tellOutcome } from './index';

describe('narration under Calico IP-in-IP', () => {
  const r = runJourney(seedCalicoIpip(), { from: 'pod1', to: 'pod3' });
  const at = (type: string, action: string, ns: string): number => r.events.findIndex((e) => e.type === type && 'action' in e && e.action === action && e.ns === ns);

  it('tells the encapsulation: tunl0, protocol 4, 20 bytes, the gateway as outer destination, TTL inherited', () => {
    const i = at('ipip', 'encap', 'node1');
    const en = tellEvent(r, i, 'en', 'detailed');
    expect(en).toContain('tunl0 puts the 84-byte packet inside a new IPv4 header: 172.16.100.1 → 172.16.100.2, protocol 4, TTL 63, 104 bytes in all.');
    expect(en).toMatch(/20 bytes, against VXLAN's 50/);
    expect(en).toMatch(/ttl inherit/);
    expect(en).toMatch(/MTU is 1480, so the largest inner packet makes an outer one of 1500 bytes/);
    expect(en).toMatch(/ip_tunnel_xmit/);
    const ru = tellEvent(r, i, 'ru', 'detailed');
    expect(ru).toContain('Туннель tunl0 вкладывает пакет длиной 84 байта в новый заголовок IPv4: 172.16.100.1 → 172.16.100.2, протокол 4, TTL 63, всего 104 байта.');
    expect(ru).toMatch(/20 байт против 50 у VXLAN/);
    expect(ru).toMatch(/внешний в 1500 байт/);
  });

  it('tells the decapsulation and the packet arriving on tunl0 as on a cable, in both languages', () => {
    const d = at('ipip', 'decap', 'node2');
    expect(tellEvent(r, d, 'en', 'short')).toBe('node2 receives IP-in-IP from 172.16.100.1: tunl0 takes off the outer header and keeps the 84-byte packet inside.');
    expect(tellEvent(r, d, 'ru', 'short')).toBe('node2 принимает пакет IP-in-IP от 172.16.100.1: туннель tunl0 снимает внешний заголовок и оставляет вложенный пакет длиной 84 байта.');
    const inTunnel = r.events.findIndex((e) => e.type === 'frame' && e.ns === 'node2' && e.iface === 'tunl0' && e.dir === 'in');
    expect(tellEvent(r, inTunnel, 'en', 'short')).toMatch(/arrives on tunl0 in node2, as if the tunnel were a cable/);
    expect(tellEvent(r, inTunnel, 'ru', 'short')).toMatch(/приходит на туннель tunl0 в node2/);
    const out = r.events.findIndex((e) => e.type === 'frame' && e.ns === 'node1' && e.iface === 'tunl0' && e.dir === 'out');
    expect(tellEvent(r, out, 'en', 'detailed')).toMatch(/via 172\.16\.100\.2 dev tunl0 onlink.*no ARP, no MACs/);
    expect(tellEvent(r, out, 'ru', 'detailed')).toMatch(/via 172\.16\.100\.2 dev tunl0 onlink.*ни ARP, ни MAC-адресов/);
  });

  it('gives the tunnel its own chapters, and never claims an ARP through tunl0 or a VXLAN device', () => {
    const en = tellChapters(r, 'en');
    expect(en.map((c) => c.title)).toContain('node1\'s tunl0 wraps the packet in IP-in-IP: an outer IPv4 header, protocol 4, to 172.16.100.2');
    expect(en.map((c) => c.title)).toContain('node2 receives the IP-in-IP packet on eth0, and tunl0 takes the packet out of it');
    const ru = tellChapters(r, 'ru');
    expect(ru.map((c) => c.title)).toContain('Туннель tunl0 на машине node1 упаковывает пакет в IP-in-IP — во внешний заголовок IPv4 с протоколом 4, адресованный хосту 172.16.100.2');
    const all = [...r.events.map((_, i) => tellEvent(r, i, 'en', 'detailed')), ...en.flatMap((c) => [c.title, c.correction ?? ''])].join('\n');
    expect(all).not.toMatch(/VXLAN device|through tunl0, and the request/);
    // Only the two nodes' forwarding lowers it; the outer header's TTL is no hop of the packet's.
    expect(tellOutcome(r, 'en')).toContain('TTL: 64 → 63 (node1) → 62 (node2)');
  });

  it('reads by the Russian glossary in every IP-in-IP scenario, every event and chapter at both levels', () => {
    for (const s of CALICO_SCENARIOS.filter((x) => x.unrecorded === 'ipip')) {
      const j = runJourney(s.topology(), s.journey);
      const ru = [...j.events.flatMap((_, i) => [tellEvent(j, i, 'ru', 'short'), tellEvent(j, i, 'ru', 'detailed')]), ...tellChapters(j, 'ru').flatMap((c) => [c.title, c.correction ?? '']), tellOutcome(j, 'ru')].join('\n');
      for (const g of GLOSSARY_RU) expect(ru, `${s.id}: ${g.why}`).not.toMatch(g.avoid);
      expect(ru, s.id).toMatch(/туннель tunl0/);
      expect(j.events.some((e) => e.type === 'deliver' && e.ns === s.journey.to), s.id).toBe(true);
    }
  });
});
