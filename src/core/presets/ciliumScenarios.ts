import { setDatapath } from '../model/datapath';
import type { Topology } from '../model/topology';
import { seedNodesOnly } from './datapathScenarios';
import type { Scenario } from './scenarios';

/*
 * The seed lab under Cilium: its two nodes on their one segment without the router, pods keeping
 * their names, addresses and MACs (model/datapathCilium.ts). The kernel lab here runs no eBPF, so
 * these scenarios are not recorded (`unrecorded: 'ebpf'`): what the engine shows on lxc*,
 * cilium_vxlan and eth0 follows cilium/cilium's bpf/ sources (sim/bpfCilium.ts).
 */

/** `seed-cilium`: Cilium in tunnel mode (cilium_vxlan, UDP 8472), eBPF on every pod's lxc device. */
export function seedCilium(): Topology {
  const t = setDatapath(seedNodesOnly(), { cni: 'cilium', routing: 'tunnel' });
  return {
    ...t,
    name: 'seed-cilium',
    description: {
      en: 'The seed\'s two nodes on one segment under Cilium in tunnel mode: no bridge, each pod a /32 behind its lxc device, whose eBPF answers its ARP and forwards its packets; cilium_vxlan (UDP 8472) carries them between nodes.',
      ru: 'Две ноды исходного стенда в одном сегменте под Cilium в туннельном режиме: моста нет, каждый под — адрес /32 за своим устройством lxc, программа eBPF которого отвечает на его ARP и пересылает его пакеты; между нодами их несёт cilium_vxlan (UDP 8472).',
    },
  };
}

/** `seed-cilium-native`: Cilium with native routing: each node routes the other's pod CIDR via its address. */
export function seedCiliumNative(): Topology {
  const t = setDatapath(seedNodesOnly(), { cni: 'cilium', routing: 'native' });
  return {
    ...t,
    name: 'seed-cilium-native',
    description: {
      en: 'The seed\'s two nodes on one segment under Cilium with native routing: no tunnel; each node routes the other\'s pod CIDR via that node\'s address, and eBPF delivers to local pods.',
      ru: 'Две ноды исходного стенда в одном сегменте под Cilium без туннеля: маршрут к подсети подов соседней ноды у каждой идёт через адрес самой соседней ноды, а программа eBPF доставляет пакеты своим подам.',
    },
  };
}

/**
 * `seed-cilium-wireguard`: tunnel mode with transparent encryption (model/wireguard.ts): cilium_wg0
 * on each node; the VXLAN datagram is encrypted into a UDP 51871 datagram before it leaves.
 */
export function seedCiliumWireguard(): Topology {
  const t = setDatapath(seedNodesOnly(), { cni: 'cilium', routing: 'tunnel', wireguard: true });
  return {
    ...t,
    name: 'seed-cilium-wireguard',
    description: {
      en: 'The seed\'s two nodes under Cilium in tunnel mode with WireGuard: each node has cilium_wg0 (UDP 51871, MTU 1420); eBPF at eth0 hands every VXLAN datagram to it, and only an encrypted UDP datagram crosses the segment.',
      ru: 'Две ноды исходного стенда под Cilium в туннельном режиме с WireGuard: у каждой ноды есть устройство cilium_wg0 (UDP 51871, MTU 1420); программа eBPF на интерфейсе eth0 передаёт ему каждую датаграмму VXLAN, и по сегменту идёт только зашифрованная датаграмма UDP.',
    },
  };
}

/** `seed-cilium-native-wireguard`: native routing with WireGuard: the pod's own packet is encrypted. */
export function seedCiliumNativeWireguard(): Topology {
  const t = setDatapath(seedNodesOnly(), { cni: 'cilium', routing: 'native', wireguard: true });
  return {
    ...t,
    name: 'seed-cilium-native-wireguard',
    description: {
      en: 'The seed\'s two nodes under Cilium with native routing and WireGuard: the kernel routes the pod\'s packet towards the other node, eBPF at eth0 hands it to cilium_wg0, whose peer for that node lists the node\'s pods in its AllowedIPs.',
      ru: 'Две ноды исходного стенда под Cilium без туннеля и с WireGuard: ядро направляет пакет пода к соседней ноде, программа eBPF на интерфейсе eth0 передаёт его устройству cilium_wg0, у которого в AllowedIPs пира этой ноды перечислены её поды.',
    },
  };
}

