import type { BpfAttach, CiliumRouting, WireguardIface } from './topologyCilium';

/**
 * The topology a user edits and the engine runs: plain JSON-serialisable data.
 *
 * A machine (a Kubernetes node, a router, a plain host) owns a root network namespace and any number
 * of pods, each a namespace of its own. Namespace names are unique across the whole topology: a pod
 * is named by its pod name, a root namespace by its machine's name, exactly as `ns` appears in events.
 */
import type { IpipIface } from './ipipIface';

/** IPv4 sysctls of one interface (`net.ipv4.conf.<if>.*`). Missing keys take the namespace's `all`/defaults. */
export interface IfaceSysctls {
  /** `forwarding`: per-interface switch, set for every interface when `ip_forward` is written. */
  forwarding?: boolean;
  /** `send_redirects`; effective value is `all || iface`. Linux default: true. */
  send_redirects?: boolean;
  /** `accept_redirects`; with forwarding on, effective is `all && iface`, otherwise `all || iface`. Linux default: true (false in `all` once forwarding is on). */
  accept_redirects?: boolean;
  /** `secure_redirects`; Linux default true. */
  secure_redirects?: boolean;
  /** `shared_media`; effective is `all || iface`. Linux default: true. */
  shared_media?: boolean;
  /** `proxy_arp`; effective is `all || iface`. Linux default: false. */
  proxy_arp?: boolean;
  /** `rp_filter`: 0 off, 1 strict, 2 loose; effective is `max(all, iface)`. Kernel default: 0. */
  rp_filter?: 0 | 1 | 2;
  /**
   * `neigh.<if>.proxy_delay` in milliseconds: how long a proxy-ARP answer to a broadcast request
   * waits. Linux waits a random time below it (default 800 ms); the simulator waits half of it.
   * Calico sets 0 on its cali* interfaces.
   */
  proxy_delay?: number;
}

/** Namespace-wide sysctls. */
export interface NamespaceSysctls {
  /** `net.ipv4.ip_forward`. Linux default: false. */
  ip_forward?: boolean;
  /** `net.ipv4.ip_default_ttl`. Linux default: 64. */
  ip_default_ttl?: number;
  /** `net.ipv4.conf.all.*`. */
  all?: IfaceSysctls;
}

/** Fields every interface has. */
export interface IfaceBase {
  /** Interface name inside its namespace, e.g. `eth0`, `cni0`, `veth-pod1`. */
  name: string;
  /**
   * MAC address, `aa:bb:cc:dd:ee:ff`: unicast and not all-zero, as Linux demands. Linux lets
   * several interfaces share one (Calico gives every host-side veth `ee:ee:ee:ee:ee:ee`); validation
   * warns about it, and more loudly within one layer-2 segment.
   */
  mac: string;
  /**
   * IPv4 addresses with prefix, e.g. `10.10.10.1/24`. Each adds a connected route, as the kernel
   * does (not for a /32, nor inside 0.0.0.0/8). Allowed on a bridge port, as in Linux, with a warning.
   */
  addresses?: string[];
  /** Name of the bridge this interface is a port of (`ip link set X master BR`). A bridge cannot be a port. */
  master?: string;
  /** Per-interface sysctls. */
  sysctls?: IfaceSysctls;
  /** MTU in bytes. Default 1500. */
  mtu?: number;
  /** An eBPF program at the device's tc ingress hook (Cilium's), which sees every frame the device receives before the stack does. */
  bpf?: BpfAttach;
  /**
   * The Open vSwitch kernel datapath (an `openvswitch` device of the same namespace) this device is
   * a port (vport) of, as `ip link` shows it (`master datapath`): what the device receives goes to
   * that datapath's flow table, not to a bridge or the stack (Weave Net's fastdp, sim/ovs.ts).
   */
  vport?: string;
}

/** One end of a veth pair; `peer` names the other end. Both ends must name each other. */
export interface VethIface extends IfaceBase {
  kind: 'veth';
  /** The other end: its namespace and interface name. */
  peer: { ns: string; iface: string };
}

/** An Ethernet NIC plugged into an L2 segment (a switch, or a shared VM network). */
export interface EtherIface extends IfaceBase {
  kind: 'ether';
  /** Id of the segment this NIC is plugged into. */
  segment: string;
}

/** A Linux bridge device. Ports name it in their `master`. */
export interface BridgeIface extends IfaceBase {
  kind: 'bridge';
}

