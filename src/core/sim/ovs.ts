import type { OvsEvent, OvsOutput } from '../events';
import { peersOfVni, weaveNodes, weaveVni } from '../model/datapathWeave';
import type { MachineSpec, Topology } from '../model/topology';
import { isGroupMac, parseIp } from '../net/ipv4';
import type { Sim } from './engine';
import type { PackHooks } from './packs';
import { xmit, xmitTunnel } from './link';
import type { WireFrame } from './packet';
import type { Iface, Ns, TopologyIndex } from './world';

/*
 * Weave Net's fast datapath as the engine runs it: an Open vSwitch kernel datapath (net/openvswitch)
 * whose flows the weaver router process installs from user space (weaveworks/weave router/fastdp.go,
 * site/concepts/fastdp-how-it-works.md). The kernel lab cannot build one (no `ip link` makes an ODP
 * datapath), so the Weave scenarios are `unrecorded: 'ovs'` and rest on these sources:
 * - a frame received on a vport (netdev_frame_hook → ovs_vport_receive) is looked up in the flow
 *   table by its key. Weave's flows match the in port and the Ethernet addresses
 *   (odpEthernetFlowKey), and on the VXLAN vport the tunnel's id and addresses too (the miss
 *   handler's odpFlowKey(tunnelFlowKey)). Without a match the kernel sends the packet up to user
 *   space (ovs_dp_upcall), where weaver's miss handler for that vport decides:
 *   - from a local vport (vethwe-datapath): FastDatapath.bridge learns the source MAC on that port;
 *     a destination it knows goes to its port, or to the router port, whose consumer forwards it to
 *     the peer that owns the MAC (fastDatapathForwarder.Forward: set(tunnel(id, src, dst, tos 0,
 *     ttl 64, df)) then output to the VXLAN vport); a broadcast goes to every port but the ingress
 *     one: every peer through the tunnel, and the other local vports.
 *   - from the VXLAN vport: extractPeers reads both short IDs out of the VNI; an unknown peer vetoes
 *     the flow and drops the packet. Otherwise the overlay consumer learns the source MAC behind
 *     the sending peer and, the packet being for this peer, hands it to the local bridge logic.
 *   weaver then installs the flow (not for an unknown unicast destination: "Not a real broadcast,
 *   so don't create a flow rule") and has the kernel execute the actions on this packet.
 * - a later frame with the same key hits the flow: the kernel runs the actions alone.
 * - the VNI is `src | dst<<12` of the two peers' 12-bit short IDs (tunnelIDFor); the outer packet
 *   leaves through the host's routing like any VXLAN datagram (sim/vxlan.ts), to UDP 6784.
 * Nothing here routes: the pods' packets cross the overlay as Ethernet frames, their TTL untouched.
 * Simplifications: weaver's gossip (which peer owns which MAC is learned from traffic here, as
 * weave's router learns it), its heartbeats and the sleeve fallback are not modelled; the outer
 * IPv4 header is the VXLAN device's (TTL 64 from ip_default_ttl, DF clear) where weave asks for
 * DF set.
 */

/** A peer of the mesh: its node (root namespace), its address and short ID. */
interface Peer {
  node: string;
  ip: number;
  ipText: string;
  shortId: number;
}

/** Where weaver knows a MAC to be: behind a local vport, or behind a peer. */
type Where = { port: string } | { peer: Peer };

/** One datapath's run-time state: its flows (key → actions) and weaver's learned MACs. */
interface DpState {
  flows: Map<string, OvsOutput[]>;
  macs: Map<string, Where>;
}

const peersByIndex = new WeakMap<TopologyIndex, Peer[]>();
const states = new WeakMap<Ns, Map<string, DpState>>();
/** The tunnel key each encapsulated frame left with, read back where the VXLAN vport receives it. */
const tunnelKeys = new WeakMap<WireFrame, { vni: number }>();

