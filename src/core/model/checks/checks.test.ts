import { describe, expect, it } from 'vitest';
import { GLOSSARY_RU } from '../../i18n/ru/glossary';
import { formatProblem, problemSeverity, WARNING_CODES, type ProblemCode } from '../../i18n/problems';
import { bridgePortAddressLab, sharedAddressLab, sharedHostMacLab } from '../../presets/fieldCases';
import { seedWeave } from '../../presets/weaveScenarios';
import { CALICO_CHECK_CASES, find as iface, node as machine } from './calicoCases';
import { WIREGUARD_CHECK_CASES } from './wireguardCases';
import { vethLoopLab } from '../../presets/hostile';
import { seedTopology } from '../../presets/seed';
import { namespaceOf } from '../../presets/seedVariants';
import { applyFix, fixText, labChecks } from '../labChecks';
import { addNode, addSegment } from '../labEdits';
import { addPod } from '../podNetwork';
import type { PodSpec, Topology, VxlanIface } from '../topology';
import { flannelHostGwLab, flannelVxlanLab } from './datapathCases';
import type { ProblemPlace } from './place';

/*
 * Every check of the editor's list on a minimal lab that has its fault (the seed lab with one thing
 * changed, or a field case built for that fault), where it points, and its fix: applying the fix
 * clears that finding and brings no new one. The seed lab itself is clean (presets.test.ts).
 */

/** The seed lab with `change` made to it before anything reads (and freezes) it. */
function seedWith(change: (t: Topology) => void): Topology {
  const t = seedTopology();
  change(t);
  return t;
}

const pod = (t: Topology, name: string): PodSpec => namespaceOf(t, name) as PodSpec;

/** The seed lab with node3 (10.10.12.0/24) added by the editor, and `pods` pods on it. */
function withNode3(pods: number): Topology {
  let t = addNode(seedTopology())?.topology;
  if (!t) throw new Error('refused');
  for (let k = 0; k < pods; k++) t = addPod(t, 'node3').topology;
  return t;
}

interface Case {
  code: ProblemCode;
  /** What is wrong in the lab. */
  what: string;
  lab: () => Topology;
  path: string;
  place: Partial<ProblemPlace>;
  /** The fix in English, or null when none is clear. */
  fix: string | null;
}

const NODE1_DEFAULT = { dst: 'default', via: '172.16.100.254', dev: 'eth0' };

