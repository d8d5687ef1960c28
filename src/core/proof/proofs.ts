import type { FrameEvent } from '../events';
import type { JourneyResult } from '../journey';
import type { Topology } from '../model/topology';
import { routeExpect, sourceOf } from './proofShown';
import { wgEventProof, wgFrameProof } from './proofWg';

/*
 * "Prove it on the real machines": for an event of a journey, the command that shows the same fact
 * on real Linux (a tcpdump line, the route `ip route get` picks, a neighbour entry, a bridge's FDB
 * entry, a sysctl) and fragments its output must contain. Plain data, language-free: the UI says it
 * in words. Where a lab models a Kubernetes cluster (`Topology.cluster`), the command reaches the
 * node or pod the way its tool does (`minikube ssh -n`, `kubectl exec`); elsewhere the lab is the
 * network namespaces `scripts/kernel` builds, reached with `ip netns exec`.
 */

/** What a proof looks at, so the UI can say why the output shows it. */
export type ProofKind = 'frame' | 'route' | 'neigh' | 'fdb' | 'vxlan-fdb' | 'forwarding' | 'vxlan-device' | 'rp-filter'
  | 'wg-peer' | 'wg-status' | 'wg-datagram' | 'wg-frame';

/** A command to run in one namespace and what its output proves. */
export interface Proof {
  kind: ProofKind;
  /** The lab namespace it runs in (a machine's, or a pod's). */
  ns: string;
  /**
   * The command as typed inside that namespace (`ip neigh show dev eth0`): no sudo, no way in;
   * {@link proofCommand} adds those.
   */
  command: string;
  /** Needs root (tcpdump, and anything in another's namespace). */
  root: boolean;
  /** Fragments the output contains, each as the tool prints it (several lines may each hold one). */
  expect: string[];
  /**
   * A pod's frames captured on its node at the host end of its veth (`kubectl exec` cannot capture:
   * pod images rarely ship tcpdump, and the capture needs the node's privileges): the same frames.
   */
  viaHostVeth?: { node: string; iface: string };
  /** kind `neigh`: the state the event left, which ages on the real machine (REACHABLE → STALE after about 30 s). */
  state?: string;
  /**
   * A command of Cilium's agent (`cilium-dbg`), run in the agent's pod on node `ns` (kube-system,
   * DaemonSet cilium) rather than in the node's shell: its client talks to that node's agent.
   */
  agent?: true;
}

/** The first port of Linux's default ip_local_port_range (32768 60999): a client's source port. */
const EPHEMERAL = 32768;

/** tcpdump's filter for a frame, so the capture shows this journey's kind of packet only. */
function filterOf(f: FrameEvent): { filter: string; vxlanPort?: number } {
  if (f.arp) return { filter: 'arp' };
  if (f.vxlan && f.udp) return { filter: `udp port ${f.udp.dport}`, vxlanPort: f.udp.dport };
  // IP-in-IP: the outer header's protocol 4 (its inner ICMP is no filter's `icmp`).
  if (f.ipip) return { filter: 'ip proto 4' };
  if (f.icmp) return { filter: 'icmp' };
  // The server's port: the client's is ephemeral, another on every run.
  if (f.udp) return { filter: `udp port ${f.udp.sport >= EPHEMERAL ? f.udp.dport : f.udp.sport}` };
  if (f.tcp) return { filter: `tcp port ${f.tcp.sport >= EPHEMERAL ? f.tcp.dport : f.tcp.sport}` };
  return { filter: 'ip' };
}

/**
 * What `tcpdump -e -n` prints of a frame (tcpdump's print-arp.c, print-icmp.c, print-vxlan.c), as
 * fragments that do not depend on ids, ports picked at random or lengths the lab leaves out.
 */
