import { shown } from '../i18n/problems';
import { effectiveConf, LINUX_DEFAULT, type EffectiveConf } from '../sim/compile';
import { LINUX } from './linux';
import { findIface, findNs, putNs, refuse } from './nsEdits';
import type { IfaceSysctls, NamespaceSpec, NamespaceSysctls, Topology } from './topology';

/*
 * The inspector's sysctls: a namespace's own (`net.ipv4.ip_forward`, `ip_default_ttl`), its
 * `conf/all/*` and each interface's `conf/<if>/*`, written as `sysctl -w` would, and read back with
 * the value each one takes and, for an interface, the value Linux acts on once `all` is combined
 * with it (sim/compile.ts effectiveConf, the engine's own rule). Pure; see nsEdits.ts.
 */

/** A namespace-wide sysctl the inspector sets. */
export type NsSysctlKey = 'ip_forward' | 'ip_default_ttl';

/** A per-interface (or `all`) sysctl. */
export type IfaceSysctlKey = keyof IfaceSysctls;

/** What the user may set a sysctl to: a boolean, a number (or its text), or undefined for Linux's default. */
export type SysctlValue = boolean | number | string | undefined;

/** Whole-number sysctls with their range; `kernel`: what `sysctl -w` answers outside it, when Linux refuses too. */
const RANGES: Partial<Record<NsSysctlKey | IfaceSysctlKey, { min: number; max: number; kernel?: string }>> = {
  ip_default_ttl: { min: 1, max: 255, kernel: LINUX.ttlRange },
  // Linux takes any integer (all but 0 and 1 act as loose); the simulator models 0, 1 and 2.
  rp_filter: { min: 0, max: 2 },
  proxy_delay: { min: 0, max: 60000 },
};

/** `value` as `key` stores it. @throws TopologyEditError `not-boolean` or `int-range` at `at`. */
function checked(key: NsSysctlKey | IfaceSysctlKey, value: SysctlValue, at: string): boolean | number | undefined {
  if (value === undefined) return undefined;
  const range = RANGES[key];
  if (!range) {
    if (typeof value !== 'boolean') refuse(at, 'not-boolean', { got: shown(value) });
    return value;
  }
  const text = String(value).trim();
  const n = typeof value === 'number' ? value : /^-?\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < range.min || n > range.max) refuse(at, 'int-range', { min: range.min, max: range.max, got: shown(value), kernel: range.kernel });
  return n;
}

/** `obj` with `key` set to `value`, or without it for undefined. */
function withKey<T extends object>(obj: T | undefined, key: string, value: unknown): T {
  const out: Record<string, unknown> = { ...obj };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out as T;
}

/** `spec` with its `sysctls` replaced, the field left out when nothing is set. */
function withSysctls<N extends { sysctls?: unknown }>(spec: N, sysctls: object): N {
  const { sysctls: _old, ...rest } = spec;
  return (Object.keys(sysctls).length > 0 ? { ...rest, sysctls } : rest) as N;
}

/**
 * The lab with namespace `ns`'s `key` set to `value` (undefined: back to Linux's default, off and
 * 64). Writing `ip_forward` turns forwarding on for every interface and `accept_redirects` off in
 * `all`, as the kernel does (ip-sysctl.rst; the engine applies it: an interface's own `forwarding`
 * still wins).
 *
 * @throws TopologyEditError at `<ns>.sysctls.<key>`: `not-boolean` for `ip_forward`, `int-range`
 *   for a TTL outside 1-255 ("sysctl: setting key "net.ipv4.ip_default_ttl": Invalid argument");
 *   `peer-ns-missing`.
 */
export function setNsSysctl(t: Topology, ns: string, key: NsSysctlKey, value: SysctlValue): Topology {
  const place = findNs(t, ns);
  const v = checked(key, value, `${place.path}.sysctls.${key}`);
  if (place.ns.sysctls?.[key] === v) return t;
  return putNs(t, place, withSysctls(place.ns as NamespaceSpec, withKey<NamespaceSysctls>(place.ns.sysctls, key, v)));
}

/**
 * The lab with `conf/<iface>/<key>` of namespace `ns` set to `value` (`iface` null: `conf/all`);
 * undefined takes the key away (Linux's default, or `ip_forward`'s for `forwarding`).
 *
 * @throws TopologyEditError at `…sysctls.<key>`: `not-boolean`, or `int-range` for rp_filter outside
 *   0-2 (0 off, 1 strict, 2 loose) or proxy_delay outside 0-60000 ms; `peer-ns-missing`,
 *   `peer-iface-missing`.
 */
