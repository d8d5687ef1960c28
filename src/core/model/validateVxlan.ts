import { problem, type Problem } from '../i18n/problems';
import { LINUX } from './linux';

/*
 * What a namespace's VXLAN devices and their FDB entries must satisfy beyond their shape, checked
 * in the order the kernel lab builds them (devices, then `bridge fdb append`). Kept apart from
 * ./validate.ts, which calls it for every namespace (and caches the result with the namespace).
 */

type Loose = Record<string, unknown>;

function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A user-given string as a problem shows it: cut past 64 characters. */
function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 63)}…` : s;
}

/**
 * Problems of the VXLAN devices of one namespace, paths relative to it: a device's underlay `dev`
 * must exist in the namespace (iproute2: `Cannot find device`) and not be the device itself; an FDB
 * entry's `dev` must exist and be a VXLAN device (Linux would take `bridge fdb append … self` on
 * another device as a secondary unicast address of it, which is not what the entry means here).
 * `kinds` maps each interface Linux would create to its kind.
 */
export function vxlanProblems(ns: Loose, kinds: ReadonlyMap<string, string | null>): Problem[] {
  const out: Problem[] = [];
  const interfaces = Array.isArray(ns.interfaces) ? ns.interfaces : [];
  interfaces.forEach((iface: unknown, k: number) => {
    if (!isObject(iface) || iface.kind !== 'vxlan' || typeof iface.dev !== 'string') return;
    const dev = iface.dev;
    if (dev === iface.name || !kinds.has(dev)) out.push(problem(`interfaces[${k}].dev`, 'no-such-dev', { dev: clip(dev), kernel: LINUX.noDevice(clip(dev)) }));
  });
  const fdb = Array.isArray(ns.fdb) ? ns.fdb : [];
  fdb.forEach((e: unknown, k: number) => {
    if (!isObject(e) || typeof e.dev !== 'string') return;
    const kind = kinds.get(e.dev);
    if (kind === undefined) out.push(problem(`fdb[${k}].dev`, 'no-such-dev', { dev: clip(e.dev), kernel: LINUX.noDevice(clip(e.dev)) }));
    else if (kind !== 'vxlan' && kind !== null) out.push(problem(`fdb[${k}].dev`, 'fdb-not-vxlan', { dev: clip(e.dev) }));
  });
  return out;
}
