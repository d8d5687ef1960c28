import type { CheckCatalog } from '../problems';
import { routeTail } from '../routeWords';

/*
 * English sentences of the editor's design checks (labChecks), and their fixes as short imperative
 * lines. Kept apart from the topology problems: only the editor raises them, and they load with it
 * (registered by model/labChecks.ts), not with the player's first page.
 */

/** One sentence per design check, and each fix, in English. */
export const checksEn: CheckCatalog = {
  problems: {
    'subnet-unrouted': ({ machine, subnet, node }) =>
      `${machine} has no route to ${subnet}, the pods of ${node}: a program on ${machine} sending to them gets "Network is unreachable", and packets passing through are dropped with ICMP network unreachable back to their source`,
    'segment-unrouted': ({ machine, subnet, segment }) =>
      `${machine} has no route to ${subnet}, the machines on segment ${segment}: a program on ${machine} sending to them gets "Network is unreachable", and packets passing through are dropped with ICMP network unreachable back to their source`,
    'pod-unrouted': ({ pod, subnet }) =>
      `${pod} has no route to ${subnet}: a pod reaches everything beyond its own subnet through its node, by a default route via its gateway (the node's bridge address); ` +
      'without one, sending there fails at once with "Network is unreachable"',
    'forwarding-off': ({ machine }) =>
      `${machine} does not forward (ip_forward=0), yet packets must pass through it (it is a router, has pods, or another machine routes through it): ` +
      'Linux drops them silently, without an ICMP error',
    'iface-forwarding-off': ({ machine, iface }) =>
      `${machine} forwards (ip_forward=1), but not what arrives on ${iface} (net.ipv4.conf.${iface}.forwarding=0): ` +
      'Linux decides by the interface a packet comes in on, and drops such packets silently, without an ICMP error',
    'duplicate-ip': ({ address, other }) =>
      `${address} is also the address of ${other}, on the same layer-2 network: an ARP request for it reaches both, and the asker keeps the first answer ` +
      '(Linux ignores a different one for a second, the neighbour table\'s locktime), so packets meant for one may reach the other; ' +
      'and each drops what the other sends, as its source is one of its own addresses (a martian source). Give one of them another address',
    'address-reused': ({ address, other }) =>
      `${address} is also the address of ${other}, on another network: Linux accepts this, but the rest of the lab reaches only the one its routes lead to, ` +
      'and the two never reach each other: each drops what the other sends, as its source is one of its own addresses (a martian source). ' +
      'If that is not deliberate, give one of them another address',
    'address-outside-subnet': ({ address, subnets }) =>
      `${address} lies outside every subnet of its layer-2 network (${subnets}): the hosts there have no route to it through this link, ` +
      'so what they send to it goes to their gateway instead, and no reply ever reaches it. Give it an address in the subnet of its link (a pod\'s comes from its node\'s pod subnet)',
    'pod-subnets-overlap': ({ machine, subnet, other, otherSubnet, free }) =>
      `the pod subnet of ${machine}, ${subnet}, overlaps ${otherSubnet}, the pod subnet of ${other}: host-local IPAM on both nodes hands out addresses in the overlap, ` +
      `and every other machine routes it to one node only, so the other's pods there are never reached. Give each node a pod subnet of its own${free ? `, such as ${free} for ${machine}` : ''}`,
    'gateway-absent': ({ via, dev }) =>
      `no other host on the link of ${dev} has the address ${via}: Linux accepted the route, as the gateway is on-link by its prefix, but nobody answers the ARP request for it, ` +
      'so after three tries (about 3 s) the packets waiting for it are dropped and "host unreachable" goes back to their source. Name as gateway an address a host on this link really has',
    'veth-detached': ({ iface, pod }) =>
      `${iface}, the node's end of the veth pair of ${pod}, is in no bridge and has no address and no route through it: the node still answers ${pod}'s ARP for its gateway ` +
      `there (arp_ignore=0 answers for any local address) and forwards what ${pod} sends, but routes the replies into the bridge, where this interface is not, so they never come back. ` +
      `Make it a port of the node's bridge (ip link set ${iface} master …)`,
    'link-alone': ({ iface, segment }) =>
      `${iface} is the only interface on segment ${segment}: the frames it sends reach nobody, so ARP through it is never answered and packets routed out of it are dropped. ` +
      `Plug another machine into ${segment}, or remove the interface (its Remove button in the inspector)`,
    'route-no-link': ({ dev, dst }) =>
      `the route to ${dst} goes out of ${dev}, a link no other host is on (a bridge without ports): nobody answers its ARP requests, ` +
      `so the packets are dropped with "host unreachable". Route ${dst} through an interface whose link holds its hosts`,
    'vxlan-underlay-mtu': ({ iface, mtu, dev, underlay, fits }) =>
      `${iface} has MTU ${mtu}, but every packet it sends leaves ${dev} 50 bytes longer (outer IPv4 20, UDP 8, VXLAN 8 and the inner Ethernet header 14), and ${dev} carries at most ${underlay}: ` +
      `the largest packets do not fit and are fragmented or dropped. Give ${iface} an MTU of at most ${fits}, as flannel does (underlay MTU − 50)`,
    'calico-gateway-unrouted': ({ node }) =>
      `${node} has no route for 169.254.1.1 out of another interface (no default route): its pods ARP for that gateway, and ${node} answers by proxy ARP only for an address it would route elsewhere, ` +
      `so every pod on ${node} waits for an answer that never comes and its packets are dropped. Give ${node} a default route, as every real node has`,
    'calico-proxy-arp-off': ({ node, iface, pod }) =>
      `proxy_arp is off on ${iface}, the host end of ${pod}: ${node} no longer answers ${pod}'s ARP request for its gateway 169.254.1.1, which no interface owns, so ${pod} cannot send anything. Calico's plugin sets proxy_arp=1 there`,
    'calico-pod-gateway': ({ pod, gw }) =>
      `${pod}'s default route goes via ${gw}, not via 169.254.1.1 as Calico's plugin sets it: its node answers the ARP for ${gw} only if it routes ${gw} out of another interface (proxy ARP), and not at all if ${gw} is behind ${pod}'s own veth`,
    'calico-pod-mtu': ({ pod, iface, mtu, tunnel, limit, overhead }) =>
      `${iface} of ${pod} has MTU ${mtu}, but its packets to pods on other nodes leave through ${tunnel}, whose MTU is ${limit} (the NIC's less the tunnel's ${overhead} bytes): ` +
      `a full-size packet with DF set is dropped by the node, which sends ${pod} an ICMP "fragmentation needed", and one without DF is fragmented. Calico gives pods the tunnel's MTU (veth_mtu "0": detected, ${limit} here)`,
    'pod-mtu-over-overlay': ({ pod, iface, mtu, overlay, limit }) =>
      `${iface} of ${pod} has MTU ${mtu}, but its packets to other nodes leave through ${overlay}, whose MTU is ${limit}: a full-size packet is fragmented by the node, ` +
      `or, when it has DF set, dropped, and an ICMP "fragmentation needed" goes back to ${pod}. Flannel gives pods FLANNEL_MTU, ${limit} here`,
    'vxlan-port-mismatch': ({ iface, port, machine, theirs }) =>
      `${iface} sends its frames to ${machine} in UDP datagrams to port ${port}, but the VXLAN device of ${machine} with this VNI listens on ${theirs}: ` +
      `no socket takes port ${port} there, so ${machine} answers each datagram with ICMP port unreachable and the pods never hear each other. Use one port on every node (Linux's default is 8472)`,
    'vxlan-vni-mismatch': ({ iface, vni, machine, theirs }) =>
      `${iface} sends frames with VNI ${vni} to ${machine}, whose VXLAN devices have VNI ${theirs}: the kernel there finds no device for VNI ${vni} and drops every frame. ` +
      'Give the devices that talk to each other one VNI (flannel uses 1)',
    'weave-underlay-mtu': ({ node, mtu, dev, underlay, fits }) =>
      `Weave Net's MTU on ${node} is ${mtu}, and fastdp wraps each frame in 50 more bytes of VXLAN, but ${dev} carries only ${underlay}: weave sets DF on the outer packet, so a full-size frame is dropped, ` +
      `its heartbeats never arrive and the connection falls back to sleeve, weave's slower user-space encapsulation. Set WEAVE_MTU to at most ${fits} (Weave's default 1376 leaves room on any 1426-byte path)`,
    'weave-port-mismatch': ({ node, iface, port, expected }) =>
      `${iface} on ${node} listens on UDP ${port}, but Weave's peers send fastdp's datagrams to UDP ${expected} (weave's port 6783 + 1): no socket takes them there, so ${node} answers each with ICMP port unreachable, ` +
      `as a firewall dropping UDP ${expected} would leave it; fastdp cannot work between these peers. Open UDP ${expected} (and 6783) between the nodes and keep the vport on ${expected}`,
    'wg-port-mismatch': ({ node, iface, port, expected }) =>
      `${iface} on ${node} listens on UDP ${port}, but Cilium's agents send every WireGuard message to port ${expected}: no socket takes them on ${node}, which answers each with ICMP port unreachable, ` +
      `as a firewall dropping UDP ${expected} between the nodes would leave it. No handshake completes, and no pod traffic crosses to or from ${node}. Keep the device on ${expected} and let UDP ${expected} pass between every pair of nodes`,
    'wg-underlay-mtu': ({ node, iface, mtu, dev, underlay, fits }) =>
      `${iface} on ${node} has MTU ${mtu}, but WireGuard adds up to 80 bytes (outer IP, UDP, its 16-byte header, the 16-byte tag and padding to 16), and ${dev} carries only ${underlay}: ` +
      `a full-size packet's encrypted datagram does not fit and leaves in IP fragments, slower and lost whole when one fragment is. Cilium sets it to the NIC's MTU minus 80: ${fits}`,
    'wg-no-device': ({ node, peers, routing }) =>
      `${node} has no cilium_wg0 in a lab with WireGuard encryption: its agent publishes no public key, so the WireGuard devices of ${peers} list no peer for ${node}. ` +
      (routing === 'native'
        ? `Its pods' packets to and from the other nodes cross unencrypted, on eth0 for anyone on the path to read. `
        : `Each of them still hands every VXLAN datagram for ${node} to its cilium_wg0, which finds no peer with ${node}'s address in its AllowedIPs and drops it (wg-no-peer): no pod elsewhere reaches a pod on ${node}, and none of its pods gets an answer. `) +
      `On a real cluster the agent on ${node} failed to make the device: its log says why (kubectl -n kube-system logs of the cilium pod on ${node}); the kernel needs the wireguard module (Linux 5.6 or later), and the agent must have been restarted after enable-wireguard was set`,
  },
  fix: (f) => {
    switch (f.kind) {
      case 'add-route':
        return `add route ${f.route.dst} ${routeTail(f.route)} on ${f.machine}`;
      case 'change-route':
        return `change route ${f.from.dst} on ${f.machine} to ${routeTail(f.to)}`;
      case 'enable-forwarding':
        return f.iface === undefined ? `turn on ip_forward on ${f.machine}` : `turn on forwarding on ${f.iface} of ${f.machine}`;
      case 'set-address':
        return `change the address of ${f.iface} on ${f.machine} from ${f.from} to ${f.to}`;
      case 'set-mac':
        return `change the MAC of ${f.iface} on ${f.machine} from ${f.from} to ${f.to}`;
      case 'set-master':
        return `make ${f.iface} a port of ${f.master} on ${f.machine}`;
    }
  },
};
