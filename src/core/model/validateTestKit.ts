import { formatProblem } from '../i18n/problems';
import { seedTopology } from '../presets/seed';
import type { IfaceSpec, MachineSpec, RouteSpec, Topology } from './topology';
import { validateTopology as validateProblems, validateTopologyWarnings } from './validate';

/*
 * Helpers shared by validate.test.ts and validateWarnings.test.ts: the seed lab with one part
 * changed, a one-host lab, and the problems as English lines.
 */

export function seed(): Topology {
  return seedTopology();
}

/** The problems as English lines (`path: sentence`), the form these checks were written in. */
export function validateTopology(input: unknown): string[] {
  return validateProblems(input).map((p) => formatProblem(p, 'en'));
}

export function warnings(input: unknown): string[] {
  return validateTopologyWarnings(input).map((p) => formatProblem(p, 'en'));
}

/** A copy of JSON data, as a file would give it. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** One host `a` on segment `lan`, with these interfaces and routes. */
export function host(interfaces: unknown[], extra: Record<string, unknown> = {}): unknown {
  return { version: 1, name: 'x', segments: [{ id: 'lan' }], machines: [{ name: 'a', role: 'host', interfaces, ...extra }] };
}

export const mac = (n: number): string => `02:00:00:00:00:${n.toString(16).padStart(2, '0')}`;

/** node1 of the seed lab with its root namespace changed; the rest as it was. */
export function withNode1(change: (node1: MachineSpec) => MachineSpec): Topology {
  const t = seed();
  const [node1, ...rest] = t.machines;
  if (!node1) throw new Error('seed changed');
  return { ...t, machines: [change(node1), ...rest] };
}

export function withRoutes(routes: RouteSpec[]): Topology {
  return withNode1((n) => ({ ...n, routes }));
}

export function withIfaces(change: (ifaces: IfaceSpec[]) => IfaceSpec[]): Topology {
  return withNode1((n) => ({ ...n, interfaces: change(n.interfaces) }));
}
