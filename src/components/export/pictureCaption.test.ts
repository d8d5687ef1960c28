import { describe, expect, it } from 'vitest';
import { wrapLines } from './pictureCaption';

/** One unit per character: widths are easy to reason about. */
const chars = (s: string) => s.length;

describe('wrapLines', () => {
  it('cuts at word boundaries so no line is wider than asked, keeping every word in order', () => {
    const text = 'node1 decides to forward the packet by its default route: the next hop is 172.16.100.254 (eth0).';
    const lines = wrapLines(text, 30, chars);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
    expect(lines.join(' ')).toBe(text);
  });

  it('puts a word longer than the line on a line of its own, and gives nothing for no text', () => {
    expect(wrapLines('a veryveryverylongword b', 8, chars)).toEqual(['a', 'veryveryverylongword', 'b']);
    expect(wrapLines('  ', 8, chars)).toEqual([]);
  });
});
