import type { Entropy } from './kernel';

/*
 * Repeatable randomness for the lab: a pod added to the same lab in the same way gets the same
 * veth name and MACs every time (undo, redo, a shared link), though the real kernel and plugin
 * draw them at random. splitmix32 seeded with FNV-1a of a text naming the attachment.
 */

/** FNV-1a, 32 bits, of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Bytes that depend only on `seed`. */
export function seededEntropy(seed: string | number): Entropy {
  let s = typeof seed === 'number' ? seed >>> 0 : fnv1a(seed);
  return {
    bytes(n) {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        s = (s + 0x9e3779b9) >>> 0;
        let z = s;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
        out.push((z ^ (z >>> 16)) & 255);
      }
      return out;
    },
  };
}
