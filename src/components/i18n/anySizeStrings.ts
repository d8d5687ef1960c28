import { count, plural, type PluralForms } from '../../core/i18n/plural';

/*
 * Strings of "journeys of any size" (issue 8, item 8): folded floods, the table of contents, the
 * log's hidden future and the note on what the lab simplifies. Kept in their own block so that
 * `strings.ts` only names it; `ru` has the shape of `en` (a type error otherwise).
 */

const PORTS_EN: PluralForms = { one: 'port', other: 'ports' };
const PORTS_RU: PluralForms = { one: 'порт', few: 'порта', many: 'портов', other: 'порта' };
const HOSTS_EN: PluralForms = { one: 'host ignores it', other: 'hosts ignore it' };
// The verb agrees with the number too: «21 хост его игнорирует», «3 хоста его игнорируют».
const HOSTS_RU: PluralForms = { one: 'хост его игнорирует', few: 'хоста его игнорируют', many: 'хостов его игнорируют', other: 'хоста его игнорируют' };
const PODS_EN: PluralForms = { one: 'pod', other: 'pods' };
const PODS_RU: PluralForms = { one: 'под', few: 'пода', many: 'подов', other: 'пода' };
// «Обзор 21 машины и 150 000 подов»: after «обзор» both stand in the genitive.
const PODS_GEN_RU: PluralForms = { one: 'пода', few: 'подов', many: 'подов', other: 'пода' };
const MACHINES_EN: PluralForms = { one: 'machine', other: 'machines' };
const MACHINES_RU: PluralForms = { one: 'машины', few: 'машин', many: 'машин', other: 'машины' };
/** A number as its language groups thousands: 150,000 and 150 000. */
const big = (lang: 'en' | 'ru', n: number): string => n.toLocaleString(lang === 'en' ? 'en-US' : 'ru-RU');
const EVENTS_EN: PluralForms = { one: 'event', other: 'events' };
const EVENTS_RU: PluralForms = { one: 'событие', few: 'события', many: 'событий', other: 'события' };

export const anySizeEn = {
  fold: {
    /** Who floods: a segment's switch or a Linux bridge, by name (the subject of `flooded`). */
    switchOf: (name: string) => `The switch ${name}`,
    bridgeOf: (name: string) => `The bridge ${name}`,
    /** `bridge` is the bridge or the segment's switch that floods, as `switchOf`/`bridgeOf` name it. */
    flooded: (ports: number, bridge: string) => `${bridge} floods the frame out of ${count('en', ports, PORTS_EN)}`,
    floodedArp: (ports: number, bridge: string) => `${bridge} floods the ARP request out of ${count('en', ports, PORTS_EN)}`,
    ignored: (n: number) => `${count('en', n, HOSTS_EN)}, as it is not for them`,
    answered: (who: string) => `only ${who} ${String(who).includes(', ') ? 'answer' : 'answers'}`,
    nobody: 'nobody answers',
    /** One folded step counts several events. */
    hidden: (n: number) => `${count('en', n, EVENTS_EN)} folded into one`,
    unfold: 'Unfold',
    fold: 'Fold',
    unfoldLabel: (n: number) => `Unfold the flood: show its ${count('en', n, EVENTS_EN)} one by one`,
    foldLabel: 'Fold the flood into one',
    /** `span` is "27–65": the first and last events a folded step stands for (after "Event 27 of 300"). */
    steps: (span: string) => `${span} folded`,
  },
  toc: {
    title: 'Chapters',
    show: 'Table of contents',
    marks: '! marks a chapter where the course notes simplify: the chapter opens with what Linux really does.',
    current: 'current chapter',
  },
  future: {
    label: 'Hide events to come',
    help: 'The log lists only the events up to the one shown: students can predict the next hop before you step on.',
    hidden: (n: number) => `${count('en', n, EVENTS_EN)} to come are hidden`,
  },
  about: {
    title: 'About this lab',
    intro: 'The lab behaves as Linux does where it matters for the journey, and every scenario a kernel can run is checked frame by frame against a real one (Cilium\'s eBPF and Weave Net\'s OVS datapath cannot run there). It leaves out or simplifies:',
    items: [
      'no iptables or nftables: no kube-proxy Services, no masquerade (NAT);',
      'IPv4 only: no IPv6, no multicast destinations; of the overlays only VXLAN (Flannel, Calico, Cilium, Weave Net), not IP-in-IP, Geneve or WireGuard;',
      'fragments are reassembled as Linux does, but an incomplete packet is never timed out (Linux gives up after 30 s);',
      'in the course lab the pods\' gateway is 10.10.10.254, not .1 as host-local IPAM would choose by default, because the notes give pod1 the address .1;',
      'the course lab\'s router has send_redirects off; Linux\'s default is on, and traffic from the nodes would then get ICMP redirects (see the redirect scenarios);',
      'the course lab joins its nodes through a router; real clusters route pod traffic on the nodes themselves: flannel host-gw or Calico with BGP put "10.10.11.0/24 via 172.16.100.2" there, and flannel\'s default VXLAN backend wraps packets in UDP port 8472 (see their scenarios);',
      'TCP shows the handshake (SYN, SYN-ACK, ACK) or RST, not the data after it;',
      'ARP timers are fixed: reachable_time is its 30 s base (Linux picks 15–45 s at random);',
      'an accepted ICMP redirect is explained but not applied to later packets;',
      'a proxy-ARP answer waits half of proxy_delay (Linux: a random time below it); frame lengths are not shown.',
    ],
    close: 'Close',
  },
  overview: {
    /** A machine's tile in the overview of a large lab: its pod count. */
    pods: (n: number) => `${big('en', n)} ${plural('en', n, PODS_EN)}`,
    /** Under the overview: what it is and how to see more. */
    note: (machines: number, pods: number) =>
      `Overview of ${big('en', machines)} ${plural('en', machines, MACHINES_EN)} and ${big('en', pods)} ${plural('en', pods, PODS_EN)}: zoom in to see the machines in full. The journey's machines are open.`,
  },
  canvas: {
    /** The drawing as one Tab stop: what the arrow keys do inside it. */
    label: 'One Tab stop: the arrow keys move between machines and pods, Enter or Space pins their tables.',
  },
};

export type AnySizeStrings = typeof anySizeEn;

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
      'только IPv4: нет IPv6 и многоадресных получателей; из оверлейных сетей есть только VXLAN (Flannel, Calico, Cilium, Weave Net), но не IP-in-IP, Geneve и WireGuard;',
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
    pods: (n) => `${big('ru', n)} ${plural('ru', n, PODS_RU)}`,
    note: (machines, pods) => `Обзор ${big('ru', machines)} ${plural('ru', machines, MACHINES_RU)} и ${big('ru', pods)} ${plural('ru', pods, PODS_GEN_RU)}: приблизьте схему, чтобы увидеть машины целиком. Машины, через которые идёт пакет, раскрыты.`,
  },
  canvas: {
    label: 'Схема — один элемент в порядке перехода по Tab: стрелками можно переходить между машинами и подами, Enter или пробел закрепляет их таблицы.',
  },
};
