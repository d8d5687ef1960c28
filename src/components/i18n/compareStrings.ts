import type { DatapathKey } from '../../core/compare/choices';
import type { Lang } from '../../store/types';
import { useInLang } from './useStrings';

/**
 * The compare view's texts (issue 10, point 4): the same packet under two datapath modes side by
 * side, its figures, and applying a mode to the lab. They load with the compare dialog
 * (`useCompareStrings`); the button's own are in `onDemandStrings.ts`.
 */
export const COMPARE_EN = {
  title: (journey: string) => `The same packet under two datapath modes: ${journey}`,
  close: 'Close the comparison',
  mode: 'Datapath mode',
  modes: {
    bridge: 'Routed (bridge plugin, a router between the nodes)',
    'flannel-host-gw': 'Flannel host-gw (routes via the other node)',
    'flannel-vxlan': 'Flannel VXLAN (flannel.1, UDP 8472)',
    calico: 'Calico (no bridge, BGP routes via the other node)',
    'calico-vxlan': 'Calico VXLAN (vxlan.calico, UDP 4789)',
    'calico-ipip': 'Calico IP-in-IP (tunl0, IP protocol 4)',
    'cilium-tunnel': 'Cilium, tunnel (eBPF, cilium_vxlan, UDP 8472)',
    'cilium-native': 'Cilium, native routing (eBPF)',
    weave: 'Weave Net, historical (OVS datapath, vxlan-6784, UDP 6784)',
    'cilium-tunnel-wg': 'Cilium, tunnel + WireGuard (cilium_vxlan inside cilium_wg0, UDP 51871)',
    'cilium-native-wg': 'Cilium, native routing + WireGuard (cilium_wg0, UDP 51871)',
  } satisfies Record<DatapathKey, string>,
  current: '(this lab)',
  refused: 'This lab cannot take this mode:',
  use: 'Use this mode in the lab',
  useHelp: 'Switch the lab to this mode (one undo step); the journey stays the same',
  inUse: 'The lab is in this mode',
  both: 'Both sides',
  playBoth: 'Play both',
  pauseBoth: 'Pause both',
  nextBoth: 'Next event on both',
  resetBoth: 'Back to the start on both',
  figures: 'The first packet, in figures',
  figure: 'Figure',
  rows: {
    hops: 'Routers it crossed (TTL decrements)',
    ttl: 'TTL on arrival',
    devices: 'Devices it crossed',
    frames: 'Frames that carried it',
    source: 'Bytes at the sender (Ethernet 14 + IP)',
    wire: 'Largest frame on a wire',
    overhead: 'Bytes the datapath added',
    encapsulation: 'Encapsulation',
    arp: 'ARP lookups that had to ask',
    time: 'Time to arrive',
    outcome: 'Outcome',
  },
  none: 'none',
  notDelivered: 'not delivered',
  delivered: 'delivered',
  dropped: (reason: string) => `dropped: ${reason}`,
  vxlan: (vni: number, port: number) => `VXLAN, VNI ${vni}, UDP port ${port}`,
  overheadVxlan: (n: number) => `${n} (outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14)`,
  wireguard: (port: number) => `WireGuard, UDP port ${port} (encrypted: only its header is readable)`,
  overheadWireguard: (n: number, wg: number, padding: number, vxlan: boolean) =>
    `${n} (${vxlan ? 'VXLAN 50, then ' : ''}WireGuard ${wg}: outer IPv4 20 + UDP 8 + header 16 + tag 16 + padding ${padding} to a multiple of 16)`,
  ipip: 'IP-in-IP (outer IPv4 header, protocol 4)',
  overheadIpip: (n: number) => `${n} (outer IPv4 header 20, nothing else)`,
  microseconds: (us: string) => `${us} µs (simulated)`,
  noPacket: 'No packet was sent: the journey was refused.',
};

