import type { Topology } from './topology';

/** Do two labs differ only in where machines are drawn? Then a journey run on one holds for the other. */
export function samePositionsAside(a: Topology, b: Topology): boolean {
  if (a === b) return true;
  if (a.machines.length !== b.machines.length || a.segments !== b.segments || a.name !== b.name) return false;
  return a.machines.every((m, k) => {
    const o = b.machines[k];
    if (!o) return false;
    if (m === o) return true;
    const keys = new Set([...Object.keys(m), ...Object.keys(o)]);
    keys.delete('position');
    return [...keys].every((key) => (m as unknown as Record<string, unknown>)[key] === (o as unknown as Record<string, unknown>)[key]);
  });
}
