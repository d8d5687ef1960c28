import type { Topology } from '../model/topology';
import type { Scenario } from './scenarios';
import SEED_WEAVE_LAB from './seed-weave.lab.json';

/*
 * Weave Net (weaveworks/weave, dormant since 2022-11, shown as history): the seed's nodes under
 * its fast datapath, kept as data (weaveBuild.ts makes it through weave-net's CNI ADD; `npm run
 * presets` writes it here, so the player's first page lists the scenarios without the CNI model).
 * The kernel lab here builds no Open vSwitch datapath, so the scenarios are not recorded
 * (`unrecorded: 'ovs'`): what the engine shows rests on router/fastdp.go and net/bridge.go
 * (sim/ovs.ts).
 */

/** `seed-weave`: the seed's two nodes under Weave Net's fastdp (see buildSeedWeave). */
export function seedWeave(): Topology {
  return JSON.parse(JSON.stringify(SEED_WEAVE_LAB)) as Topology;
}

export const WEAVE_SCENARIOS: readonly Scenario[] = [
  {
    id: 'weave-cold-ping-pod1-pod3',
    title: {
      en: 'Weave Net (historical): first ping pod1 → pod3: an ARP across nodes inside the overlay, flow misses and upcalls to weaver, VXLAN to UDP 6784; the TTL arrives unchanged',
      ru: 'Weave Net (история): первый ping pod1 → pod3: ARP между нодами внутри оверлея, промахи потоков и вопросы к weaver, VXLAN на порт UDP 6784; TTL приходит неизменным',
    },
    topology: seedWeave,
    journey: { from: 'pod1', to: 'pod3' },
    unrecorded: 'ovs',
  },
  {
    id: 'weave-two-pings-pod1-pod3',
    title: {
      en: 'Weave Net (historical): two pings pod1 → pod3: the second finds every flow installed and never leaves the kernel',
      ru: 'Weave Net (история): два ping pod1 → pod3: второй находит все потоки установленными и не покидает ядро',
    },
    topology: seedWeave,
    journey: { from: 'pod1', to: 'pod3', count: 2 },
    unrecorded: 'ovs',
  },
];
