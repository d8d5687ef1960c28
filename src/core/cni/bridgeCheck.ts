import { formatIp, maskOf, networkOf, parseCidr } from '../net/ipv4';
import { loadBridgeConf } from './bridgeConfig';
import { delegate, type CmdArgs, type PluginHost } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { HOST_NS, type LinkState } from './state';
import type { CniInterface, CniRoute } from './types';
import { readResult } from './version';

/*
 * The bridge plugin's CHECK (bridge.go cmdCheck, validateCni*Interface; plugins pkg/ip
 * utils_linux.go ValidateExpectedInterfaceIPs, ValidateExpectedRoute): IPAM CHECK first, then the
 * interfaces of prevResult (the bridge in the node, the container end in the pod with the right
 * sandbox, and a veth in the node whose peer is that container end and whose master is the
 * bridge), then every address on the container interface with a route to its prefix, then every
 * route of prevResult in the pod's main table.
 *
 * One deliberate difference from Debian's 1.1.1: a prevResult route without `gw` (host-local
 * hands out such routes, and ConfigureIface installs them via the IP's gateway) is looked up by
 * destination only, as plugins 1.3.0 do (commit c347755f "Fix ValidateExpectedRoute with non
 * default routes and nil GW"). 1.1.1 also demanded a route without a gateway, so CHECK failed on
 * the very route its own ADD had returned.
 */

/** The `%+v` of a types.Route (cni v1.1), as 1.1.1's error prints it: `{Dst:{IP:10.244.0.0 Mask:ffff0000} GW:<nil>}`. */
function routeText(r: CniRoute): string {
  const c = parseCidr(r.dst);
  const ip = r.dst.split('/')[0] ?? '';
  const mask = c ? (maskOf(c.prefix) >>> 0).toString(16).padStart(8, '0') : '';
  return `{Dst:{IP:${ip} Mask:${mask}} GW:${r.gw ?? '<nil>'}}`;
}

/** bridge.go validateInterface: the name, the link in the current namespace, sandbox or not. */
function findIface(h: PluginHost, ns: string, intf: CniInterface, inSandbox: boolean): LinkState {
  if (intf.name === '') throw new Error(T.ifaceNameMissing);
  const l = h.kernel.link(ns, intf.name);
  if (!l) throw new Error(T.ifaceNotFound(intf.name));
  if (inSandbox && (intf.sandbox ?? '') === '') throw new Error(T.ifaceNotInSandbox(intf.name));
  if (!inSandbox && (intf.sandbox ?? '') !== '') throw new Error(T.ifaceInSandbox(intf.name));
  return l;
}

/** The bridge plugin's CHECK. @throws Error with the reference plugin's text. */
export function bridgeCheck(a: CmdArgs, h: PluginHost): void {
  const k = h.kernel;
  const n = loadBridgeConf(a.stdin, a.args);
  if (!k.hasNetns(a.netns)) throw new Error(T.openNetns(a.netns));
  delegate(h, n.ipamType, 'CHECK', a.stdin);
  if (n.prevResult === undefined) throw new Error(T.prevResultMissing);
  const result = readResult(n.prevResult);
  const ifaces = result.interfaces ?? [];
  const brMap = ifaces.find((i) => i.name === n.bridge) ?? { name: '' };
  const contMap = ifaces.find((i) => i.name !== n.bridge && i.name === a.ifname && i.sandbox === a.netns) ?? { name: '' };
  const br = findIface(h, HOST_NS, brMap, false);
  if (br.kind !== 'bridge') throw new Error(T.notBridgeType(brMap.name));
  if (brMap.mac !== undefined && brMap.mac !== br.mac) throw new Error(T.bridgeMac(brMap.name, brMap.mac));
  if ((br.promisc ?? false) !== n.promiscMode) throw new Error(T.bridgePromisc(brMap.name, n.promiscMode, br.promisc ?? false));
  h.emit({ type: 'check', plugin: 'bridge', what: 'bridge', subject: br.name, ok: true });
  if (a.netns !== (contMap.sandbox ?? '')) throw new Error(T.sandboxMismatch(contMap.sandbox ?? '', a.netns));
  const cont = findIface(h, a.netns, contMap, true);
  if (cont.kind !== 'veth') throw new Error(T.contNotVeth(cont.name));
  if (contMap.mac !== undefined && contMap.mac !== cont.mac) throw new Error(T.contMac(contMap.name, contMap.mac, cont.mac));
  h.emit({ type: 'check', plugin: 'bridge', what: 'container-iface', subject: cont.name, ok: true });
  let vethFound = false;
  for (const intf of ifaces) {
    if (intf.name === brMap.name || intf.name === contMap.name) continue;
    const l = findIface(h, HOST_NS, intf, false);
    if (l.kind !== 'veth') continue;
    // Ours only when it is the container end's peer and a port of the bridge.
    if (l.peer?.ns !== a.netns || l.peer.index !== cont.index || cont.peer?.index !== l.index || l.master !== br.index) continue;
    if (intf.mac !== undefined && intf.mac !== l.mac) throw new Error(T.vethMac(intf.name, intf.mac));
    h.emit({ type: 'check', plugin: 'bridge', what: 'host-veth', subject: l.name, ok: true });
    vethFound = true;
    break;
  }
  if (!vethFound) throw new Error(T.vethNotFound(n.bridge));
  for (const ip of result.ips ?? []) {
    if (!cont.addresses.includes(ip.address)) throw new Error(T.addrNotMatched(ip.address, a.ifname));
    const c = parseCidr(ip.address);
    const prefix = c ? `${formatIp(networkOf(c.ip, c.prefix))}/${c.prefix}` : '';
    const routes = routeTable(h, a.netns);
    if (!routes.some((r) => r.dst === prefix)) throw new Error(T.gatewayNotFound(ip.gateway ?? '<nil>', a.ifname));
    h.emit({ type: 'check', plugin: 'bridge', what: 'address', subject: ip.address, ok: true });
  }
  const table = routeTable(h, a.netns);
  for (const r of result.routes ?? []) {
    const isDefault = r.dst === '0.0.0.0/0';
    const found = table.some((t) => t.dst === r.dst && (isDefault || r.gw === undefined || t.gw === r.gw));
    h.emit({ type: 'check', plugin: 'bridge', what: 'route', subject: r.gw ? `${r.dst} via ${r.gw}` : r.dst, ok: found });
    if (!found) throw new Error(T.routeNotFound(routeText(r)));
  }
}

/** The pod's main table as netlink lists it: connected routes and the static ones. */
function routeTable(h: PluginHost, ns: string): { dst: string; gw?: string }[] {
  const k = h.kernel;
  const statics = (k.node.namespaces[ns]?.routes ?? []).map((r) => ({ dst: r.dst, ...(r.gw ? { gw: r.gw } : {}) }));
  return [...k.connectedRoutes(ns).map((c) => ({ dst: c.dst })), ...statics];
}

