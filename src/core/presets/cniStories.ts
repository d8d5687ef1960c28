import { seededEntropy } from '../cni/entropy';
import { netnsOp } from '../cni/run';
import { parseConfList, podAdd, podCheck, podDel, type Attachment, type ConfList } from '../cni/runtime';
import type { NodeState } from '../cni/state';
import { applyCniEvent, foldCniEvents } from '../model/cniFold';
import { cniStory, type CniStory } from '../model/cniStory';
import { LAB_CNI_PATH, labConfList, nodeOfMachine, podNetnsPath } from '../model/podCni';
import type { MachineSpec, Topology } from '../model/topology';
import type { CniStoryId } from './cniStoryIds';
import { seedTopology } from './seed';

/*
 * The CNI scenarios of the player: one node of the seed lab, fresh (no cni0, no pods, ip_forward
 * off, as a node that just joined), whose pods come up and go through the runtime and the
 * plugins. node1 runs flannel as kube-flannel installs it (the flannel plugin, delegating to
 * bridge with host-local, flanneld's subnet.env for 10.10.10.0/24); each story starts from where
 * the previous one left the node, so the second pod meets the cni0 the first one's ADD created,
 * and host-local's cursor. The failing CHECK runs the bridge plugin directly, with the lab's own
 * configuration (the one "Add pod" runs): flannel's CHECK does nothing (TODO upstream), so a
 * CHECK through flannel always succeeds.
 */

const NODE = 'node1';

/** kube-flannel's cni-conf.json, without the portmap plugin the lab does not model. */
const FLANNEL_LIST = JSON.stringify({ name: 'cbr0', cniVersion: '1.1.0', plugins: [{ type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } }] });

/** What flanneld writes for node1 (routed through the lab's router, so the MTU stays 1500). */
const SUBNET_ENV = 'FLANNEL_NETWORK=10.10.0.0/16\nFLANNEL_SUBNET=10.10.10.1/24\nFLANNEL_MTU=1500\nFLANNEL_IPMASQ=true\n';

/** The seed lab with node1 as a node that just joined: its eth0 and default route only. */
export function freshNodeLab(): Topology {
  const seed = seedTopology();
  return {
    ...seed,
    name: 'cni-fresh-node',
    description: { en: 'The seed lab with node1 fresh: no cni0 and no pods yet.', ru: 'Учебный стенд, где нода node1 только что подключена: ни cni0, ни подов.' },
    machines: seed.machines.map((m): MachineSpec => {
      if (m.name !== NODE) return m;
      const { sysctls: _, pods: __, ...rest } = m;
      return { ...rest, interfaces: m.interfaces.filter((i) => i.kind === 'ether') };
    }),
  };
}

/** A pod's sandbox as a Kubernetes runtime attaches it (the lab's container ID is the pod's name). */
function attachment(pod: string): Attachment {
  return { containerId: pod, netns: podNetnsPath(pod), ifname: 'eth0', args: [['IgnoreUnknown', '1'], ['K8S_POD_NAMESPACE', 'default'], ['K8S_POD_NAME', pod], ['K8S_POD_INFRA_CONTAINER_ID', pod]] };
}

const entropy = (what: string) => seededEntropy(`cni-story/${what}`);

function machine(t: Topology): MachineSpec {
  return t.machines.find((m) => m.name === NODE) as MachineSpec;
}

/** The fresh node as the plugins see it, with flanneld's subnet.env. */
function freshNode(lab: Topology): NodeState {
  const n = nodeOfMachine(machine(lab));
  return { ...n, files: { ...n.files, '/run/flannel/subnet.env': SUBNET_ENV } };
}

interface Step {
  lab: Topology;
  node: NodeState;
}

/** An ADD of `pod` on the node, as a story, and where it leaves the lab and the node. */
function add(from: Step, list: ConfList, pod: string, id: string | null): { story: CniStory; next: Step } {
  const run = podAdd(from.node, list, attachment(pod), LAB_CNI_PATH, entropy(pod));
  const story = cniStory({ id, op: 'ADD', machine: NODE, pod, conflist: list, before: from.lab, run });
  return { story, next: { lab: story.frames.at(-1) ?? from.lab, node: run.node } };
}

/** The lab's own configuration for node1's pod subnet (bridge with host-local, as "Add pod" runs it). */
function labList(): ConfList {
  return labConfList({ kind: 'bridge', name: 'cni0', mac: '00:00:00:00:00:00' }, '10.10.10.1', '10.10.10.0/24');
}

/**
 * The CNI scenario `id`, built afresh (each call gives new objects).
 */
export function buildCniStory(id: CniStoryId): CniStory {
  const flannel = parseConfList(FLANNEL_LIST);
  const lab = freshNodeLab();
  const start: Step = { lab, node: freshNode(lab) };
  if (id === 'cni-check-fails') {
    const list = labList();
    const first = add(start, list, 'pod1', null).next;
    // Someone removes the pod's address by hand (`ip netns exec pod1 ip addr del 10.10.10.2/24
    // dev eth0`); it was eth0's last, so the kernel flushes the routes through eth0 too
    // (fib_inetaddr_event → fib_disable_ip).
    const ns = first.node.namespaces[podNetnsPath('pod1')];
    const eth0 = ns?.links.find((l) => l.name === 'eth0');
    const address = eth0?.addresses[0] ?? '';
    if (ns && eth0) {
      eth0.addresses = [];
      ns.routes = ns.routes.filter((r) => r.dev !== eth0.index);
    }
    const flushed = applyCniEvent(machine(first.lab), { seq: 0, type: 'addr', op: 'del', ns: podNetnsPath('pod1'), dev: 'eth0', address });
    const m: MachineSpec = { ...flushed, pods: (flushed.pods ?? []).map((p) => (p.name === 'pod1' ? { ...p, routes: (p.routes ?? []).filter((r) => r.dev !== 'eth0') } : p)) };
    const before: Topology = { ...first.lab, machines: first.lab.machines.map((x) => (x.name === NODE ? m : x)) };
    const run = podCheck(first.node, list, attachment('pod1'), LAB_CNI_PATH, entropy('check'));
    return cniStory({ id, op: 'CHECK', machine: NODE, pod: 'pod1', conflist: list, before, run });
  }
  const one = add(start, flannel, 'pod1', id);
  if (id === 'cni-add-first-pod') return one.story;
  const two = add(one.next, flannel, 'pod2', id);
  if (id === 'cni-add-second-pod') return two.story;
  if (id === 'cni-del') {
    const run = podDel(two.next.node, flannel, attachment('pod2'), LAB_CNI_PATH, entropy('del'));
    return cniStory({ id, op: 'DEL', machine: NODE, pod: 'pod2', conflist: flannel, before: two.next.lab, run });
  }
  // The pod's namespace went before DEL (the sandbox died with the node's reboot, say): the
  // kernel destroyed its veth pair with it, and host-local's reservation is still on disk.
  const gone = netnsOp(two.next.node, 'del', podNetnsPath('pod2'), entropy('gone'));
  const before = foldCniEvents(two.next.lab, NODE, gone.events).at(-1) ?? two.next.lab;
  const run = podDel(gone.node, flannel, attachment('pod2'), LAB_CNI_PATH, entropy('del'));
  return cniStory({ id, op: 'DEL', machine: NODE, pod: 'pod2', conflist: flannel, before, run, netnsGone: true });
}
