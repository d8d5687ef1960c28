import type { NarratorCatalog } from '../../narrate/catalog';

/*
 * Русские фразы о решениях программ eBPF от Cilium (sim/bpfCilium.ts, каталог bpf/ в
 * cilium/cilium); входят в каталог событий.
 */

/** Фразы для сообщения `bpf`. */
export const bpfEventsRu: Pick<NarratorCatalog['events'], 'bpf'> = {
  bpf: (m) => {
    const who = `Программа eBPF ${m.prog} от Cilium на ${m.iface}`;
    switch (m.action) {
      case 'arp-reply':
        return {
          short: `Программа eBPF на ${m.iface} сама отвечает на ARP пода ${m.pod}: ${m.tpa} — это ${m.mac} (MAC самого ${m.iface}).`,
          why: `${who} стоит на входном хуке tc у хостовой стороны veth пода, поэтому видит каждый кадр от ${m.pod} раньше, чем сетевой стек хоста ${m.node}. Она превращает запрос в ответ с MAC-адресом ${m.iface} и сразу отправляет его обратно через ${m.iface} (tail_handle_arp → arp_respond в «bpf/lib/arp.h»); отвечает она на любой адрес, кроме собственного адреса пода. Код ARP хоста ${m.node} запроса не видит и записи о соседе ${m.pod} не заводит, а моста на этой ноде нет.`,
        };
      case 'local-delivery':
        return {
          short: `Программа eBPF на ${m.iface} сама доставляет пакет в ${m.pod}: TTL ${m.ttlFrom} → ${m.ttlTo}, без моста и маршрутизации хоста.`,
          why: `${who}: ${m.pod} — конечная точка этой ноды (карта конечных точек Cilium). ipv4_local_delivery («bpf/lib/local_delivery.h») уменьшает TTL прямо в BPF (ipv4_l3 в «bpf/lib/l3.h»; пакет с истёкшим TTL она отбрасывает без ICMP Time Exceeded) и записывает MAC-адреса, а bpf_redirect_peer кладёт кадр прямо в eth0 пода ${m.pod}. Таблица маршрутизации хоста ${m.node}, его таблица соседей и мост не участвуют, и tcpdump на ${m.endpoint} ничего не видит.${m.identity !== null ? ` Идентификатор безопасности отправителя — ${m.identity}.` : ''}`,
        };
      case 'encap':
        return {
          short: `Программа eBPF на ${m.iface}: по ipcache адресат за нодой ${m.remote}; кадр уходит в ${m.dev} с VNI ${m.identity ?? '?'}.`,
          why: `${who}. В туннельном режиме ipcache сопоставляет адрес каждого пода с его идентификатором безопасности и адресом его ноды. encap_and_redirect_lxc («bpf/lib/encap.h») записывает эту ноду в ключ туннеля пакета, а идентификатор пода-отправителя (${m.identity ?? '?'}) — в VNI, и перенаправляет пакет на ${m.dev}. У хоста ${m.node} нет ни маршрута, ни записи о соседе, ни записи FDB для удалённого пода; TTL не меняется — его один раз уменьшит программа eBPF на принимающей ноде.`,
        };
      default:
        return m.prog === 'cil_from_container'
          ? {
            short: `Программа eBPF на ${m.iface} оставляет пакет сетевому стеку хоста ${m.node}.`,
            why: `${who}: туннеля к адресату нет (маршрутизация без туннеля или адрес вне кластера), поэтому программа возвращает пакет ядру (CTX_ACT_OK), и оно маршрутизирует его по своей таблице, как любой пересылаемый пакет.`,
          }
          : {
            short: `Программа eBPF на ${m.iface} отдаёт пакет стеку хоста ${m.node}: адресат не на этой ноде.`,
            why: `${who} доставляет пакеты только конечным точкам своей ноды; всё остальное маршрутизирует ядро.`,
          };
    }
  },
};