const CASES: Case[] = [
  {
    code: 'duplicate-ip', what: 'pod2 holds pod1\'s address, on the same bridge',
    lab: () => seedWith((t) => void (iface(pod(t, 'pod2'), 'eth0').addresses = ['10.10.10.1/24'])),
    path: 'machines[0].pods[1].interfaces[0].addresses[0]', place: { ns: 'pod2', iface: 'eth0' },
    fix: 'change the address of eth0 on pod2 from 10.10.10.1/24 to 10.10.10.2/24',
  },
  {
    code: 'address-reused', what: 'h2 holds h1\'s address on a bridge of its own (field case arp-sender-own-address)',
    lab: () => sharedAddressLab(), path: 'machines[1].interfaces[1].addresses[0]', place: { ns: 'h2', iface: 'br0' }, fix: null,
  },
  {
    code: 'address-outside-subnet', what: 'pod2 has 10.10.99.2/16, outside node1\'s pod subnet (its gateway still within its /16)',
    lab: () => seedWith((t) => void (iface(pod(t, 'pod2'), 'eth0').addresses = ['10.10.99.2/16'])),
    path: 'machines[0].pods[1].interfaces[0].addresses[0]', place: { ns: 'pod2', iface: 'eth0' },
    fix: 'change the address of eth0 on pod2 from 10.10.99.2/16 to 10.10.10.2/24',
  },
  {
    code: 'pod-subnets-overlap', what: 'a new node3 given node1\'s pod subnet',
    lab: () => {
      const t = withNode3(0);
      const node3 = machine(t, 'node3');
      node3.interfaces = node3.interfaces.map((i) => (i.name === 'cni0' ? { ...i, addresses: ['10.10.10.254/24'] } : i));
      return t;
    },
    path: 'machines[3].interfaces[1].addresses[0]', place: { ns: 'node3', iface: 'cni0' },
    fix: 'change the address of cni0 on node3 from 10.10.10.254/24 to 10.10.12.254/24',
  },
  {
    code: 'gateway-absent', what: 'pod1\'s default route via 10.10.10.253, which nobody has',
    lab: () => seedWith((t) => void (pod(t, 'pod1').routes = [{ dst: 'default', via: '10.10.10.253', dev: 'eth0' }])),
    path: 'machines[0].pods[0].routes[0].via', place: { ns: 'pod1', route: { dst: 'default', via: '10.10.10.253', dev: 'eth0' } },
    fix: 'change route default on pod1 to via 10.10.10.254 dev eth0',
  },
  {
    code: 'gateway-absent', what: 'node1\'s default route via 172.16.100.99, which nobody on the segment has (the router is the one router there)',
    lab: () => seedWith((t) => void (machine(t, 'node1').routes = [{ ...NODE1_DEFAULT, via: '172.16.100.99' }])),
    path: 'machines[0].routes[0].via', place: { ns: 'node1', route: { ...NODE1_DEFAULT, via: '172.16.100.99' } },
    fix: 'change route default on node1 to via 172.16.100.254 dev eth0',
  },
  {
    code: 'veth-detached', what: 'pod1\'s veth taken out of cni0',
    lab: () => seedWith((t) => void delete iface(machine(t, 'node1'), 'veth-pod1').master),
    path: 'machines[0].interfaces[2]', place: { ns: 'node1', iface: 'veth-pod1' }, fix: 'make veth-pod1 a port of cni0 on node1',
  },
  {
    code: 'link-alone', what: 'a new segment with only the router on it',
    lab: () => addSegment(seedTopology(), 'router')?.topology ?? seedTopology(),
    path: 'machines[1].interfaces[1].segment', place: { ns: 'router', iface: 'eth1' }, fix: null,
  },
  {
    code: 'route-no-link', what: 'a route through a bridge without ports',
    lab: () => seedWith((t) => {
      const router = machine(t, 'router');
      router.interfaces.push({ kind: 'bridge', name: 'br0', mac: '02:00:0a:14:00:01', addresses: ['10.20.0.1/24'] });
      router.routes?.push({ dst: '10.30.0.0/16', dev: 'br0' });
    }),
    path: 'machines[1].routes[2].dev', place: { ns: 'router', route: { dst: '10.30.0.0/16', dev: 'br0' } }, fix: null,
  },
  {
    code: 'forwarding-off', what: 'node1, with pods, without ip_forward',
    lab: () => seedWith((t) => void (machine(t, 'node1').sysctls = {})),
    path: 'machines[0].sysctls.ip_forward', place: { ns: 'node1', sysctl: 'ip_forward' }, fix: 'turn on ip_forward on node1',
  },
  {
    code: 'forwarding-off', what: 'the nodes\' gateway, made a plain host, without ip_forward',
    lab: () => seedWith((t) => {
      const router = machine(t, 'router');
      router.role = 'host';
      router.sysctls = {};
    }),
    path: 'machines[1].sysctls.ip_forward', place: { ns: 'router', sysctl: 'ip_forward' }, fix: 'turn on ip_forward on router',
  },
  {
    code: 'iface-forwarding-off', what: 'node1 forwards, but not what arrives on cni0',
    lab: () => seedWith((t) => void (iface(machine(t, 'node1'), 'cni0').sysctls = { forwarding: false })),
    path: 'machines[0].interfaces[1].sysctls.forwarding', place: { ns: 'node1', iface: 'cni0' }, fix: 'turn on forwarding on cni0 of node1',
  },
  {
    code: 'subnet-unrouted', what: 'a node3 with a pod the router has no route to',
    lab: () => withNode3(1), path: 'machines[1].routes', place: { ns: 'router', routes: true },
    fix: 'add route 10.10.12.0/24 via 172.16.100.3 dev eth0 on router',
  },
  {
    code: 'segment-unrouted', what: 'node2 on a new segment the router has no route to',
    lab: () => addSegment(seedTopology(), 'node2')?.topology ?? seedTopology(),
    path: 'machines[1].routes', place: { ns: 'router', routes: true }, fix: 'add route 172.16.101.0/24 via 172.16.100.2 dev eth0 on router',
  },
  {
    code: 'pod-unrouted', what: 'pod1 without its default route',
    lab: () => seedWith((t) => void (pod(t, 'pod1').routes = [])),
    path: 'machines[0].pods[0].routes', place: { ns: 'pod1', routes: true }, fix: 'add route default via 10.10.10.254 dev eth0 on pod1',
  },
  {
    code: 'duplicate-mac', what: 'pod2 with pod1\'s MAC, on the same bridge',
    lab: () => seedWith((t) => void (iface(pod(t, 'pod2'), 'eth0').mac = '02:00:0a:0a:0a:01')),
    path: 'machines[0].pods[1].interfaces[0].mac', place: { ns: 'pod2', iface: 'eth0' },
    fix: 'change the MAC of eth0 on pod2 from 02:00:0a:0a:0a:01 to 02:00:0a:0a:0a:02',
  },
  {
    code: 'duplicate-mac-unused', what: 'pod1\'s and pod2\'s host ends with one MAC, both ports of cni0 without an address',
    lab: () => seedWith((t) => {
      const node1 = machine(t, 'node1');
      for (const name of ['veth-pod1', 'veth-pod2']) iface(node1, name).mac = 'ee:ee:ee:ee:ee:ee';
    }),
    path: 'machines[0].interfaces[3].mac', place: { ns: 'node1', iface: 'veth-pod2' },
    fix: 'change the MAC of veth-pod2 on node1 from ee:ee:ee:ee:ee:ee to 02:00:00:00:00:01',
  },
  {
    code: 'shared-mac', what: 'two Calico host-side veths with one MAC (field case F02)',
    lab: () => sharedHostMacLab(), path: 'machines[0].interfaces[2].mac', place: { ns: 'node1', iface: 'cali2' }, fix: null,
  },
  {
    code: 'port-address', what: 'an address left on a bridge port (field case F08)',
    lab: () => bridgePortAddressLab(), path: 'machines[0].interfaces[1].addresses', place: { ns: 'host', iface: 'eth0' }, fix: null,
  },
  {
    code: 'l2-loop', what: 'a veth pair with both ends in one bridge', lab: () => vethLoopLab(), path: 'machines[0].interfaces[2].master', place: { ns: 'a', iface: 'v2' }, fix: null,
  },
  {
    code: 'no-such-dev', what: 'node1\'s default route through eth9, which it does not have (Linux refuses it)',
    lab: () => seedWith((t) => void (machine(t, 'node1').routes = [{ ...NODE1_DEFAULT, dev: 'eth9' }])),
    path: 'machines[0].routes[0].dev', place: { ns: 'node1', route: { ...NODE1_DEFAULT, dev: 'eth9' } }, fix: 'change route default on node1 to via 172.16.100.254 dev eth0',
  },
  {
    code: 'gateway-unreachable', what: 'node1\'s default route through cni0, where the gateway is not on-link (Linux refuses it)',
    lab: () => seedWith((t) => void (machine(t, 'node1').routes = [{ ...NODE1_DEFAULT, dev: 'cni0' }])),
    path: 'machines[0].routes[0].via', place: { ns: 'node1', route: { ...NODE1_DEFAULT, dev: 'cni0' } }, fix: 'change route default on node1 to via 172.16.100.254 dev eth0',
  },
  {
    code: 'hostgw-no-l2', what: 'Flannel host-gw with minikube-m03 on a segment of its own',
    lab: () => flannelHostGwLab((t) => {
      Object.assign(iface(machine(t, 'minikube-m03'), 'eth0'), { segment: 'elsewhere' });
      t.segments.push({ id: 'elsewhere' });
    }),
    path: 'machines[2]', place: { ns: 'minikube-m03' }, fix: null,
  },
  {
    code: 'vxlan-underlay-mtu', what: 'flannel.1 left at 1500 over a 1500-byte eth0',
    lab: () => flannelVxlanLab((t) => void (iface(machine(t, 'minikube-m02'), 'flannel.1').mtu = 1500)),
    path: 'machines[1].interfaces[3].mtu', place: { ns: 'minikube-m02', iface: 'flannel.1' }, fix: null,
  },
  {
    code: 'pod-mtu-over-overlay', what: 'pod-a at MTU 1500 under Flannel VXLAN (1450)',
    lab: () => flannelVxlanLab((t) => void (iface(pod(t, 'pod-a'), 'eth0').mtu = 1500)),
    path: 'machines[1].pods[0].interfaces[0].mtu', place: { ns: 'pod-a', iface: 'eth0' }, fix: null,
  },
  {
    code: 'vxlan-port-mismatch', what: 'minikube-m03 listening on IANA\'s 4789 while the others send to 8472',
    lab: () => flannelVxlanLab((t) => void ((iface(machine(t, 'minikube-m03'), 'flannel.1') as VxlanIface).port = 4789)),
    path: 'machines[0].fdb[1]', place: { ns: 'minikube', iface: 'flannel.1' }, fix: null,
  },
  {
    code: 'vxlan-vni-mismatch', what: 'minikube-m03\'s flannel.1 with VNI 2',
    lab: () => flannelVxlanLab((t) => void ((iface(machine(t, 'minikube-m03'), 'flannel.1') as VxlanIface).vni = 2)),
    path: 'machines[0].fdb[1]', place: { ns: 'minikube', iface: 'flannel.1' }, fix: null,
  },
  {
    code: 'weave-underlay-mtu', what: 'Weave\'s datapath at 1480 over a 1500-byte eth0',
    lab: () => {
      const t = seedWeave();
      for (const m of t.machines) for (const i of m.interfaces) if (i.name === 'datapath') i.mtu = 1480;
      return t;
    },
    path: 'machines[0].interfaces[2].mtu', place: { ns: 'node1', iface: 'datapath' }, fix: null,
  },
  {
    code: 'weave-port-mismatch', what: 'node2\'s fastdp vport on IANA\'s 4789 where its peer sends to 6784',
    lab: () => {
      const t = seedWeave();
      (iface(machine(t, 'node2'), 'vxlan-6784') as VxlanIface).port = 4789;
      return t;
    },
    path: 'machines[1].interfaces[5].port', place: { ns: 'node2', iface: 'vxlan-6784' }, fix: null,
  },
  ...CALICO_CHECK_CASES,
  ...WIREGUARD_CHECK_CASES,
];