/**
 * A VXLAN device (`ip link add NAME type vxlan id VNI dstport PORT local IP dev DEV nolearning`):
 * it puts each frame sent through it into a UDP datagram to the remote VTEP its FDB names for the
 * frame's destination MAC, and takes in datagrams to `port` of its VNI as frames received on
 * itself (drivers/net/vxlan/vxlan_core.c: vxlan_xmit, vxlan_rcv). Flannel's `flannel.1` is one.
 */
export interface VxlanIface extends IfaceBase {
  kind: 'vxlan';
  /** VXLAN Network Identifier, 0 to 16777215 (24 bits). Flannel: 1. */
  vni: number;
  /** UDP destination port of the datagrams (`dstport`). Linux's default is 8472, IANA's 4789. */
  port: number;
  /** Outer source address (`local`); absent: the route to the remote VTEP picks it. */
  local?: string;
  /** The underlay device in the same namespace (`dev`), e.g. `eth0`. */
  dev: string;
  /** Whether the device learns remote MACs from what it receives (default false: flannel's `nolearning`). */
  learning?: boolean;
  /**
   * `external` (collect_md, IFLA_VXLAN_COLLECT_METADATA): the device has no VNI or remote of its own;
   * whoever sends through it sets the tunnel key per packet (Cilium's BPF, bpf_skb_set_tunnel_key),
   * and it takes in datagrams of any VNI on its port. `vni` is then 0 and unused. Cilium's `cilium_vxlan`.
   */
  external?: boolean;
}

/**
 * An Open vSwitch kernel datapath (net/openvswitch, `ip -d link` kind `openvswitch`), as Weave Net's
 * fastdp creates it (weaveworks/weave common/odp/odp.go CreateDatapath): not a Linux bridge but a
 * flow table in the kernel, whose ports are the devices naming it in `vport`. A frame with no flow
 * goes up to a user-space process (the weaver router), which installs one (sim/ovs.ts). Its own
 * netdev is the datapath's internal port, which the lab sends nothing through.
 */
export interface OvsDatapathIface extends IfaceBase {
  kind: 'openvswitch';
}

export type { BpfAttach, CiliumRouting, WireguardIface } from './topologyCilium';

/** Any interface. */
export type IfaceSpec = VethIface | EtherIface | BridgeIface | VxlanIface | OvsDatapathIface | IpipIface | WireguardIface;

/** A static route (`ip route add`). Connected routes come from addresses and are not listed here. */
export interface RouteSpec {
  /** Destination prefix (`10.10.11.0/24`) or `default`. */
  dst: string;
  /** Gateway address; absent for a device route. */
  via?: string;
  /** Output device. */
  dev: string;
  /** `onlink`: trust that the gateway is on this link even though no connected route covers it. */
  onlink?: boolean;
  /** Preferred source address. */
  src?: string;
  /** Route metric (lower wins among equal prefixes), 0 to 4294967295. Default 0. */
  metric?: number;
  /**
   * How the route joins the table, as the `ip route` verb: `add` (the default) is refused with
   * "File exists" when the table already has a route of this prefix and metric (the connected
   * route of an address counts); `prepend` puts it before those, so it wins, and `append` after
   * them. Both refuse only an identical route. `replace` takes the place of the first route of this
   * prefix and metric (the connected route of an address too), or is added when there is none; it
   * never fails with "File exists" (NLM_F_REPLACE | NLM_F_CREATE, fib_table_insert). Routes are
   * added in list order, after addresses.
   */
  op?: 'add' | 'prepend' | 'append' | 'replace';
}

/** A pre-set neighbour entry (`ip neigh add ... nud permanent`), e.g. a CNI's static ARP. */
export interface NeighbourSpec {
  ip: string;
  mac: string;
  dev: string;
  state: 'PERMANENT';
}

/**
 * A static entry of a VXLAN device's forwarding database, as `bridge fdb append MAC dev DEV dst IP
 * self permanent` adds it: frames to `mac` sent through `dev` go in a datagram to the VTEP at `dst`.
 * The all-zero MAC is the default entry, used for a destination no other entry names.
 */
export interface FdbSpec {
  /** Destination MAC (unicast, or all-zero for the default entry). */
  mac: string;
  /** The VXLAN device, in the same namespace. */
  dev: string;
  /** The remote VTEP's IPv4 address (the outer destination). */
  dst: string;
}

/** A listening socket, so a UDP datagram or TCP SYN to this port is accepted rather than refused. */
export interface ListenerSpec {
  proto: 'udp' | 'tcp';
  port: number;
}

