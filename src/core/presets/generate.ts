import { JourneyError } from '../errors';
import type { MachineSpec, Topology } from '../model/topology';

/** Options for a generated cluster. */
export interface ClusterOptions {
  /** Number of Kubernetes nodes (1-250). */
  nodes: number;
  /** Pods on each node (1-250). */
  podsPerNode: number;
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/**
 * A cluster shaped like the seed lab, at any size: N nodes on one segment 172.16.0.0/16 behind one
 * router, node i with bridge cni0 10.244.i.254/24 and pods 10.244.i.1, .2, … Used by benchmarks,
 * property tests and layout tests. Names: node1…, pod<i>-<j>, router.
 */
export function generateCluster({ nodes, podsPerNode }: ClusterOptions): Topology {
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 250) throw new JourneyError({ en: `nodes: expected a whole number from 1 to 250, got ${nodes}`, ru: `nodes: ожидается целое число от 1 до 250, получено ${nodes}` });
  if (!Number.isInteger(podsPerNode) || podsPerNode < 1 || podsPerNode > 250) throw new JourneyError({ en: `pods: expected a whole number from 1 to 250, got ${podsPerNode}`, ru: `pods: ожидается целое число от 1 до 250, получено ${podsPerNode}` });
  const machines: MachineSpec[] = [];
  const routerRoutes: NonNullable<MachineSpec['routes']> = [];
  for (let i = 1; i <= nodes; i++) {
    const name = `node${i}`;
    const nodeIp = `172.16.1.${i}`;
    const pods = [];
    const ifaces: MachineSpec['interfaces'] = [
      { kind: 'ether', name: 'eth0', mac: `02:00:ac:10:01:${hex(i)}`, addresses: [`${nodeIp}/16`], segment: 'lan' },
      { kind: 'bridge', name: 'cni0', mac: `02:00:0a:f4:${hex(i)}:fe`, addresses: [`10.244.${i}.254/24`] },
    ];
    for (let j = 1; j <= podsPerNode; j++) {
      const pod = `pod${i}-${j}`;
      const hostIf = `veth${i}-${j}`;
      ifaces.push({ kind: 'veth', name: hostIf, mac: `02:01:0a:f4:${hex(i)}:${hex(j)}`, master: 'cni0', peer: { ns: pod, iface: 'eth0' } });
      pods.push({
        name: pod,
        interfaces: [{ kind: 'veth' as const, name: 'eth0', mac: `02:00:0a:f4:${hex(i)}:${hex(j)}`, addresses: [`10.244.${i}.${j}/24`], peer: { ns: name, iface: hostIf } }],
        routes: [{ dst: 'default', via: `10.244.${i}.254`, dev: 'eth0' }],
      });
    }
    machines.push({ name, role: 'node', interfaces: ifaces, routes: [{ dst: 'default', via: '172.16.0.254', dev: 'eth0' }], sysctls: { ip_forward: true }, pods });
    routerRoutes.push({ dst: `10.244.${i}.0/24`, via: nodeIp, dev: 'eth0' });
  }
  machines.push({
    name: 'router',
    role: 'router',
    interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:00:ac:10:00:fe', addresses: ['172.16.0.254/16'], segment: 'lan', sysctls: { send_redirects: false } }],
    routes: routerRoutes,
    sysctls: { ip_forward: true, all: { send_redirects: false } },
  });
  return { version: 1, name: `cluster-${nodes}x${podsPerNode}`, machines, segments: [{ id: 'lan', label: '172.16.0.0/16' }] };
}