const key = (c: { problem: { path: string; code: string } }): string => `${c.problem.code} ${c.problem.path}`;

describe('every check on a lab with its fault', () => {
  it.each(CASES.map((c) => [`${c.code}: ${c.what}`, c] as const))('%s', (_, c) => {
    const lab = c.lab();
    const checks = labChecks(lab);
    const found = checks.find((x) => x.problem.code === c.code && x.problem.path === c.path);
    expect(found, checks.map(key).join('\n')).toBeDefined();
    if (!found) return;
    expect(found.place).toMatchObject(c.place);
    expect(checks.filter((x) => key(x) === key(found))).toHaveLength(1);
    if (c.fix === null) {
      expect(found.fix).toBeUndefined();
      return;
    }
    if (!found.fix) throw new Error('no fix offered');
    expect(fixText(found.fix, 'en')).toBe(c.fix);
    expect(fixText(found.fix, 'ru')).toMatch(/[а-яё]/);
    const after = labChecks(applyFix(lab, found.fix)).map(key);
    expect(after).not.toContain(key(found));
    const before = new Set(checks.map(key));
    expect(after.filter((k) => !before.has(k)), 'new findings after the fix').toEqual([]);
  });

  it('covers every code the checks list can show, each at the severity its rule gives', () => {
    const errors: ProblemCode[] = ['duplicate-ip', 'address-outside-subnet', 'pod-subnets-overlap', 'gateway-absent', 'duplicate-mac', 'no-such-dev', 'gateway-unreachable',
      'hostgw-no-l2', 'calico-bgp-no-l2', 'vxlan-port-mismatch', 'vxlan-vni-mismatch', 'weave-port-mismatch', 'wg-port-mismatch'];
    const covered = new Set(CASES.map((c) => c.code));
    for (const code of [...WARNING_CODES, ...errors]) expect(covered.has(code), code).toBe(true);
    for (const code of errors) expect(problemSeverity(code), code).toBe('error');
    for (const c of CASES) expect(problemSeverity(c.code), c.code).toBe(errors.includes(c.code) ? 'error' : 'warning');
  });

  it('lists errors before warnings', () => {
    const lab = seedWith((t) => {
      machine(t, 'node1').sysctls = {};
      iface(pod(t, 'pod2'), 'eth0').addresses = ['10.10.10.1/24'];
    });
    expect(labChecks(lab).map((c) => c.problem.code)).toEqual(['duplicate-ip', 'forwarding-off']);
  });

  it('offers no fix for overlapping pod subnets once the node has pods: their addresses and routes would change too', () => {
    const t = withNode3(1);
    const node3 = machine(t, 'node3');
    const lab: Topology = { ...t, machines: t.machines.map((m) => (m === node3 ? { ...m, interfaces: m.interfaces.map((i) => (i.name === 'cni0' ? { ...i, addresses: ['10.10.10.254/16'] } : i)) } : m)) };
    const overlap = labChecks(lab).find((c) => c.problem.code === 'pod-subnets-overlap');
    expect(overlap?.problem.params).toMatchObject({ machine: 'node3', subnet: '10.10.0.0/16', other: 'node1', otherSubnet: '10.10.10.0/24', free: '10.10.13.0/24' });
    expect(overlap?.fix).toBeUndefined();
  });

  it('runs no design check on a lab Linux refuses: its refusals come first and alone', () => {
    const lab = seedWith((t) => {
      machine(t, 'node1').routes = [{ ...NODE1_DEFAULT, dev: 'eth9' }];
      machine(t, 'node2').sysctls = {};
    });
    expect(labChecks(lab).map((c) => c.problem.code)).toEqual(['no-such-dev']);
  });
});