/** The Russian texts; the same shape as {@link COMPARE_EN}. */
export const COMPARE_RU: typeof COMPARE_EN = {
  title: (journey: string) => `Один и тот же пакет в двух режимах пути данных: ${journey}`,
  close: 'Закрыть сравнение',
  mode: 'Режим пути данных',
  modes: {
    bridge: 'Маршрутизация (плагин bridge, маршрутизатор между нодами)',
    'flannel-host-gw': 'Flannel host-gw (маршруты через другую ноду)',
    'flannel-vxlan': 'Flannel VXLAN (flannel.1, UDP 8472)',
    calico: 'Calico (без моста, маршруты BGP через другую ноду)',
    'calico-vxlan': 'Calico VXLAN (vxlan.calico, UDP 4789)',
    'calico-ipip': 'Calico IP-in-IP (туннель tunl0, протокол IP 4)',
    'cilium-tunnel': 'Cilium, туннель (eBPF, cilium_vxlan, UDP 8472)',
    'cilium-native': 'Cilium, маршрутизация без туннеля (eBPF)',
    weave: 'Weave Net, история (путь данных OVS, vxlan-6784, UDP 6784)',
    'cilium-tunnel-wg': 'Cilium, туннель + WireGuard (cilium_vxlan внутри cilium_wg0, UDP 51871)',
    'cilium-native-wg': 'Cilium без туннеля + WireGuard (cilium_wg0, UDP 51871)',
  },
  current: '(этот стенд)',
  refused: 'В этом режиме стенд работать не может:',
  use: 'Включить этот режим на стенде',
  useHelp: 'Переключить стенд в этот режим (одна правка, её можно отменить); путь пакета останется тем же',
  inUse: 'Стенд уже в этом режиме',
  both: 'Обе стороны',
  playBoth: 'Воспроизвести обе',
  pauseBoth: 'Приостановить обе',
  nextBoth: 'Следующее событие на обеих',
  resetBoth: 'В начало на обеих',
  figures: 'Первый пакет в цифрах',
  figure: 'Показатель',
  rows: {
    hops: 'Пройдено маршрутизаторов (уменьшений TTL)',
    ttl: 'TTL у получателя',
    devices: 'Пройденные устройства',
    frames: 'Сколько кадров несли пакет',
    source: 'Байт у отправителя (Ethernet 14 + IP)',
    wire: 'Самый большой кадр на пути',
    overhead: 'Сколько байт добавил путь данных',
    encapsulation: 'Инкапсуляция',
    arp: 'ARP-запросов понадобилось',
    time: 'Время в пути',
    outcome: 'Итог',
  },
  none: 'нет',
  notDelivered: 'не доставлен',
  delivered: 'доставлен',
  dropped: (reason: string) => `отброшен: ${reason}`,
  vxlan: (vni: number, port: number) => `VXLAN, VNI ${vni}, порт UDP ${port}`,
  overheadVxlan: (n: number) => `${n} (внешний IPv4 20 + UDP 8 + VXLAN 8 + внутренний Ethernet 14)`,
  wireguard: (port: number) => `WireGuard, порт UDP ${port} (шифрование: читается только заголовок)`,
  overheadWireguard: (n: number, wg: number, padding: number, vxlan: boolean) =>
    `${n} (${vxlan ? 'VXLAN 50, затем ' : ''}WireGuard ${wg}: внешний IPv4 20 + UDP 8 + заголовок 16 + метка 16 + дополнение ${padding} до кратного 16)`,
  ipip: 'IP-in-IP (внешний заголовок IPv4, протокол 4)',
  overheadIpip: (n: number) => `${n} (только внешний заголовок IPv4, 20)`,
  microseconds: (us: string) => `${us} мкс (модельное время)`,
  noPacket: 'Пакет не отправлен: путь отклонён.',
};

/** The compare view's texts in this app's current language (they load with its chunk; the button's are in `STRINGS`). */
export function useCompareStrings(): typeof COMPARE_EN {
  return useInLang(COMPARE_EN, COMPARE_RU);
}

/** The compare view's texts by language, for a column that shows its own language. */
export const COMPARE: Record<Lang, typeof COMPARE_EN> = { en: COMPARE_EN, ru: COMPARE_RU };