export function setIfaceSysctl(t: Topology, ns: string, iface: string | null, key: IfaceSysctlKey, value: SysctlValue): Topology {
  if (iface === null) {
    const place = findNs(t, ns);
    const v = checked(key, value, `${place.path}.sysctls.all.${key}`);
    const all = place.ns.sysctls?.all;
    if (all?.[key] === v) return t;
    const nextAll = withKey<IfaceSysctls>(all, key, v);
    const { all: _all, ...rest } = place.ns.sysctls ?? {};
    return putNs(t, place, withSysctls(place.ns as NamespaceSpec, Object.keys(nextAll).length > 0 ? { ...rest, all: nextAll } : rest));
  }
  const place = findIface(t, ns, iface);
  const v = checked(key, value, `${place.ifacePath}.sysctls.${key}`);
  if (place.iface.sysctls?.[key] === v) return t;
  const changed = withSysctls(place.iface, withKey<IfaceSysctls>(place.iface.sysctls, key, v));
  return putNs(t, place, { ...place.ns, interfaces: place.ns.interfaces.map((i) => (i === place.iface ? changed : i)) });
}

/** One per-interface sysctl as the inspector shows it. */
export interface SysctlReading<V> {
  /** The value this entry has: its own, or the default it takes. */
  value: V;
  /** Whether the lab sets it (otherwise `value` is the default). */
  explicit: boolean;
}

/** The per-interface sysctls the inspector shows. */
export const IFACE_SYSCTL_KEYS = ['forwarding', 'proxy_arp', 'rp_filter', 'send_redirects', 'accept_redirects'] as const;

/** One of {@link IFACE_SYSCTL_KEYS}. */
export type ShownSysctl = (typeof IFACE_SYSCTL_KEYS)[number];

/** What Linux acts on for each shown key, from the engine's combination of `all` and the interface. */
function effectiveOf(e: EffectiveConf): Record<ShownSysctl, boolean | number> {
  return { forwarding: e.forwarding, proxy_arp: e.proxyArp, rp_filter: e.rpFilter, send_redirects: e.sendRedirects, accept_redirects: e.acceptRedirects };
}

/** A namespace's sysctls as the inspector shows them: each value with whether it is set, and per interface what Linux acts on. */
export interface SysctlsView {
  ip_forward: SysctlReading<boolean>;
  ip_default_ttl: SysctlReading<number>;
  all: Record<ShownSysctl, SysctlReading<boolean | number>>;
  /** By interface name: its own entries, and the effective value of each. */
  ifaces: Map<string, { own: Record<ShownSysctl, SysctlReading<boolean | number>>; effective: Record<ShownSysctl, boolean | number> }>;
}

/**
 * The sysctls of namespace `spec` as they read after the lab is built: an entry not set takes
 * Linux's default, where writing `ip_forward=1` has turned `forwarding` on (in `all` and every
 * interface) and `accept_redirects` off in `all`.
 */
export function sysctlsOf(spec: NamespaceSpec): SysctlsView {
  const s = spec.sysctls;
  const fwd = s?.ip_forward ?? false;
  const reading = (own: IfaceSysctls | undefined, defaults: Required<IfaceSysctls>) =>
    Object.fromEntries(IFACE_SYSCTL_KEYS.map((k) => [k, { value: own?.[k] ?? defaults[k], explicit: own?.[k] !== undefined }])) as Record<ShownSysctl, SysctlReading<boolean | number>>;
  const allDefaults = { ...LINUX_DEFAULT, ...(fwd ? { forwarding: true, accept_redirects: false } : {}) };
  const ifDefaults = { ...LINUX_DEFAULT, ...(fwd ? { forwarding: true } : {}) };
  return {
    ip_forward: { value: fwd, explicit: s?.ip_forward !== undefined },
    ip_default_ttl: { value: s?.ip_default_ttl ?? 64, explicit: s?.ip_default_ttl !== undefined },
    all: reading(s?.all, allDefaults),
    ifaces: new Map(spec.interfaces.map((i) => [i.name, { own: reading(i.sysctls, ifDefaults), effective: effectiveOf(effectiveConf(s, i.sysctls)) }])),
  };
}
