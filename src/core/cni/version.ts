import { goKind, goParse } from './goDecode';
import { goIndent, isObject, type Json } from './goJson';
import { PLUGIN_TEXT as T } from './pluginText';
import { CNI_ERR, CniError, type CniIpConfig, type CniResult, type CniRoute } from './types';

/*
 * Spec versions: which ones our plugins speak, how a configuration's version is read and checked
 * (cni pkg/version: ConfigDecoder.Decode, Reconciler.Check, GreaterThanOrEqualTo), and how a
 * result is printed in the version the configuration asked for (pkg/types/100 convertTo04x,
 * convertTo02x; pkg/types/create).
 */

/**
 * The versions our plugins support: spec 1.1.0 and everything before it, as the current
 * reference plugins answer VERSION (cni ≥ 1.2 `version.All`). Debian's 1.1.1 stops at 1.0.0.
 */
export const SUPPORTED_VERSIONS = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'] as const;

/** The spec version our results are built in (cni pkg/types/100 `ImplementedSpecVersion` of cni ≥ 1.2). */
export const CURRENT_VERSION = '1.1.0';

/** `major.minor.micro`; an empty version is 0.1.0 (pkg/version ParseVersion). @throws CniError 6. */
export function parseVersion(v: string): [number, number, number] {
  if (v === '') return [0, 1, 0];
  const parts = v.split('.');
  if (parts.length >= 4) throw new CniError(CNI_ERR.decoding, T.versionParts(v));
  const names = ['major', 'minor', 'micro'] as const;
  return names.map((name, k) => {
    const part = parts[k];
    if (part === undefined) return 0;
    // strconv.Atoi: an optional sign and decimal digits only.
    if (!/^[+-]?\d+$/.test(part)) throw new CniError(CNI_ERR.decoding, T.versionPart(name, part));
    return Number(part);
  }) as [number, number, number];
}

/** `a >= b` as semantic versions (pkg/version GreaterThanOrEqualTo). @throws CniError 6. */
export function versionAtLeast(a: string, b: string): boolean {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let k = 0; k < 3; k++) if ((x[k] as number) !== (y[k] as number)) return (x[k] as number) > (y[k] as number);
  return true;
}

/**
 * The configuration's `cniVersion`, "0.1.0" when it has none (pkg/types/create DecodeVersion).
 * @throws CniError 6 when stdin is not JSON or the field is not a string.
 */
export function decodeVersion(stdin: string): string {
  const parsed = goParse(stdin);
  if (!parsed.ok) throw new CniError(CNI_ERR.decoding, T.decodeVersion(parsed.error));
  const v = isObject(parsed.value) ? parsed.value.cniVersion : undefined;
  if (v !== undefined && v !== null && typeof v !== 'string') {
    throw new CniError(CNI_ERR.decoding, T.decodeVersion(T.goType(goKind(v), '.cniVersion', 'string')));
  }
  return typeof v === 'string' && v !== '' ? v : '0.1.0';
}

/** Refuses a configuration version the plugin does not list (pkg/version Reconciler.Check). */
export function reconcile(configVersion: string): void {
  if (!(SUPPORTED_VERSIONS as readonly string[]).includes(configVersion)) {
    throw new CniError(CNI_ERR.incompatibleVersion, T.incompatible, T.incompatibleDetails(configVersion, SUPPORTED_VERSIONS));
  }
}

/** What VERSION prints: compact JSON and a newline (pkg/version PluginInfo.Encode). */
export function versionText(): string {
  return `${JSON.stringify({ cniVersion: CURRENT_VERSION, supportedVersions: SUPPORTED_VERSIONS })}\n`;
}

/** Route fields of a 0.x result: only dst and gw (pkg/types Route before spec 1.1). */
function plainRoute(r: CniRoute): CniRoute {
  return r.gw === undefined ? { dst: r.dst } : { dst: r.dst, gw: r.gw };
}

/**
 * `result` as the JSON object of spec version `version` (types.PrintResult → convert): 1.x keeps
 * the current shape; 0.3.x/0.4.0 add `"version": "4"` to each IP and keep interfaces; 0.1.0/0.2.0
 * keep only the first IPv4 address as `ip4` with the routes inside it.
 * @throws CniError 999 when a 0.2.0 result would have no address (convertTo02x).
 */
