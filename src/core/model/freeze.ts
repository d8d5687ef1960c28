/**
 * Deep-freezes a namespace spec (a pod, or a machine with its own fields and pod list).
 *
 * Validation and compilation cache their work by the spec object's identity, which is only sound
 * if specs never change in place. Freezing turns a stray in-place edit into an immediate TypeError
 * instead of a silently stale simulation. Edits must replace objects (as the store does).
 */
export function freezeSpec<T extends object>(spec: T): T {
  deepFreeze(spec, 0);
  return spec;
}

function deepFreeze(v: unknown, depth: number): void {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  Object.freeze(v);
  // Pods are namespaces of their own: frozen when they are validated or compiled themselves.
  for (const [k, child] of Object.entries(v)) {
    if (depth === 0 && k === 'pods') {
      if (Array.isArray(child)) Object.freeze(child);
      continue;
    }
    deepFreeze(child, depth + 1);
  }
}
