import { formatIp, networkOf, parseIp } from '../net/ipv4';
import { goParse } from './goDecode';
import { goCompact, isObject, sortedKeys, type Json } from './goJson';
import { delegate, type CmdArgs, type Plugin, type PluginHost } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { CNI_ERR, CniError } from './types';
import { printResult } from './version';

/*
 * The flannel CNI plugin (flannel-io/cni-plugin flannel.go, flannel_linux.go): a meta-plugin.
 * It reads what flanneld wrote in /run/flannel/subnet.env (this node's pod subnet, the cluster
 * network, the MTU, whether flanneld masquerades), builds a configuration for the plugin that
 * does the work (bridge by default, with host-local IPAM over the node's subnet), saves it in
 * /var/lib/cni/flannel/<containerID> for DEL, and delegates to it. Its own CHECK does nothing
 * (TODO upstream). Built with cni v1.3, a delegate's error comes back with the delegate's code.
 */

/** The flannel plugin's defaults (flannel.go). */
export const FLANNEL_SUBNET_FILE = '/run/flannel/subnet.env';
export const FLANNEL_DATA_DIR = '/var/lib/cni/flannel';

/** What subnet.env says (loadFlannelSubnetEnv), IPv4 only. */
export interface SubnetEnv {
  /** FLANNEL_NETWORK: the cluster's pod network(s), `10.244.0.0/16`. */
  networks: string[];
  /** FLANNEL_SUBNET as a network: `10.244.1.1/24` becomes `10.244.1.0/24`. */
  subnet: string | null;
  mtu: number | null;
  ipmasq: boolean | null;
}

/** net.ParseCIDR's network form of `a.b.c.d/n`, or null. */
function network(text: string): string | null {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(text.trim());
  const ip = m ? parseIp(m[1] as string) : null;
  const prefix = m ? Number(m[2]) : NaN;
  return ip === null || !(prefix <= 32) ? null : `${formatIp(networkOf(ip, prefix))}/${prefix}`;
}

/**
 * Reads subnet.env as loadFlannelSubnetEnv does: KEY=VALUE lines, unknown keys ignored.
 * @throws Error "open …: no such file or directory", a bad value, or "… is missing …".
 */
export function readSubnetEnv(h: PluginHost, path: string): SubnetEnv {
  const text = h.kernel.readFile(path);
  if (text === undefined) throw new Error(T.noSuchFile(path));
  const env: SubnetEnv = { networks: [], subnet: null, mtu: null, ipmasq: null };
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const value = eq < 0 ? '' : line.slice(eq + 1);
    if (key === 'FLANNEL_NETWORK') {
      env.networks = [];
      for (const c of value.split(',')) {
        const nw = network(c);
        if (nw === null) throw new Error(T.netCidr(c));
        if (!env.networks.includes(nw)) env.networks.push(nw);
      }
    } else if (key === 'FLANNEL_SUBNET') {
      env.subnet = network(value);
      if (env.subnet === null) throw new Error(T.netCidr(value));
    } else if (key === 'FLANNEL_MTU') {
      if (!/^\d+$/.test(value)) throw new Error(T.parseUint(value));
      env.mtu = Number(value);
    } else if (key === 'FLANNEL_IPMASQ') env.ipmasq = value === 'true';
  }
  const missing: string[] = [];
  if (env.networks.length === 0) missing.push('FLANNEL_NETWORK', 'FLANNEL_IPV6_NETWORK');
  if (env.subnet === null) missing.push('FLANNEL_SUBNET', 'FLANNEL_IPV6_SUBNET');
  if (env.mtu === null) missing.push('FLANNEL_MTU');
  if (env.ipmasq === null) missing.push('FLANNEL_IPMASQ');
  if (missing.length > 0) throw new Error(T.subnetMissing(path, missing.join(', ')));
  return env;
}

/** The flannel plugin's view of stdin (loadFlannelNetConf). */
interface FlannelConf {
  raw: { [key: string]: Json };
  subnetFile: string;
  dataDir: string;
  delegate: { [key: string]: Json };
}

function loadConf(stdin: string): FlannelConf {
  const parsed = goParse(stdin);
  if (!parsed.ok) throw new Error(T.loadNetconf(parsed.error));
  const raw = isObject(parsed.value) ? parsed.value : {};
  const str = (v: Json | undefined, d: string): string => (typeof v === 'string' && v !== '' ? v : d);
  const delegateConf = isObject(raw.delegate) ? { ...raw.delegate } : {};
  if (isObject(raw.runtimeConfig)) delegateConf.runtimeConfig = raw.runtimeConfig;
  return { raw, subnetFile: str(raw.subnetFile, FLANNEL_SUBNET_FILE), dataDir: str(raw.dataDir, FLANNEL_DATA_DIR), delegate: delegateConf };
}

/**
 * doCmdAdd's delegate configuration: name, type (bridge), ipMasq (not when flanneld masquerades),
 * mtu, isGateway for a bridge, cniVersion, and host-local IPAM over the node's subnet with a route
 * to the cluster network. Keys sorted, as json.Marshal writes a Go map.
 */