/**
 * Latin words the Russian findings and fixes may hold besides their values: protocol and tool
 * names as Russian courses write them (ARP, ICMP, MAC, Linux, Calico, STP), the kernel's and the
 * CNI's own terms given in brackets after the Russian word (martian source, locktime, host-local
 * IPAM, forwarding, ip_forward, veth), and commands quoted as typed (ip link set … master).
 */
const LATIN_OK = new Set(['ARP', 'ICMP', 'MAC', 'Linux', 'Calico', 'STP', 'martian', 'source', 'locktime', 'host', 'local', 'IPAM', 'forwarding', 'ip_forward', 'veth',
  'ip', 'link', 'set', 'master', 'net', 'ipv', 'conf', 'via', 'dev', 'default', 'onlink', 'multicast', 'unicast', 'arp_ignore',
  // The error a program gets, as strerror(ENETUNREACH) prints it.
  'Network', 'is', 'unreachable',
  // Weave Net by its names: the project, its fast datapath and its fallback (sleeve), its setting
  // WEAVE_MTU, the heartbeats its router sends.
  'Weave', 'Net', 'weave', 'fastdp', 'sleeve', 'WEAVE_MTU', 'heartbeat',
  // Cilium and WireGuard by their own names.
  'Cilium', 'WireGuard', 'IP',
  // The datapath checks: the overlay's layers and sizes, flannel's backends, daemon and variable, and
  // ICMP errors as tcpdump prints them.
  'MTU', 'UDP', 'VXLAN', 'IPv', 'Ethernet', 'Flannel', 'flannel', 'flanneld', 'gw', 'vxlan', 'FLANNEL_MTU', 'DF', 'VNI',
  'fragmentation', 'needed',
  // Calico's checks: the kernel's proxy ARP and its sysctl.
  'proxy', 'proxy_arp', 'BIRD', 'veth_mtu',
  'AllowedIPs', 'wg', 'no', 'peer', 'cilium_wg', 'kubectl', 'n', 'kube', 'system', 'logs', 'cilium', 'wireguard', 'enable', 'eth']); // wg-no-device: drop, log command, setting

