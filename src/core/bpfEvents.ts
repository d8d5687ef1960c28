import type { EventBase } from './events';

/*
 * What Cilium's eBPF programs decide (sim/bpfCilium.ts), kept beside events.ts so that each file
 * stays readable; HopEvent includes it. Facts only, with the source function of each decision.
 */

/** The tc ingress programs the engine runs (topology.ts BpfAttach). */
export type BpfProg = 'cil_from_container' | 'cil_from_overlay' | 'cil_from_netdev' | 'cil_from_wireguard' | 'cil_to_netdev';

/**
 * A Cilium program decided what becomes of a frame received on `iface`:
 * - `arp-reply`: the pod's ARP request for `tpa` is answered by the program itself with `mac`, the
 *   lxc device's own MAC (bpf_lxc.c tail_handle_arp → arp_respond, bpf/lib/arp.h), and sent back
 *   out of the lxc device; the host's kernel never sees the request.
 * - `local-delivery`: the destination is an endpoint of this node (`endpoint`: its lxc device, `pod`):
 *   ipv4_l3() decrements the TTL (`ttl`) and rewrites the MACs (source the endpoint's lxc MAC,
 *   destination the pod's), then bpf_redirect_peer puts the frame straight into the pod
 *   (local_delivery.h redirect_ep): no host FIB, no neighbour lookup, nothing seen on the lxc.
 * - `encap`: the ipcache names a remote node (`remote`, the tunnel endpoint): the tunnel key is set
 *   (VNI = the source's security `identity`) and the frame redirected to `dev` (cilium_vxlan)
 *   (encap.h encap_and_redirect_lxc); the TTL is left as it is.
 * - `to-stack`: nothing for the program to do (native routing, or a destination outside the
 *   cluster): the frame goes on up the host's stack (CTX_ACT_OK), where the kernel routes it.
 * - `to-wireguard`: cil_to_netdev at the NIC's tc egress (bpf_host.c → wg_maybe_redirect_to_encrypt,
 *   bpf/lib/wireguard.h) redirects a packet bound for a remote node's pod, or any VXLAN datagram
 *   (ctx_is_overlay), to `dev` (cilium_wg0) before it leaves: tcpdump on the NIC never sees it.
 * `identity` is the packet's source identity where the program knows it: its own endpoint's, or
 * the tunnel key's VNI on cilium_vxlan.
 */
export interface BpfEvent extends EventBase {
  type: 'bpf';
  prog: BpfProg;
  action: 'arp-reply' | 'local-delivery' | 'encap' | 'to-stack' | 'to-wireguard';
  pkt: number;
  iface: string;
  tpa?: string;
  mac?: string;
  endpoint?: string;
  pod?: string;
  ttl?: { from: number; to: number };
  remote?: string;
  identity?: number;
  dev?: string;
}