export const CILIUM_SCENARIOS: readonly Scenario[] = [
  {
    id: 'cilium-cold-ping-pod1-pod3',
    title: {
      en: 'Cilium (tunnel): first ping pod1 → pod3: eBPF answers the ARP at the lxc and puts the packet into cilium_vxlan, VNI = pod1\'s identity',
      ru: 'Cilium (туннель): первый ping pod1 → pod3: программа eBPF отвечает на ARP на устройстве lxc и отправляет пакет в cilium_vxlan, VNI — идентификатор pod1',
    },
    topology: seedCilium,
    journey: { from: 'pod1', to: 'pod3' },
    unrecorded: 'ebpf',
  },
  {
    id: 'cilium-cold-ping-pod1-pod2',
    title: {
      en: 'Cilium: first ping pod1 → pod2 on the same node: no bridge, no host routing: eBPF delivers straight into pod2',
      ru: 'Cilium: первый ping pod1 → pod2 на той же ноде: ни моста, ни маршрутизации хоста — программа eBPF доставляет пакет прямо в pod2',
    },
    topology: seedCilium,
    journey: { from: 'pod1', to: 'pod2' },
    unrecorded: 'ebpf',
  },
  {
    id: 'cilium-ttl-1-pod1-pod3',
    title: {
      en: 'Cilium (tunnel): ping -t 1 pod1 → pod3: node2\'s eBPF finds the TTL run out and drops the packet without ICMP Time Exceeded',
      ru: 'Cilium (туннель): ping -t 1 pod1 → pod3: программа eBPF на node2 видит, что TTL истёк, и отбрасывает пакет без ICMP Time Exceeded',
    },
    topology: seedCilium,
    journey: { from: 'pod1', to: 'pod3', ttl: 1 },
    unrecorded: 'ebpf',
  },
  {
    id: 'cilium-native-cold-ping-pod1-pod3',
    title: {
      en: 'Cilium, native routing: first ping pod1 → pod3: the kernel forwards between nodes, eBPF delivers to the pod',
      ru: 'Cilium без туннеля: первый ping pod1 → pod3: между нодами пакет пересылает ядро, в под его доставляет программа eBPF',
    },
    topology: seedCiliumNative,
    journey: { from: 'pod1', to: 'pod3' },
    unrecorded: 'ebpf',
  },
  {
    id: 'cilium-wireguard-cold-ping-pod1-pod3',
    title: {
      en: 'Cilium (tunnel) + WireGuard: first ping pod1 → pod3: a handshake (148 + 92 bytes), then the VXLAN datagram leaves encrypted in UDP 51871',
      ru: 'Cilium (туннель) + WireGuard: первый ping pod1 → pod3: сначала рукопожатие (148 + 92 байта), затем датаграмма VXLAN уходит зашифрованной в UDP 51871',
    },
    topology: seedCiliumWireguard,
    journey: { from: 'pod1', to: 'pod3' },
    unrecorded: 'wireguard',
  },
  {
    id: 'cilium-native-wireguard-cold-ping-pod1-pod3',
    title: {
      en: 'Cilium, native routing + WireGuard: first ping pod1 → pod3: the pod\'s packet waits for the handshake, then crosses encrypted in UDP 51871',
      ru: 'Cilium без туннеля + WireGuard: первый ping pod1 → pod3: пакет пода ждёт рукопожатия, затем идёт между нодами зашифрованным в UDP 51871',
    },
    topology: seedCiliumNativeWireguard,
    journey: { from: 'pod1', to: 'pod3' },
    unrecorded: 'wireguard',
  },
];
