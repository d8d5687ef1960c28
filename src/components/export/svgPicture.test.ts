import { describe, expect, it } from 'vitest';
import { runJourney, seedTopology, stateAt } from '../../core';
import { decodeLabLink } from '../../core/model/labLinkRead';
import { createAppStore } from '../../store/createAppStore';
import { SEED_SPEC } from '../../store/defaultSpec';
import { pictureLink } from './svgPicture';

describe('pictureLink', () => {
  it('always carries the whole lab, then the journey and the event, even for the seed lab or a scenario', () => {
    const store = createAppStore({ engine: { runJourney, stateAt }, topology: seedTopology(), spec: SEED_SPEC, preset: 'cold-ping-pod1-pod3' });
    store.getState().seek(5);
    const link = pictureLink(store.getState()) ?? '';
    const q = new URLSearchParams(link);
    expect(link.startsWith('lab=')).toBe(true);
    expect(q.has('preset')).toBe(false);
    const lab = decodeLabLink(q.get('lab') ?? '');
    expect(lab.ok && JSON.stringify(lab.topology)).toBe(JSON.stringify(seedTopology()));
    expect(q.get('from')).toBe('pod1');
    expect(q.get('to')).toBe('pod3');
    expect(q.get('step')).toBe(String(store.getState().index + 1));
  });
});
