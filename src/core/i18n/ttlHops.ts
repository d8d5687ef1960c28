/** Hops shown in full before a TTL path is shortened (a routing loop makes 60 of them). */
const FULL = 8;

/**
 * The hops of a TTL path as ` → 63 (node1) → 62 (router)…`: every hop when there are few, else
 * the first four, how many were left out (`skipped(n)`, in the catalogue's language), and the last two.
 */
export function ttlHops(hops: readonly { ns: string; ttl: number }[], skipped: (n: number) => string): string {
  const hop = (h: { ns: string; ttl: number }): string => ` → ${h.ttl} (${h.ns})`;
  if (hops.length <= FULL) return hops.map(hop).join('');
  return `${hops.slice(0, 4).map(hop).join('')} → … (${skipped(hops.length - 6)})${hops.slice(-2).map(hop).join('')}`;
}
