import { JourneyError } from '../errors';
import { count, type PluralForms } from '../i18n/plural';
import type { MachineSpec, PodSpec, Topology } from '../model/topology';
import { vouchValid } from '../model/vouch';

/**
 * Kubernetes' documented limits for one cluster ("Considerations for large clusters"): at most
 * 5,000 nodes, 150,000 pods in total and 110 pods per node (the kubelet's default `maxPods`).
 */
export const K8S_LIMITS = { nodes: 5000, pods: 150000, podsPerNode: 110 } as const;

/** Options for a generated cluster. */
export interface ClusterOptions {
  /** Number of Kubernetes nodes (1-5,000). */
  nodes: number;
  /** Pods on each node (1-110; nodes × podsPerNode at most 150,000). */
  podsPerNode: number;
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/**
 * Node i's pod subnet as its second and third octets: 10.244.i.0/24 for the first 255 nodes (as
 * kube-flannel's default 10.244.0.0/16 hands them out), then on through 10.245…10.255 and
 * 10.0…10.7 for larger clusters, one /24 per node, never twice.
 */
function podSubnet(i: number): readonly [number, number] {
  return [(244 + (i >> 8)) & 255, i & 255];
}

/** Refuses sizes Kubernetes does not support, in both languages, naming the value. */
function checkSize(nodes: number, podsPerNode: number): void {
  const { nodes: maxNodes, pods: maxPods, podsPerNode: maxPerNode } = K8S_LIMITS;
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > maxNodes) {
    throw new JourneyError({ en: `nodes: expected a whole number from 1 to ${maxNodes} (Kubernetes' limit), got ${nodes}`, ru: `nodes: ожидается целое число от 1 до ${maxNodes} (предел Kubernetes), получено ${nodes}` });
  }
  if (!Number.isInteger(podsPerNode) || podsPerNode < 1 || podsPerNode > maxPerNode) {
    throw new JourneyError({ en: `pods: expected a whole number from 1 to ${maxPerNode} (the kubelet's default maxPods), got ${podsPerNode}`, ru: `pods: ожидается целое число от 1 до ${maxPerNode} (maxPods kubelet по умолчанию), получено ${podsPerNode}` });
  }
  if (nodes * podsPerNode > maxPods) {
    const most = Math.floor(maxPods / nodes);
    const total = nodes * podsPerNode;
    const ru = (n: number, forms: PluralForms) => count('ru', n, forms);
    throw new JourneyError({
      en: `pods: ${nodes} nodes × ${podsPerNode} pods = ${total} pods, over Kubernetes' limit of ${maxPods} pods in a cluster; with ${nodes} nodes ask for at most ${most} pods per node`,
      ru: `pods: ${ru(nodes, NODES_RU)} × ${ru(podsPerNode, PODS_RU)} = ${ru(total, PODS_RU)}, больше предела Kubernetes в ${maxPods} подов на кластер; при ${ru(nodes, NODES_PREP_RU)} можно не больше ${ru(most, PODS_GEN_RU)} на ноде`,
    });
  }
}

// «5000 нод × 31 под», «при 5000 нодах», «не больше 30 подов».
const NODES_RU: PluralForms = { one: 'нода', few: 'ноды', many: 'нод', other: 'ноды' };
const NODES_PREP_RU: PluralForms = { one: 'ноде', few: 'нодах', many: 'нодах', other: 'нодах' };
const PODS_RU: PluralForms = { one: 'под', few: 'пода', many: 'подов', other: 'пода' };
const PODS_GEN_RU: PluralForms = { one: 'пода', few: 'подов', many: 'подов', other: 'пода' };

/**
 * A cluster shaped like the seed lab, at any size Kubernetes supports (`K8S_LIMITS`): N nodes on
 * one segment 172.16.0.0/16 behind one router, node i at 172.16.(1 + i/256).(i mod 256) with bridge
 * cni0 at .254 of its pod subnet (`podSubnet`: 10.244.i.0/24 for i < 256) and pods at .1, .2, …
 * Used by benchmarks, property tests, layout tests and `?nodes=&pods=` links. Names: node1…,
 * pod<i>-<j>, router. Linear in the number of pods. Throws a JourneyError (English and Russian)
 * for a size outside Kubernetes' limits.
 */
export function generateCluster({ nodes, podsPerNode }: ClusterOptions): Topology {
  checkSize(nodes, podsPerNode);
  const machines: MachineSpec[] = [];
  const routerRoutes: NonNullable<MachineSpec['routes']> = [];
  for (let i = 1; i <= nodes; i++) {
    const name = `node${i}`;
    const nodeIp = `172.16.${1 + (i >> 8)}.${i & 255}`;
    const [a, b] = podSubnet(i);
    const net = `10.${a}.${b}`;
    const macNet = `0a:${hex(a)}:${hex(b)}`;
    const pods: PodSpec[] = [];
    const ifaces: MachineSpec['interfaces'] = [
      { kind: 'ether', name: 'eth0', mac: `02:00:ac:10:${hex(1 + (i >> 8))}:${hex(i & 255)}`, addresses: [`${nodeIp}/16`], segment: 'lan' },
      { kind: 'bridge', name: 'cni0', mac: `02:00:${macNet}:fe`, addresses: [`${net}.254/24`] },
    ];
    for (let j = 1; j <= podsPerNode; j++) {
      const pod = `pod${i}-${j}`;
      const hostIf = `veth${i}-${j}`;
      ifaces.push({ kind: 'veth', name: hostIf, mac: `02:01:${macNet}:${hex(j)}`, master: 'cni0', peer: { ns: pod, iface: 'eth0' } });
      pods.push({
        name: pod,
        interfaces: [{ kind: 'veth', name: 'eth0', mac: `02:00:${macNet}:${hex(j)}`, addresses: [`${net}.${j}/24`], peer: { ns: name, iface: hostIf } }],
        routes: [{ dst: 'default', via: `${net}.254`, dev: 'eth0' }],
      });
    }
    machines.push({ name, role: 'node', interfaces: ifaces, routes: [{ dst: 'default', via: '172.16.0.254', dev: 'eth0' }], sysctls: { ip_forward: true }, pods });
    routerRoutes.push({ dst: `${net}.0/24`, via: nodeIp, dev: 'eth0' });
  }
  machines.push({
    name: 'router',
    role: 'router',
    interfaces: [{ kind: 'ether', name: 'eth0', mac: '02:00:ac:10:00:fe', addresses: ['172.16.0.254/16'], segment: 'lan', sysctls: { send_redirects: false } }],
    routes: routerRoutes,
    sysctls: { ip_forward: true, all: { send_redirects: false } },
  });
  // Valid by construction (generate.test.ts validates the largest, schema loaded): its first journey need not walk it.
  return vouchValid({ version: 1, name: `cluster-${nodes}x${podsPerNode}`, machines, segments: [{ id: 'lan', label: '172.16.0.0/16' }] });
}
