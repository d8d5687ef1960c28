import { describe, expect, it } from 'vitest';
import { parseUrlParams } from './urlParams';

/* `?preset=` names a CNI scenario too: it plays over the lab the link opens, with no notice. */
describe('?preset= with a CNI scenario', () => {
  it('asks for the story and keeps the seed lab and journey', () => {
    const p = parseUrlParams('?preset=cni-check-fails&lang=ru');
    expect(p.cniStory).toBe('cni-check-fails');
    expect(p.preset).toBeUndefined();
    expect(p.topology).toBeUndefined();
    expect(p.linkErrors).toEqual([]);
  });

  it('a CNI-like id that is no scenario is named as any unknown preset', () => {
    const p = parseUrlParams('?preset=cni-nope');
    expect(p.cniStory).toBeUndefined();
    expect(p.linkErrors.map((e) => e.en)).toEqual(['?preset=cni-nope: there is no scenario “cni-nope”, so the seed lab is shown; the “Scenario” list has them all.']);
  });
});
