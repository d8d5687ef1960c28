import { loadArgs } from './args';
import { goParse } from './goDecode';
import { goCompact, isObject } from './goJson';
import { KernelError } from './kernel';
import { delContainerLink, delegate, type CmdArgs, type Plugin, type PluginHost } from './plugin';
import { PLUGIN_TEXT as T } from './pluginText';
import { sha1Hex } from './sha1';
import { HOST_NS } from './state';
import { CNI_ERR, CniError, type CniResult } from './types';
import { printResult } from './version';

/*
 * Calico's CNI plugin for a Kubernetes pod (projectcalico/calico cni-plugin/pkg/k8s/k8s.go
 * CmdAddK8s, pkg/dataplane/linux/dataplane_linux.go), step by step as ADD runs:
 * - IPAM first: it runs its IPAM plugin (calico-ipam) with the same stdin and environment;
 * - DoWorkloadNetnsSetUp: an old host end of the same name is deleted; the veth pair is made in
 *   the pod's namespace (`eth0`, MTU from the configuration) with its host end straight in the
 *   node's, named by VethNameForWorkload: `cali` + 11 hex digits of sha1("<namespace>.<pod>");
 *   the host end's MAC is set to ee:ee:ee:ee:ee:ee; the address becomes a /32; configureSysctls on
 *   the host end (route_localnet=1, neigh proxy_delay=0, proxy_arp=1, forwarding=1, IPv6
 *   accept_ra=0); both ends up; in the pod a route `169.254.1.1 dev eth0 scope link` to a
 *   placeholder next hop no host owns, then `default via 169.254.1.1 dev eth0`; then the address;
 *   then configureContainerSysctls (ip_forward 0 in the pod unless allowed);
 * - SetupRoutes: `<pod IP>/32 dev cali… scope link` in the node's namespace;
 * - the WorkloadEndpoint written to the datastore (Felix reads it and programs the rest: policy,
 *   and the static ARP entry for the pod, which the lab adds with Felix's program, see
 *   model/datapathCalico.ts).
 * No bridge anywhere: the node routes to each pod over its own veth.
 * CHECK does nothing (plugin.go registers cmdDummyCheck). Only the Kubernetes flavour is modelled
 * (CNI_ARGS must carry K8S_POD_NAMESPACE and K8S_POD_NAME); IPv6 and netkit devices are not.
 */

/** The MAC every host end gets (dataplane_linux.go hostSideMAC). */
export const CALICO_HOST_MAC = 'ee:ee:ee:ee:ee:ee';
/** The placeholder gateway of every Calico pod: link-local, never assigned to an interface. */
export const CALICO_GATEWAY = '169.254.1.1';

/** VethNameForWorkload: `cali` + the first 11 hex digits of sha1("<namespace>.<pod>"), 15 characters. */
export function calicoVethName(namespace: string, pod: string, prefix = 'cali'): string {
  return `${prefix}${sha1Hex(`${namespace}.${pod}`).slice(0, 11)}`;
}

/** The WorkloadEndpoint's name (names.WorkloadEndpointIdentifiers): node, orchestrator, pod, interface, with `-` doubled inside each. */
export function wepName(node: string, pod: string, ifname: string): string {
  const esc = (s: string): string => s.replace(/-/g, '--');
  return `${esc(node)}-k8s-${esc(pod)}-${esc(ifname)}`;
}

interface CalicoConf {
  name: string;
  cniVersion: string;
  mtu: number;
  nodename: string;
  ipamType: string;
  allowIpForwarding: boolean;
}