export function frameFragments(f: FrameEvent | Omit<FrameEvent, 'type' | 'seq' | 't' | 'ns' | 'iface' | 'dir' | 'wire' | 'kind' | 'pkt'>): string[] {
  // A tunnel device's packet has no link layer (LINKTYPE_RAW): tcpdump prints no MACs for it.
  if (f.raw) {
    const { raw: _raw, ...linked } = f;
    return frameFragments(linked).slice(1);
  }
  const l2 = `${f.eth.src} > ${f.eth.dst}`;
  if (f.arp) {
    const a = f.arp;
    return [l2, a.op === 'request' ? `Request who-has ${a.tpa} tell ${a.spa}` : `Reply ${a.spa} is-at ${a.sha}`];
  }
  const ip = f.ipv4;
  if (!ip) return [l2];
  if (f.vxlan && f.udp && f.inner) {
    // The outer source port is a hash of the inner flow with a per-boot random seed (udp_flow_src_port()):
    // only the destination side is the same on every machine.
    return [l2, `> ${ip.dst}.${f.udp.dport}: VXLAN, flags [I] (0x08), vni ${f.vxlan.vni}`, ...frameFragments(f.inner).slice(1)];
  }
  // IP-in-IP: tcpdump prints the outer addresses, then decodes the IPv4 packet inside (print-ip.c).
  if (f.ipip && f.inner) return [l2, `${ip.src} > ${ip.dst}:`, ...frameFragments(f.inner)];
  if (f.icmp) return [l2, `${ip.src} > ${ip.dst}: ICMP ${icmpWhat(f.icmp)}`];
  const ports = f.udp ?? f.tcp;
  if (ports) {
    // A client's port is ephemeral (chosen by the kernel at random from ip_local_port_range, 32768 and
    // up): only the server's side of the pair is the same on every run.
    // After the ports tcpdump decodes by the port (53 as DNS): only TCP's flags are always printed.
    const what = f.tcp ? [`Flags [${f.tcp.flags}]`] : [];
    const addr = ports.sport >= EPHEMERAL ? `> ${ip.dst}.${ports.dport}:` : `${ip.src}.${ports.sport} > ${ip.dst}.`;
    return [l2, ...(ports.sport >= EPHEMERAL ? [`${ip.src}.`] : []), addr, ...what];
  }
  return [l2, `${ip.src} > ${ip.dst}`];
}

/** What tcpdump's print-icmp.c says of an ICMP message after "ICMP ". */
function icmpWhat(i: NonNullable<FrameEvent['icmp']>): string {
  const q = i.quote;
  switch (i.type) {
    case 8: return 'echo request';
    case 0: return 'echo reply';
    case 11: return 'time exceeded in-transit';
    case 5: return `redirect ${q?.ipv4.dst ?? ''} to host ${i.gateway ?? ''}`;
    case 3:
      if (i.code === 0) return `net ${q?.ipv4.dst ?? ''} unreachable`;
      if (i.code === 1) return `host ${q?.ipv4.dst ?? ''} unreachable`;
      if (i.code === 3) return `${q?.ipv4.dst ?? ''} ${q?.ipv4.proto ?? ''} port ${q?.dport ?? ''} unreachable`;
      if (i.code === 4) return `${q?.ipv4.dst ?? ''} unreachable - need to frag`;
      return 'unreachable';
    default: return `type-#${i.type}`;
  }
}

/** The machine a pod runs on, and the host end of its veth (null: `ns` is a machine, or the pod has no veth). */
function hostVeth(t: Topology, ns: string, iface: string): { node: string; iface: string } | null {
  for (const m of t.machines) {
    for (const p of m.pods ?? []) {
      if (p.name !== ns) continue;
      const i = p.interfaces.find((x) => x.name === iface);
      return i && i.kind === 'veth' ? { node: i.peer.ns, iface: i.peer.iface } : null;
    }
  }
  return null;
}

/**
 * The proof of event `index` of `result` in lab `t`, or null where no command shows it (a segment's
 * switch is no Linux bridge; a program's own send; a drop whose reason no tool names).
 * @throws never: an index out of range gives null.
 */
