import { launchWeave } from '../model/datapathWeave';
import { addPod } from '../model/podNetwork';
import type { MachineSpec, Topology } from '../model/topology';
import { seedNodesOnly } from './datapathScenarios';

/*
 * The Weave Net lab built through the one path: the seed's two nodes on their segment as fresh
 * nodes (no cni0, no pods, the pod subnet Kubernetes gave each kept as `podCidr`), weave-net
 * launched on both (model/datapathWeave.ts), then each pod given its network by weave-net's CNI
 * ADD (cni/weave.ts) in the seed's order. Kept out of the scenario catalogue, which would load the
 * CNI model on the player's first page: `npm run presets` writes it to seed-weave.lab.json.
 */

/** A seed node as a fresh node: only its NIC, its pod subnet kept as `podCidr`. */
function freshNode(m: MachineSpec): MachineSpec {
  const bridge = m.interfaces.find((i) => i.kind === 'bridge');
  const net = bridge?.addresses?.[0]?.replace(/\.\d+\/24$/, '.0/24');
  const { pods: _pods, ...rest } = m;
  return { ...rest, interfaces: m.interfaces.filter((i) => i.kind === 'ether'), pods: [], ...(net !== undefined ? { cni: { podCidr: net } } : {}) };
}

/** `seed-weave`: the seed's nodes under Weave Net (fastdp), pods from 10.32.0.0/12. */
export function buildSeedWeave(): Topology {
  const seed = seedNodesOnly();
  const pods = seed.machines.flatMap((m) => (m.pods ?? []).map((p) => ({ node: m.name, name: p.name })));
  let t: Topology = launchWeave({
    ...seed,
    name: 'seed-weave',
    description: {
      en: 'Weave Net, as history: the project has been dormant since 2022-11. The seed\'s two nodes on one segment without the router, each with the bridge weave joined by vethwe-bridge/vethwe-datapath to the Open vSwitch datapath "datapath", whose VXLAN vport vxlan-6784 (UDP 6784) carries frames between nodes (fastdp, MTU 1376). Every pod is on one flat network, 10.32.0.0/12: no routing between pods.',
      ru: 'Weave Net как история: проект не развивается с ноября 2022 года. Две ноды исходного стенда в одном сегменте без маршрутизатора; на каждой мост weave соединён парой vethwe-bridge/vethwe-datapath с datapath Open vSwitch «datapath», чей порт VXLAN vxlan-6784 (UDP 6784) переносит кадры между нодами (fastdp, MTU 1376). Все поды в одной плоской сети 10.32.0.0/12: между подами нет маршрутизации.',
    },
    machines: seed.machines.map((m) => (m.role === 'node' ? freshNode(m) : m)),
  });
  for (const p of pods) t = addPod(t, p.node, { name: p.name }).topology;
  return t;
}
