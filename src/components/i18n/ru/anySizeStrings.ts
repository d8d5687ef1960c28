import { count, plural, type PluralForms } from '../../../core/i18n/plural';
import type { AnySizeStrings } from '../anySizeStrings';

const PORTS_RU: PluralForms = { one: 'порт', few: 'порта', many: 'портов', other: 'порта' };
// The verb agrees with the number too: «21 хост его игнорирует», «3 хоста его игнорируют».
const HOSTS_RU: PluralForms = { one: 'хост его игнорирует', few: 'хоста его игнорируют', many: 'хостов его игнорируют', other: 'хоста его игнорируют' };
const PODS_RU: PluralForms = { one: 'под', few: 'пода', many: 'подов', other: 'пода' };
// «Обзор 21 машины и 150 000 подов»: after «обзор» both stand in the genitive.
const PODS_GEN_RU: PluralForms = { one: 'пода', few: 'подов', many: 'подов', other: 'пода' };
const MACHINES_RU: PluralForms = { one: 'машины', few: 'машин', many: 'машин', other: 'машины' };
const EVENTS_RU: PluralForms = { one: 'событие', few: 'события', many: 'событий', other: 'события' };
/** A number as Russian groups thousands: 150 000. */
const big = (n: number): string => n.toLocaleString('ru-RU');

/** Journeys of any size, in Russian. */
export const anySizeRu: AnySizeStrings = {
  fold: {
    switchOf: (name) => `Коммутатор ${name}`,
    bridgeOf: (name) => `Мост ${name}`,
    flooded: (ports, bridge) => `${bridge} рассылает кадр в ${count('ru', ports, PORTS_RU)}`,
    floodedArp: (ports, bridge) => `${bridge} рассылает ARP-запрос в ${count('ru', ports, PORTS_RU)}`,
    ignored: (n) => `${n} ${plural('ru', n, HOSTS_RU)}: он не для них`,
    answered: (who) => `${String(who).includes(', ') ? 'отвечают' : 'отвечает'} только ${who}`,
    nobody: 'никто не отвечает',
    hidden: (n) => `свёрнуто в одно: ${count('ru', n, EVENTS_RU)}`,
    unfold: 'Развернуть',
    fold: 'Свернуть',
    unfoldLabel: (n) => `Развернуть рассылку: показать ${count('ru', n, EVENTS_RU)} по одному`,
    foldLabel: 'Свернуть рассылку в одно событие',
    steps: (span) => `свёрнуты события ${span}`,
  },
  toc: {
    title: 'Главы',
    show: 'Оглавление',
    marks: '! — глава, где конспект упрощает картину: она начинается с того, что на самом деле делает Linux.',
    current: 'текущая глава',
  },
  future: {
    label: 'Скрыть следующие события',
    help: 'В журнале только события до показанного: студенты могут предсказать следующий хоп, прежде чем вы покажете следующее событие.',
    hidden: (n) => `скрыто следующих событий: ${n}`,
  },
  about: {
    title: 'О стенде',
    intro: 'Стенд ведёт себя как Linux там, где это важно для пути пакета, и каждый сценарий, который может выполнить ядро, сверен с настоящим ядром кадр за кадром (программы eBPF в Cilium и путь данных OVS в Weave Net там не запускаются). Чего в нём нет и что упрощено:',
    items: [
      'нет iptables и nftables, а значит, нет ни сервисов, которые kube-proxy реализует с их помощью, ни маскарадинга (NAT);',
      'только IPv4: нет IPv6 и многоадресных получателей; из оверлейных сетей есть только VXLAN (Flannel, Calico, Cilium, Weave Net), IP-in-IP у Calico и шифрование WireGuard у Cilium (рукопожатие показано, ключи и шифртекст — нет), но не Geneve;',
      'фрагменты собираются так же, как в Linux, но неполный пакет никогда не отбрасывается по истечении времени ожидания (Linux ждёт 30 с);',
      'в стенде из конспекта шлюз подов — 10.10.10.254, а не .1, как по умолчанию выбрал бы плагин IPAM host-local: в конспекте .1 — адрес pod1;',
      'у маршрутизатора в стенде из конспекта выключен send_redirects; в Linux он по умолчанию включён, и тогда ноды получали бы на свой трафик ICMP-перенаправления (см. сценарии с перенаправлениями);',
      'в стенде из конспекта ноды соединены через маршрутизатор, а в реальных кластерах трафик подов маршрутизируют сами ноды: flannel host-gw или Calico с BGP прописывают на них «10.10.11.0/24 via 172.16.100.2», а бэкенд flannel по умолчанию, VXLAN, упаковывает пакеты в UDP с портом назначения 8472 (см. их сценарии);',
      'из TCP показаны только рукопожатие (SYN, SYN-ACK, ACK) или RST, без данных после него;',
      'таймеры ARP фиксированы: reachable_time всегда равен базовому значению 30 с (Linux выбирает его случайно в пределах 15–45 с);',
      'принятое ICMP-перенаправление объясняется, но к следующим пакетам не применяется;',
      'ответ proxy ARP задерживается ровно на половину proxy_delay (в Linux — на случайное время меньше proxy_delay); длины кадров не показываются.',
    ],
    close: 'Закрыть',
  },
  overview: {
    pods: (n) => `${big(n)} ${plural('ru', n, PODS_RU)}`,
    note: (machines, pods) => `Обзор ${big(machines)} ${plural('ru', machines, MACHINES_RU)} и ${big(pods)} ${plural('ru', pods, PODS_GEN_RU)}: приблизьте схему, чтобы увидеть машины целиком. Машины, через которые идёт пакет, раскрыты.`,
  },
  canvas: {
    label: 'Схема — один элемент в порядке перехода по Tab: стрелками можно переходить между машинами и подами, Enter или пробел закрепляет их таблицы.',
  },
};
