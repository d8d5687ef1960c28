import type { EventBase } from './events';

/*
 * What Weave Net's fastdp does with a frame in the Open vSwitch kernel datapath (sim/ovs.ts), kept
 * beside events.ts so that each file stays readable; HopEvent includes it. Facts only, with the
 * function of weaveworks/weave (router/fastdp.go) or of the kernel's net/openvswitch behind each.
 */

/** Where the datapath sends a frame: a local vport, or the VXLAN vport with a tunnel key to a peer. */
export type OvsOutput =
  | { port: string }
  | {
      port: string;
      /** set(tunnel(...)): the remote node's address, the VNI and the peers' short IDs it encodes (src | dst<<12). */
      tunnel: { dst: string; vni: number; peer: string; srcPeer: number; dstPeer: number };
    };

/**
 * A frame met the datapath `datapath` on its vport `iface`:
 * - `miss`: no flow matches its key (the in port, the tunnel's VNI and source for the VXLAN vport,
 *   the Ethernet source and destination: the fields weave's flows match on, odpEthernetFlowKey
 *   and the vxlan miss handler's tunnel key); the kernel queues it to user space as an upcall
 *   (ovs_dp_upcall, OVS_PACKET_CMD_MISS) to the weaver router process.
 * - `upcall`: weaver decided (router/fastdp.go, the miss handler of the in port → FastDatapath.bridge,
 *   or for the VXLAN vport extractPeers then the overlay consumer): it learned `learned.mac`
 *   behind `learned.at` (a local vport, or the peer node that sent it), chose `out` (a broadcast or an
 *   unknown destination goes to every port but the one it came in on, `flood`), and installed a
 *   flow for that key (`install`), except for an unknown unicast destination, which it floods
 *   without a flow ("Not a real broadcast, so don't create a flow rule"). The packet is then sent
 *   as the new flow's actions say (OVS_PACKET_CMD_EXECUTE).
 * - `hit`: a flow matched; the kernel runs its actions without asking user space.
 * `tunnel` is the tunnel key the frame arrived with on the VXLAN vport: its VNI and the outer
 * source, and the two short IDs the VNI names (extractPeers).
 */
export interface OvsEvent extends EventBase {
  type: 'ovs';
  action: 'miss' | 'upcall' | 'hit';
  datapath: string;
  iface: string;
  pkt: number;
  src: string;
  dst: string;
  tunnel?: { vni: number; src: string; srcPeer: number; dstPeer: number };
  learned?: { mac: string; at: string };
  install?: boolean;
  flood?: boolean;
  out?: OvsOutput[];
}
