import type { PackNarration } from '../../narrate/packMessages';

/*
 * English sentences for Cilium's eBPF decisions (sim/bpfCilium.ts, cilium/cilium's bpf/ tree);
 * a part of its datapath pack, loaded with it (i18n/packNarration.ts).
 */

/** Sentences for the `bpf` message. */
export const bpfEventsEn: PackNarration<'bpf'> = {
  bpf: (m) => {
    const who = `Cilium's eBPF program ${m.prog} at ${m.iface}`;
    switch (m.action) {
      case 'arp-reply':
        return {
          short: `eBPF at ${m.iface} answers ${m.pod}'s ARP itself: ${m.tpa} is at ${m.mac} (${m.iface}'s own MAC).`,
          why: `${who} runs at the tc ingress hook of the pod's host-side veth, so it sees every frame ${m.pod} sends before ${m.node}'s own stack does. It turns the request into a reply from ${m.iface}'s MAC and sends it straight back out of ${m.iface} (tail_handle_arp → arp_respond in bpf/lib/arp.h); it answers for any address but the pod's own. ${m.node}'s ARP code never sees the request, so it learns no neighbour entry for ${m.pod}, and there is no bridge on this node.`,
        };
      case 'local-delivery':
        return {
          short: `eBPF at ${m.iface} delivers the packet into ${m.pod} itself: TTL ${m.ttlFrom} → ${m.ttlTo}, no bridge, no host routing.`,
          why: `${who}: ${m.pod} is an endpoint of this node (Cilium's endpoint map). ipv4_local_delivery (bpf/lib/local_delivery.h) decrements the TTL in BPF (ipv4_l3 in bpf/lib/l3.h, which drops a packet whose TTL runs out without any ICMP Time Exceeded) and writes the MACs, then bpf_redirect_peer puts the frame straight into ${m.pod}'s eth0. ${m.node}'s routing table, its neighbour table and any bridge are skipped, and tcpdump on ${m.endpoint} shows nothing.${m.identity !== null ? ` The source's security identity is ${m.identity}.` : ''}`,
        };
      case 'encap':
        return {
          short: `eBPF at ${m.iface}: the ipcache puts the destination behind ${m.remote}; into ${m.dev} with VNI ${m.identity ?? '?'}.`,
          why: `${who}. In tunnel mode the ipcache maps each pod's address to its security identity and its node's address. encap_and_redirect_lxc (bpf/lib/encap.h) sets that node as the packet's tunnel key, with the sending pod's identity (${m.identity ?? '?'}) as the VNI, and redirects it to ${m.dev}. ${m.node} has no route, no neighbour entry and no FDB entry for the remote pod; the TTL is left as it is and will be decremented once, by the receiving node's eBPF.`,
        };
      case 'to-wireguard':
        return {
          short: `eBPF at ${m.iface}'s egress hands the packet to ${m.dev} before it leaves: it must cross to the other node encrypted.`,
          why: `Cilium's cil_to_netdev runs at the tc egress hook of ${m.node}'s NIC, before tcpdump's tap there, so the clear packet never shows on ${m.iface}. wg_maybe_redirect_to_encrypt (bpf/lib/wireguard.h) redirects to ${m.dev} every VXLAN datagram (tunnel mode: the tunnel's traffic is encrypted, so the source identity travels too) and, under native routing, each packet from a pod to a pod of a node that announced a WireGuard key. The host's own traffic stays in the clear unless node-to-node encryption is on.${m.identity !== null ? ` The source's security identity is ${m.identity}.` : ''}`,
        };
      default:
        return m.prog === 'cil_from_container'
          ? {
            short: `eBPF at ${m.iface} leaves the packet to ${m.node}'s own stack.`,
            why: `${who}: there is no tunnel to the destination (native routing, or an address outside the cluster), so the program returns it to the kernel (CTX_ACT_OK), which routes it by its table like any forwarded packet.`,
          }
          : {
            short: `eBPF at ${m.iface} leaves the packet to ${m.node}'s stack: the destination is not on this node.`,
            why: `${who} delivers only to endpoints of its own node; the kernel routes everything else.`,
          };
    }
  },
};
