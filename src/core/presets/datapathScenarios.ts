import { setDatapath } from '../model/datapath';
import type { Topology } from '../model/topology';
import type { Scenario } from './scenarios';
import { seedTopology } from './seed';

/*
 * The seed lab under Flannel's two backends: its two nodes, pods, names and addresses unchanged,
 * on their one segment 172.16.100.0/24 without the router (flannel routes pod subnets itself), and
 * flanneld's program on each node (../model/datapath.ts).
 */

/** The seed's nodes without the router and without the default route through it. */
export function seedNodesOnly(): Topology {
  const t = seedTopology();
  return {
    ...t,
    machines: t.machines.filter((m) => m.role !== 'router').map((m) => {
      const routes = (m.routes ?? []).filter((r) => r.via !== '172.16.100.254');
      const { routes: _old, ...rest } = m;
      return routes.length > 0 ? { ...rest, routes } : rest;
    }),
  };
}

/** `seed-vxlan`: Flannel VXLAN: flannel.1 (VNI 1, UDP 8472, MTU 1450) with 10.10.10.0/32 and 10.10.11.0/32; pods at MTU 1450. */
export function seedVxlan(): Topology {
  const t = setDatapath(seedNodesOnly(), { cni: 'flannel', backend: 'vxlan' });
  return {
    ...t,
    name: 'seed-vxlan',
    description: {
      en: 'The seed\'s two nodes on one segment under Flannel VXLAN: flannel.1 on each node, VNI 1, UDP port 8472, MTU 1450.',
      ru: 'Две ноды исходного стенда в одном сегменте под Flannel VXLAN: flannel.1 на каждой ноде, VNI 1, порт UDP 8472, MTU 1450.',
    },
  };
}

/** `seed-host-gw`: Flannel host-gw: a route to the other node's pod subnet via that node's address. */
export function seedHostGw(): Topology {
  const t = setDatapath(seedNodesOnly(), { cni: 'flannel', backend: 'host-gw' });
  return {
    ...t,
    name: 'seed-host-gw',
    description: {
      en: 'The seed\'s two nodes on one segment under Flannel host-gw: each routes the other\'s pod subnet via the other node\'s address.',
      ru: 'Две ноды исходного стенда в одном сегменте под Flannel host-gw: маршрут к подсети подов соседней ноды у каждой идёт через адрес самой соседней ноды.',
    },
  };
}

/**
 * seed-vxlan with node1's pods at MTU 1500, as pods created before flannel wrote FLANNEL_MTU=1450
 * keep: a packet that fits their link no longer fits flannel.1.
 */
export function seedVxlanOldPods(): Topology {
  const t = seedVxlan();
  const mtu1500 = <T extends { mtu?: number }>(i: T): T => {
    const { mtu: _m, ...rest } = i;
    return rest as T;
  };
  return {
    ...t,
    name: 'seed-vxlan-old-pods',
    machines: t.machines.map((m) => (m.name !== 'node1' ? m : {
      ...m,
      interfaces: m.interfaces.map((i) => (i.kind === 'bridge' || i.kind === 'veth' ? mtu1500(i) : i)),
      pods: (m.pods ?? []).map((p) => ({ ...p, interfaces: p.interfaces.map(mtu1500) })),
    })),
  };
}

export const DATAPATH_SCENARIOS: readonly Scenario[] = [
  {
    id: 'flannel-vxlan-cold-ping-pod1-pod3',
    title: {
      en: 'Flannel VXLAN: first ping pod1 → pod3, encapsulated by flannel.1 in UDP to port 8472',
      ru: 'Flannel VXLAN: первый ping pod1 → pod3, flannel.1 инкапсулирует его в UDP на порт 8472',
    },
    topology: seedVxlan,
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'flannel-host-gw-cold-ping-pod1-pod3',
    title: {
      en: 'Flannel host-gw: first ping pod1 → pod3, routed via node2\'s own address',
      ru: 'Flannel host-gw: первый ping pod1 → pod3 через адрес самой ноды node2',
    },
    topology: seedHostGw,
    journey: { from: 'pod1', to: 'pod3' },
  },
  {
    id: 'flannel-vxlan-fragments',
    title: {
      en: 'Flannel VXLAN: ping -s 1500 pod1 → pod3: pods have MTU 1450, so pod1 sends two fragments, each encapsulated',
      ru: 'Flannel VXLAN: ping -s 1500 pod1 → pod3: у подов MTU 1450, поэтому pod1 отправляет два фрагмента, и каждый инкапсулируется',
    },
    topology: seedVxlan,
    journey: { from: 'pod1', to: 'pod3', size: 1500 },
  },
  {
    id: 'flannel-vxlan-frag-needed',
    title: {
      en: 'Flannel VXLAN, pod1 still at MTU 1500: ping -s 1450 fits its link with DF, but not flannel.1 (MTU 1450): node1 answers "fragmentation needed"',
      ru: 'Flannel VXLAN, у pod1 ещё MTU 1500: ping -s 1450 с DF помещается в его канал, но не во flannel.1 (MTU 1450): node1 отвечает «нужна фрагментация»',
    },
    topology: seedVxlanOldPods,
    journey: { from: 'pod1', to: 'pod3', size: 1450 },
  },
];
