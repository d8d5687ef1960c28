import { count, type PluralForms } from '../../../core/i18n/plural';
import type { PanelStrings } from '../panelStrings';
import { anySizeAppRu } from './anySizeAppStrings';
import { CANVAS_EDIT_RU } from './canvasEditStrings';
import { CNI_RU } from './cniStrings';
import { logRu } from './logStrings';
import { WG_PANEL_RU } from './wgPanelStrings';

/** «байт» agrees with its number (1 байт, 2 байта, 5 байт). */
const BYTES_RU: PluralForms = { one: 'байт', few: 'байта', many: 'байт', other: 'байта' };
const ROUTES_RU: PluralForms = { one: 'маршрут', few: 'маршрута', many: 'маршрутов', other: 'маршрута' };

/** The app's panels in Russian: the shape of the English table (`../panelStrings.ts`), so a missing text is a type error. */
export const panelStringsRu: PanelStrings = {
  canvasEdit: CANVAS_EDIT_RU,
  cni: CNI_RU,
  form: {
    label: 'Путь',
    from: 'Откуда',
    to: 'Куда',
    pods: 'Поды',
    machines: 'Машины',
    ipOption: 'IP-адрес…',
    toIp: 'IP-адрес',
    proto: 'Протокол',
    icmp: 'ICMP ping',
    udp: 'UDP',
    tcp: 'TCP SYN',
    port: 'Порт',
    count: 'Пакетов',
    countHelp: (max) => `Сколько пакетов отправить: от 1 до ${max}`,
    ttl: 'TTL',
    ttlHelp: 'TTL отправляемых пакетов: от 1 до 255',
    clear: 'Очистить кэши',
    clearHelp: 'Начать с пустых ARP-таблиц и таблиц FDB',
    showing: 'Показан последний удачный путь.',
    scenario: 'Сценарий',
    scenarioHelp: 'Сценарий, проверенный на ядре Linux: выбор открывает его стенд и его путь',
    scenarioNone: 'Свой путь',
    size: 'Размер',
    sizeHelp: (max) => `Байт данных в каждом пакете, как ping -s: от 0 до ${max}. Пусто — 56 для ping, 2 для UDP`,
    groups: {
      seed: 'Пути на учебном стенде',
      listen: 'Прослушиваемые порты и TCP-рукопожатие',
      proxyArp: 'Proxy ARP и поды /32 в стиле Calico',
      redirects: 'Перенаправления ICMP',
      arp: 'Сбои ARP и конфликты адресов',
      ttl: 'TTL',
      rpFilter: 'rp_filter',
      loopback: 'Петлевой интерфейс (lo)',
      routing: 'Порядок маршрутов в таблице',
      mtu: 'MTU: пакет не помещается в следующий канал',
      tcpRetries: 'Повторные передачи TCP SYN',
      broadcast: 'Широковещательные пакеты',
      flannel: 'Flannel: VXLAN и host-gw',
      calico: 'Calico: без моста, proxy ARP, маршруты BGP, VXLAN или IP-in-IP',
      cilium: 'Cilium: eBPF, туннель и маршрутизация без туннеля (без записи на ядре)',
      weave: 'Weave Net, история: путь данных OVS и VXLAN (без записи на ядре)',
      cases: 'Случаи из отчётов об ошибках',
      other: 'Другие сценарии',
    },
  },
  panels: {
    explain: 'Это событие',
    level: 'Объяснение',
    levelShort: 'Кратко',
    levelDetailed: 'Подробно',
    packet: 'Пакет',
    tables: 'Таблицы',
    log: 'Журнал событий',
    device: (ns) => `Таблицы ${ns}`,
    pinned: (ns) => `Таблицы ${ns} (закреплены)`,
    unpin: 'Открепить',
    unpinHelp: 'Снова показывать таблицы того места, где происходит событие',
    routes: 'Таблица маршрутизации',
    neigh: 'ARP-таблица (кэш соседей)',
    fdb: (name) => `Мост ${name}: FDB`,
    segFdb: (name) => `Коммутатор ${name}: FDB`,
    empty: 'пусто',
    isNew: 'новая',
    consulted: 'используется',
    changed: 'изменилось здесь',
    noFrame: 'Кадра на проводе ещё нет: пакет пока внутри сетевого пространства имён.',
    fromEvent: (n) => `Кадр события ${n}`,
    vxlanVni: 'VNI (идентификатор сети)',
    inner: 'Внутри: кадр, который он несёт',
    encapBytes: (ip, inner) =>
      `Внешний IP-пакет — ${count('ru', ip, BYTES_RU)}: IPv4 20 + UDP 8 + VXLAN 8 + внутренний Ethernet 14 + внутренний пакет ${inner}. Это на 50 байт больше самого пакета, ` +
      `поэтому MTU VXLAN-устройства на 50 меньше, чем у нижележащего интерфейса (1500 − 50 = 1450)`,
    ...WG_PANEL_RU,
    innerPacket: 'Внутри: пакет IPv4, который он несёт (протокол 4)',
    ipipBytes: (ip, inner) => `Внешний IP-пакет — ${count('ru', ip, BYTES_RU)}: внешний заголовок IPv4 20 + внутренний пакет ${inner}. Это на 20 байт больше, поэтому MTU туннеля tunl0 на 20 меньше, чем у интерфейса eth0 (1500 − 20 = 1480)`,
    outcome: 'Итог',
    correction: 'Конспект и реальный Linux',
    correctionAt: (n) => `Конспект и реальный Linux, глава ${n}`,
    correctionRead: 'Читать целиком',
    correctionClose: 'Закрыть',
    filter: 'Показать',
    noEvents: 'Под фильтр не подходит ни одно событие.',
    local: 'локальная',
    localRoutes: (n) => `Таблица local: ${count('ru', n, ROUTES_RU)} к собственным и широковещательным адресам`,
    // Soft hyphens (\u00ad) let long Russian headers break inside narrow table columns.
    cols: { dst: 'Назна\u00adчение', via: 'Шлюз', dev: 'Устрой\u00adство', proto: 'Кем добав\u00adлен (proto)', ip: 'IP', mac: 'MAC', state: 'Состо\u00adяние', iface: 'Интер\u00adфейс', port: 'Порт' },
  },
  ...logRu,
  anySize: anySizeAppRu,
};
