import { describe, expect, it } from 'vitest';
import { storyOfPodAdd } from '../model/cniStory';
import { addPod } from '../model/podNetwork';
import { seedCilium } from '../presets/ciliumScenarios';
import { tellCniChapters, tellCniEvent } from './cniStory';

describe('the story of a pod added under Cilium', () => {
  const before = seedCilium();
  const added = addPod(before, 'node1', { name: 'pod5' });
  const story = storyOfPodAdd(before, 'node1', 'pod5', added.cni);

  it('claims no bridge and no host-local where cilium-cni did the work, in both languages', () => {
    const text = (lang: 'en' | 'ru') => [...story.events.map((_, i) => tellCniEvent(story, i, lang)), ...tellCniChapters(story, lang).map((c) => c.title)].join('\n');
    const en = text('en');
    expect(en).toContain('cilium-cni creates the veth pair');
    expect(en).toContain('on no bridge');
    expect(en).not.toMatch(/host-local|isDefaultGateway|bridge creates|on the bridge/);
    const ru = text('ru');
    expect(ru).toContain('Плагин cilium-cni создаёт пару veth');
    expect(ru).toContain('без моста');
    expect(ru).not.toMatch(/host-local|isDefaultGateway|Плагин bridge|на мосту/);
  });
});
