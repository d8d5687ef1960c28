/**
 * The cases recorded against Debian's reference plugins (scripts/cni/record.sh) and replayed on
 * ours (scripts/cni/cni.test.ts): each is a sequence of steps on one fresh node, the way a runtime
 * would drive it. Pod namespaces are named (`pod1`) and become `/var/run/netns/pod1` in CNI_NETNS;
 * the recorder puts each case's host-local store in a temporary directory and writes the default
 * path in the fixture, so both sides read the same.
 */
import type { Json } from '../../src/core/cni/goJson';

/** The environment of a call: CNI_NETNS as a pod name (`pod1`), or a literal path when it starts with `/`. */
export type CallEnv = Partial<Record<'CNI_COMMAND' | 'CNI_CONTAINERID' | 'CNI_NETNS' | 'CNI_IFNAME' | 'CNI_ARGS' | 'CNI_PATH', string>>;

/** What our plugins answer instead of the reference, and why (a known bug of 1.1.1, spec 1.1). */
export interface Deviation {
  why: string;
  exitCode: 0 | 1;
  /** Our stdout, exactly; or for an error, its code. */
  stdout?: string;
  code?: number;
}

export type Step =
  | { netns: 'add' | 'del'; name: string }
  | { plugin: 'bridge' | 'host-local'; env: CallEnv; conf: Json | string; prevResultOf?: number; ours?: Deviation }
  | { ip: { ns: string; args: string[] } }
  | { snapshot: true };

export interface CniCase {
  id: string;
  /** What the case shows. */
  notes: string;
  /** Compare the node's nat table too (ipMasq). */
  nat?: boolean;
  steps: Step[];
}

const PATH = '/usr/lib/cni';

/** A runtime's call: command, container, pod namespace, eth0, the plugins' directory. */
function call(plugin: 'bridge' | 'host-local', command: string, id: string, pod: string, conf: Json | string, extra: CallEnv & { prevResultOf?: number; ours?: Deviation } = {}): Step {
  const { prevResultOf, ours, ...env } = extra;
  return {
    plugin,
    env: { CNI_COMMAND: command, CNI_CONTAINERID: id, CNI_NETNS: pod, CNI_IFNAME: 'eth0', CNI_PATH: PATH, ...env },
    conf,
    ...(prevResultOf !== undefined ? { prevResultOf } : {}),
    ...(ours ? { ours } : {}),
  };
}

const netns = (...names: string[]): Step[] => names.map((name) => ({ netns: 'add' as const, name }));
const snapshot: Step = { snapshot: true };

/** The bridge plugin as a pod network's gateway, with a route to the cluster network (host-local hands it out without a gateway). */
export const GATEWAY: Json = {
  cniVersion: '1.0.0', name: 'mynet', type: 'bridge', bridge: 'cni0', isGateway: true, isDefaultGateway: true,
  ipam: { type: 'host-local', ranges: [[{ subnet: '10.22.0.0/24' }]], routes: [{ dst: '10.244.0.0/16' }] },
};

/** GATEWAY without the IPAM route: the prevResult every CHECK of 1.1.1 accepts. */
const GATEWAY_PLAIN: Json = { ...(GATEWAY as Record<string, Json>), ipam: { type: 'host-local', ranges: [[{ subnet: '10.22.0.0/24' }]] } };

/**
 * What the flannel plugin hands the bridge on a node whose subnet.env says FLANNEL_NETWORK=10.244.0.0/16,
 * FLANNEL_SUBNET=10.244.1.1/24, FLANNEL_MTU=1450, FLANNEL_IPMASQ=true, with kube-flannel.yml's conflist
 * (`cbr0`, cniVersion 0.3.1, delegate hairpinMode and isDefaultGateway). Our flannel must build exactly this.
 */
export const FLANNEL_DELEGATE =
  '{"cniVersion":"0.3.1","hairpinMode":true,"ipMasq":false,"ipam":{"ranges":[[{"subnet":"10.244.1.0/24"}]],"routes":[{"dst":"10.244.0.0/16"}],"type":"host-local"},"isDefaultGateway":true,"isGateway":true,"mtu":1450,"name":"cbr0","type":"bridge"}';