export function resultInVersion(result: CniResult, version: string): Record<string, Json> {
  const dns = result.dns as Json;
  if (versionAtLeast(version, '1.0.0')) {
    // Route fields beyond dst and gw arrived with spec 1.1.0 (pkg/types Route).
    const routes = versionAtLeast(version, '1.1.0') ? result.routes : result.routes?.map(plainRoute);
    const out: Record<string, unknown> = { cniVersion: version, interfaces: result.interfaces, ips: result.ips, routes, dns };
    for (const k of ['interfaces', 'ips', 'routes']) if ((out[k] as unknown[] | undefined)?.length === 0) delete out[k];
    return JSON.parse(JSON.stringify(out)) as Record<string, Json>;
  }
  if (versionAtLeast(version, '0.3.0')) {
    const ips = (result.ips ?? []).map((ip: CniIpConfig) => ({ version: '4', interface: ip.interface, address: ip.address, gateway: ip.gateway }));
    const out: Record<string, unknown> = {
      cniVersion: version,
      interfaces: result.interfaces?.map((i) => ({ name: i.name, mac: i.mac, sandbox: i.sandbox })),
      ips,
      routes: (result.routes ?? []).map(plainRoute),
      dns,
    };
    for (const k of ['interfaces', 'ips', 'routes']) if ((out[k] as unknown[] | undefined)?.length === 0) delete out[k];
    return JSON.parse(JSON.stringify(out)) as Record<string, Json>;
  }
  const first = result.ips?.[0];
  if (!first) throw new CniError(CNI_ERR.internal, T.noIpToConvert);
  const routes = (result.routes ?? []).map(plainRoute);
  const ip4 = { ip: first.address, gateway: first.gateway, routes: routes.length > 0 ? routes : undefined };
  return JSON.parse(JSON.stringify({ cniVersion: version, ip4, dns })) as Record<string, Json>;
}

/** What a plugin prints for `result` in `version` (types.PrintResult: MarshalIndent, four spaces). */
export function printResult(result: CniResult, version: string): string {
  return goIndent(resultInVersion(result, version));
}

/**
 * A result read back from JSON in any spec version (a delegate's stdout, a `prevResult`), in the
 * current shape (create.Create → convertFrom02x/convertFrom04x). Unknown fields are dropped.
 */
export function readResult(value: Json): CniResult {
  const o = isObject(value) ? value : {};
  const str = (v: Json | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const route = (r: Json): CniRoute => {
    const x = isObject(r) ? r : {};
    const out: CniRoute = { dst: str(x.dst) ?? '' };
    const gw = str(x.gw);
    if (gw !== undefined) out.gw = gw;
    for (const k of ['mtu', 'advmss', 'priority', 'table', 'scope'] as const) if (typeof x[k] === 'number') out[k] = x[k];
    return out;
  };
  const dns = isObject(o.dns) ? (JSON.parse(JSON.stringify(o.dns)) as CniResult['dns']) : {};
  if (isObject(o.ip4)) {
    const ip4 = o.ip4;
    const ip: CniIpConfig = { address: str(ip4.ip) ?? '' };
    const gw = str(ip4.gateway);
    if (gw !== undefined) ip.gateway = gw;
    return { cniVersion: CURRENT_VERSION, ips: [ip], routes: Array.isArray(ip4.routes) ? ip4.routes.map(route) : [], dns };
  }
  const interfaces = Array.isArray(o.interfaces)
    ? o.interfaces.map((i) => {
        const x = isObject(i) ? i : {};
        const out: { name: string; mac?: string; mtu?: number; sandbox?: string } = { name: str(x.name) ?? '' };
        const mac = str(x.mac);
        if (mac !== undefined) out.mac = mac;
        if (typeof x.mtu === 'number') out.mtu = x.mtu;
        const sandbox = str(x.sandbox);
        if (sandbox !== undefined) out.sandbox = sandbox;
        return out;
      })
    : undefined;
  const ips = Array.isArray(o.ips)
    ? o.ips.map((i) => {
        const x = isObject(i) ? i : {};
        const out: CniIpConfig = { address: str(x.address) ?? '' };
        if (typeof x.interface === 'number') out.interface = x.interface;
        const gw = str(x.gateway);
        if (gw !== undefined) out.gateway = gw;
        // Key order as Go's struct: interface, address, gateway.
        return out.interface === undefined ? out : { interface: out.interface, address: out.address, ...(gw !== undefined ? { gateway: gw } : {}) };
      })
    : undefined;
  const out: CniResult = { cniVersion: CURRENT_VERSION, dns };
  if (interfaces) out.interfaces = interfaces;
  if (ips) out.ips = ips;
  if (Array.isArray(o.routes)) out.routes = o.routes.map(route);
  return { cniVersion: out.cniVersion, ...(out.interfaces ? { interfaces: out.interfaces } : {}), ...(out.ips ? { ips: out.ips } : {}), ...(out.routes ? { routes: out.routes } : {}), dns: out.dns };
}
