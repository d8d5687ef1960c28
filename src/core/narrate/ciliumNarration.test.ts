import { describe, expect, it } from 'vitest';
import { runJourney } from '../index';
import { CILIUM_SCENARIOS, seedCilium } from '../presets/ciliumScenarios';
import { tellChapters, tellEvent, tellOutcome } from './index';

describe('narration under Cilium', () => {
  it('counts the TTL eBPF decremented in the outcome', () => {
    const r = runJourney(seedCilium(), { from: 'pod1', to: 'pod3' });
    expect(tellOutcome(r, 'en')).toContain('TTL: 64 → 63 (node2)');
    expect(tellOutcome(r, 'ru')).toContain('TTL: 64 → 63 (node2)');
  });

  it('never tells a bridge, cni0 or the node\'s own ARP answer where eBPF did the work', () => {
    for (const s of CILIUM_SCENARIOS) {
      const r = runJourney(s.topology(), s.journey);
      const en = [...r.events.map((_, i) => tellEvent(r, i, 'en', 'detailed')), ...tellChapters(r, 'en').flatMap((c) => [c.title, c.correction ?? ''])].join('\n');
      expect(en, s.id).not.toMatch(/cni0|the bridge (floods|forwards|learns|passes)/);
      // A node answers ARP for its own NIC's address (the outer packet's next hop), never at an lxc device.
      expect(en.split('\n').filter((t) => /arrives on lxc/.test(t) && /answers/.test(t)), s.id).toEqual([]);
      const ru = [...r.events.map((_, i) => tellEvent(r, i, 'ru', 'detailed')), ...tellChapters(r, 'ru').flatMap((c) => [c.title, c.correction ?? ''])].join('\n');
      expect(ru, s.id).not.toMatch(/cni0|мост (рассылает|коммутирует|запоминает)/);
      expect(ru.split('\n').filter((t) => /приходит на lxc/.test(t) && /отвечает/.test(t)), s.id).toEqual([]);
      // What did the work is said.
      expect(en, s.id).toMatch(/eBPF/);
    }
  });
});