/** The mesh's peers: every node with Weave's datapath, short IDs as model/datapathWeave.ts gives them. */
function peersOf(index: TopologyIndex): Peer[] {
  const hit = peersByIndex.get(index);
  if (hit) return hit;
  const machines: MachineSpec[] = [];
  for (const [name, e] of index.specs.entries()) {
    if (!e.isPod && e.spec.interfaces.some((i) => i.kind === 'openvswitch')) machines.push({ ...e.spec, name, role: e.role });
  }
  const peers = weaveNodes({ version: 1, name: '', machines, segments: [] } as unknown as Topology).map((n) => ({ node: n.name, ip: parseIp(n.ip) ?? 0, ipText: n.ip, shortId: n.shortId }));
  peersByIndex.set(index, peers);
  return peers;
}

function stateOf(ns: Ns, datapath: string): DpState {
  let byDp = states.get(ns);
  if (!byDp) states.set(ns, (byDp = new Map()));
  let s = byDp.get(datapath);
  if (!s) byDp.set(datapath, (s = { flows: new Map(), macs: new Map() }));
  return s;
}

/** The datapath's vports in this namespace, in device order. */
function vportsOf(ns: Ns, datapath: string): Iface[] {
  const out: Iface[] = [];
  for (const ci of ns.compiled.ifaces) {
    if (ci.spec.vport !== datapath) continue;
    const dev = ns.ifaces.get(ci.name);
    if (dev) out.push(dev);
  }
  return out;
}

/** The VXLAN vport (a collect_md device) of the datapath. */
function tunnelPort(ns: Ns, datapath: string): Iface | null {
  return vportsOf(ns, datapath).find((d) => d.kind === 'vxlan') ?? null;
}

function tunnelTo(self: Peer, peer: Peer, port: string): OvsOutput {
  const vni = weaveVni(self.shortId, peer.shortId);
  return { port, tunnel: { dst: peer.ipText, vni, peer: peer.node, srcPeer: self.shortId, dstPeer: peer.shortId } };
}

function emit(sim: Sim, dev: Iface, datapath: string, frame: WireFrame, action: OvsEvent['action'], more: Partial<OvsEvent>): void {
  sim.emit({ type: 'ovs', action, datapath, ns: dev.ns.name, iface: dev.name, pkt: frame.pkt, src: frame.eth.src, dst: frame.eth.dst, ...more, seq: sim.seq, t: sim.now });
}

/** Runs the actions on the frame: out of a local vport, or into the VXLAN vport with the tunnel key. */
function execute(sim: Sim, ns: Ns, frame: WireFrame, out: readonly OvsOutput[]): void {
  for (const o of out) {
    const dev = ns.ifaces.get(o.port);
    if (!dev) continue;
    if ('tunnel' in o) {
      // A copy per tunnel: a broadcast leaves to each peer with its own VNI.
      const copy: WireFrame = { ...frame };
      const dst = parseIp(o.tunnel.dst) ?? 0;
      tunnelKeys.set(copy, { vni: o.tunnel.vni });
      xmitTunnel(sim, dev, copy, { dst, vni: o.tunnel.vni });
    } else {
      xmit(sim, dev, frame);
    }
  }
}

/** weaver's decision for a frame from a local vport (FastDatapath.bridge and the router port's forwarding). */
function fromLocal(st: DpState, self: Peer | undefined, peers: readonly Peer[], ingress: Iface, frame: WireFrame, ports: readonly Iface[], tunnel: Iface | null): { out: OvsOutput[]; flood: boolean; install: boolean } {
  const known = st.macs.get(frame.eth.dst);
  if (known && 'port' in known) return { out: known.port === ingress.name ? [] : [{ port: known.port }], flood: false, install: true };
  if (known && self && tunnel) return { out: [tunnelTo(self, known.peer, tunnel.name)], flood: false, install: true };
  const out: OvsOutput[] = [];
  for (const p of ports) if (p !== ingress && p !== tunnel) out.push({ port: p.name });
  if (self && tunnel) for (const p of peers) if (p !== self) out.push(tunnelTo(self, p, tunnel.name));
  return { out, flood: true, install: isGroupMac(frame.eth.dst) };
}

