import type { Msg } from '../../narrate/messages';
import type { PackNarration } from '../../narrate/packMessages';
import { summaryEn as sum } from './summary';

/*
 * English sentences for Weave Net's fast datapath (sim/ovs.ts: the Open vSwitch kernel datapath and
 * the weaver process; weaveworks/weave router/fastdp.go); a part of its datapath pack, loaded with it (i18n/packNarration.ts).
 */

type OvsMsg = Extract<Msg, { k: 'ovs' }>;

/** Where the actions send the frame, as a reader would say it. */
function where(m: OvsMsg): string {
  if (m.outs.length === 0) return 'nowhere: the packet is dropped';
  return m.outs.map((o) => (o.peer !== '' ? `${o.port} with set(tunnel) to ${o.peer} (${o.dst}), VNI ${o.vni}` : o.port)).join(', ');
}

/** The same, short: a tunnel as `port → node`. */
function whereShort(m: OvsMsg): string {
  if (m.outs.length === 0) return 'nowhere: the packet is dropped';
  return m.outs.map((o) => (o.peer !== '' ? `${o.port} → ${o.peer}, VNI ${o.vni}` : o.port)).join(', ');
}

/** The VNI's arithmetic: the two short IDs it packs. */
function vniText(o: OvsMsg['outs'][number]): string {
  return `VNI ${o.vni} = ${o.srcPeer} + ${o.dstPeer} × 4096: the sending peer's short ID in the low 12 bits, the receiving peer's in the next 12`;
}

/** Sentences for the `ovs` and `in-vport` messages. */
export const ovsEventsEn: PackNarration<'ovs'> = {
  'in-vport': (m) => ({
    short: `${m.datapath}, an Open vSwitch datapath, takes ${sum(m.f)} from its port ${m.iface}.`,
    why: `${m.iface} is a port (vport) of ${m.datapath}, an Open vSwitch datapath in ${m.ns}'s kernel, not of a bridge and not of its IP stack: the datapath matches the frame against its flow table. Nothing routes it, so its TTL stays as the pod sent it.`,
  }),
  ovs: (m) => {
    const tunnel = m.tunnel ? ` (tunnel VNI ${m.tunnel.vni} from ${m.tunnel.src})` : '';
    const first = m.outs.find((o) => o.peer !== '');
    if (m.action === 'miss') {
      return {
        short: `${m.datapath} on ${m.node} has no flow for this frame${tunnel}: the kernel sends it up to weaver.`,
        why: `The Open vSwitch datapath is a flow table in the kernel, filled from user space. Weave's flows match the in port ${m.iface}${m.tunnel ? ', the tunnel\'s id and source' : ''} and the Ethernet source ${m.src} and destination ${m.dst}. No flow matches yet, so the kernel queues the packet to the weaver process as an upcall (ovs_dp_upcall). This first packet takes the slow path through user space; later ones with the same addresses do not. (Weave Net's fastdp as it was: the project has been dormant since 2022-11.)`,
      };
    }
    if (m.action === 'hit') {
      return {
        short: `${m.datapath} on ${m.node} has a flow${tunnel}: ${whereShort(m)}, without asking weaver.`,
        why: `weaver installed this flow when the first frame with these addresses missed. The kernel now runs its actions alone (ovs_execute_actions), which is what makes fastdp fast: no copy to user space.${first ? ` The tunnel key sets the outer destination ${first.dst} and ${vniText(first)} (router/fastdp.go tunnelIDFor).` : ''}`,
      };
    }
    const learned = m.learnedMac !== '' ? ` It learns that ${m.learnedMac} is behind ${m.learnedAt}.` : '';
    const peers = m.tunnel ? ` The VNI names the sending peer (short ID ${m.tunnel.srcPeer}) and this one (${m.tunnel.dstPeer}) (extractPeers).` : '';
    const verdict = m.outs.length === 0
      ? 'The VNI names no peer weaver knows, so it installs no flow and the packet is lost.'
      : m.flood
        ? `${m.broadcast ? 'It is a broadcast' : `It does not know ${m.dst} yet`}, so it sends the frame out of every port but the one it came in on: ${where(m)}.${m.install ? ' It installs a flow for this broadcast.' : ' A destination it does not know gets no flow ("Not a real broadcast, so don\'t create a flow rule"), so the next such frame asks again.'}`
        : `It knows ${m.dst}: ${where(m)}. It installs that flow, so the next frame with these addresses stays in the kernel.`;
    return {
      short: `weaver answers the upcall: ${m.flood ? 'flood' : 'forward'} to ${whereShort(m)}${m.install ? '; flow installed' : ''}.`,
      why: `weaver, Weave Net's router process, runs the miss handler of ${m.iface} (router/fastdp.go).${peers}${learned} ${verdict}${first ? ` For the tunnel it sets the outer destination ${first.dst}, TTL 64, and ${vniText(first)}.` : ''}`,
    };
  },
};
