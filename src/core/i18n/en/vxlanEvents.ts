import type { PackNarration } from '../../narrate/packMessages';
import { summaryEn as sum } from './summary';

/*
 * English sentences for the VXLAN device (sim/vxlan.ts): the frame handed to it, its FDB lookup,
 * encapsulation and decapsulation; a part of its datapath pack, loaded with it (i18n/packNarration.ts).
 */

/** Sentences for the VXLAN messages. */
export const vxlanEventsEn: PackNarration<'vxlan'> = {
  'out-vxlan': (m) => m.keyed === 'ovs' ? {
    short: `${m.ns} sends ${sum(m.f)} through ${m.iface}, with the tunnel key the OVS flow set.`,
    why: `tcpdump on ${m.iface} shows the frame as the pod sent it: its MACs are still the two pods' own and its TTL is unchanged, because nothing routed it. ${m.iface} is fastdp's VXLAN vport (UDP 6784, weave's port 6783 plus 1), a collect_md device: the flow's set(tunnel) action gave this packet its remote node and VNI.`,
  } : m.keyed ? {
    short: `${m.ns} sends ${sum(m.f)} through ${m.iface}, with the tunnel key eBPF set.`,
    why: `tcpdump on ${m.iface} shows the frame as the pod sent it: its MACs are still the pod's and its lxc device's, and its TTL is unchanged. ${m.iface} is a VXLAN device in collect_md (external) mode: it has no VNI, no FDB and no neighbour entries of its own; the remote node and the VNI come with each packet, from the program that redirected it here.`,
  } : ({
    short: `${m.ns} sends ${sum(m.f)} through ${m.iface}, its VXLAN device.`,
    why: `tcpdump on ${m.iface} shows the frame as routing built it: its MACs are ${m.iface}'s own and the remote VTEP's, found in a permanent neighbour entry, so no ARP is sent. The kernel's VXLAN driver, not flanneld, encapsulates it; flanneld only programmed the entries.`,
  }),
  'vxlan-fdb': (m) => m.learn
    ? { short: `${m.dev} learns that ${m.mac} sits behind the VTEP ${m.remote}.`, why: 'Learning is on for this device, so each frame it takes out of a datagram teaches it where its sender is (vxlan_snoop). Flannel turns it off (nolearning) and programs every entry itself.' }
    : m.defaultEntry
      ? { short: `${m.dev}'s FDB has no entry for ${m.mac}: its default entry (00:00:00:00:00:00) sends the frame to the VTEP ${m.remote}.`, why: 'An all-zero entry is where a VXLAN device sends what no other entry names.' }
      : { short: `${m.dev}'s FDB says where ${m.mac} is: behind the VTEP ${m.remote}.`, why: `flanneld added this entry (bridge fdb replace ${m.mac} dev ${m.dev} dst ${m.remote} self permanent: netlink.NeighSet in flannel's device.go) for each remote node; with learning off, the device sends nothing it has no entry for.` },
  'vxlan-encap': (m) => ({
    short: `${m.dev} encapsulates the ${m.innerLen}-byte frame: UDP ${m.local}:${m.sport} → ${m.remote}:${m.port}, VNI ${m.vni}, ${m.outerLen} bytes in all.`,
    why: `The outer IP packet is 50 bytes longer than the inner IP packet (${m.innerLen - 14} bytes): the inner Ethernet header (14) travels inside, and a VXLAN header (8, VNI ${m.vni}), a UDP header (8) and the outer IPv4 header (20) go around it: 14 + 8 + 8 + 20 = 50. ${m.keyed === 'ovs' ? `The VNI packs the two Weave peers' 12-bit short IDs (sender's | receiver's << 12), so the receiving weaver knows who sent it; the remote address came from the flow weaver installed, not from an FDB. Weave's MTU 1376 leaves room for these 50 bytes and more (ESP when encrypted).` : m.keyed ? `The VNI is the sending pod's security identity, which the receiving node's eBPF reads back from the tunnel key; the remote address came from Cilium's ipcache, not from an FDB.` : `That is why ${m.dev}'s MTU is ${m.mtu}: an inner packet of ${m.mtu} bytes makes an outer one of ${m.mtu + 50}, as much as the link carries.`} The outer packet goes out of ${m.underlay} like any packet ${m.ns} sends; ${m.keyed === 'ovs' ? `port ${m.port} is weave's port 6783 plus 1` : `port ${m.port} is Linux's default (IANA's is 4789)`}, and the source port is a hash of the inner flow, so each flow keeps one.`,
  }),
  'vxlan-decap': (m) => ({
    short: `${m.ns} receives the datagram on port ${m.port}: its VXLAN device ${m.dev} (VNI ${m.vni}) unwraps the ${m.innerLen}-byte frame.`,
    why: `The ${m.outerLen}-byte packet from ${m.remote} was for ${m.ns} itself, and the VXLAN driver's UDP socket on port ${m.port} received it (vxlan_rcv). The frame inside now arrives on ${m.dev} as if a cable had brought it, ${m.vport !== '' ? `and goes to ${m.vport}, the Open vSwitch datapath ${m.dev} is a port of, with the tunnel's VNI and source as metadata: ${m.ns} does not route it.` : 'and is routed from there.'}`,
  }),
};
