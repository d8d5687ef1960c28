import type { OvsEvent } from '../events';
import { isGroupMac } from '../net/ipv4';
import type { Msg } from './messages';
import type { PackTellers } from './packTellers';

/*
 * The narrator's view of Weave Net's OVS datapath (sim/ovs.ts): the message of an `ovs` event,
 * a part of the OVS datapath pack (packTellers.ts), loaded with it. The function named for each step is the
 * kernel's (net/openvswitch: ovs_dp_process_packet looks the flow up, ovs_dp_upcall queues a miss
 * to user space, ovs_execute_actions runs a flow's actions) or weaver's (router/fastdp.go: the
 * vport's miss handler, which calls FastDatapath.bridge or, on the VXLAN vport, extractPeers).
 */
const OVS_FN: Record<OvsEvent['action'], string> = { miss: 'ovs_dp_upcall', upcall: '', hit: 'ovs_execute_actions' };

/** The message of an `ovs` event and the function that decided it. */
export function ovsMessage(e: OvsEvent): { msg: Msg; fn: string } {
  const outs = (e.out ?? []).map((o) => ('tunnel' in o
    ? { port: o.port, peer: o.tunnel.peer, dst: o.tunnel.dst, vni: o.tunnel.vni, srcPeer: o.tunnel.srcPeer, dstPeer: o.tunnel.dstPeer }
    : { port: o.port, peer: '', dst: '', vni: 0, srcPeer: 0, dstPeer: 0 }));
  return {
    msg: {
      k: 'ovs', node: e.ns, datapath: e.datapath, iface: e.iface, action: e.action, src: e.src, dst: e.dst, broadcast: isGroupMac(e.dst),
      tunnel: e.tunnel ?? null, learnedMac: e.learned?.mac ?? '', learnedAt: e.learned?.at ?? '', install: e.install === true, flood: e.flood === true, outs,
    },
    // weaver's decision is user space, not the kernel: its sentence cites router/fastdp.go itself.
    fn: OVS_FN[e.action],
  };
}

/** The OVS datapath pack's teller, registered by packTellers.ts's loader (or core/allPacks.ts). */
export const ovsTeller: PackTellers['ovs'] = { event: ovsMessage };
