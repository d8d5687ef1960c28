import type { IfaceBase } from './topology';

/*
 * Cilium's shapes in a topology (topology.ts re-exports them): the eBPF programs its devices run,
 * its routing modes, and the WireGuard device of its transparent encryption.
 */

/**
 * Cilium's tc ingress programs (Documentation/network/ebpf/intro.rst; bpf/bpf_lxc.c, bpf_overlay.c,
 * bpf_host.c), as the engine runs them (sim/bpfCilium.ts): `cil_from_container` on a pod's host-side
 * `lxc*` veth, with the pod's security identity (the number policy and the tunnel's VNI carry);
 * `cil_from_overlay` on `cilium_vxlan`; `cil_from_netdev` on the node's NIC (native routing);
 * `cil_from_wireguard` on `cilium_wg0` (bpf/bpf_wireguard.c: what WireGuard decrypted, delivered to a
 * local endpoint or left to the stack).
 */
export type BpfAttach =
  | { prog: 'cil_from_container'; identity: number }
  | { prog: 'cil_from_overlay' }
  | { prog: 'cil_from_netdev' }
  | { prog: 'cil_from_wireguard' };

/** Cilium's routing modes (docs.cilium.io network/concepts/routing). */
export type CiliumRouting = 'tunnel' | 'native';

/**
 * A WireGuard device (drivers/net/wireguard, `ip link add NAME type wireguard`), as Cilium's agent
 * creates it (pkg/wireguard/agent/agent.go init: `cilium_wg0`, ListenPort 51871): a layer-3 device
 * (ARPHRD_NONE, `link/none`: no Ethernet header, no MAC, so `mac` is 00:00:00:00:00:00 and tcpdump
 * reads it as LINKTYPE_RAW). What is routed or redirected into it is encrypted for the peer whose
 * AllowedIPs hold the destination and sent as a UDP datagram from `listenPort` to the peer's
 * endpoint; what arrives on that port is decrypted and received on the device. The peers are not
 * part of the lab: Cilium's agent derives them from the cluster's nodes and ipcache, and so does
 * the lab (model/wireguard.ts wgPeers).
 */
export interface WireguardIface extends IfaceBase {
  kind: 'wireguard';
  /** The UDP port of the device's socket (`ListenPort`); Cilium's is 51871 (pkg/wireguard/types ListenPort). */
  listenPort: number;
}