const HL: Json = {
  cniVersion: '1.0.0', name: 'hl',
  ipam: { type: 'host-local', ranges: [[{ subnet: '10.30.0.0/24', rangeStart: '10.30.0.10', rangeEnd: '10.30.0.12', gateway: '10.30.0.11' }, { subnet: '10.30.1.0/30' }]] },
};

const withIpam = (ipam: Json): Json => ({ ...(GATEWAY as Record<string, Json>), ipam });

export const CASES: CniCase[] = [
  {
    id: 'add-del-round-robin',
    notes: 'ADD creates cni0, the veth pair and the addresses; host-local hands out .2, .3; after DEL of .2 (twice: DEL is idempotent) the next ADD gets .4, not .2: round-robin from last_reserved_ip.',
    steps: [
      ...netns('pod1', 'pod2', 'pod3'),
      call('bridge', 'ADD', 'c1', 'pod1', GATEWAY),
      snapshot,
      call('bridge', 'ADD', 'c2', 'pod2', GATEWAY),
      call('bridge', 'DEL', 'c1', 'pod1', GATEWAY),
      call('bridge', 'DEL', 'c1', 'pod1', GATEWAY),
      snapshot,
      call('bridge', 'ADD', 'c3', 'pod3', GATEWAY),
      snapshot,
    ],
  },
  {
    id: 'no-gateway-0.3.1',
    notes: 'Without isGateway the bridge gets no address, ip_forward stays 0, and its MAC follows its lowest port MAC (when its last port goes it keeps the MAC and loses carrier); spec 0.3.1 results carry "version": "4"; the old single-range IPAM form (`subnet`).',
    steps: [
      ...netns('pod1', 'pod2'),
      call('bridge', 'ADD', 'c1', 'pod1', { cniVersion: '0.3.1', name: 'l2net', type: 'bridge', bridge: 'br0', ipam: { type: 'host-local', subnet: '10.23.0.0/24' } }),
      call('bridge', 'ADD', 'c2', 'pod2', { cniVersion: '0.3.1', name: 'l2net', type: 'bridge', bridge: 'br0', ipam: { type: 'host-local', subnet: '10.23.0.0/24' } }),
      snapshot,
      call('bridge', 'DEL', 'c1', 'pod1', { cniVersion: '0.3.1', name: 'l2net', type: 'bridge', bridge: 'br0', ipam: { type: 'host-local', subnet: '10.23.0.0/24' } }),
      snapshot,
      call('bridge', 'DEL', 'c2', 'pod2', { cniVersion: '0.3.1', name: 'l2net', type: 'bridge', bridge: 'br0', ipam: { type: 'host-local', subnet: '10.23.0.0/24' } }),
      snapshot,
    ],
  },
  {
    id: 'layer2-only',
    notes: 'A bridge without ipam: the veth pair only, eth0 up without an address. CHECK then fails in 1.1.1, which runs an IPAM CHECK with an empty type.',
    steps: [
      ...netns('pod1'),
      call('bridge', 'ADD', 'c1', 'pod1', { cniVersion: '1.0.0', name: 'l2', type: 'bridge', bridge: 'br1' }),
      snapshot,
      call('bridge', 'CHECK', 'c1', 'pod1', { cniVersion: '1.0.0', name: 'l2', type: 'bridge', bridge: 'br1' }, { prevResultOf: 1 }),
    ],
  },
  {
    id: 'versions',
    notes: 'One configuration in every spec version the reference speaks: 0.2.0 prints ip4 with its routes inside, 0.3.0 and 0.4.0 add "version": "4" to each address, 1.0.0 drops it; VERSION lists what the plugin supports (ours adds 1.1.0).',
    steps: [
      ...netns('pod1', 'pod2', 'pod3', 'pod4'),
      call('bridge', 'ADD', 'c1', 'pod1', { ...(GATEWAY as Record<string, Json>), cniVersion: '0.2.0' }),
      call('bridge', 'ADD', 'c2', 'pod2', { ...(GATEWAY as Record<string, Json>), cniVersion: '0.3.0' }),
      call('bridge', 'ADD', 'c3', 'pod3', { ...(GATEWAY as Record<string, Json>), cniVersion: '0.4.0' }),
      call('bridge', 'ADD', 'c4', 'pod4', GATEWAY),
      snapshot,
      call('bridge', 'DEL', 'c2', 'pod2', { ...(GATEWAY as Record<string, Json>), cniVersion: '0.3.0' }),
      call('host-local', 'ADD', 'h1', 'pod1', { ...(GATEWAY as Record<string, Json>), cniVersion: '0.3.1' }),
      call('host-local', 'ADD', 'h2', 'pod1', { ...(GATEWAY as Record<string, Json>), cniVersion: '0.2.0' }),
      {
        plugin: 'bridge', env: { CNI_COMMAND: 'VERSION' }, conf: '',
        ours: { why: 'ours speaks spec 1.1.0 too, as the current reference plugins do (cni >= 1.2)', exitCode: 0, stdout: '{"cniVersion":"1.1.0","supportedVersions":["0.1.0","0.2.0","0.3.0","0.3.1","0.4.0","1.0.0","1.1.0"]}\n' },
      },
      snapshot,
    ],
  },
  {
    id: 'flannel-delegate',
    notes: 'The configuration the flannel plugin hands the bridge (kube-flannel.yml with FLANNEL_SUBNET=10.244.1.1/24, FLANNEL_MTU=1450): cni0 and the veths at MTU 1450, hairpin on, 10.244.1.1 on cni0, routes to 10.244.0.0/16 and default; a 0.3.1 configuration does not allow CHECK.',
    steps: [
      ...netns('pod1', 'pod2'),
      call('bridge', 'ADD', 'sandbox1', 'pod1', FLANNEL_DELEGATE, { CNI_ARGS: 'IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-1;K8S_POD_INFRA_CONTAINER_ID=sandbox1' }),
      call('bridge', 'ADD', 'sandbox2', 'pod2', FLANNEL_DELEGATE, { CNI_ARGS: 'IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-2;K8S_POD_INFRA_CONTAINER_ID=sandbox2' }),
      snapshot,
      call('bridge', 'CHECK', 'sandbox1', 'pod1', FLANNEL_DELEGATE),
      call('bridge', 'DEL', 'sandbox1', 'pod1', FLANNEL_DELEGATE),
      snapshot,
    ],
  },
  {
    id: 'check',
    notes: 'CHECK against prevResult: it passes right after ADD, fails without prevResult, fails when the default route or the address is gone (and with the address, the kernel flushed every route through eth0).',
    steps: [
      ...netns('pod1'),
      call('bridge', 'ADD', 'c1', 'pod1', GATEWAY_PLAIN),
      call('bridge', 'CHECK', 'c1', 'pod1', GATEWAY_PLAIN, { prevResultOf: 1 }),
      call('bridge', 'CHECK', 'c1', 'pod1', GATEWAY_PLAIN),
      call('bridge', 'CHECK', 'c9', 'pod1', GATEWAY_PLAIN, { prevResultOf: 1 }),
      { ip: { ns: 'pod1', args: ['route', 'del', 'default'] } },
      call('bridge', 'CHECK', 'c1', 'pod1', GATEWAY_PLAIN, { prevResultOf: 1 }),
      { ip: { ns: 'pod1', args: ['addr', 'flush', 'dev', 'eth0'] } },
      call('bridge', 'CHECK', 'c1', 'pod1', GATEWAY_PLAIN, { prevResultOf: 1 }),
      snapshot,
    ],
  },
  {
    id: 'check-gatewayless-route',
    notes: 'The route host-local hands out without a gateway (here 10.244.0.0/16) is installed via the IP\'s gateway; 1.1.1\'s CHECK then looks for it without a gateway and fails. Fixed in plugins 1.3.0 (c347755f): ours passes.',
    steps: [
      ...netns('pod1'),
      call('bridge', 'ADD', 'c1', 'pod1', GATEWAY),
      call('bridge', 'CHECK', 'c1', 'pod1', GATEWAY, {
        prevResultOf: 1,
        ours: { why: 'known bug of 1.1.1: ValidateExpectedRoute also matched the nil gateway; plugins 1.3.0 look such a route up by destination only', exitCode: 0, stdout: '' },
      }),
    ],
  },
  {
    id: 'del',
    notes: 'DEL without CNI_NETNS releases the address only (the veth stays); DEL after the runtime already deleted the namespace succeeds and releases the address; DEL of an unknown container succeeds.',
    steps: [
      ...netns('pod1', 'pod2'),
      call('bridge', 'ADD', 'c1', 'pod1', GATEWAY),
      call('bridge', 'DEL', 'c1', '', GATEWAY),
      snapshot,
      call('bridge', 'ADD', 'c2', 'pod2', GATEWAY),
      { netns: 'del', name: 'pod2' },
      call('bridge', 'DEL', 'c2', 'pod2', GATEWAY),
      call('bridge', 'DEL', 'c9', '/var/run/netns/never-made', GATEWAY),
      snapshot,
    ],
  },
  {
    id: 'host-local',
    notes: 'host-local alone: a range set of two ranges (.10-.12 with gateway .11 skipped, then 10.30.1.2), full after three; round-robin after a release; one address per attachment; CHECK; addresses asked for in CNI_ARGS (the gateway is refused, unknown keys need IgnoreUnknown).',
    steps: [
      call('host-local', 'ADD', 'a', '/var/run/netns/x', HL),
      call('host-local', 'ADD', 'b', '/var/run/netns/x', HL),
      call('host-local', 'ADD', 'c', '/var/run/netns/x', HL),
      call('host-local', 'ADD', 'd', '/var/run/netns/x', HL),
      call('host-local', 'DEL', 'b', '/var/run/netns/x', HL),
      call('host-local', 'ADD', 'd', '/var/run/netns/x', HL),
      call('host-local', 'ADD', 'a', '/var/run/netns/x', HL),
      call('host-local', 'CHECK', 'a', '/var/run/netns/x', HL),
      call('host-local', 'CHECK', 'zz', '/var/run/netns/x', HL),
      snapshot,
      call('host-local', 'DEL', 'a', '/var/run/netns/x', HL),
      call('host-local', 'ADD', 'e', '/var/run/netns/x', HL, { CNI_ARGS: 'IP=10.30.0.11' }),
      call('host-local', 'ADD', 'e', '/var/run/netns/x', HL, { CNI_ARGS: 'IP=10.30.0.12' }),
      call('host-local', 'ADD', 'e', '/var/run/netns/x', HL, { CNI_ARGS: 'K8S_POD_NAME=web;IP=10.30.0.10' }),
      call('host-local', 'ADD', 'e', '/var/run/netns/x', HL, { CNI_ARGS: 'IgnoreUnknown=1;K8S_POD_NAME=web;IP=10.30.0.10' }),
      call('host-local', 'ADD', 'f', '/var/run/netns/x', HL, { CNI_ARGS: 'IP=10.99.0.1' }),
      call('host-local', 'ADD', 'f', '/var/run/netns/x', HL, { CNI_ARGS: 'IP=nonsense' }),
      snapshot,
    ],
  },
  {
    id: 'errors',
    notes: 'The error codes and texts: missing variables (4), a bad container ID or interface name (4), no network name (7), bad JSON (6), an unknown version (1), an unknown IPAM type, hairpin with promisc, a bad VLAN, a string MTU, IPAM ranges host-local refuses (999), CHECK under 0.3.1 (1), an unknown command (4), a missing namespace (999, after cni0 was already made).',
    steps: [
      { plugin: 'bridge', env: { CNI_COMMAND: 'ADD' }, conf: GATEWAY },
      { plugin: 'bridge', env: { CNI_COMMAND: 'DEL', CNI_NETNS: 'pod1' }, conf: GATEWAY },
      { plugin: 'bridge', env: { CNI_COMMAND: 'CHECK', CNI_CONTAINERID: 'c1', CNI_IFNAME: 'eth0', CNI_PATH: PATH }, conf: GATEWAY },
      call('bridge', 'ADD', '-bad', '/var/run/netns/x', GATEWAY),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', GATEWAY, { CNI_IFNAME: 'averyveryverylongname' }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', GATEWAY, { CNI_IFNAME: 'eth:0' }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', { cniVersion: '1.0.0', type: 'bridge' }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', { cniVersion: '1.0.0', name: 'bad name', type: 'bridge' }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', '{"cniVersion": "1.0.0", "name": '),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', '{"cniVersion": "1.0.0", "name": "x",}'),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', ''),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', { ...(GATEWAY as Record<string, Json>), cniVersion: '9.9.9' }, {
        ours: { why: 'the same error, but our list of supported versions in its details ends with 1.1.0', exitCode: 1, stdout: '{\n    "code": 1,\n    "msg": "incompatible CNI versions",\n    "details": "config is \\"9.9.9\\", plugin supports [\\"0.1.0\\" \\"0.2.0\\" \\"0.3.0\\" \\"0.3.1\\" \\"0.4.0\\" \\"1.0.0\\" \\"1.1.0\\"]"\n}' },
      }),
      call('bridge', 'CHECK', 'c1', '/var/run/netns/x', { ...(GATEWAY as Record<string, Json>), cniVersion: '0.3.1' }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', { ...(GATEWAY as Record<string, Json>), hairpinMode: true, promiscMode: true }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', { ...(GATEWAY as Record<string, Json>), vlan: 5000 }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', { ...(GATEWAY as Record<string, Json>), mtu: '1450' }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', GATEWAY, { CNI_COMMAND: 'FOO' }),
      call('host-local', 'ADD', 'c1', '/var/run/netns/x', withIpam({ type: 'host-local', ranges: [[{ subnet: '10.22.0.0/31' }]] })),
      call('host-local', 'ADD', 'c1', '/var/run/netns/x', withIpam({ type: 'host-local', ranges: [[{ subnet: '10.22.0.7/24' }]] })),
      call('host-local', 'ADD', 'c1', '/var/run/netns/x', withIpam({ type: 'host-local' })),
      call('host-local', 'ADD', 'c1', '/var/run/netns/x', withIpam({ type: 'host-local', ranges: [[{ subnet: '10.22.0.0/33' }]] })),
      call('host-local', 'ADD', 'c1', '/var/run/netns/x', withIpam({ type: 'host-local', ranges: [[{ subnet: '10.22.0.0/24', rangeStart: '10.22.1.5' }]] })),
      call('host-local', 'ADD', 'c1', '/var/run/netns/x', withIpam({ type: 'host-local', ranges: [[{ subnet: '10.22.0.0/24' }], [{ subnet: '10.22.0.0/25' }]] })),
      call('host-local', 'ADD', 'c1', '/var/run/netns/x', { cniVersion: '1.0.0', name: 'noipam' }),
      call('bridge', 'ADD', 'c1', '/var/run/netns/x', withIpam({ type: 'dhcp-nope' })),
      call('bridge', 'ADD', 'c1', '/var/run/netns/never-made', GATEWAY),
      snapshot,
    ],
  },
  {
    id: 'bridge-conflicts',
    notes: 'A second network on the same bridge with another subnet: "cni0" already has another address (the address is released, the veth stays for the runtime\'s DEL); forceAddress replaces it; the same interface twice in a namespace; a device named cni0 that is not a bridge.',
    steps: [
      ...netns('pod1', 'pod2', 'pod3'),
      call('bridge', 'ADD', 'c1', 'pod1', GATEWAY_PLAIN),
      call('bridge', 'ADD', 'c2', 'pod2', withIpam({ type: 'host-local', ranges: [[{ subnet: '10.23.0.0/24' }]] })),
      snapshot,
      call('bridge', 'ADD', 'c3', 'pod3', { ...(withIpam({ type: 'host-local', ranges: [[{ subnet: '10.23.0.0/24' }]] }) as Record<string, Json>), forceAddress: true }),
      call('bridge', 'ADD', 'c1', 'pod1', GATEWAY_PLAIN),
      snapshot,
      { ip: { ns: 'node', args: ['link', 'add', 'cni1', 'type', 'veth', 'peer', 'name', 'cni1peer'] } },
      call('bridge', 'ADD', 'c4', 'pod3', { ...(GATEWAY_PLAIN as Record<string, Json>), bridge: 'cni1' }, { CNI_IFNAME: 'eth1' }),
    ],
  },
  {
    id: 'ipmasq',
    nat: true,
    notes: 'ipMasq: a nat chain CNI-<sha512(name+id)> per pod that accepts its subnet and masquerades the rest but multicast, jumped to from POSTROUTING; DEL removes it.',
    steps: [
      ...netns('pod1', 'pod2'),
      call('bridge', 'ADD', 'c1', 'pod1', { cniVersion: '0.4.0', name: 'masqnet', type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: true, ipam: { type: 'host-local', ranges: [[{ subnet: '10.40.0.0/24' }]] } }),
      call('bridge', 'ADD', 'c2', 'pod2', { cniVersion: '0.4.0', name: 'masqnet', type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: true, ipam: { type: 'host-local', ranges: [[{ subnet: '10.40.0.0/24' }]] } }),
      snapshot,
      call('bridge', 'DEL', 'c1', 'pod1', { cniVersion: '0.4.0', name: 'masqnet', type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: true, ipam: { type: 'host-local', ranges: [[{ subnet: '10.40.0.0/24' }]] } }),
      snapshot,
    ],
  },
  {
    id: 'mac-and-dns',
    notes: 'A MAC asked for in CNI_ARGS is the container end\'s; runtimeConfig.mac wins over it; the result\'s dns is the configuration\'s, not IPAM\'s.',
    steps: [
      ...netns('pod1', 'pod2'),
      call('bridge', 'ADD', 'c1', 'pod1', { ...(GATEWAY_PLAIN as Record<string, Json>), dns: { nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local'] } }, { CNI_ARGS: 'IgnoreUnknown=1;MAC=0a:58:0a:16:00:63' }),
      call('bridge', 'ADD', 'c2', 'pod2', { ...(GATEWAY_PLAIN as Record<string, Json>), runtimeConfig: { mac: '0a:58:0a:16:00:64' } }, { CNI_ARGS: 'MAC=0a:58:0a:16:00:65' }),
      snapshot,
    ],
  },
  {
    id: 'spec-1.1',
    notes: 'Spec 1.1.0 configurations: the reference 1.1.1 refuses them (incompatible CNI versions, code 1); ours speaks 1.1.0 as the current reference plugins do, with GC and STATUS.',
    steps: [
      ...netns('pod1'),
      call('bridge', 'ADD', 'c1', 'pod1', { ...(GATEWAY as Record<string, Json>), cniVersion: '1.1.0' }, {
        ours: { why: 'spec 1.1.0 is supported (cni >= 1.2, plugins >= 1.5)', exitCode: 0 },
      }),
      { plugin: 'bridge', env: { CNI_COMMAND: 'STATUS', CNI_PATH: PATH }, conf: { ...(GATEWAY as Record<string, Json>), cniVersion: '1.1.0' }, ours: { why: 'STATUS is spec 1.1; 1.1.1 does not know it and asks for a container ID', exitCode: 0, stdout: '' } },
      { plugin: 'bridge', env: { CNI_COMMAND: 'GC', CNI_PATH: PATH }, conf: { ...(GATEWAY as Record<string, Json>), cniVersion: '1.1.0', 'cni.dev/valid-attachments': [{ containerID: 'c1', ifname: 'eth0' }] }, ours: { why: 'GC is spec 1.1; 1.1.1 does not know it', exitCode: 0, stdout: '' } },
    ],
  },
];
