import type { MachineSpec, PodSpec, Topology } from '../model/topology';
import { vouchValid } from '../model/vouch';

/*
 * The lab from the user's notes: two VMs (Kubernetes nodes) and one router on 172.16.100.0/24;
 * each node has a bridge cni0 whose address is its pods' gateway, as the CNI bridge plugin sets up
 * with isGateway. MACs embed the interface's IPv4 address in hex so a trace reads by itself:
 *   02:00:<ip in hex>  the interface that owns the address (pod eth0, cni0, node eth0)
 *   02:01:<pod ip>     the host end of that pod's veth (it has no address of its own)
 */

/** `02:00:0a:0a:0a:01` for 10.10.10.1 and so on. */
function macFor(ip: string, kind: 0 | 1): string {
  const hex = ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'));
  return ['02', kind === 0 ? '00' : '01', ...hex].join(':');
}

function pod(name: string, ip: string, gateway: string, node: string): PodSpec {
  return {
    name,
    interfaces: [
      { kind: 'veth', name: 'eth0', mac: macFor(ip, 0), addresses: [`${ip}/24`], peer: { ns: node, iface: `veth-${name}` } },
    ],
    routes: [{ dst: 'default', via: gateway, dev: 'eth0' }],
  };
}

function node(name: string, ip: string, podNet: string, pods: [string, string][]): MachineSpec {
  const gw = `${podNet}.254`;
  return {
    name,
    role: 'node',
    interfaces: [
      { kind: 'ether', name: 'eth0', mac: macFor(ip, 0), addresses: [`${ip}/24`], segment: 'lan' },
      { kind: 'bridge', name: 'cni0', mac: macFor(gw, 0), addresses: [`${gw}/24`] },
      ...pods.map(([podName, podIp]) => ({
        kind: 'veth' as const,
        name: `veth-${podName}`,
        mac: macFor(podIp, 1),
        master: 'cni0',
        peer: { ns: podName, iface: 'eth0' },
      })),
    ],
    routes: [{ dst: 'default', via: '172.16.100.254', dev: 'eth0' }],
    sysctls: { ip_forward: true },
    pods: pods.map(([podName, podIp]) => pod(podName, podIp, gw, name)),
  };
}

/** The seed lab: node1 (pod1, pod2), node2 (pod3, pod4), one router, one L2 segment. */
export function seedTopology(): Topology {
  return {
    version: 1,
    name: 'seed',
    description: {
      en: 'Two Kubernetes nodes with a bridge CNI and one router, from the course notes.',
      ru: 'Две ноды Kubernetes с CNI на основе моста и один маршрутизатор, как в конспекте.',
    },
    segments: [{ id: 'lan', label: '172.16.100.0/24' }],
    machines: [
      node('node1', '172.16.100.1', '10.10.10', [
        ['pod1', '10.10.10.1'],
        ['pod2', '10.10.10.2'],
      ]),
      {
        name: 'router',
        role: 'router',
        interfaces: [
          {
            kind: 'ether',
            name: 'eth0',
            mac: macFor('172.16.100.254', 0),
            addresses: ['172.16.100.254/24'],
            segment: 'lan',
            sysctls: { send_redirects: false },
          },
        ],
        routes: [
          { dst: '10.10.10.0/24', via: '172.16.100.1', dev: 'eth0' },
          { dst: '10.10.11.0/24', via: '172.16.100.2', dev: 'eth0' },
        ],
        // The router sends packets back out the interface they came in on, so Linux may send ICMP
        // redirects. The lab turns them off; Linux needs both `all` and the interface at 0, since
        // the effective value is `all || eth0`.
        sysctls: { ip_forward: true, all: { send_redirects: false } },
      },
      node('node2', '172.16.100.2', '10.10.11', [
        ['pod3', '10.10.11.1'],
        ['pod4', '10.10.11.2'],
      ]),
    ],
  };
}

/**
 * The seed lab as the pages open it: vouched valid (model/vouch.ts; tests validate it), so a page
 * showing it never loads the validator. Frozen at the top (a lab is never changed in place); the
 * scenarios that start from the seed lab and change it build from {@link seedTopology}.
 */
export function seedLab(): Topology {
  return vouchValid(seedTopology());
}