/** A network namespace: a pod's, or a machine's root namespace. */
export interface NamespaceSpec {
  interfaces: IfaceSpec[];
  routes?: RouteSpec[];
  neighbours?: NeighbourSpec[];
  /** Static FDB entries of the namespace's VXLAN devices, in the order they were added. */
  fdb?: FdbSpec[];
  sysctls?: NamespaceSysctls;
  listeners?: ListenerSpec[];
}

/** A pod: a namespace with a name, living on a machine. */
export interface PodSpec extends NamespaceSpec {
  /** Pod name; also its namespace name in events. Unique in the topology. */
  name: string;
}

/** What a machine is, for drawing and for explanations. */
export type MachineRole = 'node' | 'router' | 'host';

/**
 * What the CNI plugins keep on a node's disk that no device shows: host-local's round-robin
 * cursor, the file `last_reserved_ip.0` in /var/lib/cni/networks/<network>/. A pod's address is
 * its own reservation (the file named by the address); the cursor outlives the pod, so an
 * address just freed is not handed out again at once.
 */
export interface NodeCniState {
  /** The last address host-local reserved, by network name (the lab names a network after its bridge, `cni0`). */
  lastReservedIp?: Record<string, string>;
  /**
   * The node's pod subnet (`node.spec.podCIDR`, given by kube-controller-manager's node IPAM), e.g.
   * `10.244.1.0/24`. Under Flannel it is the node's lease: flanneld writes its first address into
   * /run/flannel/subnet.env, and the first pod's ADD gives it to cni0. Absent: cni0's subnet.
   */
  podCidr?: string;
}

/** A machine: its root namespace plus its pods. */
export interface MachineSpec extends NamespaceSpec {
  /** Machine name; also its root namespace name. Unique in the topology. */
  name: string;
  role: MachineRole;
  pods?: PodSpec[];
  /** The CNI plugins' state on this node (absent: nothing reserved yet, as on a fresh node). */
  cni?: NodeCniState;
  /** Optional drawing position, kept across edits. */
  position?: { x: number; y: number };
}

/** An L2 segment: a learning switch joining `ether` interfaces. */
export interface SegmentSpec {
  id: string;
  /** Optional human label, e.g. `172.16.100.0/24 (VM network)`. */
  label?: string;
}

/**
 * What the Kubernetes control plane and minikube know about a lab that models a cluster, and no
 * device shows: node join times, DaemonSets, the pods that share their node's network
 * (hostNetwork) and the names kubectl prints. The terminal panel answers `kubectl` and `minikube`
 * commands from it and from the lab's own machines and pods. Times are whole seconds since the
 * control-plane node registered.
 */
export interface ClusterSpec {
  /**
   * The tool that made the cluster (`kubernetes`: none the lab knows, an imported cluster), and its
   * profile (the cluster's name). The terminal answers `minikube` commands only for minikube.
   */
  tool: 'minikube' | 'kind' | 'kubernetes';
  profile: string;
  /** As `kubectl get nodes` prints it, e.g. `v1.26.3`. */
  kubernetesVersion: string;
  /** The moment the lab shows, in seconds since the control-plane node registered. */
  now: number;
  /** Every node, by its machine's name; exactly one is the control plane. */
  nodes: ClusterNodeSpec[];
  daemonSets: ClusterDaemonSetSpec[];
  /** Every pod kubectl lists: the lab's pods (by `ns`) and the hostNetwork pods, which have no namespace of their own. */
  pods: ClusterPodSpec[];
}

/** A node of the cluster: a lab machine of role `node`. */
export interface ClusterNodeSpec {
  name: string;
  /** When the node registered (seconds since the control plane did). */
  joinedAt: number;
  controlPlane?: boolean;
  /** The node's kubelet version, when it differs from or is known beyond `kubernetesVersion`. */
  version?: string;
  /**
   * What `kubectl get nodes -o wide` prints beyond the lab (status.addresses ExternalIP,
   * status.nodeInfo): known only when imported from output that showed it; absent prints
   * `<unknown>` (EXTERNAL-IP: `<none>` for minikube's and kind's nodes, which have none).
   */
  externalIp?: string;
  osImage?: string;
  kernelVersion?: string;
  containerRuntime?: string;
}

/** A DaemonSet: one pod on every node it selects. */
export interface ClusterDaemonSetSpec {
  namespace: string;
  name: string;
  /** The `nodeSelector` as kubectl prints it (`kubernetes.io/os=linux`); absent prints `<none>`. */
  nodeSelector?: string;
  createdAt: number;
}

