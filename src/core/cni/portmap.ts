import { goParse } from './goDecode';
import { isObject } from './goJson';
import type { CmdArgs, Plugin } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { CNI_ERR, CniError } from './types';
import { printResult, readResult } from './version';

/*
 * The portmap plugin (containernetworking/plugins plugins/meta/portmap/main.go), as far as a pod
 * without port mappings meets it: kube-flannel's configuration list runs it after flannel with the
 * capability `portMappings`, and a pod that declares no hostPort gets none in its runtimeConfig.
 * Then ADD prints the previous result unchanged (in the configuration's version), DEL and CHECK
 * do nothing. The iptables DNAT rules it writes for mapped ports are not part of this model: a
 * configuration with mappings is refused, so nothing pretends to forward a port.
 */

interface PortmapConf {
  cniVersion: string;
  prevResult: unknown;
  mappings: number;
}

function loadConf(stdin: string): PortmapConf {
  const parsed = goParse(stdin);
  if (!parsed.ok || !isObject(parsed.value)) throw new Error(T.portmapParse(parsed.ok ? 'not an object' : parsed.error));
  const v = parsed.value;
  const rc = isObject(v.runtimeConfig) ? v.runtimeConfig : {};
  const maps = Array.isArray(rc.portMappings) ? rc.portMappings.length : 0;
  return { cniVersion: typeof v.cniVersion === 'string' ? v.cniVersion : '0.1.0', prevResult: v.prevResult, mappings: maps };
}

/** portmap: passes the previous result through when the pod maps no port. */
export const portmap: Plugin = {
  name: 'portmap',
  add(a: CmdArgs): string {
    const conf = loadConf(a.stdin);
    if (conf.prevResult === undefined || conf.prevResult === null) throw new Error(T.portmapChained);
    if (conf.mappings > 0) throw new CniError(CNI_ERR.invalidConfig, T.portmapNotModelled);
    return printResult(readResult(conf.prevResult as never), conf.cniVersion);
  },
  del(a: CmdArgs): void {
    if (loadConf(a.stdin).mappings > 0) throw new CniError(CNI_ERR.invalidConfig, T.portmapNotModelled);
  },
  check(a: CmdArgs): void {
    const conf = loadConf(a.stdin);
    if (conf.prevResult === undefined || conf.prevResult === null) throw new Error(T.prevResultMissing);
    if (conf.mappings > 0) throw new CniError(CNI_ERR.invalidConfig, T.portmapNotModelled);
  },
};
