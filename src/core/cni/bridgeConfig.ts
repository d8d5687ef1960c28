import { loadArgs } from './args';
import { goParse } from './goDecode';
import { checkFields, get } from './goFields';
import { isObject, type Json } from './goJson';
import { PLUGIN_TEXT as T } from './pluginText';
import { CNI_ERR, CniError, type CniDns } from './types';

/*
 * The bridge plugin's configuration (plugins/main/bridge/bridge.go NetConf, loadNetConf), with
 * the reference plugin's defaults: bridge `cni0`, everything else off. VLANs and MAC spoof
 * checking are not modelled: a configuration that asks for them is refused with code 2
 * (unsupported field, SPEC.md §5) rather than half-done.
 */

/** The bridge plugin's view of stdin. */
export interface BridgeConf {
  name: string;
  cniVersion: string;
  bridge: string;
  isGateway: boolean;
  isDefaultGateway: boolean;
  forceAddress: boolean;
  ipMasq: boolean;
  mtu: number;
  hairpinMode: boolean;
  promiscMode: boolean;
  enabledad: boolean;
  /** `ipam.type`, empty for a layer-2-only bridge. */
  ipamType: string;
  dns: CniDns;
  /** A MAC for the container end (CNI_ARGS `MAC=`, `args.cni.mac`, `runtimeConfig.mac`). */
  mac: string;
  prevResult?: Json;
}

/**
 * loadNetConf. @throws Error with its text ("failed to load netconf: …", the VLAN range, CNI_ARGS);
 *   CniError 2 for what we do not model (vlan, macspoofchk).
 */
export function loadBridgeConf(stdin: string, envArgs: string): BridgeConf {
  const parsed = goParse(stdin);
  if (!parsed.ok) throw new Error(T.loadNetconf(parsed.error));
  const n = isObject(parsed.value) ? parsed.value : {};
  try {
    checkFields(n, 'NetConf', {
      cniVersion: 'string', name: 'string', type: 'string', ipam: 'types.IPAM', dns: 'types.DNS', bridge: 'string', isGateway: 'bool',
      isDefaultGateway: 'bool', forceAddress: 'bool', ipMasq: 'bool', mtu: 'int', hairpinMode: 'bool', promiscMode: 'bool', vlan: 'int',
      macspoofchk: 'bool', enabledad: 'bool',
    });
    if (isObject(n.ipam)) checkFields(n.ipam, 'IPAM', { type: 'string' }, ['ipam']);
  } catch (e) {
    throw new Error(T.loadNetconf((e as Error).message), { cause: e });
  }
  const vlan = get(n, 'vlan', 0);
  if (vlan < 0 || vlan > 4094) throw new Error(T.badVlan(vlan));
  if (vlan !== 0) throw new CniError(CNI_ERR.unsupportedField, T.notModelled('vlan', String(vlan)));
  if (get(n, 'macspoofchk', false)) throw new CniError(CNI_ERR.unsupportedField, T.notModelled('macspoofchk', 'true'));
  let mac = loadArgs(envArgs, ['MAC']).MAC ?? '';
  const argsMac = isObject(n.args) && isObject(n.args.cni) ? n.args.cni.mac : undefined;
  if (typeof argsMac === 'string' && argsMac !== '') mac = argsMac;
  const rcMac = isObject(n.runtimeConfig) ? n.runtimeConfig.mac : undefined;
  if (typeof rcMac === 'string' && rcMac !== '') mac = rcMac;
  const conf: BridgeConf = {
    name: get(n, 'name', ''),
    cniVersion: get(n, 'cniVersion', ''),
    bridge: get(n, 'bridge', 'cni0'),
    isGateway: get(n, 'isGateway', false),
    isDefaultGateway: get(n, 'isDefaultGateway', false),
    forceAddress: get(n, 'forceAddress', false),
    ipMasq: get(n, 'ipMasq', false),
    mtu: get(n, 'mtu', 0),
    hairpinMode: get(n, 'hairpinMode', false),
    promiscMode: get(n, 'promiscMode', false),
    enabledad: get(n, 'enabledad', false),
    ipamType: isObject(n.ipam) && typeof n.ipam.type === 'string' ? n.ipam.type : '',
    dns: isObject(n.dns) ? (JSON.parse(JSON.stringify(n.dns)) as CniDns) : {},
    mac,
  };
  if (n.prevResult !== undefined && n.prevResult !== null) conf.prevResult = n.prevResult;
  return conf;
}