/** A pod as the API server lists it. */
export interface ClusterPodSpec {
  namespace: string;
  name: string;
  /** The node it runs on; empty for a pod not scheduled yet. */
  node: string;
  createdAt: number;
  /** kubectl's STATUS for a pod the lab does not hold (`Pending`, `Completed`, …); absent: Running. */
  status?: string;
  /** The IP kubectl showed for a pod the lab does not hold (absent: `<none>`). */
  ip?: string;
  /** RESTARTS: how many times its containers restarted, and when last (seconds since the control plane registered). */
  restarts?: number;
  lastRestartAt?: number;
  /** The lab pod (network namespace) it is; absent for a hostNetwork pod, which has its node's IP. */
  ns?: string;
  /** The DaemonSet that owns it. */
  daemonSet?: string;
  /** Number of containers, for the READY column (default 1). */
  containers?: number;
}

/**
 * The lab's CNI and datapath mode, as plain data (what its devices and routes were programmed for):
 * `bridge` the bridge plugin with host-local on each node, pods' subnets routed by something
 * outside the nodes (the seed lab's router); `flannel` with its `host-gw` backend (a route to each
 * remote pod subnet via that node's address) or `vxlan` (the `flannel.1` device, one neighbour,
 * one FDB entry and one route per remote node); `calico` (no bridge: each pod on a `cali*` veth,
 * see model/datapathCalico.ts); `cilium` (no bridge: each pod's lxc veth runs Cilium's eBPF, see
 * model/datapathCilium.ts). Other CNIs join this union later.
 */
export type DatapathSpec =
  | { cni: 'bridge' }
  | {
      cni: 'flannel';
      backend: FlannelBackend;
      /** The cluster's pod network, net-conf.json's `Network` (FLANNEL_NETWORK), e.g. `10.244.0.0/16`; absent: the /16 of a node's lease. */
      network?: string;
    }
  | {
      /**
       * Calico (model/datapathCalico.ts): no bridge, each pod on a `cali*` veth with a /32 and the
       * placeholder gateway 169.254.1.1 answered by proxy ARP; each node's /26 blocks of the pool
       * routed by BIRD (`none`), through `vxlan.calico` (VNI 4096, UDP 4789) or by BIRD through `tunl0` (`ipip`).
       */
      cni: 'calico';
      encapsulation: CalicoEncapsulation;
      /** The IP pool's CIDR (`CALICO_IPV4POOL_CIDR`, else kubeadm's podSubnet), e.g. `10.244.0.0/16`; absent: the /16 holding the first node's pods. */
      pool?: string;
    }
  | {
      cni: 'cilium';
      /** `routing-mode`: `tunnel` (cilium_vxlan, Cilium's default) or `native` (the nodes route pod subnets; auto-direct-node-routes). */
      routing: CiliumRouting;
      /**
       * Transparent encryption with WireGuard (`encryption.type=wireguard`, model/wireguard.ts): each
       * node has `cilium_wg0` and pod traffic between nodes leaves as UDP 51871 datagrams; in tunnel
       * mode the VXLAN datagram is what gets encrypted (Cilium ≥ 1.15). Absent: off.
       */
      wireguard?: boolean;
    }
  | {
      /**
       * Weave Net (model/datapathWeave.ts; dormant since 2022-11, shown as history): the bridge
       * `weave` joined to the OVS datapath `datapath` by vethwe-bridge/vethwe-datapath, fastdp's
       * VXLAN vport `vxlan-6784`; every pod on one flat network, 10.32.0.0/12.
       */
      cni: 'weave';
    };

/**
 * How Calico carries pod traffic between nodes: `none` (routes learned over BGP, the pod packet
 * itself on the wire; nodes must share a layer-2 network), `vxlan`, `ipip` (ipipMode Always, the
 * manifest's default: BIRD's routes through `tunl0`, 20 bytes of outer IPv4; model/ipipIface.ts). */
export type CalicoEncapsulation = 'none' | 'vxlan' | 'ipip';

/** Flannel's backends the lab models. */
export type FlannelBackend = 'host-gw' | 'vxlan';

/** A whole topology. */
export interface Topology {
  /** Format version, for files saved by users. */
  version: 1;
  name: string;
  /** Optional bilingual description. */
  description?: { en: string; ru: string };
  machines: MachineSpec[];
  segments: SegmentSpec[];
  /** The Kubernetes cluster this lab models, when it does (the minikube presets, an imported cluster). */
  cluster?: ClusterSpec;
  /** The datapath mode (absent: `{ cni: 'bridge' }`, the seed's). */
  datapath?: DatapathSpec;
}
