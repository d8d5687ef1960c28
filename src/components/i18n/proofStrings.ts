import type { ProofKind } from '../../core/proof';
import { useAppStore } from '../../store/StoreContext';

/*
 * The texts of "Check it on real Linux" (components/proof), in their own table: they load with that
 * block's commands, when a reader opens it (its title is the page's: `panels.proof` in `STRINGS`).
 * The Russian table has the English one's shape (TypeScript).
 */

export const PROOF_EN = {
  /** Opened at an event whose lab names a peer its node's WireGuard device does not list (core/proof/proofShown.ts). */
  none: 'No command on a real machine shows this step: the event names a WireGuard peer that this node’s list of peers does not have.',
  run: 'Run:',
  shows: 'Its output shows:',
  copy: 'Copy',
  copied: 'Copied',
  /** minikube's node image (kicbase) ships no tcpdump: installed once per node. */
  installTcpdump: 'minikube’s node image has no tcpdump; install it once on that node with',
  /** wg is wireguard-tools' command, which a node image need not ship (the kernel module is what Cilium uses). */
  installWg: 'If the node has no wg command (the package wireguard-tools), install it once with',
  /** A cluster lab's MACs and veth names are the model's: the real cluster has its own. */
  ownValues: 'In your cluster the MAC addresses and veth names are its own (ip -br link on the node lists them); the addresses, routes and states are what to compare.',
  /** Why the output proves the event, per kind of check. */
  why: {
    frame: 'tcpdump prints the frame as it crosses this interface: the MAC addresses, then what it carries.',
    route: 'ip route get asks the kernel’s FIB the same question this event did, and prints the route it picks.',
    neigh: 'The neighbour table (ARP cache) of this interface: the address, its MAC and the entry’s state.',
    fdb: 'The bridge’s forwarding database: which port a MAC address sits behind.',
    'vxlan-fdb': 'The VXLAN device’s FDB entry flanneld programmed: which node’s address a MAC is sent to.',
    forwarding: 'The TTL goes down only on a machine that forwards the packet: forwarding must be on for the interface it came in on, and ip_forward = 1 turns it on for all interfaces.',
    'vxlan-device': 'The VXLAN device with its VNI and the UDP port it sends to and listens on.',
    'rp-filter': 'The reverse-path filter in force on this interface is the higher of the two values (1 strict, 2 loose).',
    'wg-peer': 'wg show lists the WireGuard device’s peers: each remote node’s address and port (endpoint), the addresses whose packets go to it (allowed ips) and, once a handshake has completed, how long ago (latest handshake).',
    'wg-status': 'Cilium’s agent on this node says which encryption it runs, on which device, with its public key and how many peers (one for each other node).',
    'wg-datagram': 'On the wire only UDP datagrams between the nodes’ addresses, port 51871 on both sides: the packet inside is encrypted, and tcpdump cannot read it.',
    'wg-frame': 'On cilium_wg0 tcpdump sees the packet in clear, before encryption or after decryption; the device has no link layer, so there are no MAC addresses to print.',
  } satisfies Record<ProofKind, string>,
  viaHostVeth: (pod: string, node: string, iface: string) =>
    `A pod’s frames are captured on its node: ${iface} on ${node} is the host end of ${pod}’s veth, and carries the same frames (pod images rarely ship tcpdump).`,
  ages: 'On a real machine the entry keeps ageing: it stays REACHABLE for a random 15–45 s (half to one and a half times base_reachable_time, 30 s), then turns STALE.',
};

export const PROOF_RU: typeof PROOF_EN = {
  none: 'Ни одна команда на настоящей машине не покажет этот шаг: событие называет пира WireGuard, которого нет в списке пиров этой ноды.',
  run: 'Команда:',
  shows: 'В её выводе есть:',
  copy: 'Копировать',
  copied: 'Скопировано',
  installTcpdump: 'в образе ноды minikube нет tcpdump; установите его на этой ноде один раз командой',
  installWg: 'Если на ноде нет команды wg (пакет wireguard-tools), установите её один раз командой',
  ownValues: 'В вашем кластере MAC-адреса и имена veth свои (их покажет ip -br link на ноде); сравнивайте адреса, маршруты и состояния.',
  why: {
    frame: 'tcpdump печатает кадр, проходящий через этот интерфейс: MAC-адреса, затем то, что кадр несёт.',
    route: 'ip route get задаёт FIB ядра тот же вопрос, что и это событие, и печатает выбранный маршрут.',
    neigh: 'Таблица соседей (ARP-кэш) этого интерфейса: адрес, его MAC и состояние записи.',
    fdb: 'Таблица пересылки моста (FDB): за каким портом находится MAC-адрес.',
    'vxlan-fdb': 'Запись FDB устройства VXLAN, которую добавил flanneld: на адрес какой ноды отправлять кадры для этого MAC.',
    forwarding: 'TTL уменьшается только на машине, которая пересылает пакет: пересылка должна быть включена на интерфейсе, через который он пришёл, а ip_forward = 1 включает её на всех интерфейсах.',
    'vxlan-device': 'Устройство VXLAN с его VNI и UDP-портом, на который оно отправляет и на котором слушает.',
    'rp-filter': 'На интерфейсе действует большее из двух значений фильтра обратного пути (1 — строгий, 2 — нестрогий).',
    'wg-peer': 'wg show перечисляет пиров устройства WireGuard: адрес и порт каждой другой ноды (endpoint), адреса, пакеты для которых уходят к ней (allowed ips), и, после завершённого рукопожатия, сколько времени прошло с него (latest handshake).',
    'wg-status': 'Агент Cilium на этой ноде сообщает, какое шифрование он использует, на каком устройстве, с каким открытым ключом и сколько у него пиров (по одному на каждую другую ноду).',
    'wg-datagram': 'В сети видны только датаграммы UDP между адресами нод, порт 51871 с обеих сторон: пакет внутри зашифрован, и tcpdump не может его прочитать.',
    'wg-frame': 'На интерфейсе cilium_wg0 tcpdump видит пакет открытым: до шифрования или после расшифровки; у устройства нет канального уровня, поэтому MAC-адресов нет.',
  },
  viaHostVeth: (pod, node, iface) =>
    `Кадры пода захватывают на его ноде: интерфейс ${iface} на машине ${node} — конец veth-пары пода ${pod} на стороне ноды, через него идут те же кадры (в образах подов tcpdump обычно нет).`,
  ages: 'На настоящей машине запись продолжает стареть: она остаётся REACHABLE случайное время от 15 до 45 с (от половины до полутора base_reachable_time, равного 30 с), затем переходит в STALE.',
};

/** The block's texts in the app's current language. */
export function useProofStrings(): typeof PROOF_EN {
  return useAppStore((s) => s.lang) === 'ru' ? PROOF_RU : PROOF_EN;
}