export function delegateConfig(conf: { [key: string]: Json }, env: SubnetEnv): { [key: string]: Json } {
  const d: { [key: string]: Json } = isObject(conf.delegate) ? { ...conf.delegate } : {};
  if (isObject(conf.runtimeConfig)) d.runtimeConfig = conf.runtimeConfig;
  d.name = conf.name ?? '';
  if (!('type' in d)) d.type = 'bridge';
  if (!('ipMasq' in d)) d.ipMasq = !env.ipmasq;
  if (!('mtu' in d)) d.mtu = env.mtu;
  if (d.type === 'bridge' && !('isGateway' in d)) d.isGateway = true;
  if (typeof conf.cniVersion === 'string' && conf.cniVersion !== '') d.cniVersion = conf.cniVersion;
  const ipam: { [key: string]: Json } = isObject(conf.ipam) ? { ...conf.ipam } : {};
  if (!('type' in ipam)) ipam.type = 'host-local';
  ipam.ranges = env.subnet === null ? [] : [[{ subnet: env.subnet }]];
  const routes: Json[] = Array.isArray(ipam.routes) ? [...ipam.routes] : [];
  for (const nw of env.networks) routes.push({ dst: nw });
  ipam.routes = routes;
  d.ipam = ipam;
  return sortedKeys(d) as { [key: string]: Json };
}

/** The delegate's error as skel of cni v1.3 returns it (errors.As finds the delegate's own). */
function passThrough(e: unknown, wrap: (m: string) => string): never {
  if (e instanceof CniError) throw e;
  throw new Error(wrap((e as Error).message), { cause: e });
}

/** The flannel plugin. */
export const flannel: Plugin = {
  name: 'flannel',

  add(a: CmdArgs, h: PluginHost): string {
    let conf: FlannelConf;
    try {
      conf = loadConf(a.stdin);
    } catch (e) {
      throw new Error(T.flannelNetconf((e as Error).message), { cause: e });
    }
    let env: SubnetEnv;
    try {
      env = readSubnetEnv(h, conf.subnetFile);
    } catch (e) {
      throw new Error(T.subnetEnv((e as Error).message), { cause: e });
    }
    const d = conf.raw.delegate;
    if (isObject(d)) {
      if ('type' in d && typeof d.type !== 'string') throw new Error(T.delegateType);
      if ('name' in d) throw new Error(T.delegateName);
      if ('ipam' in d) throw new Error(T.delegateIpam);
    }
    const dconf = delegateConfig(conf.raw, env);
    const text = goCompact(dconf);
    const saved = `${conf.dataDir}/${a.containerId}`;
    // flannel builds the delegate's configuration, saves it for DEL, then delegates (flannel_linux.go doDelegateAdd).
    h.emit({ type: 'delegate', plugin: 'flannel', to: String(dconf.type), conf: text, saved });
    h.kernel.writeFile(saved, text);
    let result;
    try {
      result = delegate(h, String(dconf.type), 'ADD', text);
    } catch (e) {
      passThrough(e, T.delegateAdd);
    }
    if (!result) throw new Error(T.delegateAdd('no result'));
    return printResult(result, typeof dconf.cniVersion === 'string' ? dconf.cniVersion : '0.1.0');
  },

  del(a: CmdArgs, h: PluginHost): void {
    const conf = loadConf(a.stdin);
    const path = `${conf.dataDir}/${a.containerId}`;
    const saved = h.kernel.readFile(path);
    // Per spec, DEL of something already gone succeeds.
    if (saved === undefined) return;
    const parsed = goParse(saved);
    const type = parsed.ok && isObject(parsed.value) && typeof parsed.value.type === 'string' ? parsed.value.type : '';
    if (!parsed.ok) return;
    delegate(h, type, 'DEL', saved);
    h.kernel.removeFile(path);
  },

  check(): void {
    // flannel.go cmdCheck: "TODO: implement", it succeeds.
  },

  /**
   * STATUS (spec 1.1 §2): code 50 while flanneld has not written subnet.env (ADD cannot work),
   * else the delegate's STATUS. The reference flannel plugin has no STATUS of its own (it
   * succeeds); this is what the spec asks of a plugin that depends on a daemon.
   */
  status(a: CmdArgs, h: PluginHost): void {
    const conf = loadConf(a.stdin);
    let env: SubnetEnv;
    try {
      env = readSubnetEnv(h, conf.subnetFile);
    } catch (e) {
      throw new CniError(CNI_ERR.unavailable, T.flannelUnavailable(conf.subnetFile), (e as Error).message);
    }
    const dconf = delegateConfig(conf.raw, env);
    delegate(h, String(dconf.type), 'STATUS', goCompact(dconf));
  },

  /**
   * GC (spec 1.1 §2): removes the saved delegate configurations of containers no longer valid,
   * then forwards GC to the delegate with the same valid attachments.
   */
  gc(a: CmdArgs, h: PluginHost): void {
    const conf = loadConf(a.stdin);
    const valid = conf.raw['cni.dev/valid-attachments'];
    const ids = new Set((Array.isArray(valid) ? valid : []).flatMap((v) => (isObject(v) && typeof v.containerID === 'string' ? [v.containerID] : [])));
    for (const id of h.kernel.listDir(conf.dataDir)) if (!ids.has(id)) h.kernel.removeFile(`${conf.dataDir}/${id}`);
    const env = readSubnetEnv(h, conf.subnetFile);
    const dconf = delegateConfig(conf.raw, env);
    dconf['cni.dev/valid-attachments'] = Array.isArray(valid) ? valid : [];
    delegate(h, String(dconf.type), 'GC', goCompact(sortedKeys(dconf)));
  },
};
