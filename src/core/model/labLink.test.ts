import { describe, expect, it } from 'vitest';
import { formatProblem } from '../i18n/problems';
import { generateCluster } from '../presets/generate';
import { seedTopology } from '../presets/seed';
import { encodeLabLink, MAX_LAB_LINK_CHARS } from './labLink';
import { decodeLabLink } from './labLinkRead';
import { addPod } from './podNetwork';

describe('a lab in a link', () => {
  it('comes back identical, in URL-safe characters, small enough to share', () => {
    for (const lab of [seedTopology(), addPod(seedTopology(), 'node2').topology, generateCluster({ nodes: 10, podsPerNode: 4 })]) {
      const code = encodeLabLink(lab);
      expect(code).toMatch(/^[A-Za-z0-9+\-$]+$/);
      expect(encodeURIComponent(code)).toBe(code.replace(/\+/g, '%2B').replace(/\$/g, '%24'));
      const back = decodeLabLink(code);
      expect(back.ok && back.topology).toEqual(lab);
    }
    expect(encodeLabLink(seedTopology()).length).toBeLessThan(2000);
  });

  it('a link cut short, mistyped or too long is refused with a sentence in both languages', () => {
    const code = encodeLabLink(seedTopology());
    for (const bad of [code.slice(0, code.length / 2), 'not-a-lab', '', 'x'.repeat(MAX_LAB_LINK_CHARS + 1)]) {
      const r = decodeLabLink(bad);
      expect(r.ok, bad.slice(0, 20)).toBe(false);
      if (r.ok) continue;
      expect(formatProblem(r.problems[0]!, 'en')).toMatch(/^lab: |^the file is not valid JSON|version/);
      expect(formatProblem(r.problems[0]!, 'ru')).toMatch(/[а-я]/);
    }
  });
});