function loadConf(stdin: string): CalicoConf {
  const parsed = goParse(stdin);
  const v = parsed.ok && isObject(parsed.value) ? parsed.value : {};
  const ipam = isObject(v.ipam) ? v.ipam : {};
  const cs = isObject(v.container_settings) ? v.container_settings : {};
  return {
    name: typeof v.name === 'string' ? v.name : '',
    cniVersion: typeof v.cniVersion === 'string' && v.cniVersion !== '' ? v.cniVersion : '0.1.0',
    mtu: typeof v.mtu === 'number' && v.mtu > 0 ? v.mtu : 1500,
    nodename: typeof v.nodename === 'string' ? v.nodename : '',
    ipamType: typeof ipam.type === 'string' ? ipam.type : '',
    allowIpForwarding: cs.allow_ip_forwarding === true,
  };
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The pod's Kubernetes identity from CNI_ARGS. @throws CniError 2 without it (the non-Kubernetes flavour is not modelled). */
function k8sArgs(a: CmdArgs): { namespace: string; pod: string } {
  const args = loadArgs(a.args, ['IP', 'K8S_POD_NAMESPACE', 'K8S_POD_NAME', 'K8S_POD_INFRA_CONTAINER_ID', 'K8S_POD_UID']);
  const namespace = args.K8S_POD_NAMESPACE ?? '';
  const pod = args.K8S_POD_NAME ?? '';
  if (namespace === '' || pod === '') throw new CniError(CNI_ERR.unsupportedField, T.notModelled('CNI_ARGS', 'without K8S_POD_NAMESPACE and K8S_POD_NAME'));
  return { namespace, pod };
}

/** DoWorkloadNetnsSetUp and SetupRoutes (see the header); returns the host end's name and the pod end's MAC. */
function doNetworking(h: PluginHost, a: CmdArgs, conf: CalicoConf, hostName: string, address: string): { mac: string } {
  const k = h.kernel;
  if (k.link(HOST_NS, hostName)) k.delLink(HOST_NS, hostName);
  if (!k.hasNetns(a.netns)) throw new Error(T.openNetns(a.netns));
  const [cont, host] = k.addVeth(a.netns, a.ifname, HOST_NS, hostName, conf.mtu);
  k.setMac(HOST_NS, host, CALICO_HOST_MAC);
  k.sysctlWrite(HOST_NS, `net.ipv4.conf.${hostName}.route_localnet`, '1');
  k.sysctlWrite(HOST_NS, `net.ipv4.neigh.${hostName}.proxy_delay`, '0');
  k.sysctlWrite(HOST_NS, `net.ipv4.conf.${hostName}.proxy_arp`, '1');
  k.sysctlWrite(HOST_NS, `net.ipv4.conf.${hostName}.forwarding`, '1');
  k.sysctlWrite(HOST_NS, `net.ipv6.conf.${hostName}.accept_ra`, '0');
  k.setUp(HOST_NS, host, true);
  k.setUp(a.netns, cont, true);
  try {
    k.routeAdd(a.netns, { dst: `${CALICO_GATEWAY}/32`, dev: cont.index });
    k.routeAdd(a.netns, { dst: '0.0.0.0/0', gw: CALICO_GATEWAY, dev: cont.index });
  } catch (e) {
    throw new Error(T.calicoAddRoute(errText(e)), { cause: e });
  }
  k.addrAdd(a.netns, cont, address);
  k.sysctlWrite(a.netns, 'net.ipv4.ip_forward', conf.allowIpForwarding ? '1' : '0');
  try {
    k.routeAdd(HOST_NS, { dst: address, dev: host.index });
  } catch (e) {
    // EEXIST through the same interface is Felix's own route: fine (SetupRoutes).
    if (!(e instanceof KernelError && e.errno === 'EEXIST')) throw new Error(T.calicoHostRoute(hostName, errText(e)), { cause: e });
  }
  return { mac: cont.mac };
}

/** Calico's CNI plugin (Kubernetes flavour). */
export const calico: Plugin = {
  name: 'calico',

  add(a: CmdArgs, h: PluginHost): string {
    const conf = loadConf(a.stdin);
    const { namespace, pod } = k8sArgs(a);
    const ipam = delegate(h, conf.ipamType, 'ADD', a.stdin) as CniResult;
    const first = ipam.ips?.[0];
    if (!first) throw new Error(T.ipamMissingIp);
    // DoWorkloadNetnsSetUp sets each address's mask to /32 in the result itself.
    const address = `${first.address.split('/')[0] ?? ''}/32`;
    const hostName = calicoVethName(namespace, pod);
    let mac: string;
    try {
      mac = doNetworking(h, a, conf, hostName, address).mac;
    } catch (e) {
      // "Releasing IPAM allocation(s) after failure"
      try {
        delegate(h, conf.ipamType, 'DEL', a.stdin);
      } catch {
        // utils.ReleaseIPAllocation only logs its own failure.
      }
      throw e;
    }
    h.kernel.dsPut(`/calico/resources/v3/projectcalico.org/workloadendpoints/${namespace}/${wepName(conf.nodename, pod, a.ifname)}`, goCompact({
      node: conf.nodename, orchestrator: 'k8s', pod, endpoint: a.ifname, containerID: a.containerId, interfaceName: hostName, mac, ipNetworks: [address],
    }));
    const result: CniResult = {
      cniVersion: conf.cniVersion,
      interfaces: [{ name: hostName }, { name: a.ifname, mac, mtu: conf.mtu, sandbox: a.netns }],
      ips: [{ interface: 1, address }],
      ...(ipam.routes ? { routes: ipam.routes } : {}),
      dns: ipam.dns,
    };
    return printResult(result, conf.cniVersion);
  },

  del(a: CmdArgs, h: PluginHost): void {
    const conf = loadConf(a.stdin);
    const { namespace, pod } = k8sArgs(a);
    // CmdDelK8s: release the IPAM allocation, clean up the namespace's interface (its host end goes with it), delete the endpoint.
    delegate(h, conf.ipamType, 'DEL', a.stdin);
    delContainerLink(a, h);
    h.kernel.dsDel(`/calico/resources/v3/projectcalico.org/workloadendpoints/${namespace}/${wepName(conf.nodename, pod, a.ifname)}`);
  },

  check(): void {
    // plugin.go: Check is cmdDummyCheck, which succeeds.
  },
};