export function proofOf(result: JourneyResult, index: number, t: Topology): Proof | null {
  const e = result.events[index];
  if (!e) return null;
  switch (e.type) {
    case 'frame': {
      const { filter, vxlanPort } = filterOf(e);
      // tcpdump decodes UDP 4789 as VXLAN by itself; Linux's and flannel's 8472 needs `-T vxlan`.
      const decode = vxlanPort !== undefined && vxlanPort !== 4789 ? ' -T vxlan' : '';
      const host = hostVeth(t, e.ns, e.iface);
      const proof: Proof = { kind: 'frame', ns: host ? host.node : e.ns, command: `tcpdump -eni ${host ? host.iface : e.iface}${decode} ${filter}`, root: true, expect: frameFragments(e) };
      return host ? { ...proof, viaHostVeth: host } : (wgFrameProof(e, proof) ?? proof);
    }
    case 'route': {
      const expect = routeExpect(e);
      if (!expect) return null;
      if (e.direction === 'output') return { kind: 'route', ns: e.ns, command: `ip route get ${e.dst}`, root: false, expect };
      const src = sourceOf(result.events, index, e.pkt);
      if (!src || !e.iif) return null;
      // An input lookup as the kernel did it: `ip route get` with `from` and `iif` runs ip_route_input.
      return { kind: 'route', ns: e.ns, command: `ip route get ${e.dst} from ${src} iif ${e.iif}`, root: true, expect: expect.map((x) => (x.startsWith(`${e.dst} via`) || x.startsWith(`${e.dst} dev`) ? x.replace(e.dst, `${e.dst} from ${src}`) : x)) };
    }
    case 'neigh': {
      if (e.to === 'INCOMPLETE' && e.mac === null) return { kind: 'neigh', ns: e.ns, command: `ip neigh show dev ${e.iface}`, root: false, expect: [`${e.ip} `], state: e.to };
      const expect = e.mac ? [`${e.ip} lladdr ${e.mac}`] : [`${e.ip} `];
      return { kind: 'neigh', ns: e.ns, command: `ip neigh show dev ${e.iface}`, root: false, expect: [...expect, e.to], state: e.to };
    }
    case 'fdb': {
      if (e.scope === 'segment' || e.action === 'flood') return null;
      if (e.scope === 'vxlan') {
        // flanneld's entries are permanent, added with `self` on the VXLAN device (bridge fdb replace … dst …).
        return e.remote ? { kind: 'vxlan-fdb', ns: e.ns, command: `bridge fdb show dev ${e.bridge}`, root: false, expect: [`${e.mac} dst ${e.remote} self permanent`] } : null;
      }
      if (e.action === 'local') return { kind: 'fdb', ns: e.ns, command: `bridge fdb show br ${e.bridge}`, root: false, expect: [`${e.mac} dev ${e.bridge}`] };
      const port = e.ports[0];
      return port ? { kind: 'fdb', ns: e.ns, command: `bridge fdb show br ${e.bridge}`, root: false, expect: [`${e.mac} dev ${port} master ${e.bridge}`] } : null;
    }
    case 'ttl':
      return { kind: 'forwarding', ns: e.ns, command: 'sysctl net.ipv4.ip_forward', root: false, expect: ['net.ipv4.ip_forward = 1'] };
    case 'vxlan': {
      // A collect_md device (Cilium's cilium_vxlan, Weave's vxlan-6784) has no VNI of its own: each
      // packet's comes with its tunnel key, and `ip -d link` shows the device as `external`.
      const spec = t.machines.flatMap((m) => [m, ...(m.pods ?? [])]).find((n) => n.name === e.ns)?.interfaces.find((i) => i.name === e.iface);
      const external = spec?.kind === 'vxlan' && spec.external === true;
      return { kind: 'vxlan-device', ns: e.ns, command: `ip -d link show ${e.iface}`, root: false, expect: external ? ['vxlan', 'external', `dstport ${e.port}`] : [`vxlan id ${e.vni}`, `dstport ${e.port}`] };
    }
    case 'wireguard':
      return wgEventProof(e, t);
    case 'drop':
      // The mode in force is the higher of conf/all and conf/<dev> (IN_DEV_RPFILTER): one line shows it.
      if (e.reason === 'rp-filter' && e.iface && e.rpFilter !== undefined) {
        return { kind: 'rp-filter', ns: e.ns, command: `sysctl net.ipv4.conf.all.rp_filter net.ipv4.conf.${e.iface}.rp_filter`, root: false, expect: [`rp_filter = ${e.rpFilter}`] };
      }
      return null;
    default:
      return null;
  }
}