/** weaver's decision for a frame that came through the tunnel from `from` (the overlay consumer, then the local bridge). */
function fromPeer(st: DpState, frame: WireFrame, ports: readonly Iface[], tunnel: Iface): { out: OvsOutput[]; flood: boolean; install: boolean } {
  const known = st.macs.get(frame.eth.dst);
  if (known && 'port' in known) return { out: [{ port: known.port }], flood: false, install: true };
  const out: OvsOutput[] = ports.filter((p) => p !== tunnel).map((p) => ({ port: p.name }));
  return { out, flood: true, install: isGroupMac(frame.eth.dst) };
}

/**
 * A frame received on `dev`, a vport of an OVS datapath (tcpdump saw it there): the flow table,
 * and on a miss the upcall to weaver, decide where it goes (see the file comment).
 */
export function ovsReceive(sim: Sim, dev: Iface, frame: WireFrame): void {
  const datapath = dev.vport;
  if (datapath === null) return;
  const ns = dev.ns;
  const st = stateOf(ns, datapath);
  const peers = peersOf(sim.world.index);
  const self = peers.find((p) => p.node === ns.name);
  const arrived = dev.kind === 'vxlan' ? tunnelKeys.get(frame) : undefined;
  const ids = arrived ? peersOfVni(arrived.vni) : undefined;
  const tunnel = arrived && ids ? { vni: arrived.vni, src: peers.find((p) => p.shortId === ids.src)?.ipText ?? '', srcPeer: ids.src, dstPeer: ids.dst } : undefined;
  const key = `${dev.name}|${tunnel ? `${tunnel.vni}@${tunnel.src}` : ''}|${frame.eth.src}|${frame.eth.dst}`;
  const flow = st.flows.get(key);
  if (flow) {
    emit(sim, dev, datapath, frame, 'hit', { ...(tunnel ? { tunnel } : {}), out: flow });
    execute(sim, ns, frame, flow);
    return;
  }
  emit(sim, dev, datapath, frame, 'miss', tunnel ? { tunnel } : {});
  const ports = vportsOf(ns, datapath);
  const vx = tunnelPort(ns, datapath);
  let learned: Where;
  let decision: { out: OvsOutput[]; flood: boolean; install: boolean };
  if (tunnel && ids) {
    const from = peers.find((p) => p.shortId === ids.src);
    // extractPeers: a VNI naming a peer this one does not know vetoes the flow; the packet is lost.
    if (!from || !vx || ids.dst !== self?.shortId) {
      emit(sim, dev, datapath, frame, 'upcall', { tunnel, install: false, flood: false, out: [] });
      return;
    }
    learned = { peer: from };
    decision = fromPeer(st, frame, ports, vx);
  } else {
    learned = { port: dev.name };
    decision = fromLocal(st, self, peers, dev, frame, ports, vx);
  }
  const at = 'port' in learned ? learned.port : learned.peer.node;
  const before = st.macs.get(frame.eth.src);
  const fresh = !isGroupMac(frame.eth.src) && (before === undefined || ('port' in before ? before.port : before.peer.node) !== at);
  if (fresh) st.macs.set(frame.eth.src, learned);
  if (decision.install) st.flows.set(key, decision.out);
  emit(sim, dev, datapath, frame, 'upcall', {
    ...(tunnel ? { tunnel } : {}), ...(fresh ? { learned: { mac: frame.eth.src, at } } : {}), install: decision.install, flood: decision.flood, out: decision.out,
  });
  execute(sim, ns, frame, decision.out);
}

/** The OVS datapath pack's hooks, registered by packs.ts's loader (or core/allPacks.ts). */
export const ovsPack: PackHooks['ovs'] = { receive: ovsReceive };
