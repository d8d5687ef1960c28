import { describe, expect, it } from 'vitest';
import { problemSeverity } from '../../i18n/problems';
import { generateCluster } from '../../presets/generate';
import { SCENARIOS } from '../../presets/scenarios';
import { seedTopology } from '../../presets/seed';
import { labChecks } from '../labChecks';

/*
 * The labs the app ships: the seed lab and generated clusters are clean, and a scenario's lab has
 * findings only where the scenario is about that very fault. Each finding is listed here with why
 * the lab has it; an error is allowed only in a lab built to show that failure.
 */

/** Scenario id → its findings (`code path`), each with the reason the lab has it. */
const EXPECTED: Record<string, { finding: string; why: string }[]> = {
  'case-bridge-port-address': [
    { finding: 'port-address machines[0].interfaces[1].addresses', why: 'field case F08 is this fault: the address left on eth0 after it joined br0' },
    { finding: 'forwarding-off machines[1].sysctls.ip_forward', why: 'the host routes through gw, a router that does not forward; the case only ARPs for it, so forwarding never mattered there' },
  ],
  'calico-cold-ping-pod1-pod3': [
    { finding: 'shared-mac machines[0].interfaces[2].mac', why: 'Calico gives every host-side veth ee:ee:ee:ee:ee:ee on purpose (node1\'s second pod)' },
    { finding: 'shared-mac machines[2].interfaces[2].mac', why: 'the same on node2' },
  ],
  'calico-vxlan-cold-ping-pod1-pod3': [
    { finding: 'shared-mac machines[0].interfaces[2].mac', why: 'Calico gives every host-side veth ee:ee:ee:ee:ee:ee on purpose (node1\'s second pod)' },
    { finding: 'shared-mac machines[2].interfaces[2].mac', why: 'the same on node2' },
  ],
  'calico-ipip-cold-ping-pod1-pod3': [
    { finding: 'shared-mac machines[0].interfaces[2].mac', why: 'Calico gives every host-side veth ee:ee:ee:ee:ee:ee on purpose (node1\'s second pod)' },
    { finding: 'shared-mac machines[2].interfaces[2].mac', why: 'the same on node2' },
  ],
  'calico-no-default-route': [
    { finding: 'shared-mac machines[0].interfaces[2].mac', why: 'Calico gives every host-side veth ee:ee:ee:ee:ee:ee on purpose (node1\'s second pod)' },
    { finding: 'shared-mac machines[1].interfaces[2].mac', why: 'the same on node2' },
    { finding: 'calico-gateway-unrouted machines[0].routes', why: 'the case itself: node1 has no default route, so proxy ARP cannot answer 169.254.1.1' },
    { finding: 'calico-gateway-unrouted machines[1].routes', why: 'the same on node2' },
  ],
  'calico-minikube-ping-pod-a-pod-b': [
    { finding: 'shared-mac machines[0].interfaces[2].mac', why: 'Calico gives every host-side veth ee:ee:ee:ee:ee:ee on purpose (coredns and calico-kube-controllers on minikube)' },
  ],
  'calico-minikube-ipip-ping-pod-a-pod-b': [
    { finding: 'shared-mac machines[0].interfaces[2].mac', why: 'Calico gives every host-side veth ee:ee:ee:ee:ee:ee on purpose (coredns and calico-kube-controllers on minikube)' },
  ],
  'case-shared-host-mac': [
    { finding: 'shared-mac machines[0].interfaces[2].mac', why: 'field case F02: Calico gives every host-side veth ee:ee:ee:ee:ee:ee on purpose' },
  ],
  'arp-rp-filter-loose-no-route': [
    { finding: 'link-alone machines[0].interfaces[0].segment', why: 'kube2 has no NIC on the primary network, so kube1\'s eth0 is alone there' },
    { finding: 'segment-unrouted machines[1].routes', why: 'the case itself: kube2 has no route back to kube1\'s primary address, so loose rp_filter drops the ARP request' },
  ],
  'arp-sender-own-address': [
    { finding: 'address-reused machines[1].interfaces[1].addresses[0]', why: 'the case itself: h2 also holds h1\'s address, and drops h1\'s ARP request as a martian source' },
  ],
  'ip-source-own-address': [
    { finding: 'address-reused machines[1].interfaces[1].addresses[0]', why: 'the case itself: h2 also holds h1\'s address, and drops h1\'s packet as a martian source' },
  ],
  'tcp-syn-retries-rp-filter-node2': [
    { finding: 'gateway-absent machines[2].routes[1].via', why: 'the route back to pod1 through a management NIC whose gateway does not exist: strict rp_filter drops the SYN on it' },
    { finding: 'link-alone machines[2].interfaces[4].segment', why: 'node2\'s management NIC is alone on its segment, as the case needs' },
    { finding: 'segment-unrouted machines[1].routes', why: 'the router has no route to the management network, which only node2 is on' },
  ],
  'flannel-vxlan-frag-needed': [
    { finding: 'pod-mtu-over-overlay machines[0].pods[0].interfaces[0].mtu', why: 'the case itself: pod1 still at MTU 1500 sends with DF past flannel.1 (MTU 1450)' },
    { finding: 'pod-mtu-over-overlay machines[0].pods[1].interfaces[0].mtu', why: 'node1\'s other pod was created before FLANNEL_MTU=1450 too: its link is also at 1500' },
  ],
  'tcp-syn-retries-rp-filter-router': [
    { finding: 'gateway-absent machines[1].routes[1].via', why: 'the route back to pod1 through a management NIC whose gateway does not exist: strict rp_filter drops the SYN on it' },
    { finding: 'link-alone machines[1].interfaces[1].segment', why: 'the router\'s management NIC is alone on its segment, as the case needs' },
  ],
};

describe('the labs the app ships', () => {
  it('the seed lab and generated clusters have nothing to report', () => {
    expect(labChecks(seedTopology())).toEqual([]);
    for (const [nodes, podsPerNode] of [[1, 1], [3, 2], [19, 1], [20, 10]] as const) {
      expect(labChecks(generateCluster({ nodes, podsPerNode })), `${nodes} x ${podsPerNode}`).toEqual([]);
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('scenario %s: only the findings its fault explains', (id, s) => {
    const found = labChecks(s.topology()).map((c) => `${c.problem.code} ${c.problem.path}`);
    expect(found).toEqual((EXPECTED[id] ?? []).map((e) => e.finding));
  });

  it('an error appears only in a lab built to show that failure, and every listed reason names one', () => {
    const withErrors = SCENARIOS.filter((s) => labChecks(s.topology()).some((c) => problemSeverity(c.problem.code) === 'error')).map((s) => s.id);
    expect(withErrors).toEqual(['tcp-syn-retries-rp-filter-node2', 'tcp-syn-retries-rp-filter-router']);
    for (const id of Object.keys(EXPECTED)) expect(SCENARIOS.some((s) => s.id === id), id).toBe(true);
  });
});