/** `minikube ssh` onto `node`, with `-p PROFILE` when the profile is not minikube's default. */
function minikubeSsh(c: NonNullable<Topology['cluster']>, node: string): string {
  return `minikube${c.profile === 'minikube' ? '' : ` -p ${c.profile}`} ssh -n ${node} --`;
}

/**
 * The whole line to type for `p` on the real machines: in a cluster lab, a node as its tool reaches
 * it (`minikube ssh -n NODE --`, with `-p PROFILE` when the profile is not minikube's default;
 * `docker exec NODE` for kind; `ssh NODE` otherwise) and `kubectl exec -n NAMESPACE POD --` for a
 * pod; elsewhere `ip netns exec NS`, the lab as `scripts/kernel` builds it.
 * `sudo` where the command needs root.
 */
export function proofCommand(p: Proof, t: Topology): string {
  const c = t.cluster;
  if (p.agent) {
    // The node's own agent pod where the cluster lists it; else any (ds/cilium picks one: right for
    // a summary every node shares, such as the mode and the number of peers).
    const pod = c?.pods.find((x) => x.node === p.ns && x.daemonSet === 'cilium');
    return `kubectl -n kube-system exec ${pod ? pod.name : 'ds/cilium'} -- ${p.command}`;
  }
  if (c) {
    const pod = c.pods.find((x) => x.ns === p.ns);
    if (pod) return `kubectl exec -n ${pod.namespace} ${pod.name} -- ${p.command}`;
    const node = c.nodes.find((n) => n.name === p.ns);
    if (node) {
      const sudo = p.root ? 'sudo ' : '';
      // kind's nodes are containers named after the node, entered as root; minikube's are reached with
      // its own ssh (user docker, passwordless sudo); any other cluster's by ssh to the node.
      if (c.tool === 'kind') return `docker exec ${node.name} ${p.command}`;
      if (c.tool === 'kubernetes') return `ssh ${node.name} ${sudo}${p.command}`;
      return `${minikubeSsh(c, node.name)} ${sudo}${p.command}`;
    }
  }
  return `sudo ip netns exec ${p.ns} ${p.command}`;
}

/**
 * The one-time install a proof needs on a minikube node: the docker driver's node image (kicbase,
 * Ubuntu) ships no tcpdump, so `apt-get install tcpdump` on that node first. Null elsewhere.
 */
export function tcpdumpInstall(p: Proof, t: Topology): string | null {
  const c = t.cluster;
  if (!c || c.tool !== 'minikube' || !p.command.startsWith('tcpdump') || !c.nodes.some((n) => n.name === p.ns)) return null;
  return `${minikubeSsh(c, p.ns)} 'sudo apt-get update && sudo apt-get install -y tcpdump'`;
}

/**
 * The one-time install of `wg` (Debian's and Ubuntu's package wireguard-tools) on a minikube node,
 * for a `wg show` proof: the kernel module is what Cilium needs, the command-line tool is not part
 * of it and a node image need not ship it. Null for any other proof or lab.
 */
export function wgInstall(p: Proof, t: Topology): string | null {
  const c = t.cluster;
  if (!c || c.tool !== 'minikube' || !p.command.startsWith('wg ') || !c.nodes.some((n) => n.name === p.ns)) return null;
  return `${minikubeSsh(c, p.ns)} 'sudo apt-get update && sudo apt-get install -y wireguard-tools'`;
}