describe('what the findings say, in English and Russian', () => {
  const all = CASES.flatMap((c) => labChecks(c.lab()).filter((x) => x.problem.code === c.code));

  it('Russian keeps Latin to values and technical tokens, and follows the glossary', () => {
    for (const c of all) {
      const texts = [formatProblem(c.problem, 'ru'), ...(c.fix ? [fixText(c.fix, 'ru')] : [])];
      const values = [...Object.values(c.problem.params).map(String), ...(c.fix ? Object.values(c.fix).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v as object).map(String))) : [])];
      for (const text of texts) {
        let rest = text.replace(/^[^ ]+: /, '').replace(/«[^«»]*»/g, ' ');
        for (const v of values.sort((a, b) => b.length - a.length)) rest = rest.split(v).join(' ');
        rest = rest.replace(/\S*\d\S*/g, ' ');
        expect((rest.match(/[A-Za-z_]+/g) ?? []).filter((w) => !LATIN_OK.has(w)), text).toEqual([]);
        for (const g of GLOSSARY_RU) expect(text, g.why).not.toMatch(g.avoid);
      }
    }
  });

  it('English has no Cyrillic, and each finding says what Linux does and what to do', () => {
    for (const c of all) {
      const en = formatProblem(c.problem, 'en');
      expect(en).not.toMatch(/[а-яё]/i);
      if (c.fix) expect(fixText(c.fix, 'en')).not.toMatch(/[а-яё]/i);
    }
    const text = (code: ProblemCode): string => formatProblem(all.find((c) => c.problem.code === code)?.problem ?? { path: '', code, params: {} }, 'en');
    expect(text('duplicate-ip')).toMatch(/keeps the first answer.*martian source.*Give one of them another address/);
    expect(text('gateway-absent')).toMatch(/nobody answers the ARP request.*host unreachable.*Name as gateway/);
    expect(text('forwarding-off')).toMatch(/drops them silently, without an ICMP error/);
  });

  it('Russian names ICMP errors by the glossary and puts a declinable word before a Latin name it declines', () => {
    const ru = (code: ProblemCode): string => formatProblem(all.find((c) => c.problem.code === code)?.problem ?? { path: '', code, params: {} }, 'ru');
    expect(ru('vxlan-port-mismatch')).toMatch(/поэтому машина \S+ отвечает на каждую датаграмму ICMP «порт недостижим»/);
    expect(ru('pod-mtu-over-overlay')).toMatch(/У интерфейса \S+ пода .* ICMP «нужна фрагментация» \(fragmentation needed\)/);
    expect(ru('vxlan-underlay-mtu')).toMatch(/У устройства \S+ MTU .* из интерфейса \S+ на 50 байт длиннее .* пропускает не больше \d+ байт(а)?: .* Задайте устройству /);
  });
});
