import type { ProblemCode } from '../../i18n/problems';
import { seedCalico, seedCalicoIpip } from '../../presets/calicoPresets';
import { namespaceOf } from '../../presets/seedVariants';
import type { IfaceSpec, MachineSpec, PodSpec, Topology } from '../topology';
import type { ProblemPlace } from './place';

/*
 * The Calico checks' cases for checks.test.ts (datapathCalico.ts): each a Calico lab (BGP, or
 * IP-in-IP) with one fault, where the finding points and its fix (none is clear for these).
 */

/** The lab's machine `name`; throws when there is none. */
export function node(t: Topology, name: string): MachineSpec {
  const m = t.machines.find((x) => x.name === name);
  if (!m) throw new Error(`no ${name}`);
  return m;
}

/** The interface `name` of a namespace; throws when there is none. */
export function find(ns: { interfaces: IfaceSpec[] }, name: string): IfaceSpec {
  const i = ns.interfaces.find((x) => x.name === name);
  if (!i) throw new Error(`no ${name}`);
  return i;
}

const nic = (t: Topology, machine: string, name: string): IfaceSpec => find(node(t, machine), name);
const podOf = (t: Topology, name: string): PodSpec => namespaceOf(t, name) as PodSpec;
const podNic = (t: Topology, pod: string, name: string): IfaceSpec => find(podOf(t, pod), name);

/** Cases in checks.test.ts's shape. */
export const CALICO_CHECK_CASES: { code: ProblemCode; what: string; lab: () => Topology; path: string; place: Partial<ProblemPlace>; fix: string | null }[] = [
  {
    code: 'calico-bgp-no-l2', what: 'Calico without encapsulation with node2 on a segment of its own',
    lab: () => {
      const t = seedCalico();
      Object.assign(nic(t, 'node2', 'eth0'), { segment: 'elsewhere' });
      t.segments.push({ id: 'elsewhere' });
      return t;
    },
    path: 'machines[2]', place: { ns: 'node2' }, fix: null,
  },
  {
    code: 'calico-gateway-unrouted', what: 'a Calico node without its default route: proxy ARP cannot answer for 169.254.1.1',
    lab: () => {
      const t = seedCalico();
      node(t, 'node1').routes = (node(t, 'node1').routes ?? []).filter((r) => r.dst !== 'default');
      return t;
    },
    path: 'machines[0].routes', place: { ns: 'node1' }, fix: null,
  },
  {
    code: 'calico-proxy-arp-off', what: 'proxy_arp off on pod1\'s cali* host end',
    lab: () => {
      const t = seedCalico();
      const end = node(t, 'node1').interfaces[1];
      if (end) end.sysctls = { ...end.sysctls, proxy_arp: false };
      return t;
    },
    path: 'machines[0].interfaces[1].sysctls.proxy_arp', place: { ns: 'node1' }, fix: null,
  },
  {
    code: 'calico-pod-gateway', what: 'a Calico pod whose default route names 10.10.10.254',
    lab: () => {
      const t = seedCalico();
      podOf(t, 'pod1').routes = [{ dst: '169.254.1.1/32', dev: 'eth0' }, { dst: '10.10.10.254/32', dev: 'eth0' }, { dst: 'default', via: '10.10.10.254', dev: 'eth0' }];
      return t;
    },
    path: 'machines[0].pods[0].routes[2].via', place: { ns: 'pod1' }, fix: null,
  },
  {
    code: 'calico-pod-mtu', what: 'a Calico IP-in-IP pod left at MTU 1500 while tunl0 carries 1480', path: 'machines[0].pods[0].interfaces[0].mtu', place: { ns: 'pod1' }, fix: null,
    lab: () => { const t = seedCalicoIpip(); podNic(t, 'pod1', 'eth0').mtu = 1500; return t; },
  },
];
