import { formatIp, networkOf, parseCidr } from '../net/ipv4';
import { loadBridgeConf, type BridgeConf } from './bridgeConfig';
import { bridgeCheck } from './bridgeCheck';
import { KernelError, type Kernel } from './kernel';
import { setupIpMasq, teardownIpMasq } from './ipMasq';
import { delegate, type CmdArgs, type Plugin, type PluginHost } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { HOST_NS, type LinkState } from './state';
import { CURRENT_VERSION, printResult } from './version';
import type { CniInterface, CniIpConfig, CniResult, CniRoute } from './types';

/*
 * The bridge plugin (containernetworking/plugins plugins/main/bridge/bridge.go), step by step as
 * cmdAdd runs: ensureBridge (create cni0 if missing, bring it up), setupVeth (the pair is made
 * inside the pod's namespace with its host end created straight in the node's, named `veth` +
 * 8 random hex digits, then attached to the bridge), IPAM ADD through the delegate, calcGateways,
 * ConfigureIface in the pod (address, link up, routes), the gateway address on the bridge with
 * isGateway (ensureAddr, which also pins the bridge's MAC), ip_forward, ipMasq. The plugin runs in
 * the node's own namespace (`host`), as a runtime runs it.
 */

/** ip.RandomVethName: `veth` and 4 random bytes in hex. */
function randomVethName(k: Kernel): string {
  return `veth${k.entropy.bytes(4, 'veth-name').map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A Go errno text for a kernel refusal, the message of anything else. */
function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** ensureBridge: the bridge, created when missing (EEXIST is fine), checked to be a bridge, up. */
function ensureBridge(h: PluginHost, n: BridgeConf): LinkState {
  const k = h.kernel;
  try {
    let br = k.link(HOST_NS, n.bridge);
    if (!br) br = k.addBridge(HOST_NS, n.bridge, n.mtu);
    else h.emit({ type: 'link', op: 'exists', ns: HOST_NS, name: br.name, kind: br.kind, index: br.index, mac: br.mac });
    if (n.promiscMode) k.setFlag(HOST_NS, br, 'promisc', true);
    if (br.kind !== 'bridge') throw new Error(T.notABridge(n.bridge));
    k.sysctlWrite(HOST_NS, `net.ipv6.conf.${n.bridge}.accept_ra`, '0');
    k.setUp(HOST_NS, br, true);
    return br;
  } catch (e) {
    throw new Error(T.createBridge(n.bridge, errText(e)), { cause: e });
  }
}

/**
 * setupVeth with ip.SetupVeth: the pair created in the pod's namespace, its peer straight in the
 * node's; on EEXIST makeVeth tries another random name only when that name exists in the pod's
 * namespace (peerExists looks there), else it fails naming the container end.
 */
function setupVeth(h: PluginHost, a: CmdArgs, n: BridgeConf, br: LinkState): { host: LinkState; cont: LinkState } {
  const k = h.kernel;
  for (let i = 0; i < 10; i++) {
    const peerName = randomVethName(k);
    try {
      const [cont, host] = k.addVeth(a.netns, a.ifname, HOST_NS, peerName, n.mtu, n.mac === '' ? undefined : n.mac);
      k.setUp(HOST_NS, host, true);
      k.sysctlWrite(HOST_NS, `net.ipv6.conf.${peerName}.accept_ra`, '0');
      k.setMaster(HOST_NS, host, br);
      k.setFlag(HOST_NS, host, 'hairpin', n.hairpinMode);
      return { host, cont };
    } catch (e) {
      if (!(e instanceof KernelError) || e.errno !== 'EEXIST') throw e;
      if (k.link(a.netns, peerName)) continue;
      throw new Error(T.vethExists(a.ifname), { cause: e });
    }
  }
  throw new Error(T.vethNoName);
}

/** calcGateways: every IP on the container interface (index 2), its gateway, the default route. */
function calcGateways(result: CniResult, n: BridgeConf): string[] {
  const gws: string[] = [];
  let defaultFound = false;
  // "All IPs currently refer to the container interface"; rebuilt so the keys print in Go's order.
  result.ips = (result.ips ?? []).map((ip) => ({ interface: 2, address: ip.address, ...(ip.gateway !== undefined ? { gateway: ip.gateway } : {}) }));
  for (const ip of result.ips) {
    const c = parseCidr(ip.address);
    if (!c) continue;
    if (ip.gateway === undefined && n.isGateway) ip.gateway = formatIp(networkOf(c.ip, c.prefix) + 1);
    if (n.isDefaultGateway && !defaultFound) {
      defaultFound = (result.routes ?? []).some((r) => r.gw !== undefined && r.dst === '0.0.0.0/0');
      if (!defaultFound) {
        const route: CniRoute = { dst: '0.0.0.0/0' };
        if (ip.gateway !== undefined) route.gw = ip.gateway;
        result.routes = [...(result.routes ?? []), route];
        defaultFound = true;
      }
    }
    if (n.isGateway && ip.gateway !== undefined) gws.push(`${ip.gateway}/${c.prefix}`);
  }
  return gws;
}

/** ipam.ConfigureIface in the pod: addresses, link up, then routes (gateway-less ones via the IP's gateway). */
function configureIface(k: Kernel, a: CmdArgs, result: CniResult): void {
  const link = k.link(a.netns, a.ifname);
  if (!link) throw new Error(T.lookupLink(a.ifname));
  let v4gw: string | undefined;
  for (const ip of result.ips ?? []) {
    if (ip.interface === undefined) continue;
    try {
      k.addrAdd(a.netns, link, ip.address);
    } catch (e) {
      throw new Error(T.addAddr(ipConfigText(ip), a.ifname, errText(e)), { cause: e });
    }
    v4gw ??= ip.gateway;
  }
  k.setUp(a.netns, link, true);
  for (const r of result.routes ?? []) {
    const gw = r.gw ?? v4gw;
    try {
      k.routeAdd(a.netns, { dst: r.dst, ...(gw !== undefined ? { gw } : {}), dev: link.index });
    } catch (e) {
      throw new Error(T.addRoute(r.dst, gw ?? '<nil>', a.ifname, errText(e)), { cause: e });
    }
  }
}

/** `%+v` of an IPConfig, as ConfigureIface's error prints it. */
function ipConfigText(ip: CniIpConfig): string {
  return `{Interface:${ip.interface ?? '<nil>'} Address:${ip.address} Gateway:${ip.gateway ?? '<nil>'}}`;
}

/** ensureAddr: the gateway address on the bridge (an other IPv4 address is an error without forceAddress), and the bridge's MAC pinned. */
function ensureAddr(k: Kernel, br: LinkState, cidr: string, force: boolean, macBefore: string, h: PluginHost): void {
  for (const a of [...br.addresses]) {
    if (a === cidr) {
      h.emit({ type: 'addr', op: 'exists', ns: HOST_NS, dev: br.name, address: cidr });
      return;
    }
    if (!force) throw new Error(T.addrDiffers(br.name, cidr));
    k.addrDel(HOST_NS, br, a);
  }
  k.addrAdd(HOST_NS, br, cidr);
  // "Set the bridge's MAC to itself": the MAC it had when ensureBridge looked it up, before the
  // new port could change it; from now on the kernel keeps it (NET_ADDR_SET).
  k.setMac(HOST_NS, br, macBefore);
}

/** The bridge plugin. */
export const bridge: Plugin = {
  name: 'bridge',

  add(a: CmdArgs, h: PluginHost): string {
    const k = h.kernel;
    const n = loadBridgeConf(a.stdin, a.args);
    if (n.isDefaultGateway) n.isGateway = true;
    if (n.hairpinMode && n.promiscMode) throw new Error(T.hairpinPromisc);
    const br = ensureBridge(h, n);
    const brIface: CniInterface = { name: br.name, mac: br.mac };
    const macBefore = br.mac;
    if (!k.hasNetns(a.netns)) throw new Error(T.openNetns(a.netns));
    const { host, cont } = setupVeth(h, a, n, br);
    const result: CniResult = { cniVersion: CURRENT_VERSION, interfaces: [brIface, { name: host.name, mac: host.mac }, { name: cont.name, mac: cont.mac, sandbox: a.netns }], dns: {} };
    if (n.ipamType !== '') {
      const ipam = delegate(h, n.ipamType, 'ADD', a.stdin) as CniResult;
      try {
        result.ips = ipam.ips ?? [];
        if (ipam.routes) result.routes = ipam.routes;
        if (result.ips.length === 0) throw new Error(T.ipamMissingIp);
        const gws = calcGateways(result, n);
        k.sysctlWrite(a.netns, `net.ipv6.conf.${a.ifname}.accept_dad`, n.enabledad ? '1' : '0');
        k.sysctlWrite(a.netns, `net.ipv4.conf.${a.ifname}.arp_notify`, '1');
        configureIface(k, a, result);
        if (k.operstate(HOST_NS, host) !== 'UP') throw new Error(T.portError(k.operstate(HOST_NS, host).toLowerCase()));
        if (n.isGateway) {
          for (const gw of gws) {
            try {
              ensureAddr(k, br, gw, n.forceAddress, macBefore, h);
            } catch (e) {
              throw new Error(T.bridgeAddr(errText(e)), { cause: e });
            }
          }
          if (gws.length > 0 && k.sysctl(HOST_NS, 'net.ipv4.ip_forward') !== '1') k.sysctlWrite(HOST_NS, 'net.ipv4.ip_forward', '1');
        }
        if (n.ipMasq) for (const ip of result.ips) setupIpMasq(k, ip.address, n.name, a.containerId);
      } catch (e) {
        // "release IP in case of failure": IPAM DEL; the veth stays until the runtime's DEL.
        try {
          delegate(h, n.ipamType, 'DEL', a.stdin);
        } catch {
          // ipam.ExecDel's error is ignored there too.
        }
        throw e;
      }
    } else {
      k.setUp(a.netns, cont, true);
    }
    brIface.mac = br.mac;
    result.dns = n.dns;
    return printResult(result, n.cniVersion);
  },

  del(a: CmdArgs, h: PluginHost): void {
    const k = h.kernel;
    const n = loadBridgeConf(a.stdin, a.args);
    const ipamDel = (): void => {
      if (n.ipamType !== '') delegate(h, n.ipamType, 'DEL', a.stdin);
    };
    if (a.netns === '') return ipamDel();
    // A namespace already gone is fine (ns.NSPathNotExistErr): only the IPAM release is left to do.
    if (!k.hasNetns(a.netns)) return ipamDel();
    const link = k.link(a.netns, a.ifname);
    const addrs = link ? [...link.addresses] : [];
    if (link) k.delLink(a.netns, a.ifname);
    ipamDel();
    if (n.ipamType !== '' && n.ipMasq) for (const cidr of addrs) teardownIpMasq(k, cidr.split('/')[0] as string, n.name, a.containerId);
  },

  check: bridgeCheck,

  /** STATUS forwards to the IPAM plugin (bridge.go cmdStatus, plugins ≥ 1.5). */
  status(a: CmdArgs, h: PluginHost): void {
    const n = loadBridgeConf(a.stdin, a.args);
    if (n.ipamType !== '') delegate(h, n.ipamType, 'STATUS', a.stdin);
  },

  /**
   * GC: the bridge keeps nothing per attachment that outlives the pod's namespace, so it only
   * forwards GC to its IPAM plugin, as spec 1.1 §2 requires of a plugin that delegates (the
   * reference bridge leaves GC unimplemented: FIXME in bridge.go main).
   */
  gc(a: CmdArgs, h: PluginHost): void {
    const n = loadBridgeConf(a.stdin, a.args);
    if (n.ipamType !== '') delegate(h, n.ipamType, 'GC', a.stdin);
  },
};
