import type { NarratorCatalog } from '../../narrate/catalog';
import { count, type PluralForms } from '../plural';
import { summaryRu as sum } from './summary';

/** «байт» agrees with its number. */
const BYTES: PluralForms = { one: 'байт', few: 'байта', many: 'байт', other: 'байта' };

/*
 * Русские фразы об устройстве VXLAN (sim/vxlan.ts): кадр, переданный ему, поиск в его FDB,
 * инкапсуляция и декапсуляция; входят в каталог событий.
 */

/** Фразы для сообщений VXLAN. */
export const vxlanEventsRu: Pick<NarratorCatalog['events'], 'out-vxlan' | 'vxlan-fdb' | 'vxlan-encap' | 'vxlan-decap'> = {
  'out-vxlan': (m) => m.keyed ? {
    short: `${m.ns} отправляет ${sum(m.f)} через ${m.iface} с ключом туннеля от программы eBPF.`,
    why: `tcpdump на ${m.iface} показывает кадр таким, каким его отправил под: MAC-адреса в нём всё ещё адреса пода и его устройства lxc, TTL не изменён. ${m.iface} — устройство VXLAN в режиме collect_md: у него нет своего VNI, своей FDB и записей о соседях; удалённую ноду и VNI каждый пакет приносит с собой от программы, которая перенаправила его сюда.`,
  } : ({
    short: `${m.ns} отправляет ${sum(m.f)} через ${m.iface} — своё устройство VXLAN.`,
    why: `tcpdump на ${m.iface} показывает кадр таким, каким его собрала маршрутизация: MAC-адреса в нём — собственный адрес ${m.iface} и адрес удалённого VTEP из постоянной записи в таблице соседей, поэтому ARP не нужен. Инкапсулирует кадр драйвер VXLAN в ядре, а не flanneld: flanneld только внёс записи.`,
  }),
  'vxlan-fdb': (m) => m.learn
    ? { short: `${m.dev} запоминает, что ${m.mac} находится за VTEP ${m.remote}.`, why: 'У этого устройства включено обучение: каждый извлечённый из датаграммы кадр сообщает ему, где отправитель (vxlan_snoop). Flannel обучение выключает (nolearning) и вносит все записи сам.' }
    : m.defaultEntry
      ? { short: `В FDB устройства ${m.dev} нет записи для ${m.mac}: запись по умолчанию (00:00:00:00:00:00) отправляет кадр к VTEP ${m.remote}.`, why: 'Нулевая запись указывает, куда устройство VXLAN отправляет всё, чего не называет ни одна другая запись.' }
      : { short: `FDB устройства ${m.dev} знает, где ${m.mac}: за VTEP ${m.remote}.`, why: `Эту запись внёс flanneld («bridge fdb replace ${m.mac} dev ${m.dev} dst ${m.remote} self permanent»), по одной на каждую удалённую ноду; при выключенном обучении устройство не отправляет ничего, для чего записи нет.` },
  'vxlan-encap': (m) => ({
    short: `${m.dev} инкапсулирует кадр длиной ${count('ru', m.innerLen, BYTES)}: UDP ${m.local}:${m.sport} → ${m.remote}:${m.port}, VNI ${m.vni}, всего ${count('ru', m.outerLen, BYTES)}.`,
    why: `Внешний IP-пакет на 50 байт длиннее внутреннего (${count('ru', m.innerLen - 14, BYTES)}): внутри передаётся Ethernet-заголовок (14), а вокруг добавляются заголовок VXLAN (8, VNI ${m.vni}), заголовок UDP (8) и внешний заголовок IPv4 (20): 14 + 8 + 8 + 20 = 50. ${m.keyed ? 'VNI здесь — идентификатор безопасности пода-отправителя (security identity): программа eBPF на принимающей ноде прочитает его из ключа туннеля; адрес удалённой ноды взят из ipcache Cilium, а не из FDB.' : `Поэтому MTU устройства ${m.dev} равен ${m.mtu}: из внутреннего пакета в ${count('ru', m.mtu, BYTES)} получается внешний в ${count('ru', m.mtu + 50, BYTES)} — столько, сколько пропускает канал.`} Внешний пакет уходит через ${m.underlay}, как любой пакет, который отправляет ${m.ns}; порт ${m.port} — значение Linux по умолчанию (у IANA — 4789), а порт отправителя — хеш внутреннего потока, поэтому у всех пакетов одного потока он один и тот же.`,
  }),
  'vxlan-decap': (m) => ({
    short: `${m.ns} принимает датаграмму на порту ${m.port}: устройство VXLAN ${m.dev} (VNI ${m.vni}) извлекает из неё кадр длиной ${count('ru', m.innerLen, BYTES)}.`,
    why: `Пакет длиной ${count('ru', m.outerLen, BYTES)} от ${m.remote} адресован самому хосту ${m.ns}, и его принял UDP-сокет драйвера VXLAN на порту ${m.port} (vxlan_rcv). Извлечённый кадр теперь приходит на ${m.dev}, будто его принёс кабель, и дальше маршрутизируется обычным образом.`,
  }),
};
