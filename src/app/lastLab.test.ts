/** @vitest-environment jsdom */
import { afterEach, describe, expect, it } from 'vitest';
import { hasAutosave, noteAutosave, opensLastLab } from './lastLab';

afterEach(() => localStorage.clear());

describe('which lab the page opens with', () => {
  it('a link that names a lab or a journey opens what it says; the bare address (or view settings only) the last lab', () => {
    expect(opensLastLab('')).toBe(true);
    expect(opensLastLab('?lang=ru&theme=dark&panels=0')).toBe(true);
    for (const q of ['?lab=abc', '?preset=ttl-1', '?nodes=3', '?from=pod1&to=pod3', '?step=4', '?ttl=3&lang=en']) expect(opensLastLab(q), q).toBe(false);
  });

  it('loads the autosave only once one was written in this browser', () => {
    expect(hasAutosave()).toBe(false);
    noteAutosave();
    expect(hasAutosave()).toBe(true);
  });
});
