/**
 * Deep-freezes a namespace spec (a pod, or a machine with its own fields and pod list).
 *
 * Validation and compilation cache their work by the spec object's identity, which is only sound
 * if specs never change in place. Freezing turns a stray in-place edit into an immediate TypeError
 * instead of a silently stale simulation. Edits must replace objects (as the store does).
 *
 * The walk is iterative (an explicit stack), so data nested any number of levels deep cannot
 * overflow the call stack, and it stops at what is already frozen, so cycles end. Only plain
 * objects and arrays are frozen: anything else (a typed array, a class instance) is not JSON and
 * is left alone for validation to refuse.
 */
export function freezeSpec<T extends object>(spec: T): T {
  if (!freezable(spec) || Object.isFrozen(spec)) return spec;
  Object.freeze(spec);
  const stack: unknown[] = [];
  // Pods are namespaces of their own: frozen when they are validated or compiled themselves.
  for (const key of Object.keys(spec)) {
    const child: unknown = (spec as Record<string, unknown>)[key];
    if (key === 'pods') {
      if (Array.isArray(child) && !Object.isFrozen(child)) Object.freeze(child);
    } else {
      stack.push(child);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop();
    if (!freezable(v) || Object.isFrozen(v)) continue;
    Object.freeze(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else {
      for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return spec;
}

/** A plain object or an array: what JSON.parse makes. */
function freezable(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
