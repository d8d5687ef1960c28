import type { Topology } from './topology';

/*
 * Which namespaces an edit renamed, for the store (the selection, the pinned tables and the
 * journey's endpoints follow a rename). Kept apart from nsEdits.ts so the player's first page
 * carries only this, not the inspector's edits.
 */

/** Every namespace name of the lab, with the path of its first use. */
export function nsPaths(t: Topology): Map<string, string> {
  const out = new Map<string, string>();
  t.machines.forEach((m, i) => {
    if (!out.has(m.name)) out.set(m.name, `machines[${i}]`);
    (m.pods ?? []).forEach((p, j) => {
      if (!out.has(p.name)) out.set(p.name, `machines[${i}].pods[${j}]`);
    });
  });
  return out;
}

/**
 * Namespaces an edit renamed, old name to new: a machine or pod found at the same place (machine
 * index, pod index) in both labs under another name, neither name present in the other lab. The
 * store uses it so the selection, the pinned tables and the journey's endpoints follow a rename
 * (and its undo); any other change gives an empty map.
 */
export function renamedNamespaces(before: Topology, after: Topology): Map<string, string> {
  const out = new Map<string, string>();
  if (before === after || before.machines.length !== after.machines.length) return out;
  const pairs: [string, string][] = [];
  before.machines.forEach((m, i) => {
    const n = after.machines[i];
    if (!n || m === n) return;
    if (m.name !== n.name) pairs.push([m.name, n.name]);
    const a = m.pods ?? [];
    const b = n.pods ?? [];
    if (a.length !== b.length) return;
    a.forEach((p, j) => {
      const q = b[j];
      if (q && p.name !== q.name) pairs.push([p.name, q.name]);
    });
  });
  if (pairs.length === 0) return out;
  const oldNames = nsPaths(before);
  const newNames = nsPaths(after);
  for (const [a, b] of pairs) if (!newNames.has(a) && !oldNames.has(b)) out.set(a, b);
  return out;
}
